package org.tongxin.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.assessment.ArrestStatus;
import org.tongxin.assessment.AssessmentEvents;
import org.tongxin.assessment.ProposalId;
import org.tongxin.assessment.ProposalStatus;
import org.tongxin.assessment.ResponseKind;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

class ProposalTests {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final AgencyId COURT = AgencyId.of(UUID.randomUUID());
    static final AgencyId PRISON = AgencyId.of(UUID.randomUUID());

    static Proposal revocation(boolean arrest) {
        return Proposal.submit(
                ProposalId.random(),
                CaseId.of(UUID.randomUUID()),
                ResponseKind.REVOCATION,
                COURT,
                arrest,
                "X",
                NOW,
                ActorRef.SYSTEM);
    }

    static void refused(Runnable action, String code) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void revocationWithArrestRunsFromRequestToPrison() {
        Proposal p = revocation(true);
        assertThat(p.pullEvents()).singleElement().isInstanceOf(AssessmentEvents.ProposalSubmitted.class);
        p.decideArrest(true, NOW, ActorRef.SYSTEM);
        p.executeArrest(NOW, NOW, ActorRef.SYSTEM);
        assertThat(p.rule(true, LocalDate.of(2026, 3, 20), NOW, ActorRef.SYSTEM))
                .isFalse();
        p.commit(PRISON, NOW, NOW, ActorRef.SYSTEM);
        assertThat(p.status()).isEqualTo(ProposalStatus.COMMITTED);
        assertThat(p.arrest()).isEqualTo(ArrestStatus.EXECUTED);
        assertThat(p.pullEvents()).hasSize(4);
    }

    @Test
    void aRefusalReleasesTheArrestedSubject() {
        Proposal p = revocation(true);
        p.decideArrest(true, NOW, ActorRef.SYSTEM);
        p.executeArrest(NOW, NOW, ActorRef.SYSTEM);
        assertThat(p.rule(false, LocalDate.of(2026, 3, 20), NOW, ActorRef.SYSTEM))
                .isTrue();
        assertThat(p.arrest()).isEqualTo(ArrestStatus.RELEASED);
        refused(() -> p.commit(PRISON, NOW, NOW, ActorRef.SYSTEM), "PROPOSAL_NOT_GRANTED");
    }

    @Test
    void theRulingWaitsForTheArrestDecision() {
        Proposal p = revocation(true);
        refused(() -> p.rule(true, LocalDate.of(2026, 3, 20), NOW, ActorRef.SYSTEM), "ARREST_DECISION_PENDING");
        refused(() -> p.executeArrest(NOW, NOW, ActorRef.SYSTEM), "ARREST_NOT_APPROVED");
        p.decideArrest(false, NOW, ActorRef.SYSTEM);
        refused(() -> p.decideArrest(true, NOW, ActorRef.SYSTEM), "ARREST_ALREADY_DECIDED");
        p.rule(true, LocalDate.of(2026, 3, 20), NOW, ActorRef.SYSTEM);
        refused(() -> p.rule(true, LocalDate.of(2026, 3, 20), NOW, ActorRef.SYSTEM), "PROPOSAL_ALREADY_DECIDED");
    }

    @Test
    void theCustodyLimitReleasesOnlyAnArrestedSubject() {
        Proposal p = revocation(true);
        refused(() -> p.releaseAtCustodyLimit(NOW, ActorRef.SYSTEM), "NOT_ARRESTED");
        p.decideArrest(true, NOW, ActorRef.SYSTEM);
        p.executeArrest(NOW, NOW, ActorRef.SYSTEM);
        refused(() -> p.executeArrest(NOW, NOW, ActorRef.SYSTEM), "ALREADY_ARRESTED");
        p.releaseAtCustodyLimit(NOW, ActorRef.SYSTEM);
        assertThat(p.arrest()).isEqualTo(ArrestStatus.RELEASED);
        assertThat(p.status()).isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void anArrestGoesOnlyWithARevocationAndNoArrestCannotBeDecided() {
        refused(
                () -> Proposal.submit(
                        ProposalId.random(),
                        CaseId.of(UUID.randomUUID()),
                        ResponseKind.POLICE_PENALTY,
                        COURT,
                        true,
                        "X",
                        NOW,
                        ActorRef.SYSTEM),
                "ARREST_ONLY_WITH_REVOCATION");
        Proposal p = revocation(false);
        refused(() -> p.decideArrest(true, NOW, ActorRef.SYSTEM), "NO_ARREST_REQUESTED");
        Proposal penalty = Proposal.submit(
                ProposalId.random(),
                CaseId.of(UUID.randomUUID()),
                ResponseKind.POLICE_PENALTY,
                COURT,
                false,
                "X",
                NOW,
                ActorRef.SYSTEM);
        penalty.rule(true, LocalDate.of(2026, 3, 20), NOW, ActorRef.SYSTEM);
        refused(() -> penalty.commit(PRISON, NOW, NOW, ActorRef.SYSTEM), "NOTHING_TO_COMMIT");
    }
}
