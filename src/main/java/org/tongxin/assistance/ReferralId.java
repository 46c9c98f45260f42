package org.tongxin.assistance;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of an assistance referral. */
public record ReferralId(UUID value) {

    @JsonCreator
    public static ReferralId of(UUID value) {
        return new ReferralId(value);
    }

    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID());
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
