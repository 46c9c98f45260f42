package org.tongxin.coordination.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.DecisionId;
import org.tongxin.coordination.MeetingId;
import org.tongxin.coordination.MeetingStatus;
import org.tongxin.coordination.MeetingViews.AgendaItem;
import org.tongxin.coordination.MeetingViews.AgendaKind;
import org.tongxin.coordination.MeetingViews.DecisionView;
import org.tongxin.coordination.MeetingViews.MeetingSummary;
import org.tongxin.coordination.MeetingViews.MeetingView;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * SQL of joint meetings, their attendees, agenda and decisions. Row-level security limits meetings to their agencies.
 * Titles, minutes, cancellation reasons, agenda topics, decisions and their done notes may name or describe a person:
 * encrypted at rest (doc/adr/0024); sorting by title happens after decryption.
 */
@Repository
public class MeetingRepository {

    public static final Map<String, String> SORTABLE =
            Map.of("scheduled", "m.scheduled_at", "title", "m.title_enc", "status", "m.status");

    public static final String TITLE = "coordination_meeting.title";
    public static final String MINUTES = "coordination_meeting.minutes";
    public static final String CANCEL_REASON = "coordination_meeting.cancel_reason";
    public static final String TOPIC = "coordination_agenda_item.topic";
    public static final String DECISION_TEXT = "coordination_decision.text";
    public static final String DONE_NOTE = "coordination_decision.done_note";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    MeetingRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A meeting just convened, with its attendees and agenda. */
    public void insert(Meeting m) {
        jdbc.sql("""
            INSERT INTO coordination_meeting (id, convenor_id, policy_region, title_enc, scheduled_at, place, status, notice_number,
                created_by, created_at, updated_at)
            VALUES (:id, :convenor, :region, :title, :at, :place, :status, :notice, :by, :now, :now)\
            """)
                .param("id", m.id.value())
                .param("convenor", m.convenor.value())
                .param("region", m.policyRegion)
                .param("title", cipher.encrypt(m.title, TITLE))
                .param("at", ts(m.scheduledAt))
                .param("place", m.place)
                .param("status", m.status.name())
                .param("notice", m.noticeNumber)
                .param("by", m.createdBy)
                .param("now", ts(m.createdAt))
                .update();
        attendeesAndAgenda(m);
    }

    /**
     * Writes a changed meeting if nobody changed it since it was read (its version); false when someone did. Its state
     * and texts as they are now (the minutes and the reason sealed again); a document number once given stays; attendees
     * and agenda items are only ever added.
     */
    public boolean save(Meeting m) {
        boolean saved = jdbc.sql("""
            UPDATE coordination_meeting SET status = :status, minutes_enc = :minutes, held_at = :held, closed_at = :closed,
                cancelled_at = :cancelled, cancel_reason_enc = :reason, notice_number = coalesce(notice_number, :notice),
                minutes_number = coalesce(minutes_number, :minutesNumber), updated_at = :now, version = version + 1
             WHERE id = :id AND version = :version\
            """)
                        .param("id", m.id.value())
                        .param("version", m.version)
                        .param("status", m.status.name())
                        .param("minutes", cipher.seal(m.minutes, MINUTES))
                        .param("held", ts(m.heldAt))
                        .param("closed", ts(m.closedAt))
                        .param("cancelled", ts(m.cancelledAt))
                        .param("reason", cipher.seal(m.cancelReason, CANCEL_REASON))
                        .param("notice", m.noticeNumber)
                        .param("minutesNumber", m.minutesNumber)
                        .param("now", ts(m.updatedAt))
                        .update()
                == 1;
        if (saved) {
            attendeesAndAgenda(m);
        }
        return saved;
    }

    private void attendeesAndAgenda(Meeting m) {
        for (AgencyId agency : m.attendees) {
            jdbc.sql("INSERT INTO coordination_attendee (meeting_id, agency_id) VALUES (:m, :a) ON CONFLICT DO NOTHING")
                    .param("m", m.id.value())
                    .param("a", agency.value())
                    .update();
        }
        for (AgendaItem item : m.agenda.subList(m.agendaStored, m.agenda.size())) {
            jdbc.sql("""
                INSERT INTO coordination_agenda_item (meeting_id, position, kind, topic_enc, case_id, conflict_id, decision_id)
                VALUES (:m, :p, :k, :t, :c, :f, :d)\
                """)
                    .param("m", m.id.value())
                    .param("p", item.position())
                    .param("k", item.kind().name())
                    .param("t", cipher.seal(item.topic(), TOPIC))
                    .param("c", item.caseId() == null ? null : item.caseId().value())
                    .param(
                            "f",
                            item.conflictId() == null ? null : item.conflictId().value())
                    .param(
                            "d",
                            item.decisionId() == null ? null : item.decisionId().value())
                    .update();
        }
    }

    public Optional<MeetingView> find(MeetingId id) {
        return jdbc.sql("SELECT * FROM coordination_meeting WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> meeting(rs))
                .optional();
    }

    /**
     * Meetings {@code agency} convened, attends or owes a decision of (row-level security repeats the rule), filtered by
     * status, sorted and paged.
     */
    public PageResult<MeetingSummary> list(AgencyId agency, MeetingStatus status, PageQuery page) {
        String where = " " + """
            WHERE (m.convenor_id = :agency
                OR EXISTS (SELECT 1 FROM coordination_attendee a WHERE a.meeting_id = m.id AND a.agency_id = :agency)
                OR EXISTS (SELECT 1 FROM coordination_decision d WHERE d.meeting_id = m.id AND d.owing_agency_id = :agency))\
            """ + (status == null ? "" : " AND m.status" + " = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("agency", agency.value());
        if (status != null) {
            params.put("status", status.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM coordination_meeting m" + where)
                .params(params)
                .query(Long.class)
                .single();
        if ("title".equals(page.sort())) {
            return byTitle(where, params, page, total);
        }
        String order = SORTABLE.getOrDefault(page.sort(), "m.scheduled_at") + (page.descending() ? " DESC" : " ASC");
        List<MeetingSummary> items = jdbc.sql("""
            SELECT m.*, (SELECT count(*) FROM coordination_attendee a WHERE a.meeting_id = m.id) AS attendees,
                   (SELECT count(*) FROM coordination_decision d WHERE d.meeting_id = m.id) AS decisions,
                   (SELECT count(*) FROM coordination_decision d WHERE d.meeting_id = m.id AND d.status = 'OPEN') AS open_decisions
              FROM coordination_meeting m\
            """ + where + " ORDER BY " + order + ", m.id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> summary(rs))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Sorted by title: the titles are encrypted, so the reader's meetings are ordered after decryption, then paged. */
    private PageResult<MeetingSummary> byTitle(String where, Map<String, Object> params, PageQuery page, long total) {
        java.util.Comparator<MeetingSummary> order = java.util.Comparator.comparing(
                        MeetingSummary::title, java.text.Collator.getInstance(java.util.Locale.CHINA))
                .thenComparing(m -> m.id().value());
        List<MeetingSummary> all = new java.util.ArrayList<>(jdbc.sql("""
            SELECT m.*, (SELECT count(*) FROM coordination_attendee a WHERE a.meeting_id = m.id) AS attendees,
                   (SELECT count(*) FROM coordination_decision d WHERE d.meeting_id = m.id) AS decisions,
                   (SELECT count(*) FROM coordination_decision d WHERE d.meeting_id = m.id AND d.status = 'OPEN') AS open_decisions
              FROM coordination_meeting m\
            """ + where)
                .params(params)
                .query((rs, n) -> summary(rs))
                .list());
        all.sort(page.descending() ? order.reversed() : order);
        List<MeetingSummary> items = all.subList(
                (int) Math.min(page.offset(), all.size()), (int) Math.min(page.offset() + page.size(), all.size()));
        return new PageResult<>(List.copyOf(items), page.page(), page.size(), total);
    }

    private MeetingSummary summary(ResultSet rs) throws SQLException {
        return new MeetingSummary(
                MeetingId.of(uuid(rs, "id")),
                AgencyId.of(uuid(rs, "convenor_id")),
                cipher.decrypt(rs.getBytes("title_enc"), TITLE),
                instant(rs, "scheduled_at"),
                rs.getString("place"),
                MeetingStatus.valueOf(rs.getString("status")),
                rs.getInt("attendees"),
                rs.getInt("decisions"),
                rs.getInt("open_decisions"));
    }

    /** The numbers of a meeting's notice and minutes (either may be null), the row locked until the transaction ends. */
    public record DocumentNumbers(String notice, String minutes) {}

    public Optional<DocumentNumbers> documentNumbersForUpdate(MeetingId id) {
        return jdbc.sql("SELECT notice_number, minutes_number FROM coordination_meeting WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query((rs, n) -> new DocumentNumbers(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** Gives the notice its number once (not a person's edit: the version stays). */
    public void noticeNumbered(MeetingId id, String number) {
        jdbc.sql("UPDATE coordination_meeting SET notice_number = :n WHERE id = :id AND notice_number IS NULL")
                .param("id", id.value())
                .param("n", number)
                .update();
    }

    /** Gives the minutes their number once (not a person's edit: the version stays). */
    public void minutesNumbered(MeetingId id, String number) {
        jdbc.sql("UPDATE coordination_meeting SET minutes_number = :n WHERE id = :id AND minutes_number IS NULL")
                .param("id", id.value())
                .param("n", number)
                .update();
    }

    // Decisions

    /** A decision the meeting just took: numbered after the meeting's earlier ones. */
    public void insert(Decision d) {
        jdbc.sql("""
            INSERT INTO coordination_decision (id, meeting_id, position, text_enc, owing_agency_id, case_id, due_date, tracked,
                status, created_at)
            VALUES (:id, :m, (SELECT coalesce(max(position), 0) + 1 FROM coordination_decision WHERE meeting_id = :m),
                :text, :owing, :case, :due, :tracked, 'OPEN', :now)\
            """)
                .param("id", d.id.value())
                .param("m", d.meetingId.value())
                .param("text", cipher.encrypt(d.text, DECISION_TEXT))
                .param("owing", d.owingAgency.value())
                .param("case", d.caseId == null ? null : d.caseId.value())
                .param("due", d.dueDate)
                .param("tracked", d.tracked)
                .param("now", ts(d.createdAt))
                .update();
    }

    /**
     * Writes a changed decision if nobody changed it since it was read (its version); false when someone did. What it
     * says and whom it names never change; its report is written as it is now.
     */
    public boolean save(Decision d) {
        return jdbc.sql("""
            UPDATE coordination_decision SET status = :status, done_at = :at, done_by = :by, done_note_enc = :note, late = :late,
                version = version + 1 WHERE id = :id AND version = :version\
            """)
                        .param("id", d.id.value())
                        .param("version", d.version)
                        .param("status", d.done ? "DONE" : "OPEN")
                        .param("at", ts(d.doneAt))
                        .param("by", d.doneBy)
                        .param("note", cipher.seal(d.doneNote, DONE_NOTE))
                        .param("late", d.late)
                        .update()
                == 1;
    }

    public Optional<DecisionView> findDecision(DecisionId id) {
        return jdbc.sql("SELECT * FROM coordination_decision WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> decision(rs))
                .optional();
    }

    /**
     * Decisions of the convenor's earlier meetings that a new meeting reviews: those still open, and those done within
     * {@code recentDays} days of {@code now}.
     */
    public List<DecisionView> toReview(AgencyId convenor, Instant now, int recentDays) {
        return jdbc.sql("""
            SELECT d.* FROM coordination_decision d JOIN coordination_meeting m ON m.id = d.meeting_id
             WHERE m.convenor_id = :c AND m.status IN ('HELD', 'CLOSED')
               AND (d.status = 'OPEN' OR d.done_at >= :since)
             ORDER BY m.held_at, d.position\
            """)
                .param("c", convenor.value())
                .param("since", ts(now.minus(java.time.Duration.ofDays(recentDays))))
                .query((rs, n) -> decision(rs))
                .list();
    }

    public Map<DecisionId, DecisionView> decisions(List<DecisionId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<DecisionId, DecisionView> result = new HashMap<>();
        jdbc.sql("SELECT * FROM coordination_decision WHERE id IN (:ids)")
                .param("ids", ids.stream().map(DecisionId::value).toList())
                .query((rs, n) -> decision(rs))
                .list()
                .forEach(d -> result.put(d.id(), d));
        return result;
    }

    // Mapping

    private MeetingView meeting(ResultSet rs) throws SQLException {
        MeetingId id = MeetingId.of(uuid(rs, "id"));
        List<AgencyId> attendees = jdbc
                .sql("SELECT agency_id FROM coordination_attendee WHERE meeting_id = :m ORDER BY agency_id")
                .param("m", id.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(AgencyId::of)
                .toList();
        List<AgendaItem> agenda = jdbc.sql(
                        "SELECT * FROM coordination_agenda_item WHERE meeting_id = :m ORDER BY position")
                .param("m", id.value())
                .query((r, n) -> new AgendaItem(
                        r.getInt("position"),
                        AgendaKind.valueOf(r.getString("kind")),
                        cipher.open(r.getBytes("topic_enc"), TOPIC),
                        r.getObject("case_id", UUID.class) == null ? null : CaseId.of(uuid(r, "case_id")),
                        r.getObject("conflict_id", UUID.class) == null ? null : ConflictId.of(uuid(r, "conflict_id")),
                        r.getObject("decision_id", UUID.class) == null ? null : DecisionId.of(uuid(r, "decision_id"))))
                .list();
        List<DecisionView> decisions = jdbc.sql(
                        "SELECT * FROM coordination_decision WHERE meeting_id = :m ORDER BY position")
                .param("m", id.value())
                .query((r, n) -> decision(r))
                .list();
        return new MeetingView(
                id,
                AgencyId.of(uuid(rs, "convenor_id")),
                rs.getString("policy_region"),
                cipher.decrypt(rs.getBytes("title_enc"), TITLE),
                instant(rs, "scheduled_at"),
                rs.getString("place"),
                MeetingStatus.valueOf(rs.getString("status")),
                cipher.open(rs.getBytes("minutes_enc"), MINUTES),
                instant(rs, "held_at"),
                instant(rs, "closed_at"),
                instant(rs, "cancelled_at"),
                cipher.open(rs.getBytes("cancel_reason_enc"), CANCEL_REASON),
                uuid(rs, "created_by"),
                instant(rs, "created_at"),
                rs.getInt("version"),
                attendees,
                agenda,
                decisions);
    }

    private DecisionView decision(ResultSet rs) throws SQLException {
        Date due = rs.getDate("due_date");
        return new DecisionView(
                DecisionId.of(uuid(rs, "id")),
                MeetingId.of(uuid(rs, "meeting_id")),
                rs.getInt("position"),
                cipher.decrypt(rs.getBytes("text_enc"), DECISION_TEXT),
                AgencyId.of(uuid(rs, "owing_agency_id")),
                rs.getObject("case_id", UUID.class) == null ? null : CaseId.of(uuid(rs, "case_id")),
                due.toLocalDate(),
                rs.getBoolean("tracked"),
                "DONE".equals(rs.getString("status")),
                instant(rs, "done_at"),
                rs.getObject("done_by", UUID.class),
                cipher.open(rs.getBytes("done_note_enc"), DONE_NOTE),
                (Boolean) rs.getObject("late"),
                instant(rs, "created_at"),
                rs.getInt("version"));
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
