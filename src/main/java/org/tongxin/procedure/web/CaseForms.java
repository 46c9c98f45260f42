package org.tongxin.procedure.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseData.AnnouncementData;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseData.TeamMember;
import org.tongxin.casefile.CaseData.TeamRole;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityDocumentType;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.exchange.ItemCode;
import org.tongxin.exchange.ProblemKind;
import org.tongxin.procedure.IntakeRequests.Delivery;
import org.tongxin.procedure.IntakeRequests.Entrustment;
import org.tongxin.procedure.IntakeRequests.MissingNotice;
import org.tongxin.procedure.IntakeRequests.Opinion;
import org.tongxin.procedure.IntakeRequests.Recommendation;
import org.tongxin.shared.time.LegalTime;

/**
 * The case pages' forms as browsers post them: plain beans the data binder fills (dates as ISO strings, lists as
 * {@code items[0].code}), each turning into the façade's input record. Empty rows of a list are left out.
 */
final class CaseForms {

    private CaseForms() {}

    static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(LegalTime.ZONE).toInstant();
    }

    /** The person. */
    public static class SubjectForm {
        private String name;
        private Gender gender;
        private String ethnicity = "01";
        private IdentityDocumentType idType = IdentityDocumentType.RESIDENT_ID;
        private String idNumber;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate birthDate;

        private String phone;
        private String residenceDivision;
        private String residenceAddress;
        private String guardianName;
        private String guardianRelation;
        private String guardianPhone;
        private String health;

        SubjectData data() {
            return new SubjectData(
                    blank(name),
                    gender,
                    blank(ethnicity),
                    idType,
                    blank(idNumber),
                    birthDate,
                    blank(phone),
                    blank(residenceDivision),
                    blank(residenceAddress),
                    blank(guardianName),
                    blank(guardianRelation),
                    blank(guardianPhone),
                    blank(health));
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Gender getGender() {
            return gender;
        }

        public void setGender(Gender gender) {
            this.gender = gender;
        }

        public String getEthnicity() {
            return ethnicity;
        }

        public void setEthnicity(String ethnicity) {
            this.ethnicity = ethnicity;
        }

        public IdentityDocumentType getIdType() {
            return idType;
        }

        public void setIdType(IdentityDocumentType idType) {
            this.idType = idType;
        }

        public String getIdNumber() {
            return idNumber;
        }

        public void setIdNumber(String idNumber) {
            this.idNumber = idNumber;
        }

        public LocalDate getBirthDate() {
            return birthDate;
        }

        public void setBirthDate(LocalDate birthDate) {
            this.birthDate = birthDate;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getResidenceDivision() {
            return residenceDivision;
        }

        public void setResidenceDivision(String residenceDivision) {
            this.residenceDivision = residenceDivision;
        }

        public String getResidenceAddress() {
            return residenceAddress;
        }

        public void setResidenceAddress(String residenceAddress) {
            this.residenceAddress = residenceAddress;
        }

        public String getGuardianName() {
            return guardianName;
        }

        public void setGuardianName(String guardianName) {
            this.guardianName = guardianName;
        }

        public String getGuardianRelation() {
            return guardianRelation;
        }

        public void setGuardianRelation(String guardianRelation) {
            this.guardianRelation = guardianRelation;
        }

        public String getGuardianPhone() {
            return guardianPhone;
        }

        public void setGuardianPhone(String guardianPhone) {
            this.guardianPhone = guardianPhone;
        }

        public String getHealth() {
            return health;
        }

        public void setHealth(String health) {
            this.health = health;
        }
    }

    /** The offence. */
    public static class OffenceForm {
        private OffenceCategory category;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate offenceDate;

        private String details;
        private java.util.List<String> charges = new java.util.ArrayList<>();

        OffenceData data() {
            return new OffenceData(category, blank(details), offenceDate, charges);
        }

        public java.util.List<String> getCharges() {
            return charges;
        }

        public void setCharges(java.util.List<String> charges) {
            this.charges = charges == null ? new java.util.ArrayList<>() : charges;
        }

        public OffenceCategory getCategory() {
            return category;
        }

        public void setCategory(OffenceCategory category) {
            this.category = category;
        }

        public LocalDate getOffenceDate() {
            return offenceDate;
        }

        public void setOffenceDate(LocalDate offenceDate) {
            this.offenceDate = offenceDate;
        }

        public String getDetails() {
            return details;
        }

        public void setDetails(String details) {
            this.details = details;
        }
    }

    /** One document of a bundle: its kind and the title written on it. */
    public static class ItemRow {
        private ItemCode code;
        private String title;

        ItemRow() {}

        ItemRow(ItemCode code, String title) {
            this.code = code;
            this.title = title;
        }

        boolean empty() {
            return code == null && blank(title) == null;
        }

        public ItemCode getCode() {
            return code;
        }

        public void setCode(ItemCode code) {
            this.code = code;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }
    }

    /** The rows that were filled in; a row with a title but no kind stays, so the façade names it. */
    static List<NewItem> items(List<ItemRow> rows) {
        List<NewItem> items = new ArrayList<>();
        if (rows != null) {
            for (ItemRow row : rows) {
                if (row != null && !row.empty()) {
                    items.add(new NewItem(row.getCode(), blank(row.getTitle()), null));
                }
            }
        }
        return items;
    }

    static List<ItemRow> rows(int count, ItemRow... first) {
        List<ItemRow> rows = new ArrayList<>(List.of(first));
        while (rows.size() < count) {
            rows.add(new ItemRow());
        }
        return rows;
    }

    /** The court's entrustment of an investigation assessment (CCL art. 18). */
    public static class EntrustForm {
        private SubjectForm subject = new SubjectForm();
        private OffenceForm offence = new OffenceForm();
        private UUID assessingAgencyId;
        private boolean expedited;
        private String caseNumber;
        private String contact;
        private List<ItemRow> materials = rows(3, new ItemRow(ItemCode.CASE_MATERIALS, null));

        Entrustment request() {
            return new Entrustment(
                    subject.data(),
                    offence.data(),
                    assessingAgencyId == null ? null : AgencyId.of(assessingAgencyId),
                    expedited,
                    blank(caseNumber),
                    blank(contact),
                    items(materials));
        }

        public SubjectForm getSubject() {
            return subject;
        }

        public void setSubject(SubjectForm subject) {
            this.subject = subject;
        }

        public OffenceForm getOffence() {
            return offence;
        }

        public void setOffence(OffenceForm offence) {
            this.offence = offence;
        }

        public UUID getAssessingAgencyId() {
            return assessingAgencyId;
        }

        public void setAssessingAgencyId(UUID assessingAgencyId) {
            this.assessingAgencyId = assessingAgencyId;
        }

        public boolean isExpedited() {
            return expedited;
        }

        public void setExpedited(boolean expedited) {
            this.expedited = expedited;
        }

        public String getCaseNumber() {
            return caseNumber;
        }

        public void setCaseNumber(String caseNumber) {
            this.caseNumber = caseNumber;
        }

        public String getContact() {
            return contact;
        }

        public void setContact(String contact) {
            this.contact = contact;
        }

        public List<ItemRow> getMaterials() {
            return materials;
        }

        public void setMaterials(List<ItemRow> materials) {
            this.materials = materials;
        }
    }

    /** The decision: type, number, dates, term, place of execution, custody, institution handing over, original sentence. */
    public static class DecisionForm {
        private CorrectionType correctionType;
        private String caseNumber;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate judgmentDate;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate effectiveDate;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate termStart;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate termEnd;

        private UUID countyAgencyId;
        private boolean inCustody;
        private UUID handoverInstitutionId;
        private Integer sentenceMonths;

        DecisionData data() {
            return new DecisionData(
                    correctionType,
                    blank(caseNumber),
                    judgmentDate,
                    effectiveDate,
                    termStart,
                    termEnd,
                    countyAgencyId == null ? null : AgencyId.of(countyAgencyId),
                    inCustody,
                    handoverInstitutionId == null ? null : AgencyId.of(handoverInstitutionId),
                    sentenceMonths);
        }

        public Integer getSentenceMonths() {
            return sentenceMonths;
        }

        public void setSentenceMonths(Integer sentenceMonths) {
            this.sentenceMonths = sentenceMonths;
        }

        public CorrectionType getCorrectionType() {
            return correctionType;
        }

        public void setCorrectionType(CorrectionType correctionType) {
            this.correctionType = correctionType;
        }

        public String getCaseNumber() {
            return caseNumber;
        }

        public void setCaseNumber(String caseNumber) {
            this.caseNumber = caseNumber;
        }

        public LocalDate getJudgmentDate() {
            return judgmentDate;
        }

        public void setJudgmentDate(LocalDate judgmentDate) {
            this.judgmentDate = judgmentDate;
        }

        public LocalDate getEffectiveDate() {
            return effectiveDate;
        }

        public void setEffectiveDate(LocalDate effectiveDate) {
            this.effectiveDate = effectiveDate;
        }

        public LocalDate getTermStart() {
            return termStart;
        }

        public void setTermStart(LocalDate termStart) {
            this.termStart = termStart;
        }

        public LocalDate getTermEnd() {
            return termEnd;
        }

        public void setTermEnd(LocalDate termEnd) {
            this.termEnd = termEnd;
        }

        public UUID getCountyAgencyId() {
            return countyAgencyId;
        }

        public void setCountyAgencyId(UUID countyAgencyId) {
            this.countyAgencyId = countyAgencyId;
        }

        public boolean isInCustody() {
            return inCustody;
        }

        public void setInCustody(boolean inCustody) {
            this.inCustody = inCustody;
        }

        public UUID getHandoverInstitutionId() {
            return handoverInstitutionId;
        }

        public void setHandoverInstitutionId(UUID handoverInstitutionId) {
            this.handoverInstitutionId = handoverInstitutionId;
        }
    }

    /** A case decided without an entrusted assessment. */
    public static class DecidedCaseForm {
        private SubjectForm subject = new SubjectForm();
        private OffenceForm offence = new OffenceForm();
        private DecisionForm decision = new DecisionForm();

        NewDecidedCase request() {
            return new NewDecidedCase(subject.data(), offence.data(), decision.data());
        }

        public SubjectForm getSubject() {
            return subject;
        }

        public void setSubject(SubjectForm subject) {
            this.subject = subject;
        }

        public OffenceForm getOffence() {
            return offence;
        }

        public void setOffence(OffenceForm offence) {
            this.offence = offence;
        }

        public DecisionForm getDecision() {
            return decision;
        }

        public void setDecision(DecisionForm decision) {
            this.decision = decision;
        }
    }

    /** A command on a case at the version the page showed. */
    public static class Versioned {
        private Integer version;

        int version() {
            return version == null ? -1 : version;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer version) {
            this.version = version;
        }
    }

    /** The decision on an assessed case. */
    public static class DecideForm extends Versioned {
        private DecisionForm decision = new DecisionForm();

        public DecisionForm getDecision() {
            return decision;
        }

        public void setDecision(DecisionForm decision) {
            this.decision = decision;
        }
    }

    /** The assessment opinion (IM art. 14). */
    public static class OpinionForm {
        private String findings;
        private Recommendation opinion;
        private String reasons;
        private String contact;

        Opinion request() {
            return new Opinion(findings, opinion, reasons, blank(contact));
        }

        public String getFindings() {
            return findings;
        }

        public void setFindings(String findings) {
            this.findings = findings;
        }

        public Recommendation getOpinion() {
            return opinion;
        }

        public void setOpinion(Recommendation opinion) {
            this.opinion = opinion;
        }

        public String getReasons() {
            return reasons;
        }

        public void setReasons(String reasons) {
            this.reasons = reasons;
        }

        public String getContact() {
            return contact;
        }

        public void setContact(String contact) {
            this.contact = contact;
        }
    }

    /** A bundle sent (notification, delivery, transfer) or supplemented: its documents and a covering note. */
    public static class DeliveryForm extends Versioned {
        private List<ItemRow> items = new ArrayList<>();
        private String note;

        DeliveryForm() {}

        DeliveryForm(List<ItemRow> items) {
            this.items = items;
        }

        Delivery request() {
            return new Delivery(items(items), blank(note));
        }

        public List<ItemRow> getItems() {
            return items;
        }

        public void setItems(List<ItemRow> items) {
            this.items = items;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    /** A receipt of a handover. */
    public static class ReceiptForm extends Versioned {
        private String note;

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    /** One problem a rejection names: {@code MISSING:CODE} or {@code DEFECTIVE:item-id}, with a note. */
    public static class ProblemRow {
        private String what;
        private String note;

        boolean empty() {
            return blank(what) == null && blank(note) == null;
        }

        public String getWhat() {
            return what;
        }

        public void setWhat(String what) {
            this.what = what;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    /** A rejection: what is missing or defective. */
    public static class RejectForm extends Versioned {
        private List<ProblemRow> problems =
                new ArrayList<>(List.of(new ProblemRow(), new ProblemRow(), new ProblemRow()));
        private String note;

        /** The named problems; a row that names nothing stays as a problem without a kind (the façade says so). */
        List<Problem> request() {
            List<Problem> list = new ArrayList<>();
            for (ProblemRow row : problems == null ? List.<ProblemRow>of() : problems) {
                if (row == null || row.empty()) {
                    continue;
                }
                String what = blank(row.getWhat());
                String note = blank(row.getNote());
                if (what == null) {
                    list.add(new Problem(null, null, null, note));
                } else if (what.startsWith("MISSING:")) {
                    list.add(new Problem(code(what.substring(8)), null, ProblemKind.MISSING, note));
                } else if (what.startsWith("DEFECTIVE:")) {
                    list.add(new Problem(null, uuid(what.substring(10)), ProblemKind.DEFECTIVE, note));
                } else {
                    list.add(new Problem(null, null, null, note));
                }
            }
            return list;
        }

        private static ItemCode code(String v) {
            try {
                return ItemCode.valueOf(v);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static UUID uuid(String v) {
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        public List<ProblemRow> getProblems() {
            return problems;
        }

        public void setProblems(List<ProblemRow> problems) {
            this.problems = problems;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    /** The subject reported in at the county agency. */
    public static class ReportForm extends Versioned {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm")
        private LocalDateTime arrivedAt;

        public LocalDateTime getArrivedAt() {
            return arrivedAt;
        }

        public void setArrivedAt(LocalDateTime arrivedAt) {
            this.arrivedAt = arrivedAt;
        }
    }

    /** The judicial office the county agency assigns. */
    public static class OfficeForm extends Versioned {
        private UUID officeId;

        public UUID getOfficeId() {
            return officeId;
        }

        public void setOfficeId(UUID officeId) {
            this.officeId = officeId;
        }
    }

    /** The subject did not report: the search, as reported to the decision organ. */
    public static class MissingForm {
        private String searchRecord;
        private String note;

        MissingNotice request() {
            return new MissingNotice(searchRecord, note);
        }

        public String getSearchRecord() {
            return searchRecord;
        }

        public void setSearchRecord(String searchRecord) {
            this.searchRecord = searchRecord;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    /** One member of the correction team. */
    public static class MemberRow {
        private String name;
        private TeamRole role;
        private Gender gender;

        boolean empty() {
            return blank(name) == null && role == null && gender == null;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public TeamRole getRole() {
            return role;
        }

        public void setRole(TeamRole role) {
            this.role = role;
        }

        public Gender getGender() {
            return gender;
        }

        public void setGender(Gender gender) {
            this.gender = gender;
        }
    }

    /** The correction team (CCL art. 25). */
    public static class TeamForm extends Versioned {
        static final int ROWS = 5;
        private List<MemberRow> members = new ArrayList<>();

        TeamForm() {
            while (members.size() < ROWS) {
                members.add(new MemberRow());
            }
        }

        List<TeamMember> request(AgencyId office) {
            return members.stream()
                    .filter(Objects::nonNull)
                    .filter(m -> !m.empty())
                    .map(m -> new TeamMember(
                            m.getName(),
                            m.getRole(),
                            m.getGender(),
                            m.getRole() == TeamRole.OFFICE_STAFF ? office : null))
                    .toList();
        }

        public List<MemberRow> getMembers() {
            return members;
        }

        public void setMembers(List<MemberRow> members) {
            this.members = members;
        }
    }

    /** The individual correction plan (CCL art. 24). */
    public static class PlanForm extends Versioned {
        private String content;

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }
    }

    /** The entry announcement as held (CCL art. 22; IM art. 19). */
    public static class AnnounceForm extends Versioned {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm")
        private LocalDateTime heldAt;

        private String place;
        private String attendees;

        /** Held now unless the form says when (an announcement is usually recorded as it ends). */
        AnnouncementData request(Instant now) {
            return new AnnouncementData(heldAt == null ? now : instant(heldAt), place, attendees);
        }

        public LocalDateTime getHeldAt() {
            return heldAt;
        }

        public void setHeldAt(LocalDateTime heldAt) {
            this.heldAt = heldAt;
        }

        public String getPlace() {
            return place;
        }

        public void setPlace(String place) {
            this.place = place;
        }

        public String getAttendees() {
            return attendees;
        }

        public void setAttendees(String attendees) {
            this.attendees = attendees;
        }
    }
}
