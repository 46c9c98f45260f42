package org.tongxin.casefile;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tongxin.identity.Participation;
import org.tongxin.shared.security.ActorRef;

/**
 * An event that belongs on a case's timeline. Any module's event may implement it; the case file records it once
 * (keyed by {@link #eventId()}), with the message {@code timeline.<kind>} and its arguments, visible to the
 * participations in {@link #audience()}. Never put protected fields into the arguments.
 */
public interface TimelineEntry {

    UUID eventId();

    CaseId caseId();

    Instant occurredAt();

    ActorRef actor();

    String timelineKind();

    default Map<String, String> timelineArgs() {
        return Map.of();
    }

    /**
     * Who may see it: by default every party except assisting departments and social organisations, which see only
     * what their referred task needs (SECURITY.md S8) and get it from events that name them.
     */
    default Set<Participation> audience() {
        return java.util.EnumSet.complementOf(java.util.EnumSet.of(Participation.ASSISTING));
    }
}
