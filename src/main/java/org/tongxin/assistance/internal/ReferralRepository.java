package org.tongxin.assistance.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.ReferralId;
import org.tongxin.assistance.ReferralStatus;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** SQL of the assistance module. Row-level security limits every read to cases the caller's agency takes part in. */
@Repository
public class ReferralRepository {

    /** Sort keys of the referral lists and their columns. */
    public static final Map<String, String> SORTABLE =
            Map.of("made", "made_at", "updated", "updated_at", "status", "status", "service", "service");

    /** Contexts of the reasons, encrypted like the notes (they may name or describe the subject). */
    public static final String DECLINE_REASON = "assistance_referral.decline_reason";

    public static final String WITHDRAWAL_REASON = "assistance_referral.withdrawal_reason";
    public static final String OUTCOME_NOTE = "assistance_referral.outcome_note";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ReferralRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A referral as stored (note texts still encrypted, reasons decrypted). */
    public record Row(
            ReferralId id,
            CaseId caseId,
            AssistanceService service,
            AgencyId from,
            AgencyId to,
            ReferralStatus status,
            byte[] note,
            UUID letterDocumentId,
            Instant madeAt,
            String madeByName,
            Instant answeredAt,
            String answeredByName,
            String declineReason,
            Instant waitingSince,
            Instant placedAt,
            Instant firstContactAt,
            int progressNotes,
            Instant closedAt,
            Boolean delivered,
            byte[] outcomeNote,
            String withdrawalReason,
            Instant updatedAt,
            int version) {}

    /** A stored note (text encrypted). */
    public record NoteRow(
            UUID id, String kind, int seq, LocalDate happenedOn, byte[] text, Instant recordedAt, String authorName) {}

    public void insert(
            ReferralId id,
            CaseId caseId,
            AssistanceService service,
            AgencyId from,
            AgencyId to,
            byte[] note,
            Instant now,
            UUID by,
            String byName) {
        jdbc.sql("""
            INSERT INTO assistance_referral (id, case_id, service, from_agency_id, to_agency_id, status, note, made_at, made_by,
                made_by_name, updated_at)
            VALUES (:id, :case, :service, :from, :to, 'DELIVERED', :note, :now, :by, :byName, :now)\
            """)
                .param("id", id.value())
                .param("case", caseId.value())
                .param("service", service.name())
                .param("from", from.value())
                .param("to", to.value())
                .param("note", note)
                .param("now", ts(now))
                .param("by", by)
                .param("byName", byName)
                .update();
    }

    public void letter(ReferralId id, UUID documentId) {
        jdbc.sql("UPDATE assistance_referral SET letter_document_id = :doc WHERE id = :id")
                .param("doc", documentId)
                .param("id", id.value())
                .update();
    }

    public Optional<Row> find(ReferralId id) {
        return jdbc.sql("SELECT * FROM assistance_referral WHERE id = :id")
                .param("id", id.value())
                .query(this::row)
                .optional();
    }

    /** The referral for the system's reactions (listeners run as the application's own work and see every row). */
    public Optional<Row> findAsSystem(ReferralId id) {
        return find(id);
    }

    public List<Row> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM assistance_referral WHERE case_id = :case ORDER BY made_at, id")
                .param("case", caseId.value())
                .query(this::row)
                .list();
    }

    /** Referrals made by ({@code incoming} false) or to ({@code incoming} true) an agency, filtered, one page. */
    public PageResult<Row> list(
            AgencyId agency, boolean incoming, ReferralStatus status, AssistanceService service, PageQuery page) {
        String where = (incoming ? "to_agency_id" : "from_agency_id") + " = :agency"
                + (status == null ? "" : " AND status = :status") + (service == null ? "" : " AND service = :service");
        long total = params(
                        jdbc.sql("SELECT count(*) FROM assistance_referral WHERE " + where), agency, status, service)
                .query(Long.class)
                .single();
        String order = SORTABLE.get(page.sort()) + (page.descending() ? " DESC" : "") + ", id";
        List<Row> rows = params(
                        jdbc.sql("SELECT * FROM assistance_referral WHERE " + where + " ORDER BY " + order
                                + " LIMIT :limit OFFSET :offset"),
                        agency,
                        status,
                        service)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(this::row)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    private static JdbcClient.StatementSpec params(
            JdbcClient.StatementSpec spec, AgencyId agency, ReferralStatus status, AssistanceService service) {
        spec = spec.param("agency", agency.value());
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        if (service != null) {
            spec = spec.param("service", service.name());
        }
        return spec;
    }

    /**
     * Whether an agency still has a referral of the case that is not closed (it then keeps its lawful role in the case).
     * Both who may ask see every referral to that agency: the referring parties through the case, the agency as its
     * receiver (V136).
     */
    public boolean anyOpenTo(CaseId caseId, AgencyId agency) {
        return jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM assistance_referral WHERE case_id = :c AND to_agency_id = :a
                              AND status IN ('DELIVERED', 'ACCEPTED', 'WAITING', 'IN_PROGRESS'))\
            """)
                .param("c", caseId.value())
                .param("a", agency.value())
                .query(Boolean.class)
                .single();
    }

    /** Referrals delivered to an agency and not answered yet (the navigation's count). */
    public long awaitingAnswer(AgencyId agency) {
        return jdbc.sql("SELECT count(*) FROM assistance_referral WHERE to_agency_id = :a AND status = 'DELIVERED'")
                .param("a", agency.value())
                .query(Long.class)
                .single();
    }

    /** Applies a change if the version is still the one read; false when someone changed it meanwhile. */
    /**
     * Writes a changed referral if nobody changed it since it was read (its version); false when someone did. A text the
     * change gave (a reason, the outcome note) is sealed; the stored ones are left as they are.
     */
    public boolean save(Referral r) {
        return jdbc.sql("""
            UPDATE assistance_referral SET status = :status, answered_at = :answeredAt, answered_by_name = :answeredBy,
                waiting_since = :waitingSince, placed_at = :placedAt, first_contact_at = :firstContactAt,
                progress_notes = :progressNotes, closed_at = :closedAt, delivered = :delivered,
                decline_reason_enc = coalesce(CAST(:declineReason AS bytea), decline_reason_enc),
                withdrawal_reason_enc = coalesce(CAST(:withdrawalReason AS bytea), withdrawal_reason_enc),
                outcome_note = coalesce(CAST(:outcomeNote AS bytea), outcome_note),
                updated_at = :updatedAt, version = version + 1
             WHERE id = :id AND version = :version\
            """)
                        .param("id", r.id.value())
                        .param("version", r.version)
                        .param("status", r.status.name())
                        .param("answeredAt", ts(r.answeredAt))
                        .param("answeredBy", r.answeredByName)
                        .param("waitingSince", ts(r.waitingSince))
                        .param("placedAt", ts(r.placedAt))
                        .param("firstContactAt", ts(r.firstContactAt))
                        .param("progressNotes", r.progressNotes)
                        .param("closedAt", ts(r.closedAt))
                        .param("delivered", r.delivered)
                        .param("declineReason", cipher.seal(r.declineReason, DECLINE_REASON))
                        .param("withdrawalReason", cipher.seal(r.withdrawalReason, WITHDRAWAL_REASON))
                        .param("outcomeNote", cipher.seal(r.outcomeNote, OUTCOME_NOTE))
                        .param("updatedAt", ts(r.updatedAt))
                        .update()
                == 1;
    }

    public void insertNote(
            ReferralId id,
            CaseId caseId,
            String kind,
            int seq,
            LocalDate happenedOn,
            byte[] text,
            Instant now,
            UUID by,
            String byName) {
        jdbc.sql("""
            INSERT INTO assistance_note (id, referral_id, case_id, kind, seq, happened_on, text, recorded_at, recorded_by, author_name)
            VALUES (:noteId, :id, :case, :kind, :seq, :on, :text, :now, :by, :byName)\
            """)
                .param("noteId", UUID.randomUUID())
                .param("id", id.value())
                .param("case", caseId.value())
                .param("kind", kind)
                .param("seq", seq)
                .param("on", happenedOn)
                .param("text", text)
                .param("now", ts(now))
                .param("by", by)
                .param("byName", byName)
                .update();
    }

    public List<NoteRow> notes(ReferralId id) {
        return jdbc.sql("SELECT * FROM assistance_note WHERE referral_id = :id ORDER BY recorded_at, kind, seq")
                .param("id", id.value())
                .query((rs, n) -> new NoteRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getInt("seq"),
                        rs.getObject("happened_on", LocalDate.class),
                        rs.getBytes("text"),
                        instant(rs, "recorded_at"),
                        rs.getString("author_name")))
                .list();
    }

    // Capacity and the waiting list: counted across every case of the receiving agency (system scope: the referring
    // agency sees only its own cases, but a waiting-list position depends on all of them; only counts leave here).

    /** Locks the agency's line for a service (its places decide who waits) so two acceptances never take one place. */
    public Optional<CapacityRow> lockCapacity(AgencyId agency, AssistanceService service) {
        return jdbc.sql("SELECT * FROM assistance_capacity WHERE agency_id = :a AND service = :s FOR UPDATE")
                .param("a", agency.value())
                .param("s", service.name())
                .query(ReferralRepository::capacity)
                .optional();
    }

    public List<CapacityRow> capacities(AgencyId agency) {
        return jdbc.sql("SELECT * FROM assistance_capacity WHERE agency_id = :a")
                .param("a", agency.value())
                .query(ReferralRepository::capacity)
                .list();
    }

    public record CapacityRow(AssistanceService service, int places, int staff, int version) {}

    /** Inserts (version 0 expected) or updates a line at the version read; false when the version is stale. */
    public boolean saveCapacity(
            AgencyId agency, AssistanceService service, int places, int staff, int version, Instant now, UUID by) {
        if (version == 0) {
            return jdbc.sql("""
                INSERT INTO assistance_capacity (agency_id, service, places, staff, updated_at, updated_by, version)
                VALUES (:a, :s, :places, :staff, :now, :by, 1) ON CONFLICT DO NOTHING\
                """)
                            .param("a", agency.value())
                            .param("s", service.name())
                            .param("places", places)
                            .param("staff", staff)
                            .param("now", ts(now))
                            .param("by", by)
                            .update()
                    == 1;
        }
        return jdbc.sql("""
            UPDATE assistance_capacity SET places = :places, staff = :staff, updated_at = :now, updated_by = :by,
                version = version + 1 WHERE agency_id = :a AND service = :s AND version = :v\
            """)
                        .param("a", agency.value())
                        .param("s", service.name())
                        .param("places", places)
                        .param("staff", staff)
                        .param("now", ts(now))
                        .param("by", by)
                        .param("v", version)
                        .update()
                == 1;
    }

    /**
     * Referrals holding one of the agency's places for a service, and waiting for one — over all its referrals, some of
     * them cases the caller does not see: asked of the owner's counting function (V131), which returns two numbers.
     */
    public Map<String, Integer> counts(AgencyId agency, AssistanceService service) {
        return jdbc.sql("SELECT occupied, waiting FROM assistance_capacity_counts(:a, :s)")
                .param("a", agency.value())
                .param("s", service.name())
                .query((rs, n) -> Map.of("occupied", rs.getInt("occupied"), "waiting", rs.getInt("waiting")))
                .single();
    }

    /** 1 for the next referral to be placed (its department's whole queue, through the owner's function, V131). */
    public int waitingPosition(Row r) {
        return jdbc.sql("SELECT assistance_waiting_position(:id)")
                .param("id", r.id().value())
                .query(Integer.class)
                .single();
    }

    /**
     * The referral that has waited longest for a place, if any. Asked by the receiving department, which holds a lawful
     * role (ASSISTING) in the case of every referral it has accepted onto its waiting list, of any county.
     */
    public Optional<Row> nextWaiting(AgencyId agency, AssistanceService service) {
        return jdbc.sql("""
            SELECT * FROM assistance_referral WHERE to_agency_id = :a AND service = :s AND status = 'WAITING'
             ORDER BY waiting_since, id LIMIT 1\
            """)
                .param("a", agency.value())
                .param("s", service.name())
                .query(this::row)
                .optional();
    }

    /** Places a waiting referral (by its department, see {@link #nextWaiting}). */
    private static CapacityRow capacity(ResultSet rs, int n) throws SQLException {
        return new CapacityRow(
                AssistanceService.valueOf(rs.getString("service")),
                rs.getInt("places"),
                rs.getInt("staff"),
                rs.getInt("version"));
    }

    /** A referral row, its reasons decrypted (the notes stay sealed until a reader entitled to them asks). */
    private Row row(ResultSet rs, int n) throws SQLException {
        Object delivered = rs.getObject("delivered");
        return new Row(
                ReferralId.of(rs.getObject("id", UUID.class)),
                CaseId.of(rs.getObject("case_id", UUID.class)),
                AssistanceService.valueOf(rs.getString("service")),
                AgencyId.of(rs.getObject("from_agency_id", UUID.class)),
                AgencyId.of(rs.getObject("to_agency_id", UUID.class)),
                ReferralStatus.valueOf(rs.getString("status")),
                rs.getBytes("note"),
                rs.getObject("letter_document_id", UUID.class),
                instant(rs, "made_at"),
                rs.getString("made_by_name"),
                instant(rs, "answered_at"),
                rs.getString("answered_by_name"),
                cipher.open(rs.getBytes("decline_reason_enc"), DECLINE_REASON),
                instant(rs, "waiting_since"),
                instant(rs, "placed_at"),
                instant(rs, "first_contact_at"),
                rs.getInt("progress_notes"),
                instant(rs, "closed_at"),
                delivered == null ? null : (Boolean) delivered,
                rs.getBytes("outcome_note"),
                cipher.open(rs.getBytes("withdrawal_reason_enc"), WITHDRAWAL_REASON),
                instant(rs, "updated_at"),
                rs.getInt("version"));
    }
}
