package org.tongxin.coordination;

import org.tongxin.shared.error.FieldProblems;

/** Checks of the free texts of meetings and conflicts. */
final class Texts {

    private Texts() {}

    /** The stripped text, or a field problem ({@code required}, {@code minLength}, {@code maxLength}) and null. */
    static String required(FieldProblems problems, String field, String value, int min, int max) {
        String text = strip(value);
        if (text == null) {
            problems.add(field, "required");
        } else if (text.length() < min) {
            problems.add(field, "minLength", min);
        } else if (text.length() > max) {
            problems.add(field, "maxLength", max);
        }
        return text;
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
