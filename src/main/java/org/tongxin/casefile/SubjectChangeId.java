package org.tongxin.casefile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a proposed change of a subject's record. */
public record SubjectChangeId(UUID value) {

    public SubjectChangeId {
        if (value == null) {
            throw new IllegalArgumentException("SubjectChangeId needs a value");
        }
    }

    @JsonCreator
    public static SubjectChangeId of(UUID value) {
        return new SubjectChangeId(value);
    }

    public static SubjectChangeId random() {
        return new SubjectChangeId(UUID.randomUUID());
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
