package org.tongxin.shared.web;

import java.util.List;
import java.util.Locale;

/** The languages Tongxin speaks: Simplified Chinese (the default, whatever the browser sends) and English. */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);
    public static final String COOKIE = "TONGXIN_LANG";
    public static final String PARAMETER = "lang";

    private Languages() {}

    /** zh, zh-CN, zh-Hans… → Chinese; en, en-GB… → English; anything else → null. */
    public static Locale supported(Locale requested) {
        if (requested == null) {
            return null;
        }
        return switch (requested.getLanguage()) {
            case "zh" -> CHINESE;
            case "en" -> ENGLISH;
            default -> null;
        };
    }

    public static Locale parse(String tag) {
        return tag == null || tag.isBlank() ? null : supported(Locale.forLanguageTag(tag.replace('_', '-')));
    }

    public static String tag(Locale locale) {
        return CHINESE.equals(locale) ? "zh-CN" : "en";
    }
}
