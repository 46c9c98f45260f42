package org.tongxin.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
import org.tongxin.casefile.CustodyKind;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.casefile.LevelChangeReason;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.casefile.RevocationKind;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

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
        CorrectionCase c = CorrectionCase.assessing(
                CaseId.of(UUID.randomUUID()),
                UUID.randomUUID(),
                COURT,
                COUNTY,
                false,
                "（2026）赣0102刑初1号",
                "369900",
                NOW,
                CLERK);
        c.pullEvents();
        return c;
    }

    static void decide(CorrectionCase c) {
        c.decide(
                CorrectionType.PROBATION,
                "（2026）赣0102刑初2号",
                LocalDate.of(2026, 2, 10),
                LocalDate.of(2026, 2, 20),
                LocalDate.of(2026, 2, 20),
                LocalDate.of(2028, 2, 19),
                COUNTY,
                PROCURATORATE,
                POLICE,
                null,
                false,
                "369900",
                NOW,
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

    static final AgencyId DETENTION_POLICE = AgencyId.of(UUID.randomUUID());
    static final AgencyId NEW_COUNTY = AgencyId.of(UUID.randomUUID());
    static final AgencyId NEW_OFFICE = AgencyId.of(UUID.randomUUID());
    static final AgencyId NEW_PROCURATORATE = AgencyId.of(UUID.randomUUID());
    static final AgencyId NEW_POLICE = AgencyId.of(UUID.randomUUID());
    static final LocalDate TERM_END = LocalDate.of(2028, 2, 19);
    static final LocalDate RULED = LocalDate.of(2026, 3, 1);

    static CorrectionCase inCustody() {
        CorrectionCase c = underCorrection();
        c.detain(CustodyKind.ADMINISTRATIVE_DETENTION, DETENTION_POLICE, NOW.minusSeconds(7200), NOW, CLERK);
        c.pullEvents();
        return c;
    }

    static CorrectionCase of(CorrectionType type) {
        CorrectionCase c = assessing();
        c.decide(
                type,
                "（2026）赣0102刑初2号",
                LocalDate.of(2026, 2, 10),
                LocalDate.of(2026, 2, 20),
                LocalDate.of(2026, 2, 20),
                TERM_END,
                COUNTY,
                PROCURATORATE,
                POLICE,
                type == CorrectionType.TEMPORARY_EXECUTION ? POLICE : null,
                false,
                "369900",
                NOW,
                CLERK);
        c.documents(DocumentsState.RECEIPTED, NOW, ActorRef.SYSTEM);
        c.arrived(type == CorrectionType.TEMPORARY_EXECUTION, NOW, NOW, CLERK);
        c.register(NOW, CLERK);
        c.pullEvents();
        return c;
    }

    static CorrectionCase terminated() {
        CorrectionCase c = underCorrection();
        c.terminate(TerminationReason.PARDON, RULED, NOW, CLERK);
        c.pullEvents();
        return c;
    }

    static CorrectionCase minorTerminated() {
        CorrectionCase c = underCorrection();
        c.offence(OffenceCategory.THEFT, null, LocalDate.of(2025, 6, 1), java.util.List.of("盗窃罪"), true);
        c.terminate(TerminationReason.EXPIRY, TERM_END, NOW, CLERK);
        c.pullEvents();
        return c;
    }

    static CorrectionCase revoked() {
        CorrectionCase c = underCorrection();
        c.revoke(RevocationKind.PROBATION_REVOKED, COURT, RULED, NOW, CLERK);
        c.pullEvents();
        return c;
    }

    static CorrectionCase deceased() {
        CorrectionCase c = underCorrection();
        c.died(RULED, NOW, CLERK);
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
        CorrectionCase c = CorrectionCase.assessing(
                CaseId.of(UUID.randomUUID()), UUID.randomUUID(), COURT, COUNTY, true, null, "369900", NOW, CLERK);
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
        assertThat(c.pullEvents())
                .hasOnlyElementsOfType(CaseEvents.CaseDecided.class)
                .hasSize(1);
    }

    @Test
    void aParoleRecordsItsOriginalSentenceAndAProbationRefusesOne() {
        CorrectionCase parole = assessing();
        parole.decide(
                CorrectionType.PAROLE,
                "（2026）赣01刑更3号",
                LocalDate.of(2026, 2, 10),
                LocalDate.of(2026, 2, 20),
                LocalDate.of(2026, 2, 20),
                LocalDate.of(2027, 2, 19),
                48,
                COUNTY,
                PROCURATORATE,
                POLICE,
                null,
                false,
                "369900",
                NOW,
                CLERK);
        assertThat(facts(parole).sentenceMonths()).isEqualTo(48);

        CorrectionCase probation = assessing();
        assertThatThrownBy(() -> probation.decide(
                        CorrectionType.PROBATION,
                        "（2026）赣0102刑初2号",
                        LocalDate.of(2026, 2, 10),
                        LocalDate.of(2026, 2, 20),
                        LocalDate.of(2026, 2, 20),
                        LocalDate.of(2028, 2, 19),
                        24,
                        COUNTY,
                        PROCURATORATE,
                        POLICE,
                        null,
                        false,
                        "369900",
                        NOW,
                        CLERK))
                .isInstanceOfSatisfying(TongxinException.class, e -> {
                    assertThat(e.code()).isEqualTo("SENTENCE_NOT_APPLICABLE");
                    assertThat(e.status().value()).isEqualTo(422);
                });
        assertThat(facts(probation).status()).as("refused: nothing changed").isEqualTo(CaseStatus.ASSESSING);
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
        assertThat(c.pullEvents())
                .extracting(Object::getClass)
                .containsExactly(
                        CaseEvents.SubjectArrived.class,
                        CaseEvents.DocumentsStateChanged.class,
                        CaseEvents.DocumentsStateChanged.class,
                        CaseEvents.CaseRegistered.class);
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
        assertThatThrownBy(() -> c.register(NOW, CLERK))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("REGISTER_NEEDS_SUBJECT"));
        c.arrived(false, NOW, NOW, CLERK);
        assertThat(facts(c).arrivalState()).isEqualTo(ArrivalState.REPORTED);
        c.missing(NOW);
        assertThat(facts(c).arrivalState())
                .as("an arrived subject is not missing")
                .isEqualTo(ArrivalState.REPORTED);
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
        assertThat(c.pullEvents())
                .extracting(Object::getClass)
                .containsExactly(
                        CaseEvents.TeamFormed.class,
                        CaseEvents.PlanMade.class,
                        CaseEvents.PlanMade.class,
                        CaseEvents.EntryAnnounced.class);
    }

    // After intake

    @Test
    void detentionDuringCorrectionHoldsTheCaseInCustodyWithTheOrganAndKindAndReleaseBringsItBack() {
        CorrectionCase c = underCorrection();
        Instant detained = NOW.minusSeconds(7200);
        c.detain(CustodyKind.COMPULSORY_DRUG_REHABILITATION, DETENTION_POLICE, detained, NOW, CLERK);
        CaseFacts f = facts(c);
        assertThat(f.status()).isEqualTo(CaseStatus.IN_CUSTODY);
        assertThat(f.status().open()).isTrue();
        assertThat(f.custodyKind()).isEqualTo(CustodyKind.COMPULSORY_DRUG_REHABILITATION);
        assertThat(f.detainingOrganId()).isEqualTo(DETENTION_POLICE);
        assertThat(f.detainedAt()).isEqualTo(detained);
        assertThat(f.inCustody()).as("periods then run under the custody rule").isTrue();
        assertThat(c.pullEvents()).singleElement().isInstanceOfSatisfying(CaseEvents.SubjectDetained.class, e -> {
            assertThat(e.kind()).isEqualTo(CustodyKind.COMPULSORY_DRUG_REHABILITATION);
            assertThat(e.detainingOrganId()).isEqualTo(DETENTION_POLICE);
            assertThat(e.timelineKind()).isEqualTo("custody.began.COMPULSORY_DRUG_REHABILITATION");
        });

        c.release(NOW, NOW, CLERK);
        f = facts(c);
        assertThat(f.status()).isEqualTo(CaseStatus.UNDER_CORRECTION);
        assertThat(f.custodyKind()).isNull();
        assertThat(f.detainingOrganId()).isNull();
        assertThat(f.inCustody()).isFalse();
        assertThat(c.pullEvents()).singleElement().isInstanceOfSatisfying(CaseEvents.SubjectReleased.class, e -> {
            assertThat(e.kind())
                    .as("the release says what it ends")
                    .isEqualTo(CustodyKind.COMPULSORY_DRUG_REHABILITATION);
            assertThat(e.detainingOrganId()).isEqualTo(DETENTION_POLICE);
        });
    }

    @Test
    void aProbationerOrParoleeMayBeArrestedPendingTheRevocationRuling() {
        for (CorrectionType type : new CorrectionType[] {CorrectionType.PROBATION, CorrectionType.PAROLE}) {
            CorrectionCase c = of(type);
            c.detain(CustodyKind.ARREST_PENDING_REVOCATION, COURT, NOW, NOW, CLERK);
            assertThat(facts(c).custodyKind()).isEqualTo(CustodyKind.ARREST_PENDING_REVOCATION);
        }
    }

    @Test
    void revocationEndsTheCaseWithTheKindThatFitsItsCorrectionTypeFromCorrectionOrCustody() {
        CorrectionCase probation = of(CorrectionType.PROBATION);
        probation.detain(CustodyKind.ARREST_PENDING_REVOCATION, COURT, NOW, NOW, CLERK);
        probation.pullEvents();
        probation.revoke(RevocationKind.PROBATION_REVOKED, COURT, RULED, NOW, CLERK);
        assertThat(facts(probation).status()).isEqualTo(CaseStatus.REVOKED);
        assertThat(facts(probation).status().open()).isFalse();
        assertThat(facts(probation).revocationKind()).isEqualTo(RevocationKind.PROBATION_REVOKED);
        assertThat(facts(probation).endedOn()).isEqualTo(RULED);
        assertThat(probation.pullEvents()).singleElement().isInstanceOfSatisfying(CaseEvents.CaseRevoked.class, e -> {
            assertThat(e.rulingOrganId()).isEqualTo(COURT);
            assertThat(e.ruledOn()).isEqualTo(RULED);
            assertThat(e.timelineKind()).isEqualTo("case.revoked.PROBATION_REVOKED");
        });
        CorrectionCase parole = of(CorrectionType.PAROLE);
        parole.revoke(RevocationKind.PAROLE_REVOKED, COURT, RULED, NOW, CLERK);
        assertThat(facts(parole).revocationKind()).isEqualTo(RevocationKind.PAROLE_REVOKED);
        CorrectionCase temporary = of(CorrectionType.TEMPORARY_EXECUTION);
        temporary.revoke(RevocationKind.COMMITTED_TO_PRISON, COURT, RULED, NOW, CLERK);
        assertThat(facts(temporary).status()).as("收监执行").isEqualTo(CaseStatus.REVOKED);
    }

    @Test
    void terminationOnExpiryComesOnTheTermsLastDayAndAPardonAtAnyTime() {
        CorrectionCase expiry = underCorrection();
        expiry.terminate(TerminationReason.EXPIRY, TERM_END, NOW, CLERK);
        assertThat(facts(expiry).status()).isEqualTo(CaseStatus.TERMINATED);
        assertThat(facts(expiry).terminationReason()).isEqualTo(TerminationReason.EXPIRY);
        assertThat(facts(expiry).endedOn()).isEqualTo(TERM_END);
        assertThat(expiry.pullEvents()).singleElement().isInstanceOfSatisfying(CaseEvents.CaseTerminated.class, e -> {
            assertThat(e.reason()).isEqualTo(TerminationReason.EXPIRY);
            assertThat(e.endedOn()).isEqualTo(TERM_END);
            assertThat(e.timelineKind()).isEqualTo("case.terminated.EXPIRY");
        });
        CorrectionCase pardon = inCustody();
        pardon.terminate(TerminationReason.PARDON, RULED, NOW, CLERK);
        assertThat(facts(pardon).status()).isEqualTo(CaseStatus.TERMINATED);
        assertThat(facts(pardon).inCustody()).isFalse();
        assertThat(facts(pardon).custodyKind()).isNull();
    }

    @Test
    void deathEndsCorrectionInIntakeUnderCorrectionOrInCustody() {
        for (CorrectionCase c : List.of(intake(), underCorrection(), inCustody())) {
            CaseStatus before = facts(c).status();
            c.died(RULED, NOW, CLERK);
            assertThat(facts(c).status()).isEqualTo(CaseStatus.DECEASED);
            assertThat(facts(c).endedOn()).isEqualTo(RULED);
            assertThat(c.pullEvents())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            CaseEvents.SubjectDied.class,
                            e -> assertThat(e.previousStatus()).isEqualTo(before));
        }
    }

    @Test
    void theChangeOfThePlaceOfExecutionMovesTheWholeJurisdictionAndSaysWhereFrom() {
        CorrectionCase c = underCorrection();
        c.assignOffice(OFFICE, NOW, CLERK);
        c.pullEvents();
        c.changePlaceOfExecution(NEW_COUNTY, NEW_OFFICE, NEW_PROCURATORATE, NEW_POLICE, "310000", NOW, CLERK);
        CaseFacts f = facts(c);
        assertThat(f.status()).isEqualTo(CaseStatus.UNDER_CORRECTION);
        assertThat(List.of(f.countyAgencyId(), f.officeId(), f.procuratorateId(), f.policeId()))
                .containsExactly(NEW_COUNTY, NEW_OFFICE, NEW_PROCURATORATE, NEW_POLICE);
        assertThat(f.policyRegion()).isEqualTo("310000");
        assertThat(c.pullEvents()).singleElement().isInstanceOfSatisfying(CaseEvents.ExecutionPlaceChanged.class, e -> {
            assertThat(List.of(e.fromCountyAgencyId(), e.fromOfficeId(), e.fromProcuratorateId(), e.fromPoliceId()))
                    .containsExactly(COUNTY, OFFICE, PROCURATORATE, POLICE);
            assertThat(e.fromPolicyRegion()).isEqualTo("369900");
            assertThat(e.toPolicyRegion()).isEqualTo("310000");
            assertThat(e.audience())
                    .as("the former county sees the move")
                    .contains(
                            org.tongxin.identity.Participation.FORMER_EXECUTING_AGENCY,
                            org.tongxin.identity.Participation.EXECUTING_AGENCY);
        });
        CorrectionCase noOffice = underCorrection();
        noOffice.changePlaceOfExecution(NEW_COUNTY, null, NEW_PROCURATORATE, NEW_POLICE, "369900", NOW, CLERK);
        assertThat(facts(noOffice).officeId()).as("the new county assigns one").isNull();
    }

    @Test
    void theSupervisionLevelIsSetAndChangedWithAReasonCode() {
        CorrectionCase c = underCorrection();
        assertThat(facts(c).supervisionLevel()).as("not yet classified").isNull();
        c.classify(SupervisionLevel.STRICT, LevelChangeReason.ENTRY_ASSESSMENT, NOW, CLERK);
        c.classify(SupervisionLevel.ORDINARY, LevelChangeReason.PERIODIC_ASSESSMENT, NOW, CLERK);
        assertThat(facts(c).supervisionLevel()).isEqualTo(SupervisionLevel.ORDINARY);
        assertThat(c.pullEvents())
                .extracting(e -> (CaseEvents.SupervisionLevelChanged) e)
                .extracting(
                        CaseEvents.SupervisionLevelChanged::from,
                        CaseEvents.SupervisionLevelChanged::to,
                        CaseEvents.SupervisionLevelChanged::reason)
                .containsExactly(
                        tuple(null, SupervisionLevel.STRICT, LevelChangeReason.ENTRY_ASSESSMENT),
                        tuple(
                                SupervisionLevel.STRICT,
                                SupervisionLevel.ORDINARY,
                                LevelChangeReason.PERIODIC_ASSESSMENT));
        CorrectionCase held = inCustody();
        held.classify(SupervisionLevel.STRICT, LevelChangeReason.VIOLATION, NOW, CLERK);
        assertThat(facts(held).supervisionLevel()).isEqualTo(SupervisionLevel.STRICT);
    }

    @Test
    void aCommutationRulingMovesTheTermEndEarlier() {
        CorrectionCase c = underCorrection();
        LocalDate reduced = TERM_END.minusMonths(6);
        c.changeTermEnd(reduced, COURT, NOW, CLERK);
        assertThat(facts(c).termEnd()).isEqualTo(reduced);
        assertThat(c.pullEvents()).singleElement().isInstanceOfSatisfying(CaseEvents.TermEndChanged.class, e -> {
            assertThat(e.from()).isEqualTo(TERM_END);
            assertThat(e.to()).isEqualTo(reduced);
            assertThat(e.rulingCourtId()).isEqualTo(COURT);
            assertThat(e.timelineArgs())
                    .containsEntry("from", TERM_END.toString())
                    .containsEntry("to", reduced.toString());
        });
    }

    @Test
    void aMinorsTerminatedCaseIsSealedOnce() {
        CorrectionCase c = minorTerminated();
        c.seal(NOW, CLERK);
        assertThat(facts(c).sealed()).isTrue();
        assertThat(c.sealedAt()).isEqualTo(NOW);
        assertThat(c.pullEvents()).singleElement().isInstanceOf(CaseEvents.CaseSealed.class);
    }

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(
                refused(
                        "deciding a case already in intake",
                        CorrectionCaseTests::intake,
                        CorrectionCaseTests::decide,
                        409,
                        "CASE_NOT_ASSESSING"),
                refused(
                        "deciding a withdrawn case",
                        CorrectionCaseTests::withdrawn,
                        CorrectionCaseTests::decide,
                        409,
                        "CASE_NOT_ASSESSING"),
                refused(
                        "withdrawing a decided case",
                        CorrectionCaseTests::intake,
                        c -> c.withdraw(NOW, CLERK),
                        409,
                        "CASE_NOT_ASSESSING"),
                refused(
                        "withdrawing twice",
                        CorrectionCaseTests::withdrawn,
                        c -> c.withdraw(NOW, CLERK),
                        409,
                        "CASE_NOT_ASSESSING"),
                refused(
                        "arriving while assessing",
                        CorrectionCaseTests::assessing,
                        c -> c.arrived(false, NOW, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_INTAKE"),
                refused(
                        "arriving twice",
                        CorrectionCaseTests::ready,
                        c -> c.arrived(true, NOW, NOW, CLERK),
                        409,
                        "SUBJECT_ALREADY_ARRIVED"),
                refused(
                        "arriving after registration",
                        CorrectionCaseTests::underCorrection,
                        c -> c.arrived(false, NOW, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_INTAKE"),
                refused(
                        "assigning an office while assessing",
                        CorrectionCaseTests::assessing,
                        c -> c.assignOffice(OFFICE, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_INTAKE"),
                refused(
                        "assigning an office to a withdrawn case",
                        CorrectionCaseTests::withdrawn,
                        c -> c.assignOffice(OFFICE, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_INTAKE"),
                refused(
                        "registering while assessing",
                        CorrectionCaseTests::assessing,
                        c -> c.register(NOW, CLERK),
                        409,
                        "CASE_NOT_IN_INTAKE"),
                refused(
                        "registering without documents or subject",
                        CorrectionCaseTests::intake,
                        c -> c.register(NOW, CLERK),
                        422,
                        "REGISTER_NEEDS_DOCUMENTS"),
                refused(
                        "registering twice",
                        CorrectionCaseTests::underCorrection,
                        c -> c.register(NOW, CLERK),
                        409,
                        "CASE_NOT_IN_INTAKE"),
                refused(
                        "forming a team before registration",
                        CorrectionCaseTests::ready,
                        c -> c.teamFormed(2, NOW, CLERK),
                        409,
                        "CASE_NOT_REGISTERED"),
                refused(
                        "making a plan before registration",
                        CorrectionCaseTests::intake,
                        c -> c.planMade(1, NOW, CLERK),
                        409,
                        "CASE_NOT_REGISTERED"),
                refused(
                        "announcing before registration",
                        CorrectionCaseTests::ready,
                        c -> c.announced(NOW, NOW, CLERK),
                        409,
                        "CASE_NOT_REGISTERED"),
                refused(
                        "announcing twice",
                        () -> {
                            CorrectionCase c = underCorrection();
                            c.announced(NOW, NOW, CLERK);
                            c.pullEvents();
                            return c;
                        },
                        c -> c.announced(NOW, NOW, CLERK),
                        409,
                        "ALREADY_ANNOUNCED"),
                refused(
                        "detaining a subject still in intake",
                        CorrectionCaseTests::ready,
                        c -> c.detain(CustodyKind.ADMINISTRATIVE_DETENTION, DETENTION_POLICE, NOW, NOW, CLERK),
                        409,
                        "CASE_NOT_UNDER_SUPERVISION"),
                refused(
                        "detaining a subject already held",
                        CorrectionCaseTests::inCustody,
                        c -> c.detain(CustodyKind.CRIMINAL_COERCIVE_MEASURE, DETENTION_POLICE, NOW, NOW, CLERK),
                        409,
                        "ALREADY_IN_CUSTODY"),
                refused(
                        "detaining after termination",
                        CorrectionCaseTests::terminated,
                        c -> c.detain(CustodyKind.ADMINISTRATIVE_DETENTION, DETENTION_POLICE, NOW, NOW, CLERK),
                        409,
                        "CASE_NOT_UNDER_SUPERVISION"),
                refused(
                        "arresting pending revocation under public surveillance",
                        () -> of(CorrectionType.PUBLIC_SURVEILLANCE),
                        c -> c.detain(CustodyKind.ARREST_PENDING_REVOCATION, COURT, NOW, NOW, CLERK),
                        422,
                        "ARREST_ONLY_FOR_REVOCATION"),
                refused(
                        "arresting pending revocation under temporary execution",
                        () -> of(CorrectionType.TEMPORARY_EXECUTION),
                        c -> c.detain(CustodyKind.ARREST_PENDING_REVOCATION, COURT, NOW, NOW, CLERK),
                        422,
                        "ARREST_ONLY_FOR_REVOCATION"),
                refused(
                        "releasing a subject who is not held",
                        CorrectionCaseTests::underCorrection,
                        c -> c.release(NOW, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_CUSTODY"),
                refused(
                        "releasing before the detention began",
                        CorrectionCaseTests::inCustody,
                        c -> c.release(NOW.minusSeconds(86_400), NOW, CLERK),
                        422,
                        "RELEASE_BEFORE_DETENTION"),
                refused(
                        "revoking during intake",
                        CorrectionCaseTests::ready,
                        c -> c.revoke(RevocationKind.PROBATION_REVOKED, COURT, RULED, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_CORRECTION"),
                refused(
                        "revoking twice",
                        CorrectionCaseTests::revoked,
                        c -> c.revoke(RevocationKind.PROBATION_REVOKED, COURT, RULED, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_CORRECTION"),
                refused(
                        "revoking parole on a probation case",
                        CorrectionCaseTests::underCorrection,
                        c -> c.revoke(RevocationKind.PAROLE_REVOKED, COURT, RULED, NOW, CLERK),
                        422,
                        "REVOCATION_NOT_FOR_TYPE"),
                refused(
                        "revoking public surveillance",
                        () -> of(CorrectionType.PUBLIC_SURVEILLANCE),
                        c -> c.revoke(RevocationKind.PROBATION_REVOKED, COURT, RULED, NOW, CLERK),
                        422,
                        "REVOCATION_NOT_FOR_TYPE"),
                refused(
                        "terminating on expiry before the term's last day",
                        CorrectionCaseTests::underCorrection,
                        c -> c.terminate(TerminationReason.EXPIRY, TERM_END.minusDays(1), NOW, CLERK),
                        422,
                        "TERM_NOT_EXPIRED"),
                refused(
                        "terminating during intake",
                        CorrectionCaseTests::ready,
                        c -> c.terminate(TerminationReason.PARDON, RULED, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_CORRECTION"),
                refused(
                        "terminating a deceased subject's case",
                        CorrectionCaseTests::deceased,
                        c -> c.terminate(TerminationReason.PARDON, RULED, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_CORRECTION"),
                refused(
                        "recording a death while assessing",
                        CorrectionCaseTests::assessing,
                        c -> c.died(RULED, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_CORRECTION"),
                refused(
                        "recording a death twice",
                        CorrectionCaseTests::deceased,
                        c -> c.died(RULED, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_CORRECTION"),
                refused(
                        "recording a death after revocation",
                        CorrectionCaseTests::revoked,
                        c -> c.died(RULED, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_CORRECTION"),
                refused(
                        "moving a subject who is held",
                        CorrectionCaseTests::inCustody,
                        c -> c.changePlaceOfExecution(
                                NEW_COUNTY, null, NEW_PROCURATORATE, NEW_POLICE, "369900", NOW, CLERK),
                        409,
                        "CASE_NOT_UNDER_SUPERVISION"),
                refused(
                        "moving during intake",
                        CorrectionCaseTests::ready,
                        c -> c.changePlaceOfExecution(
                                NEW_COUNTY, null, NEW_PROCURATORATE, NEW_POLICE, "369900", NOW, CLERK),
                        409,
                        "CASE_NOT_UNDER_SUPERVISION"),
                refused(
                        "moving to the same county",
                        CorrectionCaseTests::underCorrection,
                        c -> c.changePlaceOfExecution(COUNTY, OFFICE, PROCURATORATE, POLICE, "369900", NOW, CLERK),
                        422,
                        "SAME_PLACE_OF_EXECUTION"),
                refused(
                        "classifying during intake",
                        CorrectionCaseTests::ready,
                        c -> c.classify(SupervisionLevel.STRICT, LevelChangeReason.ENTRY_ASSESSMENT, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_CORRECTION"),
                refused(
                        "classifying at the level it has",
                        () -> {
                            CorrectionCase c = underCorrection();
                            c.classify(SupervisionLevel.LENIENT, LevelChangeReason.GOOD_CONDUCT, NOW, CLERK);
                            c.pullEvents();
                            return c;
                        },
                        c -> c.classify(SupervisionLevel.LENIENT, LevelChangeReason.PERIODIC_ASSESSMENT, NOW, CLERK),
                        422,
                        "SAME_SUPERVISION_LEVEL"),
                refused(
                        "a commutation that lengthens the term",
                        CorrectionCaseTests::underCorrection,
                        c -> c.changeTermEnd(TERM_END.plusDays(1), COURT, NOW, CLERK),
                        422,
                        "TERM_END_NOT_REDUCED"),
                refused(
                        "a commutation to the same day",
                        CorrectionCaseTests::underCorrection,
                        c -> c.changeTermEnd(TERM_END, COURT, NOW, CLERK),
                        422,
                        "TERM_END_NOT_REDUCED"),
                refused(
                        "a commutation before the term starts",
                        CorrectionCaseTests::underCorrection,
                        c -> c.changeTermEnd(LocalDate.of(2026, 2, 20), COURT, NOW, CLERK),
                        422,
                        "TERM_END_BEFORE_START"),
                refused(
                        "a commutation after termination",
                        CorrectionCaseTests::terminated,
                        c -> c.changeTermEnd(TERM_END.minusDays(1), COURT, NOW, CLERK),
                        409,
                        "CASE_NOT_IN_CORRECTION"),
                refused(
                        "sealing a case under correction",
                        CorrectionCaseTests::underCorrection,
                        c -> c.seal(NOW, CLERK),
                        409,
                        "CASE_NOT_TERMINATED"),
                refused(
                        "sealing a revoked case",
                        CorrectionCaseTests::revoked,
                        c -> c.seal(NOW, CLERK),
                        409,
                        "CASE_NOT_TERMINATED"),
                refused(
                        "sealing an adult's case",
                        CorrectionCaseTests::terminated,
                        c -> c.seal(NOW, CLERK),
                        422,
                        "SEAL_ONLY_FOR_MINORS"),
                refused(
                        "sealing twice",
                        () -> {
                            CorrectionCase c = minorTerminated();
                            c.seal(NOW, CLERK);
                            c.pullEvents();
                            return c;
                        },
                        c -> c.seal(NOW, CLERK),
                        409,
                        "ALREADY_SEALED"));
    }

    static Arguments refused(
            String name,
            java.util.function.Supplier<CorrectionCase> state,
            Consumer<CorrectionCase> action,
            int status,
            String code) {
        return Arguments.of(name, state, action, status, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegalTransitions")
    void anIllegalTransitionIsRefusedWithItsCodeAndChangesNothing(
            String name,
            java.util.function.Supplier<CorrectionCase> state,
            Consumer<CorrectionCase> action,
            int status,
            String code) {
        CorrectionCase c = state.get();
        CaseFacts before = facts(c);
        Instant sealedBefore = c.sealedAt();
        assertThatThrownBy(() -> action.accept(c)).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
        assertThat(facts(c)).isEqualTo(before);
        assertThat(c.sealedAt()).isEqualTo(sealedBefore);
        assertThat(c.updatedAt()).isEqualTo(NOW);
        assertThat(c.pullEvents()).isEmpty();
    }

    @Test
    void everyStatusButTheFourClosedOnesIsOpen() {
        assertThat(List.of(CaseStatus.values()).stream().filter(CaseStatus::open))
                .containsExactlyInAnyOrder(
                        CaseStatus.ASSESSING, CaseStatus.INTAKE, CaseStatus.UNDER_CORRECTION, CaseStatus.IN_CUSTODY);
    }
}
