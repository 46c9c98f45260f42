package org.tongxin.supervision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a leave request (请假); also the ledger instance of its leave steps. */
public record LeaveId(UUID value) {

    public LeaveId {
        if (value == null) {
            throw new IllegalArgumentException("LeaveId needs a value");
        }
    }

    @JsonCreator
    public static LeaveId of(UUID value) {
        return new LeaveId(value);
    }

    public static LeaveId random() {
        return new LeaveId(UUID.randomUUID());
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
