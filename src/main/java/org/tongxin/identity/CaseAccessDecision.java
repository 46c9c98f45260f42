package org.tongxin.identity;

import java.util.EnumSet;
import java.util.Set;

/** The lawful roles the acting user's agency holds in one case; empty means the case must look absent (404). */
public record CaseAccessDecision(Set<Participation> held) {

    public CaseAccessDecision {
        held = held.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(held));
    }

    public boolean visible() {
        return !held.isEmpty();
    }

    public boolean holds(Participation participation) {
        return held.contains(participation);
    }

    public boolean holdsAny(Set<Participation> participations) {
        return held.stream().anyMatch(participations::contains);
    }
}
