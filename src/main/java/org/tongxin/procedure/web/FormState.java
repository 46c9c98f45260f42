package org.tongxin.procedure.web;

import java.util.List;
import java.util.Map;

/**
 * Which of the many forms of a case page was just refused, and why, field by field: only that form shows the messages
 * (each field's message has an id unique on the page, {@code <form>-<field>-error}). Templates call it as {@code fs}.
 */
public final class FormState {

    static final FormState NONE = new FormState(null, Map.of());

    private final String active;
    private final Map<String, List<String>> errors;

    FormState(String active, Map<String, List<String>> errors) {
        this.active = active;
        this.errors = errors == null ? Map.of() : errors;
    }

    public boolean active(String form) {
        return form != null && form.equals(active);
    }

    public boolean invalid(String form, String field) {
        return active(form) && errors.containsKey(field);
    }

    public List<String> messages(String form, String field) {
        return invalid(form, field) ? errors.get(field) : List.of();
    }

    /** Messages of the form that belong to no field shown (e.g. "members" as a whole). */
    public List<String> messagesFor(String form, String... fields) {
        if (!active(form)) {
            return List.of();
        }
        return java.util.Arrays.stream(fields).filter(errors::containsKey).flatMap(f -> errors.get(f).stream()).toList();
    }

    public String errorId(String form, String field) {
        return form + "-" + field + "-error";
    }

    /** The ids that describe a field: its help (if any) and its message (when it has one). */
    public String describedBy(String form, String field, String helpId) {
        String error = invalid(form, field) ? errorId(form, field) : null;
        if (helpId == null) {
            return error;
        }
        return error == null ? helpId : helpId + " " + error;
    }
}
