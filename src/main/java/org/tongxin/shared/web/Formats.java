package org.tongxin.shared.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.shared.time.LegalTime;

/**
 * Dates, times and numbers as the reader's locale writes them, always in China Standard Time: 2026年1月5日 in Chinese,
 * 2026-01-05 in English. Templates call it as {@code ${@fmt.date(x)}}; messages get their date arguments written the
 * same way ({@link #arguments}).
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter ZH_DATE =
            DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter ZH_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
    // English readers get the ISO order, which no reader of either language misreads (5/1 or 1/5?).
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

    public String date(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        return formatter(false).format(normalise(value));
    }

    public String dateTime(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        return formatter(true).format(normalise(value));
    }

    public String number(Number value) {
        if (value == null) {
            return "";
        }
        return java.text.NumberFormat.getInstance(LocaleContextHolder.getLocale())
                .format(value);
    }

    /** ISO date for machine-readable attributes ({@code <time datetime>}) and inputs. */
    public String iso(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        TemporalAccessor normalised = normalise(value);
        return normalised instanceof LocalDateTime ldt ? ldt.withNano(0).toString() : normalised.toString();
    }

    /**
     * A message's arguments with dates and times written for the reader ({@code validation.notWeekend}: "2042年10月8日
     * 不是周六或周日"); other arguments as they are.
     */
    public static Object[] arguments(Object[] args, Locale locale) {
        if (args == null || args.length == 0) {
            return args;
        }
        Object[] written = args.clone();
        for (int i = 0; i < written.length; i++) {
            if (written[i] instanceof java.time.LocalDate d) {
                written[i] = formatter(false, locale).format(d);
            } else if (written[i] instanceof LocalDateTime
                    || written[i] instanceof Instant
                    || written[i] instanceof OffsetDateTime
                    || written[i] instanceof java.time.ZonedDateTime) {
                written[i] = formatter(true, locale).format(normalise((TemporalAccessor) written[i]));
            }
        }
        return written;
    }

    private static DateTimeFormatter formatter(boolean withTime) {
        return formatter(withTime, LocaleContextHolder.getLocale());
    }

    private static DateTimeFormatter formatter(boolean withTime, Locale locale) {
        boolean chinese = locale == null || "zh".equals(locale.getLanguage());
        if (withTime) {
            return chinese ? ZH_DATE_TIME : EN_DATE_TIME;
        }
        return chinese ? ZH_DATE : EN_DATE;
    }

    private static TemporalAccessor normalise(TemporalAccessor value) {
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, LegalTime.ZONE);
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.atZoneSameInstant(LegalTime.ZONE).toLocalDateTime();
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.withZoneSameInstant(LegalTime.ZONE).toLocalDateTime();
        }
        return value;
    }
}
