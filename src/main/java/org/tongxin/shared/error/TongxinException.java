package org.tongxin.shared.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the user should understand: a stable {@code code} (message key {@code error.<code>}), its arguments,
 * the HTTP status it maps to and, for invalid input, the fields at fault. Business refusals are never 500s.
 */
public class TongxinException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private final List<FieldProblem> fieldProblems;

    public TongxinException(HttpStatus status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public TongxinException(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** The code and the fields at fault with their codes (never the values entered: they may be personal data). */
    @Override
    public String getMessage() {
        if (fieldProblems.isEmpty()) {
            return code;
        }
        return code + " "
                + fieldProblems.stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** 404: the thing does not exist, or the caller has no lawful role in it (doc/security-requirements.md S7). */
    public static TongxinException notFound() {
        return new TongxinException(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    /** 403: a lawful role, but not the right to this action. */
    public static TongxinException forbidden(String code) {
        return new TongxinException(HttpStatus.FORBIDDEN, code);
    }

    /** 409: someone else changed it since the caller read it. */
    public static TongxinException staleVersion() {
        return new TongxinException(HttpStatus.CONFLICT, "STALE_VERSION");
    }

    /** 409: the request conflicts with the current state (a duplicate, a transition from the wrong state). */
    public static TongxinException conflict(String code, Object... args) {
        return new TongxinException(HttpStatus.CONFLICT, code, args);
    }

    /** 422: well-formed, but a business rule refuses it. */
    public static TongxinException rule(String code, Object... args) {
        return new TongxinException(HttpStatus.UNPROCESSABLE_CONTENT, code, args);
    }

    /** 400 with the fields at fault. */
    public static TongxinException invalid(List<FieldProblem> problems) {
        return new TongxinException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", problems);
    }

    /** 400 for a single field. */
    public static TongxinException invalid(String field, String code, Object... args) {
        return invalid(List.of(new FieldProblem(field, code, args)));
    }
}
