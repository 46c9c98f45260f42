package org.tongxin.supervision.monitoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a monitoring period; also the instance key of its steps em.approve and em.renew_end. */
public record MonitoringPeriodId(UUID value) {

    public MonitoringPeriodId {
        if (value == null) {
            throw new IllegalArgumentException("MonitoringPeriodId needs a value");
        }
    }

    @JsonCreator
    public static MonitoringPeriodId of(UUID value) {
        return new MonitoringPeriodId(value);
    }

    public static MonitoringPeriodId random() {
        return new MonitoringPeriodId(UUID.randomUUID());
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
