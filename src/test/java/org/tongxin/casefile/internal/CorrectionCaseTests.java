package org.tongxin.casefile.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseEvents;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The case's state machine without a database: every legal transition with the event it records, and every illegal
 * one refused with a 4xx code (409 for the wrong state, 422 for a rule) leaving the case exactly as it was.
 */
class CorrectionCaseTests {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final ActorRef CLERK = new ActorRef(UUID.randomUUID(), "书记员", UUID.randomUUID());
    static final AgencyId COURT = AgencyId.of(UUID.randomUUID());
    static final AgencyId COUNTY = AgencyId.of(UUID.randomUUID());
    static final AgencyId OFFICE = AgencyId.of(UUID.randomUUID());
    static final AgencyId PROCURATORATE = AgencyId.of(UUID.randomUUID());
    static final AgencyId POLICE = AgencyId.of(UUID.randomUUID());

    static CorrectionCase assessing() {
        CorrectionCase c = CorrectionCase.assessing(CaseId.of(UUID.randomUUID()), UUID.randomUUID(), COURT, COUNTY, false,
                "（2026）赣0102刑初1号", "369900", NOW, CLERK);
        c.pullEvents();
        return c;
    }

    static void decide(CorrectionCase c) {
        c.decide(CorrectionType.PROBATION, "（2026）赣0102刑初2号", LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 20),
                LocalDate.of(2026, 2, 20), LocalDate.of(2028, 2, 19), COUNTY, PROCURATORATE, POLICE, null, false, "369900", NOW,
                CLERK);
    }

    static CorrectionCase intake() {
        CorrectionCase c = assessing();
        decide(c);
        c.pullEvents();
        return c;
    }

    static CorrectionCase ready() {
        CorrectionCase c = intake();
        c.documents(DocumentsState.RECEIPTED, NOW, ActorRef.SYSTEM);
        c.arrived(false, NOW, NOW, CLERK);
        c.pullEvents();
        return c;
    }

    static CorrectionCase underCorrection() {
        CorrectionCase c = ready();
        c.register(NOW, CLERK);
        c.pullEvents();
        return c;
    }

    static CorrectionCase withdrawn() {
        CorrectionCase c = assessing();
        c.withdraw(NOW, CLERK);
        c.pullEvents();
        return c;
    }

    static CaseFacts facts(CorrectionCase c) {
        return c.facts(null);
    }

    @Test
    void aCaseOpenedForAnAssessmentIsAssessingAndSaysWhoWasEntrusted() {
        CorrectionCase c = CorrectionCase.assessing(CaseId.of(UUID.randomUUID()), UUID.randomUUID(), COURT, COUNTY, true, null,
                "369900", NOW, CLERK);
        assertThat(facts(c).status()).isEqualTo(CaseStatus.ASSESSING);
        assertThat(c.pullEvents()).singleElement().isInstanceOfSatisfying(CaseEvents.AssessmentEntrusted.class, e -> {
            assertThat(e.assessingAgencyId()).isEqualTo(COUNTY);
            assertThat(e.entrustingOrganId()).isEqualTo(COURT);
            assertThat(e.expedited()).isTrue();
        });
        assertThat(c.pullEvents()).as("events are handed out once").isEmpty();
    }

    @Test
    void decidingMovesAnAssessedCaseIntoIntakeAtThePlaceOfExecution() {
        CorrectionCase c = assessing();
        decide(c);
        CaseFacts f = facts(c);
        assertThat(f.status()).isEqualTo(CaseStatus.INTAKE);
        assertThat(f.countyAgencyId()).isEqualTo(COUNTY);
        assertThat(f.procuratorateId()).isEqualTo(PROCURATORATE);
        assertThat(f.documentsState()).isEqualTo(DocumentsState.AWAITED);
        assertThat(f.arrivalState()).isEqualTo(ArrivalState.AWAITED);
        assertThat(c.pullEvents()).singleElement().isInstanceOfSatisfying(CaseEvents.CaseDecided.class, e -> {
            assertThat(e.effectiveDate()).isEqualTo(LocalDate.of(2026, 2, 20));
            assertThat(e.decisionOrganId()).isEqualTo(COURT);
        });
    }

    @Test
    void aCaseDecidedWithoutAssessmentStartsAssessingUntilItsDecisionIsRecorded() {
        CorrectionCase c = CorrectionCase.decided(CaseId.of(UUID.randomUUID()), UUID.randomUUID(), COURT, NOW, CLERK);
        assertThat(c.pullEvents()).isEmpty();
        decide(c);
        assertThat(facts(c).status()).isEqualTo(CaseStatus.INTAKE);
        assertThat(c.pullEvents()).hasOnlyElementsOfType(CaseEvents.CaseDecided.class).hasSize(1);
    }

    @Test
    void withdrawingEndsAnAssessmentWithoutCorrection() {
        CorrectionCase c = assessing();
        c.withdraw(NOW, CLERK);
        assertThat(facts(c).status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(facts(c).status().open()).isFalse();
        assertThat(c.pullEvents()).singleElement().isInstanceOf(CaseEvents.CaseWithdrawn.class);
    }

    @Test
    void theSubjectMayArriveBeforeTheDocumentsAndRegistrationNeedsBoth() {
        CorrectionCase c = intake();
        c.arrived(false, NOW, NOW, CLERK);
        assertThat(facts(c).arrivalState()).isEqualTo(ArrivalState.REPORTED);
        assertThatThrownBy(() -> c.register(NOW, CLERK)).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(422);
            assertThat(e.code()).isEqualTo("REGISTER_NEEDS_DOCUMENTS");
        });
        c.documents(DocumentsState.DELIVERED, NOW, ActorRef.SYSTEM);
        assertThatThrownBy(() -> c.register(NOW, CLERK)).isInstanceOf(TongxinException.class);
        c.documents(DocumentsState.RECEIPTED, NOW, ActorRef.SYSTEM);
        c.register(NOW, CLERK);
        assertThat(facts(c).status()).isEqualTo(CaseStatus.UNDER_CORRECTION);
        assertThat(facts(c).registeredAt()).isEqualTo(NOW);
        assertThat(c.pullEvents()).extracting(Object::getClass).containsExactly(CaseEvents.SubjectArrived.class,
                CaseEvents.DocumentsStateChanged.class, CaseEvents.DocumentsStateChanged.class, CaseEvents.CaseRegistered.class);
    }

    @Test
    void theDocumentsMayComeBeforeTheSubjectWhoMayBeHandedOver() {
        CorrectionCase c = intake();
        c.documents(DocumentsState.RECEIPTED, NOW, ActorRef.SYSTEM);
        assertThatThrownBy(() -> c.register(NOW, CLERK)).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(422);
            assertThat(e.code()).isEqualTo("REGISTER_NEEDS_SUBJECT");
        });
        c.arrived(true, NOW.minusSeconds(3600), NOW, CLERK);
        assertThat(facts(c).arrivalState()).isEqualTo(ArrivalState.TRANSFERRED);
        assertThat(facts(c).arrivedAt()).isEqualTo(NOW.minusSeconds(3600));
        c.register(NOW, CLERK);
        assertThat(facts(c).status()).isEqualTo(CaseStatus.UNDER_CORRECTION);
    }

    @Test
    void receiptedDocumentsStayReceiptedAndReportsOutsideIntakeAreIgnored() {
        CorrectionCase c = intake();
        c.documents(DocumentsState.REJECTED, NOW, ActorRef.SYSTEM);
        assertThat(facts(c).documentsState()).isEqualTo(DocumentsState.REJECTED);
        c.documents(DocumentsState.RECEIPTED, NOW, ActorRef.SYSTEM);
        c.pullEvents();
        c.documents(DocumentsState.REJECTED, NOW, ActorRef.SYSTEM);
        assertThat(facts(c).documentsState()).isEqualTo(DocumentsState.RECEIPTED);
        assertThat(c.pullEvents()).isEmpty();

        CorrectionCase assessing = assessing();
        assessing.documents(DocumentsState.DELIVERED, NOW, ActorRef.SYSTEM);
        assertThat(facts(assessing).documentsState()).isEqualTo(DocumentsState.AWAITED);
        assertThat(assessing.pullEvents()).isEmpty();
    }

    @Test
    void aSubjectWhoDidNotReportInIsMissingUntilTheyArriveAndCannotBeRegisteredMeanwhile() {
        CorrectionCase c = intake();
        c.documents(DocumentsState.RECEIPTED, NOW, ActorRef.SYSTEM);
        c.missing(NOW);
        assertThat(facts(c).arrivalState()).isEqualTo(ArrivalState.MISSING);
        assertThatThrownBy(() -> c.register(NOW, CLERK)).isInstanceOfSatisfying(TongxinException.class,
                e -> assertThat(e.code()).isEqualTo("REGISTER_NEEDS_SUBJECT"));
        c.arrived(false, NOW, NOW, CLERK);
        assertThat(facts(c).arrivalState()).isEqualTo(ArrivalState.REPORTED);
        c.missing(NOW);
        assertThat(facts(c).arrivalState()).as("an arrived subject is not missing").isEqualTo(ArrivalState.REPORTED);
    }

    @Test
    void anOfficeCanBeAssignedDuringIntakeAndUnderCorrection() {
        CorrectionCase c = intake();
        c.assignOffice(OFFICE, NOW, CLERK);
        assertThat(facts(c).officeId()).isEqualTo(OFFICE);
        CorrectionCase registered = underCorrection();
        AgencyId other = AgencyId.of(UUID.randomUUID());
        registered.assignOffice(other, NOW, CLERK);
        assertThat(facts(registered).officeId()).isEqualTo(other);
        assertThat(registered.pullEvents()).singleElement().isInstanceOf(CaseEvents.OfficeAssigned.class);
    }

    @Test
    void teamPlanAndAnnouncementFollowRegistration() {
        CorrectionCase c = underCorrection();
        c.teamFormed(3, NOW, CLERK);
        c.planMade(1, NOW, CLERK);
        c.planMade(2, NOW, CLERK);
        Instant held = NOW.minusSeconds(600);
        c.announced(held, NOW, CLERK);
        CaseFacts f = facts(c);
        assertThat(f.intakeComplete()).isTrue();
        assertThat(f.announcedAt()).isEqualTo(held);
        assertThat(c.pullEvents()).extracting(Object::getClass).containsExactly(CaseEvents.TeamFormed.class,
                CaseEvents.PlanMade.class, CaseEvents.PlanMade.class, CaseEvents.EntryAnnounced.class);
    }

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(
                refused("deciding a case already in intake", CorrectionCaseTests::intake, CorrectionCaseTests::decide, 409,
                        "CASE_NOT_ASSESSING"),
                refused("deciding a withdrawn case", CorrectionCaseTests::withdrawn, CorrectionCaseTests::decide, 409,
                        "CASE_NOT_ASSESSING"),
                refused("withdrawing a decided case", CorrectionCaseTests::intake, c -> c.withdraw(NOW, CLERK), 409,
                        "CASE_NOT_ASSESSING"),
                refused("withdrawing twice", CorrectionCaseTests::withdrawn, c -> c.withdraw(NOW, CLERK), 409,
                        "CASE_NOT_ASSESSING"),
                refused("arriving while assessing", CorrectionCaseTests::assessing, c -> c.arrived(false, NOW, NOW, CLERK), 409,
                        "CASE_NOT_IN_INTAKE"),
                refused("arriving twice", CorrectionCaseTests::ready, c -> c.arrived(true, NOW, NOW, CLERK), 409,
                        "SUBJECT_ALREADY_ARRIVED"),
                refused("arriving after registration", CorrectionCaseTests::underCorrection,
                        c -> c.arrived(false, NOW, NOW, CLERK), 409, "CASE_NOT_IN_INTAKE"),
                refused("assigning an office while assessing", CorrectionCaseTests::assessing,
                        c -> c.assignOffice(OFFICE, NOW, CLERK), 409, "CASE_NOT_IN_INTAKE"),
                refused("assigning an office to a withdrawn case", CorrectionCaseTests::withdrawn,
                        c -> c.assignOffice(OFFICE, NOW, CLERK), 409, "CASE_NOT_IN_INTAKE"),
                refused("registering while assessing", CorrectionCaseTests::assessing, c -> c.register(NOW, CLERK), 409,
                        "CASE_NOT_IN_INTAKE"),
                refused("registering without documents or subject", CorrectionCaseTests::intake, c -> c.register(NOW, CLERK),
                        422, "REGISTER_NEEDS_DOCUMENTS"),
                refused("registering twice", CorrectionCaseTests::underCorrection, c -> c.register(NOW, CLERK), 409,
                        "CASE_NOT_IN_INTAKE"),
                refused("forming a team before registration", CorrectionCaseTests::ready, c -> c.teamFormed(2, NOW, CLERK), 409,
                        "CASE_NOT_REGISTERED"),
                refused("making a plan before registration", CorrectionCaseTests::intake, c -> c.planMade(1, NOW, CLERK), 409,
                        "CASE_NOT_REGISTERED"),
                refused("announcing before registration", CorrectionCaseTests::ready, c -> c.announced(NOW, NOW, CLERK), 409,
                        "CASE_NOT_REGISTERED"),
                refused("announcing twice", () -> {
                    CorrectionCase c = underCorrection();
                    c.announced(NOW, NOW, CLERK);
                    c.pullEvents();
                    return c;
                }, c -> c.announced(NOW, NOW, CLERK), 409, "ALREADY_ANNOUNCED"));
    }

    static Arguments refused(String name, java.util.function.Supplier<CorrectionCase> state, Consumer<CorrectionCase> action,
            int status, String code) {
        return Arguments.of(name, state, action, status, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegalTransitions")
    void anIllegalTransitionIsRefusedWithItsCodeAndChangesNothing(String name, java.util.function.Supplier<CorrectionCase> state,
            Consumer<CorrectionCase> action, int status, String code) {
        CorrectionCase c = state.get();
        CaseFacts before = facts(c);
        assertThatThrownBy(() -> action.accept(c)).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
        assertThat(facts(c)).isEqualTo(before);
        assertThat(c.updatedAt()).isEqualTo(NOW);
        assertThat(c.pullEvents()).isEmpty();
    }

    @Test
    void everyStatusButTheFourClosedOnesIsOpen() {
        assertThat(List.of(CaseStatus.values()).stream().filter(CaseStatus::open)).containsExactlyInAnyOrder(CaseStatus.ASSESSING,
                CaseStatus.INTAKE, CaseStatus.UNDER_CORRECTION, CaseStatus.IN_CUSTODY);
    }
}
