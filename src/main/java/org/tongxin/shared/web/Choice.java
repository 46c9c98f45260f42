package org.tongxin.shared.web;

/**
 * One option of a drop-down list or group of buttons as a page offers it ({@code fragments/fields :: selectField} reads
 * {@code value()} and {@code label()} by default): the value posted, its label in the reader's language, and a key that
 * ties it to an option of another list ({@code data-filter-key}: a receiving agency's type matches the type that provides
 * the chosen service), or null.
 */
public record Choice(String value, String label, String filterKey) {

    public Choice(String value, String label) {
        this(value, label, null);
    }
}
