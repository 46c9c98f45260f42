package org.tongxin.casefile.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseData;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityDocumentType;
import org.tongxin.casefile.LevelChangeReason;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.casefile.RevocationKind;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.identity.LawfulRole;
import org.tongxin.identity.Participation;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** SQL for subjects, cases, parties, timeline and the intake records. Row-level security applies underneath. */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subject row (encrypted fields still encrypted). */
    public record SubjectRow(
            UUID id,
            String name,
            Gender gender,
            String ethnicity,
            IdentityDocumentType idType,
            byte[] idNumber,
            byte[] idNumberHash,
            LocalDate birthDate,
            byte[] phone,
            byte[] phoneHash,
            String residenceDivision,
            byte[] residenceAddress,
            String guardianName,
            String guardianRelation,
            byte[] guardianPhone,
            byte[] health,
            int version) {}

    // Subjects

    /**
     * A subject as a statement gives it: a case's own statement, or the values of a proposed change (fields not proposed
     * are null there). Phone, address, guardian phone and health are encrypted under their own table's contexts.
     */
    public record StatedSubject(
            String name,
            Gender gender,
            String ethnicity,
            IdentityDocumentType idType,
            LocalDate birthDate,
            byte[] phone,
            String residenceDivision,
            byte[] residenceAddress,
            String guardianName,
            String guardianRelation,
            byte[] guardianPhone,
            byte[] health) {}

    /** A case's own statement of its subject (kept when the case was opened for a person already known). */
    public record StatementRow(
            CaseId caseId, UUID subjectId, StatedSubject stated, AgencyId statedBy, Instant statedAt) {}

    /** The subject of one case: the record and, where the case stated the person itself, its statement (shown instead). */
    public record CaseSubject(SubjectRow record, StatementRow statement) {

        public UUID id() {
            return record.id();
        }

        public String name() {
            return statement == null ? record.name() : statement.stated().name();
        }

        public Gender gender() {
            return statement == null ? record.gender() : statement.stated().gender();
        }

        public String residenceDivision() {
            return statement == null
                    ? record.residenceDivision()
                    : statement.stated().residenceDivision();
        }

        public byte[] idNumberHash() {
            return record.idNumberHash();
        }
    }

    public void insertStatement(StatementRow s) {
        StatedSubject v = s.stated();
        jdbc.sql("""
            INSERT INTO casefile_subject_statement (case_id, subject_id, name, gender, ethnicity, id_type, birth_date, phone_enc,
                residence_division, residence_address_enc, guardian_name, guardian_relation, guardian_phone_enc, health_enc,
                stated_by_agency_id, stated_at)
            VALUES (:c, :s, :name, :gender, :ethnicity, :idType, :birth, :phone, :division, :address, :guardian, :relation,
                :guardianPhone, :health, :by, :at)\
            """)
                .params(statedParams(v))
                .param("c", s.caseId().value())
                .param("s", s.subjectId())
                .param("by", s.statedBy().value())
                .param("at", Timestamp.from(s.statedAt()))
                .update();
    }

    static Map<String, Object> statedParams(StatedSubject v) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", v.name());
        p.put("gender", v.gender() == null ? null : v.gender().name());
        p.put("ethnicity", v.ethnicity());
        p.put("idType", v.idType() == null ? null : v.idType().name());
        p.put("birth", v.birthDate());
        p.put("phone", v.phone());
        p.put("division", v.residenceDivision());
        p.put("address", v.residenceAddress());
        p.put("guardian", v.guardianName());
        p.put("relation", v.guardianRelation());
        p.put("guardianPhone", v.guardianPhone());
        p.put("health", v.health());
        return p;
    }

    static StatedSubject stated(ResultSet rs) throws SQLException {
        return new StatedSubject(
                rs.getString("name"),
                rs.getString("gender") == null ? null : Gender.valueOf(rs.getString("gender")),
                rs.getString("ethnicity"),
                rs.getString("id_type") == null ? null : IdentityDocumentType.valueOf(rs.getString("id_type")),
                date(rs, "birth_date"),
                rs.getBytes("phone_enc"),
                rs.getString("residence_division"),
                rs.getBytes("residence_address_enc"),
                rs.getString("guardian_name"),
                rs.getString("guardian_relation"),
                rs.getBytes("guardian_phone_enc"),
                rs.getBytes("health_enc"));
    }

    private static StatementRow statement(ResultSet rs, int n) throws SQLException {
        return new StatementRow(
                CaseId.of(rs.getObject("case_id", UUID.class)),
                rs.getObject("subject_id", UUID.class),
                stated(rs),
                AgencyId.of(rs.getObject("stated_by_agency_id", UUID.class)),
                rs.getTimestamp("stated_at").toInstant());
    }

    /** The subject of a case as the case shows it (its own statement where it has one). */
    public Optional<CaseSubject> caseSubject(CaseId caseId) {
        return caseSubjects(List.of(caseId)).values().stream().findFirst();
    }

    /** The subjects of cases as each case shows it, by case (cases not found are left out). */
    public Map<CaseId, CaseSubject> caseSubjects(java.util.Collection<CaseId> caseIds) {
        Map<CaseId, CaseSubject> result = new java.util.LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return result;
        }
        List<UUID> ids = caseIds.stream().map(CaseId::value).distinct().toList();
        Map<UUID, UUID> subjectOf = new HashMap<>();
        jdbc.sql("SELECT id, subject_id FROM casefile_case WHERE id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> subjectOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        Map<UUID, SubjectRow> subjects =
                subjects(subjectOf.values().stream().distinct().toList());
        Map<UUID, StatementRow> statements = new HashMap<>();
        if (!subjectOf.isEmpty()) {
            jdbc.sql("SELECT * FROM casefile_subject_statement WHERE case_id IN (:ids)")
                    .param("ids", List.copyOf(subjectOf.keySet()))
                    .query(CaseRepository::statement)
                    .list()
                    .forEach(st -> statements.put(st.caseId().value(), st));
        }
        for (CaseId id : caseIds) {
            SubjectRow record = subjects.get(subjectOf.get(id.value()));
            if (record != null) {
                result.put(id, new CaseSubject(record, statements.get(id.value())));
            }
        }
        return result;
    }

    /**
     * The person's other cases, by id, whoever may see them: asked of the owner's function, which tells the ids and
     * nothing else (V136); each reader is checked per case.
     */
    public List<CaseId> otherCasesOf(UUID subjectId, CaseId except) {
        return jdbc
                .sql("SELECT c FROM casefile_other_cases_of(:s, :c) c")
                .param("s", subjectId)
                .param("c", except.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(CaseId::of)
                .toList();
    }

    /** Saves a changed record when {@code s.version} is still current; false when someone changed it first. */
    public boolean updateSubjectIfCurrent(SubjectRow s, Instant now) {
        return jdbc.sql("""
            UPDATE casefile_subject SET name = :name, gender = :gender, ethnicity = :ethnicity, id_type = :idType,
                birth_date = :birth, phone_enc = :phone, phone_hash = :phoneHash, residence_division = :division,
                residence_address_enc = :address, guardian_name = :guardian, guardian_relation = :relation,
                guardian_phone_enc = :guardianPhone, health_enc = :health, updated_at = :now, version = version + 1
             WHERE id = :id AND version = :version\
            """)
                        .params(subjectParams(s))
                        .param("now", Timestamp.from(now))
                        .param("version", s.version())
                        .update()
                == 1;
    }

    /**
     * The person with this identity number in any case, whoever may see it (a new case links to a known person): asked
     * of the owner's function, which tells the id and nothing else (V131).
     */
    public Optional<UUID> subjectByIdHash(List<byte[]> hashes) {
        return jdbc.sql("SELECT s FROM casefile_subject_by_id_hash(ARRAY[:h]::bytea[]) s WHERE s IS NOT NULL")
                .param("h", hashes)
                .query(UUID.class)
                .optional();
    }

    public Optional<SubjectRow> subject(UUID id) {
        return jdbc.sql("SELECT * FROM casefile_subject WHERE id = :id")
                .param("id", id)
                .query(CaseRepository::subject)
                .optional();
    }

    public void insertSubject(SubjectRow s, Instant now) {
        jdbc.sql("""
            INSERT INTO casefile_subject (id, name, gender, ethnicity, id_type, id_number_enc, id_number_hash, birth_date,
                phone_enc, phone_hash, residence_division, residence_address_enc, guardian_name, guardian_relation,
                guardian_phone_enc, health_enc, created_at, updated_at)
            VALUES (:id, :name, :gender, :ethnicity, :idType, :idNumber, :idHash, :birth, :phone, :phoneHash, :division,
                :address, :guardian, :relation, :guardianPhone, :health, :now, :now)\
            """).params(subjectParams(s)).param("now", Timestamp.from(now)).update();
    }

    private static Map<String, Object> subjectParams(SubjectRow s) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", s.id());
        p.put("name", s.name());
        p.put("gender", s.gender().name());
        p.put("ethnicity", s.ethnicity());
        p.put("idType", s.idType().name());
        p.put("idNumber", s.idNumber());
        p.put("idHash", s.idNumberHash());
        p.put("birth", s.birthDate());
        p.put("phone", s.phone());
        p.put("phoneHash", s.phoneHash());
        p.put("division", s.residenceDivision());
        p.put("address", s.residenceAddress());
        p.put("guardian", s.guardianName());
        p.put("relation", s.guardianRelation());
        p.put("guardianPhone", s.guardianPhone());
        p.put("health", s.health());
        return p;
    }

    // Cases

    public Optional<CorrectionCase> find(CaseId id) {
        return jdbc.sql("SELECT * FROM casefile_case WHERE id = :id")
                .param("id", id.value())
                .query(CaseRepository::correctionCase)
                .optional();
    }

    /** The cases with these ids that the caller may read (row-level security), in one query. */
    public Map<CaseId, CorrectionCase> findAll(Collection<CaseId> ids) {
        Map<CaseId, CorrectionCase> result = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT * FROM casefile_case WHERE id IN (:ids)")
                    .param("ids", ids.stream().map(CaseId::value).toList())
                    .query(CaseRepository::correctionCase)
                    .list()
                    .forEach(c -> result.put(c.id(), c));
        }
        return result;
    }

    public void insert(CorrectionCase c) {
        jdbc.sql("""
            INSERT INTO casefile_case (id, subject_id, status, correction_type, decision_organ_id, case_number, judgment_date,
                effective_date, offence_category, offence_details_enc, offence_date, charges, minor_at_offence, term_start, term_end,
                sentence_months, in_custody, expedited, county_agency_id, judicial_office_id, procuratorate_id, police_id,
                handover_institution_id, policy_region, documents_state, arrival_state, arrived_at, registered_at,
                team_formed_at, plan_made_at, announced_at, created_by, created_at, updated_at, version)
            VALUES (:id, :subject, :status, :type, :organ, :number, :judgment, :effective, :category, :details, :offenceDate,
                :charges, :minor, :start, :end, :sentence, :custody, :expedited, :county, :office, :procuratorate, :police, :institution, :region,
                :documents, :arrival, :arrivedAt, :registeredAt, :teamAt, :planAt, :announcedAt, :createdBy, :createdAt,
                :updatedAt, 0)\
            """).params(caseParams(c)).update();
        syncParties(c);
    }

    /** Whether the organ already used the case number for another case (numbers are unique per decision organ). */
    /** Whether the organ's case number names another case of this person, in any agency's cases (V131). */
    public boolean caseNumberTaken(AgencyId organ, String number, List<byte[]> personHashes, CaseId except) {
        return jdbc.sql("SELECT casefile_case_number_taken(:organ, :number, ARRAY[:person]::bytea[], :except)")
                .param("organ", organ.value())
                .param("number", number)
                .param("person", personHashes)
                .param("except", except.value())
                .query(Boolean.class)
                .single();
    }

    /** Saves when {@code c.version} is still current; false when someone else changed the case first. */
    public boolean update(CorrectionCase c) {
        int rows =
                jdbc.sql("""
                    UPDATE casefile_case SET status = :status, correction_type = :type, decision_organ_id = :organ,
                        case_number = :number, judgment_date = :judgment, effective_date = :effective, offence_category = :category,
                        offence_details_enc = :details, offence_date = :offenceDate, charges = :charges, minor_at_offence = :minor, term_start = :start,
                        term_end = :end, sentence_months = :sentence, in_custody = :custody, expedited = :expedited, county_agency_id = :county,
                        judicial_office_id = :office, procuratorate_id = :procuratorate, police_id = :police,
                        handover_institution_id = :institution, policy_region = :region, documents_state = :documents,
                        arrival_state = :arrival, arrived_at = :arrivedAt, registered_at = :registeredAt, team_formed_at = :teamAt,
                        plan_made_at = :planAt, announced_at = :announcedAt, supervision_level = :level, custody_kind = :custodyKind,
                        detaining_organ_id = :detainingOrgan, detained_at = :detainedAt, revocation_kind = :revocation,
                        termination_reason = :termination, ended_on = :endedOn, sealed_at = :sealedAt, updated_at = :updatedAt,
                        version = version + 1
                     WHERE id = :id AND version = :version\
                    """).params(caseParams(c)).param("version", c.version).update();
        if (rows == 1) {
            c.version++;
            syncParties(c);
        }
        return rows == 1;
    }

    private static Map<String, Object> caseParams(CorrectionCase c) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", c.id.value());
        p.put("subject", c.subjectId);
        p.put("status", c.status.name());
        p.put("type", c.correctionType == null ? null : c.correctionType.name());
        p.put("organ", c.decisionOrganId.value());
        p.put("number", c.caseNumber);
        p.put("judgment", c.judgmentDate);
        p.put("effective", c.effectiveDate);
        p.put("category", c.offenceCategory == null ? null : c.offenceCategory.name());
        p.put("details", c.offenceDetails);
        p.put("offenceDate", c.offenceDate);
        p.put("charges", c.charges.toArray(String[]::new));
        p.put("minor", c.minorAtOffence);
        p.put("start", c.termStart);
        p.put("end", c.termEnd);
        p.put("sentence", c.sentenceMonths);
        p.put("custody", c.inCustody);
        p.put("expedited", c.expedited);
        p.put("county", c.countyAgencyId.value());
        p.put("office", id(c.officeId));
        p.put("procuratorate", id(c.procuratorateId));
        p.put("police", id(c.policeId));
        p.put("institution", id(c.handoverInstitutionId));
        p.put("region", c.policyRegion);
        p.put("documents", c.documentsState.name());
        p.put("arrival", c.arrivalState.name());
        p.put("arrivedAt", ts(c.arrivedAt));
        p.put("registeredAt", ts(c.registeredAt));
        p.put("teamAt", ts(c.teamFormedAt));
        p.put("planAt", ts(c.planMadeAt));
        p.put("announcedAt", ts(c.announcedAt));
        p.put("level", c.supervisionLevel == null ? null : c.supervisionLevel.name());
        p.put("custodyKind", c.custodyKind == null ? null : c.custodyKind.name());
        p.put("detainingOrgan", id(c.detainingOrganId));
        p.put("detainedAt", ts(c.detainedAt));
        p.put("revocation", c.revocationKind == null ? null : c.revocationKind.name());
        p.put("termination", c.terminationReason == null ? null : c.terminationReason.name());
        p.put("endedOn", c.endedOn);
        p.put("sealedAt", ts(c.sealedAt));
        p.put("createdBy", c.createdBy);
        p.put("createdAt", ts(c.createdAt));
        p.put("updatedAt", ts(c.updatedAt));
        return p;
    }

    /** The parties that follow from the case's own fields; parties granted later (escalation, coordination, referrals) stay. */
    private void syncParties(CorrectionCase c) {
        List<LawfulRole> derived = new ArrayList<>();
        derived.add(new LawfulRole(c.decisionOrganId, Participation.DECISION_ORGAN));
        derived.add(new LawfulRole(c.countyAgencyId, Participation.EXECUTING_AGENCY));
        if (c.officeId != null) {
            derived.add(new LawfulRole(c.officeId, Participation.ASSIGNED_OFFICE));
        }
        if (c.procuratorateId != null) {
            derived.add(new LawfulRole(c.procuratorateId, Participation.COPIED_PROCURATORATE));
        }
        if (c.policeId != null) {
            derived.add(new LawfulRole(c.policeId, Participation.COPIED_POLICE));
        }
        if (c.handoverInstitutionId != null) {
            derived.add(new LawfulRole(c.handoverInstitutionId, Participation.HANDOVER_INSTITUTION));
        }
        jdbc.sql("""
            DELETE FROM casefile_party WHERE case_id = :id AND participation IN
                ('DECISION_ORGAN', 'EXECUTING_AGENCY', 'ASSIGNED_OFFICE', 'COPIED_PROCURATORATE', 'COPIED_POLICE', 'HANDOVER_INSTITUTION')\
            """).param("id", c.id.value()).update();
        for (LawfulRole role : derived) {
            addParty(c.id, role.agency(), role.participation(), c.updatedAt);
        }
    }

    /** The participations that follow from the case's own fields (kept in step by every save). */
    public static final java.util.Set<Participation> DERIVED = java.util.EnumSet.of(
            Participation.DECISION_ORGAN,
            Participation.EXECUTING_AGENCY,
            Participation.ASSIGNED_OFFICE,
            Participation.COPIED_PROCURATORATE,
            Participation.COPIED_POLICE,
            Participation.HANDOVER_INSTITUTION);

    /** Ends a granted participation (false when the agency did not hold it). */
    public boolean removeParty(CaseId caseId, AgencyId agency, Participation participation) {
        return jdbc.sql("DELETE FROM casefile_party WHERE case_id = :c AND agency_id = :a AND participation = :p")
                        .param("c", caseId.value())
                        .param("a", agency.value())
                        .param("p", participation.name())
                        .update()
                == 1;
    }

    /** Records a change of the supervision level with its reason in words (encrypted: it may name health or offences). */
    public void insertLevelChange(
            CaseId caseId,
            Instant at,
            SupervisionLevel from,
            SupervisionLevel to,
            LevelChangeReason reason,
            byte[] note,
            UUID by) {
        jdbc.sql("""
            INSERT INTO casefile_supervision_level (case_id, changed_at, level_from, level_to, reason, note_enc, changed_by)
            VALUES (:c, :at, :from, :to, :reason, :note, :by)\
            """)
                .param("c", caseId.value())
                .param("at", Timestamp.from(at))
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("reason", reason.name())
                .param("note", note)
                .param("by", by)
                .update();
    }

    /** A change of the supervision level as stored (the note still encrypted). */
    public record LevelChangeRow(
            Instant changedAt,
            SupervisionLevel from,
            SupervisionLevel to,
            LevelChangeReason reason,
            byte[] note,
            UUID changedBy) {}

    /** The changes of a case's supervision level, newest first. */
    public List<LevelChangeRow> levelChanges(CaseId caseId) {
        return jdbc.sql("SELECT * FROM casefile_supervision_level WHERE case_id = :c ORDER BY changed_at DESC, id DESC")
                .param("c", caseId.value())
                .query((rs, n) -> new LevelChangeRow(
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("level_from") == null
                                ? null
                                : SupervisionLevel.valueOf(rs.getString("level_from")),
                        SupervisionLevel.valueOf(rs.getString("level_to")),
                        LevelChangeReason.valueOf(rs.getString("reason")),
                        rs.getBytes("note_enc"),
                        rs.getObject("changed_by", UUID.class)))
                .list();
    }

    /**
     * Adds a lawful role unless the case has it. Not {@code ON CONFLICT}: that would require the new row to be one the
     * caller may already see (row-level security, V130), which a court's first party row of its new case is not.
     */
    public void addParty(CaseId caseId, AgencyId agency, Participation participation, Instant since) {
        jdbc.sql("""
            INSERT INTO casefile_party (case_id, agency_id, participation, since) SELECT CAST(:c AS uuid), CAST(:a AS uuid), :p, :s
             WHERE NOT EXISTS (SELECT 1 FROM casefile_party WHERE case_id = :c AND agency_id = :a AND participation = :p)\
            """)
                .param("c", caseId.value())
                .param("a", agency.value())
                .param("p", participation.name())
                .param("s", Timestamp.from(since))
                .update();
    }

    /** Of the given cases, those in which the agency holds a lawful role (one query, for screens listing many cases). */
    public java.util.Set<UUID> withParty(AgencyId agency, java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(
                jdbc.sql("SELECT DISTINCT case_id FROM casefile_party WHERE agency_id = :a AND case_id IN (:ids)")
                        .param("a", agency.value())
                        .param("ids", List.copyOf(caseIds))
                        .query(UUID.class)
                        .list());
    }

    /**
     * Serialises granting and taking back one agency's roles in one case until the transaction ends (a transaction-scoped
     * advisory lock): a role taken back because no task needs it any more never removes one a concurrent task just got.
     */
    public void lockParty(CaseId caseId, AgencyId agency) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "casefile_party:" + caseId.value() + ":" + agency.value())
                .query((rs, n) -> 0)
                .list();
    }

    /** Cases in correction (under supervision or in custody) whose term ends on or before {@code by} (system scope). */
    public List<CaseId> inCorrectionEndingBy(java.time.LocalDate by) {
        return jdbc
                .sql("SELECT id FROM casefile_case WHERE status IN ('UNDER_CORRECTION', 'IN_CUSTODY') AND term_end"
                        + " <= :by ORDER BY term_end, id")
                .param("by", by)
                .query(UUID.class)
                .list()
                .stream()
                .map(CaseId::of)
                .toList();
    }

    public List<LawfulRole> parties(CaseId caseId) {
        return jdbc.sql("SELECT agency_id, participation FROM casefile_party WHERE case_id = :c")
                .param("c", caseId.value())
                .query((rs, n) -> new LawfulRole(
                        AgencyId.of(rs.getObject(1, UUID.class)), Participation.valueOf(rs.getString(2))))
                .list();
    }

    /** The parties of each of these cases, in one query (a case without parties is absent). */
    public Map<CaseId, List<LawfulRole>> parties(Collection<CaseId> caseIds) {
        Map<CaseId, List<LawfulRole>> result = new HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.sql("SELECT case_id, agency_id, participation FROM casefile_party WHERE case_id IN (:c)")
                    .param("c", caseIds.stream().map(CaseId::value).toList())
                    .query(rs -> {
                        result.computeIfAbsent(
                                        CaseId.of(rs.getObject(1, UUID.class)), id -> new java.util.ArrayList<>())
                                .add(new LawfulRole(
                                        AgencyId.of(rs.getObject(2, UUID.class)),
                                        Participation.valueOf(rs.getString(3))));
                    });
        }
        return result;
    }

    /**
     * Case ids, newest first, where the agency is a party and the filters match (subject fields by the caller). A name
     * never matches a case whose subject the agency sees masked (a minor at the offence, doc/security-requirements.md S10, for an agency
     * outside {@code minorsTeam}): one letter at a time, a name search would otherwise confirm the masked name.
     */
    public PageResult<CorrectionCase> search(
            AgencyId partyOf,
            Set<Participation> minorsTeam,
            String name,
            List<byte[]> idHashes,
            String caseNumber,
            CaseStatus status,
            AgencyId office,
            PageQuery page) {
        StringBuilder where = new StringBuilder(
                " WHERE EXISTS (SELECT 1 FROM casefile_party p WHERE p.case_id = c.id AND p.agency_id = :agency)");
        Map<String, Object> params = new HashMap<>();
        params.put("agency", partyOf.value());
        if (name != null && !name.isBlank()) {
            where.append(
                    " AND coalesce(st.name, s.name) LIKE :name AND (NOT c.minor_at_offence OR EXISTS (SELECT 1 FROM"
                        + " casefile_party t WHERE t.case_id = c.id AND t.agency_id = :agency AND t.participation IN"
                        + " (:team)))");
            params.put(
                    "name",
                    "%" + name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("team", minorsTeam.stream().map(Enum::name).toList());
        }
        if (idHashes != null) {
            where.append(" AND s.id_number_hash IN (:idHashes)");
            params.put("idHashes", idHashes);
        }
        if (caseNumber != null && !caseNumber.isBlank()) {
            where.append(" AND c.case_number = :number");
            params.put("number", caseNumber.strip());
        }
        if (status != null) {
            where.append(" AND c.status = :status");
            params.put("status", status.name());
        }
        if (office != null) {
            where.append(" AND c.judicial_office_id = :office");
            params.put("office", office.value());
        }
        // A case opened for a known person shows (and is found by) the name its own statement gives.
        String from = " FROM casefile_case c JOIN casefile_subject s ON s.id = c.subject_id"
                + " LEFT JOIN casefile_subject_statement st ON st.case_id = c.id";
        long total = jdbc.sql("SELECT count(*)" + from + where)
                .params(params)
                .query(Long.class)
                .single();
        String order = switch (page.sort()) {
                    case "effective" -> "c.effective_date";
                    case "status" -> "c.status";
                    default -> "c.updated_at";
                }
                + (page.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", c.id";
        List<CorrectionCase> rows = jdbc.sql(
                        "SELECT c.*" + from + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(CaseRepository::correctionCase)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public Map<UUID, SubjectRow> subjects(List<UUID> ids) {
        Map<UUID, SubjectRow> result = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT * FROM casefile_subject WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query(CaseRepository::subject)
                    .list()
                    .forEach(s -> result.put(s.id(), s));
        }
        return result;
    }

    // Timeline

    public void appendTimeline(
            CaseId caseId,
            Instant at,
            String kind,
            String args,
            UUID userId,
            String actorName,
            UUID actorAgency,
            List<String> audience,
            String sourceEvent) {
        // One statement: nothing is written for a case that does not exist (an event about a matter without one).
        jdbc.sql("""
            INSERT INTO casefile_timeline (case_id, occurred_at, kind, args, actor_user_id, actor_name, actor_agency_id,
                audience, source_event)
            SELECT c.id, CAST(:at AS timestamptz), CAST(:kind AS varchar), CAST(:args AS text), CAST(:user AS uuid),
                   CAST(:name AS varchar), CAST(:agency AS uuid), CAST(:audience AS text[]), CAST(:source AS varchar)
              FROM casefile_case c WHERE c.id = :c
            ON CONFLICT (case_id, source_event) DO NOTHING\
            """)
                .param("c", caseId.value())
                .param("at", Timestamp.from(at))
                .param("kind", kind)
                .param("args", args)
                .param("user", userId)
                .param("name", actorName)
                .param("agency", actorAgency)
                .param("audience", audience.toArray(String[]::new))
                .param("source", sourceEvent)
                .update();
    }

    public record TimelineRow(
            long id,
            Instant occurredAt,
            String kind,
            String args,
            UUID actorUserId,
            String actorName,
            UUID actorAgencyId,
            List<String> audience) {}

    public List<TimelineRow> timeline(CaseId caseId) {
        return jdbc.sql("SELECT * FROM casefile_timeline WHERE case_id = :c ORDER BY occurred_at DESC, id DESC")
                .param("c", caseId.value())
                .query((rs, n) -> new TimelineRow(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("kind"),
                        rs.getString("args"),
                        rs.getObject("actor_user_id", UUID.class),
                        rs.getString("actor_name"),
                        rs.getObject("actor_agency_id", UUID.class),
                        List.of((String[]) rs.getArray("audience").getArray())))
                .list();
    }

    public boolean exists(CaseId caseId) {
        return jdbc.sql("SELECT count(*) FROM casefile_case WHERE id = :c")
                        .param("c", caseId.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    // Intake records

    public void replaceTeam(CaseId caseId, List<CaseData.TeamMember> members) {
        jdbc.sql("DELETE FROM casefile_team_member WHERE case_id = :c")
                .param("c", caseId.value())
                .update();
        int position = 0;
        for (CaseData.TeamMember m : members) {
            jdbc.sql("""
                INSERT INTO casefile_team_member (case_id, position, name, role, gender, agency_id)
                VALUES (:c, :p, :name, :role, :gender, :agency)\
                """)
                    .param("c", caseId.value())
                    .param("p", position++)
                    .param("name", m.name())
                    .param("role", m.role().name())
                    .param("gender", m.gender().name())
                    .param("agency", m.agencyId() == null ? null : m.agencyId().value())
                    .update();
        }
    }

    public List<CaseData.TeamMember> team(CaseId caseId) {
        return jdbc.sql("SELECT * FROM casefile_team_member WHERE case_id = :c ORDER BY position")
                .param("c", caseId.value())
                .query((rs, n) -> new CaseData.TeamMember(
                        rs.getString("name"),
                        CaseData.TeamRole.valueOf(rs.getString("role")),
                        Gender.valueOf(rs.getString("gender")),
                        rs.getObject("agency_id", UUID.class) == null
                                ? null
                                : AgencyId.of(rs.getObject("agency_id", UUID.class))))
                .list();
    }

    public int insertPlan(CaseId caseId, byte[] content, Instant now, UUID by) {
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM casefile_plan WHERE case_id = :c")
                .param("c", caseId.value())
                .query(Integer.class)
                .single();
        jdbc.sql("INSERT INTO casefile_plan (case_id, number, content_enc, made_at, made_by) VALUES (:c, :n,"
                        + " :content, :now, :by)")
                .param("c", caseId.value())
                .param("n", number)
                .param("content", content)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update();
        return number;
    }

    public Optional<byte[]> latestPlan(CaseId caseId) {
        return jdbc.sql("SELECT content_enc FROM casefile_plan WHERE case_id = :c ORDER BY number DESC LIMIT 1")
                .param("c", caseId.value())
                .query(byte[].class)
                .optional();
    }

    public void insertAnnouncement(CaseId caseId, CaseData.AnnouncementData a, AgencyId host) {
        jdbc.sql("""
            INSERT INTO casefile_announcement (case_id, held_at, place, host_agency_id, attendees)
            VALUES (:c, :at, :place, :host, :attendees)\
            """)
                .param("c", caseId.value())
                .param("at", Timestamp.from(a.heldAt()))
                .param("place", a.place())
                .param("host", host.value())
                .param("attendees", a.attendees())
                .update();
    }

    public Optional<CaseData.Announcement> announcement(CaseId caseId) {
        return jdbc.sql("SELECT * FROM casefile_announcement WHERE case_id = :c")
                .param("c", caseId.value())
                .query((rs, n) -> new CaseData.Announcement(
                        rs.getTimestamp("held_at").toInstant(),
                        rs.getString("place"),
                        AgencyId.of(rs.getObject("host_agency_id", UUID.class)),
                        rs.getString("attendees")))
                .optional();
    }

    // Mapping

    static CorrectionCase correctionCase(ResultSet rs, int n) throws SQLException {
        CorrectionCase c =
                new CorrectionCase(CaseId.of(rs.getObject("id", UUID.class)), rs.getObject("subject_id", UUID.class));
        c.status = CaseStatus.valueOf(rs.getString("status"));
        c.correctionType = rs.getString("correction_type") == null
                ? null
                : CorrectionType.valueOf(rs.getString("correction_type"));
        c.decisionOrganId = agency(rs, "decision_organ_id");
        c.caseNumber = rs.getString("case_number");
        c.judgmentDate = date(rs, "judgment_date");
        c.effectiveDate = date(rs, "effective_date");
        c.offenceCategory = rs.getString("offence_category") == null
                ? null
                : OffenceCategory.valueOf(rs.getString("offence_category"));
        c.offenceDetails = rs.getBytes("offence_details_enc");
        c.offenceDate = date(rs, "offence_date");
        java.sql.Array charges = rs.getArray("charges");
        c.charges = charges == null ? List.of() : List.of((String[]) charges.getArray());
        c.minorAtOffence = rs.getBoolean("minor_at_offence");
        c.termStart = date(rs, "term_start");
        c.termEnd = date(rs, "term_end");
        c.sentenceMonths = rs.getObject("sentence_months", Integer.class);
        c.inCustody = rs.getBoolean("in_custody");
        c.expedited = rs.getBoolean("expedited");
        c.countyAgencyId = agency(rs, "county_agency_id");
        c.officeId = agency(rs, "judicial_office_id");
        c.procuratorateId = agency(rs, "procuratorate_id");
        c.policeId = agency(rs, "police_id");
        c.handoverInstitutionId = agency(rs, "handover_institution_id");
        c.policyRegion = rs.getString("policy_region");
        c.documentsState = DocumentsState.valueOf(rs.getString("documents_state"));
        c.arrivalState = ArrivalState.valueOf(rs.getString("arrival_state"));
        c.arrivedAt = instant(rs, "arrived_at");
        c.registeredAt = instant(rs, "registered_at");
        c.teamFormedAt = instant(rs, "team_formed_at");
        c.planMadeAt = instant(rs, "plan_made_at");
        c.announcedAt = instant(rs, "announced_at");
        c.supervisionLevel = rs.getString("supervision_level") == null
                ? null
                : SupervisionLevel.valueOf(rs.getString("supervision_level"));
        c.custodyKind = rs.getString("custody_kind") == null ? null : CustodyKind.valueOf(rs.getString("custody_kind"));
        c.detainingOrganId = agency(rs, "detaining_organ_id");
        c.detainedAt = instant(rs, "detained_at");
        c.revocationKind = rs.getString("revocation_kind") == null
                ? null
                : RevocationKind.valueOf(rs.getString("revocation_kind"));
        c.terminationReason = rs.getString("termination_reason") == null
                ? null
                : TerminationReason.valueOf(rs.getString("termination_reason"));
        c.endedOn = date(rs, "ended_on");
        c.sealedAt = instant(rs, "sealed_at");
        c.createdBy = rs.getObject("created_by", UUID.class);
        c.createdAt = instant(rs, "created_at");
        c.updatedAt = instant(rs, "updated_at");
        c.version = rs.getInt("version");
        return c;
    }

    static SubjectRow subject(ResultSet rs, int n) throws SQLException {
        return new SubjectRow(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Gender.valueOf(rs.getString("gender")),
                rs.getString("ethnicity"),
                IdentityDocumentType.valueOf(rs.getString("id_type")),
                rs.getBytes("id_number_enc"),
                rs.getBytes("id_number_hash"),
                date(rs, "birth_date"),
                rs.getBytes("phone_enc"),
                rs.getBytes("phone_hash"),
                rs.getString("residence_division"),
                rs.getBytes("residence_address_enc"),
                rs.getString("guardian_name"),
                rs.getString("guardian_relation"),
                rs.getBytes("guardian_phone_enc"),
                rs.getBytes("health_enc"),
                rs.getInt("version"));
    }

    private static AgencyId agency(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : AgencyId.of(id);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static UUID id(AgencyId a) {
        return a == null ? null : a.value();
    }
}
