package org.tongxin.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityDocumentType;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.procedure.IntakeRequests.Delivery;
import org.tongxin.procedure.IntakeRequests.Entrustment;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;

/** Brings fresh cases of the City A demo to a given point of the intake, as the demo users would, for step tests. */
@Component
class IntakeFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    final Intake intake;
    final CaseManagement caseManagement;
    final CaseDirectory cases;
    final Handovers handovers;
    final AgencyDirectory agencies;
    final EventQuiescence events;
    final Actors actors;

    IntakeFixture(
            Intake intake,
            CaseManagement caseManagement,
            CaseDirectory cases,
            Handovers handovers,
            AgencyDirectory agencies,
            EventQuiescence events,
            Actors actors) {
        this.intake = intake;
        this.caseManagement = caseManagement;
        this.cases = cases;
        this.handovers = handovers;
        this.agencies = agencies;
        this.events = events;
        this.actors = actors;
    }

    /** An assessment the Chengdong court entrusted to the Chengdong county agency. */
    CaseId entrusted(boolean expedited) {
        CaseId id = actors.call(
                "cd.court.clerk",
                () -> intake.entrust(
                        new Entrustment(subject(), offence(), null, expedited, caseNumber(), "王书记员", List.of())));
        settle();
        return id;
    }

    /** A case the court decided (effective on {@code effective}) without an assessment before it. */
    CaseId decided(CorrectionType type, LocalDate effective, AgencyId institution) {
        CaseId id = actors.call(
                "cd.court.clerk",
                () -> caseManagement.openDecided(new NewDecidedCase(
                        subject(),
                        offence(),
                        new DecisionData(
                                type,
                                caseNumber(),
                                effective.minusDays(3),
                                effective,
                                effective,
                                effective.plusYears(1),
                                null,
                                false,
                                institution))));
        settle();
        return id;
    }

    /** A decided probation case whose legal documents the court delivered. */
    HandoverId delivered(CaseId id) {
        HandoverId bundle = actors.call(
                "cd.court.clerk",
                () -> intake.deliverDocuments(
                        id,
                        new Delivery(
                                List.of(
                                        new NewItem(ItemCode.DECISION_DOCUMENT, "刑事判决书", null),
                                        new NewItem(ItemCode.EXECUTION_NOTICE, null, null)),
                                null)));
        settle();
        return bundle;
    }

    /** Runs a command as the account; the stimulus of a scenario needs a result, so it answers true. */
    Boolean as(String username, Runnable command) {
        actors.run(username, command);
        return Boolean.TRUE;
    }

    int version(HandoverId id, String username) {
        return actors.call(username, () -> handovers.view(id)).version();
    }

    int caseVersion(CaseId id) {
        return cases.version(id);
    }

    AgencyId agency(String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }

    void settle() {
        assertThat(events.awaitAll(Duration.ofSeconds(20)))
                .as("reactions completed")
                .isTrue();
    }

    static String caseNumber() {
        return "（2025）城东刑初" + SEQUENCE.incrementAndGet() + "号";
    }

    static SubjectData subject() {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1985, 1, 1).plusDays(n * 37L);
        String id = IdentityNumbers.compose("369902", birth, n % 900 + 10, Gender.MALE);
        return new SubjectData(
                "测试对象",
                Gender.MALE,
                "01",
                IdentityDocumentType.RESIDENT_ID,
                id,
                birth,
                "13900002222",
                "369902001",
                "城东区东门街道测试路 " + n + " 号",
                null,
                null,
                null,
                null);
    }

    static OffenceData offence() {
        return new OffenceData(OffenceCategory.THEFT, "盗窃财物价值三千元。", LocalDate.of(2025, 5, 1), java.util.List.of("盗窃罪"));
    }
}
