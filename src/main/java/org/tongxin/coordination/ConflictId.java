package org.tongxin.coordination;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a coordination conflict in the register. */
public record ConflictId(UUID value) {

    @JsonCreator
    public static ConflictId of(UUID value) {
        return new ConflictId(value);
    }

    public static ConflictId random() {
        return new ConflictId(UUID.randomUUID());
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
