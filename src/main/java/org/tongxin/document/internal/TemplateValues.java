package org.tongxin.document.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values a template is filled with, as plain text: control and invisible formatting characters (bidirectional
 * overrides, zero-width characters) are removed, line breaks kept, blank values count as missing, and ISO dates are
 * written the Chinese way (2025-03-10 → 2025年3月10日).
 */
public final class TemplateValues {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "off", "否", "不", "无");

    private final Map<String, String> values = new HashMap<>();

    public TemplateValues(Map<String, String> raw) {
        if (raw != null) {
            raw.forEach((key, value) -> {
                String clean = clean(value);
                if (key != null && clean != null) {
                    values.put(key, clean);
                }
            });
        }
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value, or null when none was given. */
    public String get(String key) {
        return values.get(key);
    }

    /** True when the value is given and does not say no. */
    public boolean isTrue(String key) {
        String value = values.get(key);
        return value != null && !FALSE.contains(value.toLowerCase(Locale.ROOT));
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (!invisible(cp)) {
                out.appendCodePoint(cp);
            }
        });
        String result = out.toString().strip();
        return result.isEmpty() ? null : chineseDate(result);
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
    }

    private static String chineseDate(String value) {
        try {
            if (ISO_DATE.matcher(value).matches()) {
                LocalDate d = LocalDate.parse(value);
                return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            }
            if (ISO_DATE_TIME.matcher(value).matches()) {
                LocalDateTime t = LocalDateTime.parse(value);
                return t.getYear() + "年" + t.getMonthValue() + "月" + t.getDayOfMonth() + "日" + t.getHour() + "时"
                        + String.format("%02d", t.getMinute()) + "分";
            }
        } catch (DateTimeParseException notADate) {
            // 2025-13-45 is printed as given.
        }
        return value;
    }
}
