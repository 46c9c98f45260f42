package org.tongxin.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tongxin.agency.AgencyId;

/** What people enter about subjects and cases (the input side of the case file). */
public final class CaseData {

    private CaseData() {}

    /** The person. Identity number, phone, address and health are encrypted when stored. */
    public record SubjectData(
            String name,
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

    /**
     * The offence: category for statistics, details encrypted, date decides whether the subject was a minor, and the
     * charges (罪名) by their names in {@link Charges} (one or more; documents name them).
     */
    public record OffenceData(OffenceCategory category, String details, LocalDate offenceDate, List<String> charges) {}

    /** A decision organ entrusts an investigation assessment (CCL art. 18). Assessing agency: null = the county agency of the residence. */
    public record NewAssessment(
            SubjectData subject,
            OffenceData offence,
            AgencyId assessingAgencyId,
            boolean expedited,
            String caseNumber) {}

    /**
     * The decision: type, case number (案号), dates, term, place of execution (null county agency = the one serving the
     * residence), whether the person is in custody, for temporary execution the institution handing them over, and for
     * parole and temporary execution the original sentence of fixed-term imprisonment in months (原判刑期; optional, null
     * when not given; it decides whether a minor's record is sealed, CPL art. 286).
     */
    public record DecisionData(
            CorrectionType correctionType,
            String caseNumber,
            LocalDate judgmentDate,
            LocalDate effectiveDate,
            LocalDate termStart,
            LocalDate termEnd,
            AgencyId countyAgencyId,
            boolean inCustody,
            AgencyId handoverInstitutionId,
            Integer sentenceMonths) {

        /** A decision without the original sentence's length (probation and public surveillance: their term proves it). */
        public DecisionData(
                CorrectionType correctionType,
                String caseNumber,
                LocalDate judgmentDate,
                LocalDate effectiveDate,
                LocalDate termStart,
                LocalDate termEnd,
                AgencyId countyAgencyId,
                boolean inCustody,
                AgencyId handoverInstitutionId) {
            this(
                    correctionType,
                    caseNumber,
                    judgmentDate,
                    effectiveDate,
                    termStart,
                    termEnd,
                    countyAgencyId,
                    inCustody,
                    handoverInstitutionId,
                    null);
        }
    }

    /** A case decided without an entrusted assessment before it. */
    public record NewDecidedCase(SubjectData subject, OffenceData offence, DecisionData decision) {}

    /** A member of the correction team. */
    public record TeamMember(String name, TeamRole role, Gender gender, AgencyId agencyId) {}

    public enum TeamRole {
        OFFICE_STAFF,
        COMMITTEE,
        GUARDIAN,
        FAMILY,
        EMPLOYER_OR_SCHOOL,
        SOCIAL_WORKER,
        VOLUNTEER,
        POLICE_OFFICER
    }

    /** The entry announcement as held. */
    public record AnnouncementData(Instant heldAt, String place, String attendees) {}

    /** A stored announcement. */
    public record Announcement(Instant heldAt, String place, AgencyId hostAgencyId, String attendees) {}

    /** Search filters (POSTed: never in a URL). */
    public record CaseSearch(String name, String idNumber, String caseNumber, CaseStatus status, AgencyId officeId) {}

    /** Team list as stored. */
    public record Team(List<TeamMember> members) {}
}
