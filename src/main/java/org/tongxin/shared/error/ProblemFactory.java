package org.tongxin.shared.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the one error shape of Tongxin: an RFC 9457 {@link ProblemDetail} with a stable {@code code}, a message in
 * the caller's language and, for invalid input, {@code errors: [{field, code, message}]}.
 */
@Component
public class ProblemFactory {

    public static final String CODE = "code";
    public static final String ERRORS = "errors";
    /** Request attribute carrying the problem of a page request to the error page. */
    public static final String PROBLEM_ATTRIBUTE = ProblemFactory.class.getName() + ".problem";

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    ProblemFactory(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    public ProblemDetail create(
            HttpServletRequest request,
            HttpStatus status,
            String code,
            Object[] args,
            List<FieldProblem> fieldProblems) {
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("status." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage(
                "error." + code,
                org.tongxin.shared.web.Formats.arguments(args, locale),
                messages.getMessage("status." + status.value(), null, status.getReasonPhrase(), locale),
                locale));
        try {
            problem.setInstance(URI.create(originalPath(request)));
        } catch (IllegalArgumentException unusualPath) {
            // A path that is not a valid URI reference (a probe, a typo): the problem simply has no instance.
        }
        problem.setProperty(CODE, code);
        if (!fieldProblems.isEmpty()) {
            problem.setProperty(
                    ERRORS,
                    fieldProblems.stream()
                            .map(p -> {
                                Map<String, Object> error = new LinkedHashMap<>();
                                error.put("field", p.field());
                                error.put("code", p.code());
                                error.put("message", p.message(messages, locale));
                                return error;
                            })
                            .toList());
        }
        return problem;
    }

    /** Writes a problem directly (security filters, the error controller), outside Spring MVC's converters. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        write(response, create(request, status, code, new Object[0], List.of()));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), toMap(problem));
    }

    public static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** API and actuator callers get JSON problems; people get pages. */
    public static boolean isApi(HttpServletRequest request) {
        String path = originalPath(request);
        return path.startsWith("/api/")
                || path.equals("/api")
                || path.startsWith("/actuator")
                || path.startsWith("/v3/api-docs");
    }

    public static String originalPath(HttpServletRequest request) {
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = errorUri != null ? errorUri.toString() : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
