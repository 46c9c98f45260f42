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
 * Dates, times and numbers as the reader's locale writes them, always in China Standard Time. Templates call it as
 * {@code ${@fmt.date(x)}}.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter ZH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

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
        return java.text.NumberFormat.getInstance(LocaleContextHolder.getLocale()).format(value);
    }

    /** ISO date for machine-readable attributes ({@code <time datetime>}) and inputs. */
    public String iso(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        TemporalAccessor normalised = normalise(value);
        return normalised instanceof LocalDateTime ldt ? ldt.withNano(0).toString() : normalised.toString();
    }

    private static DateTimeFormatter formatter(boolean withTime) {
        boolean chinese = "zh".equals(LocaleContextHolder.getLocale().getLanguage());
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
