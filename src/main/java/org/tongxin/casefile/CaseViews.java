package org.tongxin.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.tongxin.agency.AgencyId;
import org.tongxin.identity.CaseAccessDecision;

/** What the case file shows, already cut to what the reader may see. */
public final class CaseViews {

    private CaseViews() {}

    /**
     * The subject as the reader may see them: {@code masked} when a minor's identity must stay confidential to this
     * reader (name and identity number masked); protected fields (identity number, phone, address, health) null when
     * the reader's role in the case does not include them.
     */
    public record SubjectView(
            java.util.UUID subjectId,
            String name,
            boolean masked,
            Gender gender,
            String ethnicity,
            IdentityDocumentType idType,
            String idNumber,
            LocalDate birthDate,
            String phone,
            String residenceDivision,
            String residenceAddress,
            String guardianName,
            String guardianRelation,
            String guardianPhone,
            String health) {}

    /** A case and its subject for one reader. */
    public record CaseView(
            CaseId id,
            int version,
            CaseStatus status,
            CorrectionType correctionType,
            String caseNumber,
            AgencyId decisionOrganId,
            LocalDate judgmentDate,
            LocalDate effectiveDate,
            OffenceCategory offenceCategory,
            String offenceDetails,
            LocalDate offenceDate,
            boolean minorAtOffence,
            LocalDate termStart,
            LocalDate termEnd,
            boolean inCustody,
            boolean expedited,
            AgencyId countyAgencyId,
            AgencyId officeId,
            AgencyId procuratorateId,
            AgencyId policeId,
            AgencyId handoverInstitutionId,
            String policyRegion,
            DocumentsState documentsState,
            ArrivalState arrivalState,
            Instant arrivedAt,
            Instant registeredAt,
            Instant teamFormedAt,
            Instant planMadeAt,
            Instant announcedAt,
            Instant createdAt,
            Instant updatedAt,
            SubjectView subject,
            CaseAccessDecision access,
            boolean protectedFieldsVisible,
            org.tongxin.policy.SupervisionLevel supervisionLevel,
            CustodyKind custodyKind,
            AgencyId detainingOrganId,
            Instant detainedAt,
            RevocationKind revocationKind,
            TerminationReason terminationReason,
            LocalDate endedOn,
            boolean sealed,
            java.util.List<String> charges,
            Integer sentenceMonths) {

        /**
         * The charges (罪名) as a page shows them: 盗窃罪、诈骗罪, or 未录入 / Not recorded for a case opened before
         * charges were recorded (as the category, every party of the case sees them).
         */
        public String chargesText(java.util.Locale locale) {
            return Charges.display(charges, locale);
        }

        /**
         * Every agency the case names, for naming them in one read: the decision organ, the county agency, the judicial
         * office, the procuratorate, the police, the handover institution and the detaining organ (those not set left
         * out).
         */
        public java.util.List<AgencyId> agencyIds() {
            return java.util.stream.Stream.of(
                            decisionOrganId,
                            countyAgencyId,
                            officeId,
                            procuratorateId,
                            policeId,
                            handoverInstitutionId,
                            detainingOrganId)
                    .filter(java.util.Objects::nonNull)
                    .toList();
        }
    }

    /** A line of a case list. */
    public record CaseSummary(
            CaseId id,
            java.util.UUID subjectId,
            String subjectName,
            boolean masked,
            CaseStatus status,
            CorrectionType correctionType,
            String caseNumber,
            AgencyId countyAgencyId,
            AgencyId officeId,
            AgencyId decisionOrganId,
            LocalDate effectiveDate,
            DocumentsState documentsState,
            ArrivalState arrivalState,
            Instant updatedAt) {}

    /**
     * The facts other modules need to run the procedure for a case (ids, dates, flags): no personal data. For the
     * system's own work; pages use {@link CaseView}. After intake: the supervision level (null until first set), the
     * custody during correction (kind, detaining organ, since when; null when not IN_CUSTODY), how the case ended
     * (revocation kind or termination reason, and the day correction ended: ruled, terminated or died) and whether a
     * minor's terminated case is sealed; for parole and temporary execution the original sentence in months (null when not
     * recorded).
     */
    public record CaseFacts(
            CaseId id,
            CaseStatus status,
            CorrectionType correctionType,
            AgencyId decisionOrganId,
            AgencyId countyAgencyId,
            AgencyId officeId,
            AgencyId procuratorateId,
            AgencyId policeId,
            AgencyId handoverInstitutionId,
            LocalDate effectiveDate,
            boolean inCustody,
            boolean expedited,
            String policyRegion,
            DocumentsState documentsState,
            ArrivalState arrivalState,
            Instant arrivedAt,
            Instant registeredAt,
            Instant teamFormedAt,
            Instant planMadeAt,
            Instant announcedAt,
            Gender subjectGender,
            boolean minorAtOffence,
            String caseNumber,
            LocalDate termStart,
            LocalDate termEnd,
            org.tongxin.policy.SupervisionLevel supervisionLevel,
            CustodyKind custodyKind,
            AgencyId detainingOrganId,
            Instant detainedAt,
            RevocationKind revocationKind,
            TerminationReason terminationReason,
            LocalDate endedOn,
            boolean sealed,
            Integer sentenceMonths) {

        public boolean intakeComplete() {
            return registeredAt != null && teamFormedAt != null && planMadeAt != null && announcedAt != null;
        }
    }

    /** A timeline entry for one reader, its message already in the reader's language. */
    public record TimelineItem(
            long id,
            Instant occurredAt,
            String kind,
            String text,
            String actorName,
            AgencyId actorAgencyId,
            Map<String, String> args) {}
}
