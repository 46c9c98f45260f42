package org.tongxin.shared.error;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * One invalid field of a request: the field's name as the client sent it, a stable code and the arguments of its
 * message (message key {@code validation.<code>}).
 */
public record FieldProblem(String field, String code, Object... args) {

    /**
     * The message in the reader's language. A form names its own term for a general code: the key
     * {@code validation.<code>.<field>} (list indexes left out, so {@code members[2].name} reads
     * {@code validation.required.members.name}) wins over {@code validation.<code>} — "请输入矫正对象的姓名" rather than
     * "必填". The API and the pages say the same.
     */
    public String message(MessageSource messages, Locale locale) {
        Object[] written = org.tongxin.shared.web.Formats.arguments(args, locale);
        String general = messages.getMessage("validation." + code, written, code, locale);
        return messages.getMessage("validation." + code + "." + plainField(field), written, general, locale);
    }

    /** Whether the form names its own term for this problem ({@code validation.<code>.<field>} exists). */
    public boolean hasOwnWording(MessageSource messages, Locale locale) {
        return messages.getMessage("validation." + code + "." + plainField(field), args, null, locale) != null;
    }

    /** The field's name without list indexes: {@code problems[0].note} → {@code problems.note}. */
    public static String plainField(String field) {
        return field == null ? "" : field.replaceAll("\\[\\d+]", "");
    }
}
