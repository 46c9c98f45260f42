package org.tongxin.shared.error;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that reads, but that Tongxin never accepts (issue 9, item 11): a string holding a NUL character, which no
 * PostgreSQL text can store, or a date no calendar of people holds (before year 1 or after 9999). Raised while the body
 * is read, with the path of the field at fault, and answered as a 400 problem with that field.
 */
public class UnacceptableInputException extends MismatchedInputException {

    /** What is wrong: the problem's code and the field's code. */
    public enum Kind {
        CHARACTER("INVALID_CHARACTER", "character"),
        DATE("DATE_OUT_OF_RANGE", "dateRange");

        private final String problemCode;
        private final String fieldCode;

        Kind(String problemCode, String fieldCode) {
            this.problemCode = problemCode;
            this.fieldCode = fieldCode;
        }

        public String problemCode() {
            return problemCode;
        }

        public String fieldCode() {
            return fieldCode;
        }
    }

    private final Kind kind;

    public UnacceptableInputException(JsonParser parser, Kind kind, Class<?> targetType) {
        super(
                parser,
                kind == Kind.CHARACTER ? "text with a NUL character" : "a date outside the years 1 to 9999",
                targetType);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
