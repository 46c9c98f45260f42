package org.tongxin.coordination;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a joint meeting (联席会议). */
public record MeetingId(UUID value) {

    @JsonCreator
    public static MeetingId of(UUID value) {
        return new MeetingId(value);
    }

    public static MeetingId random() {
        return new MeetingId(UUID.randomUUID());
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
