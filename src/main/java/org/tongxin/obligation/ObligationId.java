package org.tongxin.obligation;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of an obligation. */
public record ObligationId(UUID value) {

    @JsonCreator
    public static ObligationId of(UUID value) {
        return new ObligationId(value);
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
