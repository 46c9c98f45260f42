package org.tongxin.assessment.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.requireUpdated;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.assessment.ArrestStatus;
import org.tongxin.assessment.AssessmentResult;
import org.tongxin.assessment.AssessmentViews.DecisionView;
import org.tongxin.assessment.AssessmentViews.FactKind;
import org.tongxin.assessment.AssessmentViews.PeriodicAssessmentView;
import org.tongxin.assessment.AssessmentViews.ProposalView;
import org.tongxin.assessment.DecisionId;
import org.tongxin.assessment.PeriodicAssessmentId;
import org.tongxin.assessment.ProposalId;
import org.tongxin.assessment.ProposalStatus;
import org.tongxin.assessment.ReasonCode;
import org.tongxin.assessment.ResponseKind;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.LevelChangeReason;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.crypto.FieldCipher;

/** SQL of the assessment module. Row-level security limits a person's reads to the cases their agency takes part in. */
@Repository
public class AssessmentRepository {

    static final String DECISION_FACTS = "assessment_decision.facts";
    static final String DECISION_EVIDENCE = "assessment_decision.evidence";
    static final String PROPOSAL_FACTS = "assessment_proposal.facts";
    static final String PROPOSAL_EVIDENCE = "assessment_proposal.evidence";
    static final String ARREST_REASON = "assessment_proposal.arrest_reason";
    static final String RULING_NOTE = "assessment_proposal.ruling_note";
    static final String PERIODIC_FACTS = "assessment_periodic.facts";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    AssessmentRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insertDecision(
            DecisionId id,
            CaseId caseId,
            ResponseKind kind,
            List<ReasonCode> reasons,
            Integer days,
            String facts,
            String evidence,
            Instant at,
            UUID by,
            String approver,
            AgencyId agency,
            UUID policyVersion) {
        jdbc.sql("""
            INSERT INTO assessment_decision (id, case_id, kind, reasons, out_of_contact_days, facts_enc, evidence_enc,
                decided_at, decided_by, approver_name, agency_id, policy_version_id)
            VALUES (:id, :case, :kind, :reasons, :days, :facts, :evidence, :at, :by, :approver, :agency, :policy)\
            """)
                .param("id", id.value())
                .param("case", caseId.value())
                .param("kind", kind.name())
                .param("reasons", codes(reasons))
                .param("days", days)
                .param("facts", cipher.encrypt(facts, DECISION_FACTS))
                .param("evidence", cipher.seal(evidence, DECISION_EVIDENCE))
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("approver", approver)
                .param("agency", agency.value())
                .param("policy", policyVersion)
                .update();
    }

    /** Stores a periodic assessment once its transitions are done (a record: never changed afterwards). */
    public void insertPeriodic(
            PeriodicAssessment a, String facts, Instant at, UUID by, String recorder, AgencyId agency) {
        jdbc.sql("""
            INSERT INTO assessment_periodic (id, case_id, period_from, period_to, result, facts_enc, level_from, level_to,
                level_reason, plan_number, recorded_at, recorded_by, recorder_name, agency_id)
            VALUES (:id, :case, :from, :to, :result, :facts, :levelFrom, :levelTo, :reason, :plan, :at, :by, :recorder, :agency)\
            """)
                .param("id", a.id().value())
                .param("case", a.caseId().value())
                .param("from", a.periodFrom())
                .param("to", a.periodTo())
                .param("result", a.result().name())
                .param("facts", cipher.encrypt(facts, PERIODIC_FACTS))
                .param("levelFrom", a.levelFrom() == null ? null : a.levelFrom().name())
                .param("levelTo", a.levelTo() == null ? null : a.levelTo().name())
                .param(
                        "reason",
                        a.levelReason() == null ? null : a.levelReason().name())
                .param("plan", a.planNumber())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("recorder", recorder)
                .param("agency", agency.value())
                .update();
    }

    /** The last day of the latest period assessed on the case, if any. */
    public Optional<LocalDate> lastAssessedTo(CaseId caseId) {
        return jdbc.sql("SELECT max(period_to) FROM assessment_periodic WHERE case_id = :case")
                .param("case", caseId.value())
                .query((rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate())
                .optional();
    }

    /** The case's periodic assessments, newest period first. */
    public List<PeriodicAssessmentView> periodic(CaseId caseId) {
        return jdbc.sql("SELECT * FROM assessment_periodic WHERE case_id = :case ORDER BY period_to DESC, recorded_at"
                        + " DESC")
                .param("case", caseId.value())
                .query((rs, n) -> new PeriodicAssessmentView(
                        PeriodicAssessmentId.of(rs.getObject("id", UUID.class)),
                        caseId,
                        rs.getDate("period_from").toLocalDate(),
                        rs.getDate("period_to").toLocalDate(),
                        AssessmentResult.valueOf(rs.getString("result")),
                        cipher.open(rs.getBytes("facts_enc"), PERIODIC_FACTS),
                        level(rs.getString("level_from")),
                        level(rs.getString("level_to")),
                        rs.getString("level_reason") == null
                                ? null
                                : LevelChangeReason.valueOf(rs.getString("level_reason")),
                        (Integer) rs.getObject("plan_number"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorder_name")))
                .list();
    }

    private static SupervisionLevel level(String name) {
        return name == null ? null : SupervisionLevel.valueOf(name);
    }

    public List<DecisionView> decisions(CaseId caseId) {
        return jdbc.sql("SELECT * FROM assessment_decision WHERE case_id = :case ORDER BY decided_at, id")
                .param("case", caseId.value())
                .query((rs, n) -> new DecisionView(
                        DecisionId.of(rs.getObject("id", UUID.class)),
                        caseId,
                        ResponseKind.valueOf(rs.getString("kind")),
                        reasons(rs.getString("reasons")),
                        (Integer) rs.getObject("out_of_contact_days"),
                        cipher.open(rs.getBytes("facts_enc"), DECISION_FACTS),
                        cipher.open(rs.getBytes("evidence_enc"), DECISION_EVIDENCE),
                        rs.getTimestamp("decided_at").toInstant(),
                        rs.getString("approver_name")))
                .list();
    }

    public void insertProposal(
            Proposal p,
            List<ReasonCode> reasons,
            Integer days,
            String facts,
            String evidence,
            String arrestReason,
            AgencyId sender,
            UUID handover,
            Instant at,
            UUID by,
            String approver,
            UUID policyVersion) {
        jdbc.sql("""
            INSERT INTO assessment_proposal (id, case_id, kind, status, arrest, reasons, out_of_contact_days, facts_enc,
                evidence_enc, arrest_reason_enc, sender_agency_id, receiver_agency_id, handover_id, submitted_at, submitted_by,
                approver_name, policy_version_id, updated_at)
            VALUES (:id, :case, :kind, :status, :arrest, :reasons, :days, :facts, :evidence, :arrestReason, :sender, :receiver,
                :handover, :at, :by, :approver, :policy, :at)\
            """)
                .param("id", p.id().value())
                .param("case", p.caseId().value())
                .param("kind", p.kind().name())
                .param("status", p.status().name())
                .param("arrest", p.arrest().name())
                .param("reasons", codes(reasons))
                .param("days", days)
                .param("facts", cipher.encrypt(facts, PROPOSAL_FACTS))
                .param("evidence", cipher.seal(evidence, PROPOSAL_EVIDENCE))
                .param("arrestReason", cipher.seal(arrestReason, ARREST_REASON))
                .param("sender", sender.value())
                .param("receiver", p.receiver().value())
                .param("handover", handover)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("approver", approver)
                .param("policy", policyVersion)
                .update();
    }

    public Optional<Proposal> load(ProposalId id) {
        return jdbc.sql("SELECT * FROM assessment_proposal WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> new Proposal(
                        id,
                        CaseId.of(rs.getObject("case_id", UUID.class)),
                        ResponseKind.valueOf(rs.getString("kind")),
                        AgencyId.of(rs.getObject("receiver_agency_id", UUID.class)),
                        ProposalStatus.valueOf(rs.getString("status")),
                        ArrestStatus.valueOf(rs.getString("arrest")),
                        instant(rs, "arrested_at"),
                        instant(rs, "released_at"),
                        date(rs, "ruled_on"),
                        instant(rs, "committed_at"),
                        agency(rs, "institution_id"),
                        rs.getInt("version")))
                .optional();
    }

    /** Saves a proposal's transition against the version it was loaded with (409 when someone else changed it). */
    public void update(Proposal p, Instant now, Instant arrestDecidedAt, String rulingNote) {
        int n = jdbc.sql("""
            UPDATE assessment_proposal SET status = :status, arrest = :arrest, arrested_at = :arrested, released_at = :released,
                ruled_on = :ruledOn, committed_at = :committed, institution_id = :institution,
                arrest_decided_at = COALESCE(arrest_decided_at, :arrestDecided),
                ruled_at = CASE WHEN :ruledOn::date IS NOT NULL AND ruled_at IS NULL THEN :now ELSE ruled_at END,
                ruling_note_enc = COALESCE(:note, ruling_note_enc), new_term_end = COALESCE(CAST(:newTermEnd AS date), new_term_end),
                updated_at = :now, version = version + 1
            WHERE id = :id AND version = :version\
            """)
                .param("status", p.status().name())
                .param("arrest", p.arrest().name())
                .param("arrested", ts(p.arrestedAt()))
                .param("released", ts(p.releasedAt()))
                .param("ruledOn", p.ruledOn())
                .param("committed", ts(p.committedAt()))
                .param(
                        "institution",
                        p.institution() == null ? null : p.institution().value())
                .param("arrestDecided", ts(arrestDecidedAt))
                .param("note", cipher.seal(rulingNote, RULING_NOTE))
                .param("newTermEnd", p.newTermEnd())
                .param("now", Timestamp.from(now))
                .param("id", p.id().value())
                .param("version", p.version())
                .update();
        requireUpdated(n);
    }

    public List<ProposalView> proposals(CaseId caseId) {
        return jdbc.sql("SELECT * FROM assessment_proposal WHERE case_id = :case ORDER BY submitted_at, id")
                .param("case", caseId.value())
                .query(this::proposalRow)
                .list();
    }

    public Optional<ProposalView> proposal(ProposalId id) {
        return jdbc.sql("SELECT * FROM assessment_proposal WHERE id = :id")
                .param("id", id.value())
                .query(this::proposalRow)
                .optional();
    }

    /** Records a fact once per reporting event; false when it was recorded already. */
    public boolean insertFact(CaseId caseId, FactKind kind, LocalDate on, UUID sourceEventId, Instant now) {
        return jdbc.sql("""
            INSERT INTO assessment_fact (id, case_id, kind, occurred_on, source_event_id, recorded_at)
            SELECT :id, :case, :kind, :on, :source, :now
            WHERE NOT EXISTS (SELECT 1 FROM assessment_fact WHERE source_event_id = :source)\
            """)
                        .param("id", UUID.randomUUID())
                        .param("case", caseId.value())
                        .param("kind", kind.name())
                        .param("on", on)
                        .param("source", sourceEventId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    public record FactRow(FactKind kind, LocalDate on) {}

    public List<FactRow> facts(CaseId caseId) {
        return jdbc.sql("SELECT kind, occurred_on FROM assessment_fact WHERE case_id = :case ORDER BY occurred_on,"
                        + " recorded_at")
                .param("case", caseId.value())
                .query((rs, n) -> new FactRow(
                        FactKind.valueOf(rs.getString(1)), rs.getDate(2).toLocalDate()))
                .list();
    }

    private ProposalView proposalRow(ResultSet rs, int n) throws SQLException {
        return new ProposalView(
                ProposalId.of(rs.getObject("id", UUID.class)),
                CaseId.of(rs.getObject("case_id", UUID.class)),
                ResponseKind.valueOf(rs.getString("kind")),
                ProposalStatus.valueOf(rs.getString("status")),
                ArrestStatus.valueOf(rs.getString("arrest")),
                reasons(rs.getString("reasons")),
                (Integer) rs.getObject("out_of_contact_days"),
                cipher.open(rs.getBytes("facts_enc"), PROPOSAL_FACTS),
                cipher.open(rs.getBytes("evidence_enc"), PROPOSAL_EVIDENCE),
                cipher.open(rs.getBytes("arrest_reason_enc"), ARREST_REASON),
                agency(rs, "sender_agency_id"),
                agency(rs, "receiver_agency_id"),
                rs.getObject("handover_id", UUID.class),
                instant(rs, "submitted_at"),
                rs.getString("approver_name"),
                instant(rs, "arrest_decided_at"),
                instant(rs, "arrested_at"),
                instant(rs, "released_at"),
                date(rs, "ruled_on"),
                cipher.open(rs.getBytes("ruling_note_enc"), RULING_NOTE),
                instant(rs, "committed_at"),
                agency(rs, "institution_id"),
                rs.getInt("version"),
                date(rs, "new_term_end"));
    }

    private static String codes(List<ReasonCode> reasons) {
        return String.join(",", reasons.stream().map(Enum::name).toList());
    }

    private static List<ReasonCode> reasons(String s) {
        return s == null || s.isBlank()
                ? List.of()
                : Arrays.stream(s.split(",")).map(ReasonCode::valueOf).toList();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static AgencyId agency(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : AgencyId.of(id);
    }
}
