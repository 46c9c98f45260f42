package org.tongxin.casefile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a case. */
public record CaseId(UUID value) {

    public CaseId {
        if (value == null) {
            throw new IllegalArgumentException("CaseId needs a value");
        }
    }

    @JsonCreator
    public static CaseId of(UUID value) {
        return new CaseId(value);
    }

    @JsonValue
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
