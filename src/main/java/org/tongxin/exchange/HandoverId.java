package org.tongxin.exchange;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

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
