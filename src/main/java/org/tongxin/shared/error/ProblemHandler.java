package org.tongxin.shared.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The single place where exceptions become responses (doc/style.md 13): API callers get a {@link ProblemDetail} with
 * a stable code; page requests are sent to the error page with the same problem. 4xx are logged at info, 5xx at
 * error, and no stack trace ever reaches a response.
 */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemFactory problems;

    ProblemHandler(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(TongxinException.class)
    ResponseEntity<ProblemDetail> tongxin(
            TongxinException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, e.status(), e.code(), e.args(), e.fieldProblems());
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> bind(BindException e, HttpServletRequest request, HttpServletResponse response) {
        List<FieldProblem> fields = new ArrayList<>();
        e.getFieldErrors()
                .forEach(f -> fields.add(
                        new FieldProblem(f.getField(), constraintCode(f.getCode()), constraintArgs(f.getArguments()))));
        e.getGlobalErrors().forEach(g -> fields.add(new FieldProblem("", constraintCode(g.getCode()))));
        return respond(request, response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", new Object[0], fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(
            HandlerMethodValidationException e, HttpServletRequest request, HttpServletResponse response) {
        List<FieldProblem> fields = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors()
                        .forEach(err -> fields.add(new FieldProblem(
                                r.getMethodParameter().getParameterName(),
                                constraintCode(
                                        err.getCodes() == null ? "Invalid" : err.getCodes()[err.getCodes().length - 1]),
                                constraintArgs(err.getArguments())))));
        return respond(request, response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", new Object[0], fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(
            ConstraintViolationException e, HttpServletRequest request, HttpServletResponse response) {
        List<FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
                    String annotation = v.getConstraintDescriptor()
                            .getAnnotation()
                            .annotationType()
                            .getSimpleName();
                    return new FieldProblem(field, constraintCode(annotation));
                })
                .toList();
        return respond(request, response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", new Object[0], fields);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(
            HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
        Throwable cause = e.getCause();
        if (cause instanceof PayloadTooLargeException) {
            return respond(
                    request, response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", new Object[0], List.of());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return respond(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "UNKNOWN_FIELD",
                    new Object[] {unknown.getPropertyName()},
                    List.of(new FieldProblem(unknown.getPropertyName(), "unknown")));
        }
        if (cause instanceof UnacceptableInputException unacceptable) {
            String field = path(unacceptable);
            return respond(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    unacceptable.kind().problemCode(),
                    new Object[] {field},
                    List.of(new FieldProblem(field, unacceptable.kind().fieldCode())));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((MismatchedInputException) cause);
            return respond(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "INVALID_VALUE",
                    new Object[] {field},
                    List.of(new FieldProblem(field, "type")));
        }
        if (cause instanceof JacksonException) {
            return respond(request, response, HttpStatus.BAD_REQUEST, "MALFORMED_JSON", new Object[0], List.of());
        }
        return respond(request, response, HttpStatus.BAD_REQUEST, "UNREADABLE_BODY", new Object[0], List.of());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", new Object[0], List.of());
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class})
    ResponseEntity<ProblemDetail> uploadTooLarge(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", new Object[0], List.of());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.BAD_REQUEST, "UNREADABLE_BODY", new Object[0], List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "INVALID_PARAMETER",
                new Object[] {e.getName()},
                List.of(new FieldProblem(e.getName(), "type")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "MISSING_PARAMETER",
                new Object[] {e.getParameterName()},
                List.of(new FieldProblem(e.getParameterName(), "required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(
            MissingRequestHeaderException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "MISSING_PARAMETER",
                new Object[] {e.getHeaderName()},
                List.of(new FieldProblem(e.getHeaderName(), "required")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpServletRequest request, HttpServletResponse response) {
        return respond(
                request, response, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", new Object[0], List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpServletRequest request, HttpServletResponse response) {
        return respond(
                request,
                response,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                new Object[0],
                List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", new Object[0], List.of());
    }

    /** An address no handler serves: neither a page, an API operation nor a static file (static files have their own folders). */
    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> noResource(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.NOT_FOUND, "NOT_FOUND", new Object[0], List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN", new Object[0], List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.CONFLICT, "STALE_VERSION", new Object[0], List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("Unexpected failure of {} {}", request.getMethod(), ProblemFactory.originalPath(request), e);
        return respond(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", new Object[0], List.of());
    }

    private ResponseEntity<ProblemDetail> respond(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String code,
            Object[] args,
            List<FieldProblem> fields) {
        if (status.is4xxClientError()) {
            log.info(
                    "{} {} refused: {} {}",
                    request.getMethod(),
                    ProblemFactory.originalPath(request),
                    status.value(),
                    code);
        }
        ProblemDetail problem = problems.create(request, status, code, args, fields);
        if (ProblemFactory.isApi(request)) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Cache-Control", "no-store")
                    .body(problem);
        }
        request.setAttribute(ProblemFactory.PROBLEM_ATTRIBUTE, problem);
        try {
            response.sendError(status.value());
        } catch (IOException e) {
            log.debug("Could not send error page", e);
        }
        return null;
    }

    /** The JSON path of the value at fault: {@code subject.name}, {@code items[2].title}. */
    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
    }

    /** Bean Validation annotation names become stable lower-case codes: NotBlank → required, Size → size, … */
    static String constraintCode(String annotation) {
        if (annotation == null) {
            return "invalid";
        }
        return switch (annotation) {
            case "NotBlank", "NotNull", "NotEmpty" -> "required";
            case "Size", "Length" -> "size";
            case "Pattern" -> "pattern";
            case "Email" -> "email";
            case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> "min";
            case "Max", "DecimalMax", "Negative", "NegativeOrZero" -> "max";
            case "Past", "PastOrPresent" -> "past";
            case "Future", "FutureOrPresent" -> "future";
            case "typeMismatch" -> "type";
            default -> Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1);
        };
    }

    private static Object[] constraintArgs(Object[] arguments) {
        if (arguments == null || arguments.length <= 1) {
            return new Object[0];
        }
        // The first argument is the field's own resolvable name; the rest are the constraint's attributes in order.
        Object[] rest = new Object[arguments.length - 1];
        System.arraycopy(arguments, 1, rest, 0, rest.length);
        return rest;
    }
}
