package org.tongxin.shared.error;

/**
 * One invalid field of a request: the field's name as the client sent it, a stable code and the arguments of its
 * message (message key {@code validation.<code>}).
 */
public record FieldProblem(String field, String code, Object... args) {
}
