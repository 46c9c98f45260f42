package org.tongxin.coordination;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
