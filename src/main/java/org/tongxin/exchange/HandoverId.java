package org.tongxin.exchange;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of a handover. */
public record HandoverId(UUID value) {

    public HandoverId {
        if (value == null) {
            throw new IllegalArgumentException("HandoverId needs a value");
        }
    }

    @JsonCreator
    public static HandoverId of(UUID value) {
        return new HandoverId(value);
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
