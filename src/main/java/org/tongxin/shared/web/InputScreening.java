package org.tongxin.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.shared.error.UnacceptableInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * One mechanism for input no part of Tongxin accepts (issue 9, item 11), applied where a request is read rather than
 * field by field: JSON strings (values and map keys) holding a NUL character, which PostgreSQL cannot store, and dates
 * outside the years 1 to 9999, which overflow date arithmetic and the database's ranges, are refused while the body is
 * read, with the field's path (400, {@code INVALID_CHARACTER} / {@code INVALID_VALUE}). Query and form parameters get
 * the same screening in {@link TextParameterFilter}; dates in query parameters are parsed by the modules that take them.
 */
@Configuration(proxyBeanMethods = false)
public class InputScreening {

    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;
    static final Instant FIRST_INSTANT =
            LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    static final Instant END_INSTANT =
            LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    /** Whether a text may be stored: no NUL character. */
    public static boolean acceptableText(String value) {
        return value == null || value.indexOf('\u0000') < 0;
    }

    /** Whether a date-time value lies in the years 1 to 9999 (other values pass). */
    public static boolean acceptableDate(Object value) {
        if (value instanceof LocalDate d) {
            return d.getYear() >= FIRST_YEAR && d.getYear() <= LAST_YEAR;
        } else if (value instanceof LocalDateTime d) {
            return d.getYear() >= FIRST_YEAR && d.getYear() <= LAST_YEAR;
        } else if (value instanceof YearMonth d) {
            return d.getYear() >= FIRST_YEAR && d.getYear() <= LAST_YEAR;
        } else if (value instanceof Instant i) {
            return !i.isBefore(FIRST_INSTANT) && i.isBefore(END_INSTANT);
        } else if (value instanceof OffsetDateTime d) {
            return acceptableDate(d.toInstant());
        } else if (value instanceof ZonedDateTime d) {
            return acceptableDate(d.toInstant());
        }
        return true;
    }

    @Bean
    JacksonModule inputScreeningModule() {
        SimpleModule module = new SimpleModule("tongxin-input-screening");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return screened(type) ? new Screened(deserializer, type) : deserializer;
            }

            @Override
            public KeyDeserializer modifyKeyDeserializer(
                    DeserializationConfig config, tools.jackson.databind.JavaType type, KeyDeserializer deserializer) {
                if (type.getRawClass() != String.class) {
                    return deserializer;
                }
                return new KeyDeserializer() {
                    @Override
                    public Object deserializeKey(String key, DeserializationContext ctxt) throws JacksonException {
                        if (!acceptableText(key)) {
                            throw new UnacceptableInputException(
                                    ctxt.getParser(), UnacceptableInputException.Kind.CHARACTER, String.class);
                        }
                        return deserializer == null ? key : deserializer.deserializeKey(key, ctxt);
                    }
                };
            }
        });
        return module;
    }

    static boolean screened(Class<?> type) {
        return type == String.class
                || type == LocalDate.class
                || type == LocalDateTime.class
                || type == Instant.class
                || type == OffsetDateTime.class
                || type == ZonedDateTime.class
                || type == YearMonth.class;
    }

    /** Reads with the usual deserializer, then refuses what no field accepts. */
    static final class Screened extends DelegatingDeserializer {

        private final Class<?> type;

        Screened(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Screened(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext ctxt) throws JacksonException {
            return check(parser, super.deserialize(parser, ctxt));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext ctxt, Object intoValue)
                throws JacksonException {
            return check(parser, super.deserialize(parser, ctxt, intoValue));
        }

        private Object check(JsonParser parser, Object value) {
            if (value instanceof String s && !acceptableText(s)) {
                throw new UnacceptableInputException(parser, UnacceptableInputException.Kind.CHARACTER, type);
            }
            if (!acceptableDate(value)) {
                throw new UnacceptableInputException(parser, UnacceptableInputException.Kind.DATE, type);
            }
            return value;
        }
    }
}
