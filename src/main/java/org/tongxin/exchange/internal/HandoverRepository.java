package org.tongxin.exchange.internal;

import static org.tongxin.shared.jdbc.SqlValues.instant;
import static org.tongxin.shared.jdbc.SqlValues.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.exchange.HandoverData;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.HandoverSummary;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.ItemCode;
import org.tongxin.exchange.ProblemKind;
import org.tongxin.identity.Participation;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * SQL of the exchange. Item titles (a missing-subject notice puts its search record there) and every note are free
 * texts that may describe a person: encrypted at rest (doc/adr/0024).
 */
@Repository
public class HandoverRepository {

    public static final String HANDOVER_NOTE = "exchange_handover.note";
    public static final String ITEM_TITLE = "exchange_item.title";
    public static final String ROUND_NOTE = "exchange_round.note";
    public static final String PROBLEM_NOTE = "exchange_problem.note";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    HandoverRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A handover just prepared: its row with the note, its copy recipients and its items. */
    public void insert(Handover h) {
        jdbc.sql("""
            INSERT INTO exchange_handover (id, case_id, kind, step_id, sender_agency_id, receiver_agency_id, status, round,
                audience, note_enc, created_at, created_by, updated_at)
            VALUES (:id, :case, :kind, :step, :sender, :receiver, :status, :round, :audience, :note, :now, :by, :now)\
            """)
                .param("id", h.id.value())
                .param("case", h.caseId.value())
                .param("kind", h.kind.name())
                .param("step", h.stepId)
                .param("sender", h.sender.value())
                .param("receiver", h.receiver.value())
                .param("status", h.status.name())
                .param("round", h.round)
                .param("audience", h.audience.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("note", cipher.seal(h.note, HANDOVER_NOTE))
                .param("now", ts(h.createdAt))
                .param("by", h.preparedBy)
                .update();
        for (Handover.Copy copy : h.copies) {
            jdbc.sql("INSERT INTO exchange_copy (handover_id, agency_id) VALUES (:id, :agency) ON CONFLICT DO NOTHING")
                    .param("id", h.id.value())
                    .param("agency", copy.agency().value())
                    .update();
        }
        insertItems(h);
    }

    /** The handover as stored, to change it: its row, its items (titles stay sealed) and its copy recipients. */
    public Optional<Handover> find(HandoverId id) {
        return jdbc.sql("SELECT * FROM exchange_handover WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> {
                    Handover h = new Handover(
                            id,
                            CaseId.of(rs.getObject("case_id", UUID.class)),
                            HandoverKind.valueOf(rs.getString("kind")),
                            rs.getString("step_id"),
                            AgencyId.of(rs.getObject("sender_agency_id", UUID.class)),
                            AgencyId.of(rs.getObject("receiver_agency_id", UUID.class)),
                            storedCopies(id),
                            audience(rs.getString("audience")),
                            instant(rs, "created_at"),
                            rs.getInt("version"),
                            storedItems(id),
                            HandoverStatus.valueOf(rs.getString("status")),
                            rs.getInt("round"));
                    h.firstDeliveredAt = instant(rs, "first_delivered_at");
                    h.lastDeliveredAt = instant(rs, "last_delivered_at");
                    h.answeredAt = instant(rs, "answered_at");
                    h.receiptDocumentId = rs.getObject("receipt_document_id", UUID.class);
                    h.updatedAt = instant(rs, "updated_at");
                    return h;
                })
                .optional();
    }

    /**
     * Writes a changed handover if nobody changed it since it was read (its version); false when someone did. With it
     * what the change gave, sealed now: the items it added, the round it delivered (the copies reached), the answer to the
     * current round with the problems a rejection names. The texts stored before are never read or sealed again.
     */
    public boolean save(Handover h) {
        boolean saved = jdbc.sql("""
            UPDATE exchange_handover SET status = :status, round = :round, first_delivered_at = :firstDeliveredAt,
                last_delivered_at = :lastDeliveredAt, answered_at = :answeredAt, receipt_document_id = :receipt,
                updated_at = :updatedAt, version = version + 1
             WHERE id = :id AND version = :version\
            """)
                        .param("id", h.id.value())
                        .param("version", h.version)
                        .param("status", h.status.name())
                        .param("round", h.round)
                        .param("firstDeliveredAt", ts(h.firstDeliveredAt))
                        .param("lastDeliveredAt", ts(h.lastDeliveredAt))
                        .param("answeredAt", ts(h.answeredAt))
                        .param("receipt", h.receiptDocumentId)
                        .param("updatedAt", ts(h.updatedAt))
                        .update()
                == 1;
        if (!saved) {
            return false;
        }
        insertItems(h);
        if (h.delivery != null) {
            Handover.Delivery d = h.delivery;
            jdbc.sql("""
                INSERT INTO exchange_round (handover_id, round, delivered_at, delivered_by, delivered_by_name)
                VALUES (:id, :round, :at, :by, :name)\
                """)
                    .param("id", h.id.value())
                    .param("round", d.round())
                    .param("at", ts(d.at()))
                    .param("by", d.by().userId())
                    .param("name", d.by().name())
                    .update();
            for (Handover.Copy copy : h.copies) {
                jdbc.sql("""
                    UPDATE exchange_copy SET delivered_at = :at
                     WHERE handover_id = :id AND agency_id = :agency AND delivered_at IS NULL\
                    """)
                        .param("id", h.id.value())
                        .param("agency", copy.agency().value())
                        .param("at", ts(copy.deliveredAt()))
                        .update();
            }
        }
        if (h.answer != null) {
            Handover.Answer a = h.answer;
            jdbc.sql("""
                UPDATE exchange_round SET outcome = :outcome, answered_at = :at, answered_by = :by, answered_by_name = :name,
                    note_enc = :note WHERE handover_id = :id AND round = :round\
                """)
                    .param("id", h.id.value())
                    .param("round", a.round())
                    .param("outcome", a.outcome().name())
                    .param("at", ts(a.at()))
                    .param("by", a.by().userId())
                    .param("name", a.by().name())
                    .param("note", cipher.seal(a.note(), ROUND_NOTE))
                    .update();
            for (int i = 0; i < a.problems().size(); i++) {
                HandoverData.Problem p = a.problems().get(i);
                jdbc.sql("""
                    INSERT INTO exchange_problem (handover_id, round, position, code, item_id, kind, note_enc)
                    VALUES (:id, :round, :position, :code, :item, :kind, :note)\
                    """)
                        .param("id", h.id.value())
                        .param("round", a.round())
                        .param("position", i + 1)
                        .param("code", p.code().name())
                        .param("item", p.itemId())
                        .param("kind", p.kind().name())
                        .param("note", cipher.seal(p.note(), PROBLEM_NOTE))
                        .update();
            }
        }
        return true;
    }

    private void insertItems(Handover h) {
        for (Handover.Item item : h.added) {
            jdbc.sql("""
                INSERT INTO exchange_item (id, handover_id, position, code, title_enc, document_id, added_round)
                VALUES (:itemId, :id, (SELECT coalesce(max(position), 0) + 1 FROM exchange_item WHERE handover_id = :id),
                    :code, :title, :document, :round)\
                """)
                    .param("itemId", item.id())
                    .param("id", h.id.value())
                    .param("code", item.code().name())
                    .param("title", cipher.encrypt(item.title(), ITEM_TITLE))
                    .param("document", item.documentId())
                    .param("round", item.addedRound())
                    .update();
        }
    }

    private List<Handover.Item> storedItems(HandoverId id) {
        return jdbc.sql("SELECT id, code, document_id, added_round FROM exchange_item WHERE handover_id = :id ORDER BY"
                        + " position")
                .param("id", id.value())
                .query((r, n) -> new Handover.Item(
                        r.getObject("id", UUID.class),
                        ItemCode.valueOf(r.getString("code")),
                        null,
                        r.getObject("document_id", UUID.class),
                        r.getInt("added_round")))
                .list();
    }

    private List<Handover.Copy> storedCopies(HandoverId id) {
        return jdbc.sql("SELECT agency_id, delivered_at FROM exchange_copy WHERE handover_id = :id ORDER BY agency_id")
                .param("id", id.value())
                .query((r, n) -> new Handover.Copy(
                        AgencyId.of(r.getObject("agency_id", UUID.class)), instant(r, "delivered_at")))
                .list();
    }

    public Optional<HandoverView> view(HandoverId id) {
        return jdbc.sql("SELECT * FROM exchange_handover WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> view(rs))
                .optional();
    }

    public List<HandoverView> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM exchange_handover WHERE case_id = :c AND status <> 'CANCELLED' ORDER BY"
                        + " created_at")
                .param("c", caseId.value())
                .query((rs, n) -> view(rs))
                .list();
    }

    /** Handovers copied to an agency (the procuratorate's and police's view of what they are owed), newest first. */
    public PageResult<HandoverSummary> copiedTo(AgencyId agency, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM exchange_copy WHERE agency_id = :a AND delivered_at IS NOT NULL")
                .param("a", agency.value())
                .query(Long.class)
                .single();
        List<HandoverSummary> items = jdbc.sql("""
            SELECT h.*, c.delivered_at AS copy_delivered_at FROM exchange_copy c
              JOIN exchange_handover h ON h.id = c.handover_id
             WHERE c.agency_id = :a AND c.delivered_at IS NOT NULL
             ORDER BY c.delivered_at DESC LIMIT :limit OFFSET :offset\
            """)
                .param("a", agency.value())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> summary(rs, instant(rs, "copy_delivered_at")))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Deliveries awaiting an agency's answer (its pending receipts), oldest first. */
    public PageResult<HandoverSummary> awaitingAnswer(AgencyId agency, PageQuery page) {
        long total = jdbc.sql(
                        "SELECT count(*) FROM exchange_handover WHERE receiver_agency_id = :a AND status = 'DELIVERED'")
                .param("a", agency.value())
                .query(Long.class)
                .single();
        List<HandoverSummary> items = jdbc.sql("""
            SELECT h.*, NULL AS copy_delivered_at FROM exchange_handover h
             WHERE receiver_agency_id = :a AND status = 'DELIVERED'
             ORDER BY last_delivered_at LIMIT :limit OFFSET :offset\
            """)
                .param("a", agency.value())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> summary(rs, null))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /**
     * Deliveries of the given kinds (those whose procedure requires a receipt) awaiting an agency's receipt, oldest first,
     * with their exact number: one count over the same rows (row-level security applies to both).
     */
    public PageResult<HandoverSummary> awaitingReceipt(AgencyId agency, Set<HandoverKind> kinds, PageQuery page) {
        if (kinds.isEmpty()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        List<String> names = kinds.stream().map(Enum::name).toList();
        long total = jdbc.sql(
                        "SELECT count(*) FROM exchange_handover WHERE receiver_agency_id = :a AND status = 'DELIVERED'"
                                + " AND kind IN (:k)")
                .param("a", agency.value())
                .param("k", names)
                .query(Long.class)
                .single();
        List<HandoverSummary> items = jdbc.sql("""
            SELECT h.*, NULL AS copy_delivered_at FROM exchange_handover h
             WHERE receiver_agency_id = :a AND status = 'DELIVERED' AND kind IN (:k)
             ORDER BY last_delivered_at, id LIMIT :limit OFFSET :offset\
            """)
                .param("a", agency.value())
                .param("k", names)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> summary(rs, null))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private HandoverView view(ResultSet rs) throws SQLException {
        HandoverId id = HandoverId.of(rs.getObject("id", UUID.class));
        List<HandoverView.Item> items = jdbc.sql(
                        "SELECT * FROM exchange_item WHERE handover_id = :id ORDER BY position")
                .param("id", id.value())
                .query((r, n) -> new HandoverView.Item(
                        r.getObject("id", UUID.class),
                        ItemCode.valueOf(r.getString("code")),
                        cipher.decrypt(r.getBytes("title_enc"), ITEM_TITLE),
                        r.getObject("document_id", UUID.class),
                        r.getInt("added_round")))
                .list();
        Map<Integer, List<HandoverView.ProblemView>> problems = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM exchange_problem WHERE handover_id = :id ORDER BY round, position")
                .param("id", id.value())
                .query(r -> {
                    problems.computeIfAbsent(r.getInt("round"), k -> new ArrayList<>())
                            .add(new HandoverView.ProblemView(
                                    ItemCode.valueOf(r.getString("code")), r.getObject("item_id", UUID.class),
                                    ProblemKind.valueOf(r.getString("kind")),
                                            cipher.open(r.getBytes("note_enc"), PROBLEM_NOTE)));
                });
        List<HandoverView.Round> rounds = jdbc.sql(
                        "SELECT * FROM exchange_round WHERE handover_id = :id ORDER BY round")
                .param("id", id.value())
                .query((r, n) -> new HandoverView.Round(
                        r.getInt("round"),
                        instant(r, "delivered_at"),
                        r.getString("delivered_by_name"),
                        r.getString("outcome"),
                        instant(r, "answered_at"),
                        r.getString("answered_by_name"),
                        cipher.open(r.getBytes("note_enc"), ROUND_NOTE),
                        problems.getOrDefault(r.getInt("round"), List.of())))
                .list();
        List<HandoverView.Copy> copies = jdbc.sql(
                        "SELECT * FROM exchange_copy WHERE handover_id = :id ORDER BY agency_id")
                .param("id", id.value())
                .query((r, n) -> new HandoverView.Copy(
                        AgencyId.of(r.getObject("agency_id", UUID.class)), instant(r, "delivered_at")))
                .list();
        return new HandoverView(
                id,
                CaseId.of(rs.getObject("case_id", UUID.class)),
                HandoverKind.valueOf(rs.getString("kind")),
                rs.getString("step_id"),
                AgencyId.of(rs.getObject("sender_agency_id", UUID.class)),
                AgencyId.of(rs.getObject("receiver_agency_id", UUID.class)),
                HandoverStatus.valueOf(rs.getString("status")),
                rs.getInt("round"),
                cipher.open(rs.getBytes("note_enc"), HANDOVER_NOTE),
                instant(rs, "created_at"),
                instant(rs, "first_delivered_at"),
                instant(rs, "last_delivered_at"),
                instant(rs, "answered_at"),
                rs.getObject("receipt_document_id", UUID.class),
                rs.getInt("version"),
                items,
                rounds,
                copies,
                audience(rs.getString("audience")));
    }

    private static HandoverSummary summary(ResultSet rs, Instant copyDeliveredAt) throws SQLException {
        return new HandoverSummary(
                HandoverId.of(rs.getObject("id", UUID.class)),
                CaseId.of(rs.getObject("case_id", UUID.class)),
                HandoverKind.valueOf(rs.getString("kind")),
                rs.getString("step_id"),
                AgencyId.of(rs.getObject("sender_agency_id", UUID.class)),
                AgencyId.of(rs.getObject("receiver_agency_id", UUID.class)),
                HandoverStatus.valueOf(rs.getString("status")),
                rs.getInt("round"),
                instant(rs, "last_delivered_at"),
                instant(rs, "answered_at"),
                copyDeliveredAt);
    }

    private static Set<Participation> audience(String value) {
        Set<Participation> set = EnumSet.noneOf(Participation.class);
        if (value != null && !value.isBlank()) {
            Arrays.stream(value.split(",")).map(Participation::valueOf).forEach(set::add);
        }
        return set;
    }
}
