package org.tongxin.assistance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

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
