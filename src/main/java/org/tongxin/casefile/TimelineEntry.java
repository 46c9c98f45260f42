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
     * The parties that see a case's timeline by default: every participation except those that see only their own
     * part of a case — assisting departments and social organisations (their referred task, doc/security-requirements.md S8), the
     * county judicial bureau (the approvals asked of it), the county agency consulted about a move (until the case
     * moves to it), a former place of execution (what it produced), the detaining organ and the institution holding
     * the subject.
     */
    Set<Participation> CASE_PARTIES =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.complementOf(java.util.EnumSet.of(
                    Participation.ASSISTING,
                    Participation.APPROVING_BUREAU,
                    Participation.RECEIVING_AGENCY,
                    Participation.FORMER_EXECUTING_AGENCY,
                    Participation.FORMER_ASSIGNED_OFFICE,
                    Participation.DETAINING_ORGAN,
                    Participation.CUSTODIAL_INSTITUTION)));

    /** Who may see it: by default {@link #CASE_PARTIES}. */
    default Set<Participation> audience() {
        return CASE_PARTIES;
    }
}
