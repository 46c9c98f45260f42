package org.tongxin.obligation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.obligation.Standing;
import org.tongxin.obligation.WaitReason;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.DeadlineRule;
import org.tongxin.policy.Organ;
import org.tongxin.policy.ProcedureStep;

/** One inbox line as the page and the API both show it (the assembler's output and the API's answer built from it). */
class InboxLineTests {

    static final Instant T0 = Instant.parse("2025-10-20T01:00:00Z");
    static final AgencyId COUNTY = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final AgencyId COURT = AgencyId.of(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    static final CaseId CASE = CaseId.of(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    static final UUID ME = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

    static final ProcedureStep RECEIPT = new ProcedureStep(
            "docs.receipt",
            "接收法律文书",
            "Receipt of the legal documents",
            null,
            null,
            Organ.COUNTY_AGENCY,
            Organ.DECISION_ORGAN,
            List.of(),
            null,
            DeadlineRule.of(DeadlineKind.WORKING_DAYS, 5),
            null,
            null,
            "CCL 20",
            "V",
            true,
            "intake",
            null,
            null,
            ProcedureStep.Origin.BASELINE);

    static ObligationView obligation(AgencyId counterparty, AgencyId waitingFor, String reason) {
        return new ObligationView(
                ObligationId.of(UUID.fromString("00000000-0000-0000-0000-0000000000e1")),
                CASE,
                "docs.receipt",
                "",
                UUID.randomUUID(),
                "CITYA",
                COUNTY,
                false,
                counterparty,
                ObligationStatus.OPEN,
                DeadlineKind.WORKING_DAYS,
                5,
                false,
                T0,
                T0.plusSeconds(86400 * 7),
                null,
                false,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                ME,
                T0,
                3,
                null,
                waitingFor,
                reason,
                reason == null ? null : T0.plusSeconds(3600),
                false);
    }

    static CaseSummary summary() {
        return new CaseSummary(
                CASE,
                UUID.randomUUID(),
                "张*",
                true,
                CaseStatus.INTAKE,
                CorrectionType.PROBATION,
                "(2025)沪0101刑初1号",
                COUNTY,
                null,
                COURT,
                null,
                null,
                null,
                T0);
    }

    @Test
    void anAgencyThatIsNotKnownIsWrittenAsADashAndNoCounterpartyAsNothing() {
        InboxLine unknown =
                new InboxLine(obligation(COURT, null, null), RECEIPT, null, null, null, null, null, false, null);
        assertThat(unknown.owingName()).isEqualTo("—");
        assertThat(unknown.counterpartyName()).isEqualTo("—");

        InboxLine none =
                new InboxLine(obligation(null, null, null), RECEIPT, null, null, null, null, null, false, null);
        assertThat(none.counterpartyName()).isNull();

        InboxLine named = new InboxLine(
                obligation(COURT, null, null),
                RECEIPT,
                null,
                new AgencyName(COUNTY, "县司法局"),
                new AgencyName(COURT, "县法院"),
                null,
                null,
                false,
                null);
        assertThat(named.owingName()).isEqualTo("县司法局");
        assertThat(named.counterpartyName()).isEqualTo("县法院");
    }

    @Test
    void theApiAnswersWithWhatTheLineSaysInTheReadersLanguage() {
        ObligationView o = obligation(COURT, COURT, WaitReason.DOCUMENTS_CORRECTION.name());
        AgencyName court = new AgencyName(COURT, "County court");
        InboxLine line = new InboxLine(
                o,
                RECEIPT,
                summary(),
                new AgencyName(COUNTY, "County agency"),
                court,
                court,
                "Li",
                true,
                "Waiting for the court to correct the documents");

        InboxApi.ObligationResponse r = InboxApi.response(line, T0, Locale.ENGLISH);

        assertThat(r.id()).isEqualTo(o.id());
        assertThat(r.caseNumber()).isEqualTo("(2025)沪0101刑初1号");
        assertThat(r.subjectName()).isEqualTo("张*");
        assertThat(r.subjectMasked()).isTrue();
        assertThat(r.stepName()).isEqualTo("Receipt of the legal documents");
        assertThat(r.legalBasis()).isEqualTo("CCL 20");
        assertThat(r.owingAgency()).isEqualTo(new AgencyName(COUNTY, "County agency"));
        assertThat(r.counterpartyAgency()).isEqualTo(court);
        assertThat(r.assignedToMe()).isTrue();
        assertThat(r.assigneeUserId()).isEqualTo(ME);
        assertThat(r.version()).isEqualTo(3);
        assertThat(r.standing()).isEqualTo(Standing.WAITING_FOR_ORGAN);
        assertThat(r.waitingFor())
                .isEqualTo(new InboxApi.WaitingFor(
                        court,
                        WaitReason.DOCUMENTS_CORRECTION,
                        "Waiting for the court to correct the documents",
                        T0.plusSeconds(3600)));
        assertThat(InboxApi.response(line, T0, Locale.SIMPLIFIED_CHINESE).stepName())
                .isEqualTo("接收法律文书");
    }

    @Test
    void aLineTheAgencyCanActOnWaitsForNothingAndALineWithoutItsCaseShowsNoCase() {
        InboxLine line =
                new InboxLine(obligation(COURT, null, null), RECEIPT, null, null, null, null, null, false, null);
        InboxApi.ObligationResponse r = InboxApi.response(line, T0, Locale.ENGLISH);
        assertThat(r.standing()).isEqualTo(Standing.TO_DO);
        assertThat(r.waitingFor()).isNull();
        assertThat(r.caseNumber()).isNull();
        assertThat(r.subjectMasked()).isFalse();
        assertThat(r.assignedToMe()).isFalse();
    }
}
