package org.tongxin.document.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of one template line: {@code ${key}} (the value, or a blank line to fill in by hand),
 * {@code ${key|text}} (the value, or {@code text}) and {@code ${key?yes:no}} ({@code yes} when the value is given and
 * does not say no). One pass over the template: a value is never read as a placeholder.
 */
public final class TemplateText {

    /** What a missing value prints as: a visible line to write on. */
    public static final String BLANK = "________";

    static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)(?:\\|([^}]*)|\\?([^:}]*):([^}]*))?}");

    private TemplateText() {}

    /** The keys a template line names. */
    public static Set<String> keys(String template) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** True when every key the line names has a value. */
    public static boolean complete(String template, TemplateValues values) {
        return keys(template).stream().allMatch(values::has);
    }

    public static String fill(String template, TemplateValues values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String replacement;
            if (m.group(3) != null) {
                replacement = values.isTrue(key) ? m.group(3) : m.group(4);
            } else if (values.has(key)) {
                replacement = values.get(key);
            } else {
                replacement = m.group(2) != null ? m.group(2) : BLANK;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
