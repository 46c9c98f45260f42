package org.tongxin.obligation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

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
