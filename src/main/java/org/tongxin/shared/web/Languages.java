package org.tongxin.shared.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

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

    /** Whether the reader reads English; any other language, or none, reads Chinese (the default). */
    public static boolean english(@Nullable Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /**
     * The one of a bilingual data field (an agency's, a step's, a holiday's name) that the reader's language asks for:
     * the English for English, else the Chinese. Fixed labels never come this way: they are in the message bundles.
     */
    public static @Nullable String pick(@Nullable Locale locale, @Nullable String zh, @Nullable String en) {
        return english(locale) ? en : zh;
    }

    /** As {@link #pick}, but the Chinese where no English is kept (null or blank). */
    public static @Nullable String pickOrChinese(@Nullable Locale locale, @Nullable String zh, @Nullable String en) {
        return english(locale) && en != null && !en.isBlank() ? en : zh;
    }

    public static String tag(Locale locale) {
        return CHINESE.equals(locale) ? "zh-CN" : "en";
    }
}
