package org.tongxin.shared.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What every aggregate shares: the events its transitions register, handed over once to the façade that saved it
 * (doc/adr/0047-conflict-and-referral-aggregates.md). A transition registers its event after its guard has passed, so
 * a refused transition leaves nothing to publish.
 */
public abstract class AggregateRoot {

    private final List<Object> events = new ArrayList<>();

    /** Registers an event of this aggregate's transition, to be published when the façade has saved it. */
    protected final void register(Object event) {
        events.add(event);
    }

    /** The events registered since the last call, in order; the aggregate forgets them. */
    public final List<Object> pullEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
    }
}
