package org.tongxin.assessment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a periodic assessment (定期考核) of a case. */
public record PeriodicAssessmentId(UUID value) {

    @JsonCreator
    public static PeriodicAssessmentId of(UUID value) {
        return new PeriodicAssessmentId(value);
    }

    public static PeriodicAssessmentId random() {
        return new PeriodicAssessmentId(UUID.randomUUID());
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
