package org.tongxin.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of an agency. */
public record AgencyId(UUID value) {

    public AgencyId {
        if (value == null) {
            throw new IllegalArgumentException("AgencyId needs a value");
        }
    }

    @JsonCreator
    public static AgencyId of(UUID value) {
        return new AgencyId(value);
    }

    public static AgencyId of(String value) {
        return new AgencyId(UUID.fromString(value));
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
