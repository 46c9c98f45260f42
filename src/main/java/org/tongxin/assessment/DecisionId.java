package org.tongxin.assessment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a reward or sanction decision. */
public record DecisionId(UUID value) {

    @JsonCreator
    public static DecisionId of(UUID value) {
        return new DecisionId(value);
    }

    public static DecisionId random() {
        return new DecisionId(UUID.randomUUID());
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
