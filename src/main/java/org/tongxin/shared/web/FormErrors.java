package org.tongxin.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one error model of every form page: which form was refused ({@code null} on a page with one form; a key such as
 * {@code team} or {@code reject-<handover>} on a page with several), the messages of each field in the reader's
 * language, and what belongs to no field. The field fragments ({@code fragments/fields}) mark a field invalid, show its
 * messages and point {@code aria-describedby} at them; the layout shows the error summary (有错误 / There is a problem)
 * with one link per message to its field. Templates find it as {@code formErrors}.
 *
 * <p>Ids are the contract between the fragments and the summary: a field's id is its name, prefixed with the form's key
 * and a hyphen on a page of several forms ({@code team-members[0].name}); its message's id adds {@code -error}, its
 * hint's {@code -hint}.
 */
public final class FormErrors {

    /** The model attribute. */
    public static final String ATTRIBUTE = "formErrors";

    /** Nothing refused. */
    public static final FormErrors NONE = new FormErrors(null, Map.of(), List.of());

    /**
     * One line of the error summary: the id of the field it links to (null: no field), its field and message, and
     * whether the message is a general one ("必填") that the summary should precede with the field's label.
     */
    public record Problem(String target, String field, String message, boolean general) {}

    private final String form;
    private final Map<String, List<String>> fields;
    private final List<String> general;
    private final Set<String> generalWording;
    private final Map<String, String> submitted;

    public FormErrors(String form, Map<String, List<String>> fields, List<String> general) {
        this(form, fields, general, Set.of(), Map.of());
    }

    /** {@code generalWording}: the fields whose messages are a code's general words, not the form's own term. */
    /**
     * {@code generalWording}: the fields whose messages are a code's general words, not the form's own term;
     * {@code submitted}: what the refused form posted (first value per name, never a password), shown again.
     */
    public FormErrors(
            String form,
            Map<String, List<String>> fields,
            List<String> general,
            Set<String> generalWording,
            Map<String, String> submitted) {
        this.form = form;
        this.fields = fields == null ? Map.of() : copy(fields);
        this.general = general == null ? List.of() : List.copyOf(general);
        this.generalWording = generalWording == null ? Set.of() : Set.copyOf(generalWording);
        this.submitted = submitted == null ? Map.of() : Map.copyOf(submitted);
    }

    /**
     * What the refused form posted under this name, so the page shows it again ({@code value=${formErrors?.value('decline',
     * 'reason')}}); null for another form or a page not refused. For pages whose form object is not bound again.
     */
    public String value(String formKey, String name) {
        return active(formKey) ? submitted.get(name) : null;
    }

    /** As {@link #value(String, String)}, or {@code otherwise} when the form was not refused. */
    public Object valueOr(String formKey, String name, Object otherwise) {
        return active(formKey) ? submitted.get(name) : otherwise;
    }

    /** The key of the refused form, null when the page has one form. */
    public String form() {
        return form;
    }

    public boolean any() {
        return !fields.isEmpty() || !general.isEmpty();
    }

    /** Whether this form is the one refused (null and null match: the page's only form). */
    public boolean active(String formKey) {
        return any() && Objects.equals(form, formKey);
    }

    public boolean invalid(String formKey, String field) {
        return active(formKey) && fields.containsKey(field);
    }

    /** Whether any of these fields of the form has a message (a row, a group of radio buttons). */
    public boolean invalidAny(String formKey, String... names) {
        return active(formKey) && Arrays.stream(names).anyMatch(fields::containsKey);
    }

    /** As {@link #invalidAny}, for templates that hold the names in a list. */
    public boolean invalidOf(String formKey, java.util.Collection<String> names) {
        return active(formKey) && names.stream().anyMatch(fields::containsKey);
    }

    public List<String> messages(String formKey, String field) {
        return invalid(formKey, field) ? fields.get(field) : List.of();
    }

    /** The messages of several fields shown in one place (a select that stands for a problem's kind, code and item). */
    public List<String> messagesFor(String formKey, String... names) {
        if (!active(formKey)) {
            return List.of();
        }
        return Arrays.stream(names)
                .filter(fields::containsKey)
                .flatMap(f -> fields.get(f).stream())
                .toList();
    }

    /** As {@link #messagesFor}, for templates that hold the names in a list. */
    public List<String> messagesOf(String formKey, java.util.Collection<String> names) {
        return messagesFor(formKey, names.toArray(String[]::new));
    }

    /** The messages that belong to no field. */
    public List<String> general() {
        return general;
    }

    /** Every field with a message, in the order the checks found them. */
    public Map<String, List<String>> fields() {
        return fields;
    }

    /** The id of a field's control: its name, after the form's key on a page of several forms. */
    public static String id(String formKey, String field) {
        return formKey == null || formKey.isEmpty() ? field : formKey + "-" + field;
    }

    public static String errorId(String formKey, String field) {
        return id(formKey, field) + "-error";
    }

    /** The ids that describe a field: its hint (if any) and its message (when it has one); null when neither. */
    public String describedBy(String formKey, String field, String hintId) {
        String error = invalid(formKey, field) ? errorId(formKey, field) : null;
        if (hintId == null || hintId.isEmpty()) {
            return error;
        }
        return error == null ? hintId : hintId + " " + error;
    }

    /** The summary's lines: the general messages first, then one per field message, each linking to its field. */
    public List<Problem> summary() {
        List<Problem> lines = new ArrayList<>();
        general.forEach(m -> lines.add(new Problem(null, null, m, false)));
        fields.forEach((field, messages) -> messages.forEach(
                m -> lines.add(new Problem(id(form, field), field, m, generalWording.contains(field)))));
        return lines;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
