package org.tongxin.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

    /** The handover row with the audience, for the commands. */
    public record Head(HandoverId id, CaseId caseId, HandoverKind kind, String stepId, AgencyId sender, AgencyId receiver,
            HandoverStatus status, int round, Set<Participation> audience, int version) {
    }

    public void insert(HandoverId id, HandoverData.NewHandover h, String note, Instant now, UUID by) {
        jdbc.sql("""
                INSERT INTO exchange_handover (id, case_id, kind, step_id, sender_agency_id, receiver_agency_id, status, round,
                    audience, note_enc, created_at, created_by, updated_at)
                VALUES (:id, :case, :kind, :step, :sender, :receiver, 'PREPARED', 0, :audience, :note, :now, :by, :now)""")
                .param("id", id.value()).param("case", h.caseId().value()).param("kind", h.kind().name())
                .param("step", h.stepId()).param("sender", h.sender().value()).param("receiver", h.receiver().value())
                .param("audience", h.audience().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("note", cipher.seal(note, HANDOVER_NOTE)).param("now", ts(now)).param("by", by).update();
        for (AgencyId copy : h.copies()) {
            jdbc.sql("INSERT INTO exchange_copy (handover_id, agency_id) VALUES (:id, :agency) ON CONFLICT DO NOTHING")
                    .param("id", id.value()).param("agency", copy.value()).update();
        }
    }

    public void insertItem(HandoverId id, HandoverData.NewItem item, int round) {
        jdbc.sql("""
                INSERT INTO exchange_item (id, handover_id, position, code, title_enc, document_id, added_round)
                VALUES (:itemId, :id, (SELECT coalesce(max(position), 0) + 1 FROM exchange_item WHERE handover_id = :id),
                    :code, :title, :document, :round)""")
                .param("itemId", UUID.randomUUID()).param("id", id.value()).param("code", item.code().name())
                .param("title", cipher.encrypt(item.title(), ITEM_TITLE)).param("document", item.documentId()).param("round", round).update();
    }

    public Optional<Head> head(HandoverId id) {
        return jdbc.sql("SELECT * FROM exchange_handover WHERE id = :id").param("id", id.value())
                .query((rs, n) -> new Head(id, CaseId.of(rs.getObject("case_id", UUID.class)),
                        HandoverKind.valueOf(rs.getString("kind")), rs.getString("step_id"),
                        AgencyId.of(rs.getObject("sender_agency_id", UUID.class)),
                        AgencyId.of(rs.getObject("receiver_agency_id", UUID.class)),
                        HandoverStatus.valueOf(rs.getString("status")), rs.getInt("round"), audience(rs.getString("audience")),
                        rs.getInt("version")))
                .optional();
    }

    public List<AgencyId> copies(HandoverId id) {
        return jdbc.sql("SELECT agency_id FROM exchange_copy WHERE handover_id = :id ORDER BY agency_id").param("id", id.value())
                .query((rs, n) -> AgencyId.of(rs.getObject(1, UUID.class))).list();
    }

    /** Status change guarded by the version the caller saw; false when someone else changed it first. */
    public boolean transition(HandoverId id, int version, HandoverStatus to, int round, Instant at, boolean answer) {
        return jdbc.sql("""
                UPDATE exchange_handover SET status = :to, round = :round, updated_at = :at, version = version + 1,
                    first_delivered_at = CASE WHEN :to = 'DELIVERED' THEN coalesce(first_delivered_at, :at) ELSE first_delivered_at END,
                    last_delivered_at = CASE WHEN :to = 'DELIVERED' THEN :at ELSE last_delivered_at END,
                    answered_at = CASE WHEN :answer THEN :at ELSE answered_at END
                 WHERE id = :id AND version = :version""")
                .param("id", id.value()).param("version", version).param("to", to.name()).param("round", round)
                .param("at", ts(at)).param("answer", answer).update() == 1;
    }

    public void receiptDocument(HandoverId id, UUID documentId) {
        jdbc.sql("UPDATE exchange_handover SET receipt_document_id = :doc WHERE id = :id").param("id", id.value())
                .param("doc", documentId).update();
    }

    public void copiesDelivered(HandoverId id, Instant at) {
        jdbc.sql("UPDATE exchange_copy SET delivered_at = :at WHERE handover_id = :id AND delivered_at IS NULL")
                .param("id", id.value()).param("at", ts(at)).update();
    }

    public void insertRound(HandoverId id, int round, Instant at, UUID by, String byName) {
        jdbc.sql("""
                INSERT INTO exchange_round (handover_id, round, delivered_at, delivered_by, delivered_by_name)
                VALUES (:id, :round, :at, :by, :name)""")
                .param("id", id.value()).param("round", round).param("at", ts(at)).param("by", by).param("name", byName).update();
    }

    public void answerRound(HandoverId id, int round, String outcome, Instant at, UUID by, String byName, String note) {
        jdbc.sql("""
                UPDATE exchange_round SET outcome = :outcome, answered_at = :at, answered_by = :by, answered_by_name = :name,
                    note_enc = :note WHERE handover_id = :id AND round = :round""")
                .param("id", id.value()).param("round", round).param("outcome", outcome).param("at", ts(at))
                .param("by", by).param("name", byName).param("note", cipher.seal(note, ROUND_NOTE)).update();
    }

    public void insertProblem(HandoverId id, int round, int position, HandoverData.Problem p) {
        jdbc.sql("""
                INSERT INTO exchange_problem (handover_id, round, position, code, item_id, kind, note_enc)
                VALUES (:id, :round, :position, :code, :item, :kind, :note)""")
                .param("id", id.value()).param("round", round).param("position", position).param("code", p.code().name())
                .param("item", p.itemId()).param("kind", p.kind().name()).param("note", cipher.seal(p.note(), PROBLEM_NOTE)).update();
    }

    public Optional<HandoverView> view(HandoverId id) {
        return jdbc.sql("SELECT * FROM exchange_handover WHERE id = :id").param("id", id.value())
                .query((rs, n) -> view(rs)).optional();
    }

    public List<HandoverView> ofCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM exchange_handover WHERE case_id = :c AND status <> 'CANCELLED' ORDER BY created_at")
                .param("c", caseId.value()).query((rs, n) -> view(rs)).list();
    }

    /** Handovers copied to an agency (the procuratorate's and police's view of what they are owed), newest first. */
    public PageResult<HandoverSummary> copiedTo(AgencyId agency, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM exchange_copy WHERE agency_id = :a AND delivered_at IS NOT NULL")
                .param("a", agency.value()).query(Long.class).single();
        List<HandoverSummary> items = jdbc.sql("""
                SELECT h.*, c.delivered_at AS copy_delivered_at FROM exchange_copy c
                  JOIN exchange_handover h ON h.id = c.handover_id
                 WHERE c.agency_id = :a AND c.delivered_at IS NOT NULL
                 ORDER BY c.delivered_at DESC LIMIT :limit OFFSET :offset""")
                .param("a", agency.value()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> summary(rs, instant(rs, "copy_delivered_at"))).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Deliveries awaiting an agency's answer (its pending receipts), oldest first. */
    public PageResult<HandoverSummary> awaitingAnswer(AgencyId agency, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM exchange_handover WHERE receiver_agency_id = :a AND status = 'DELIVERED'")
                .param("a", agency.value()).query(Long.class).single();
        List<HandoverSummary> items = jdbc.sql("""
                SELECT h.*, NULL AS copy_delivered_at FROM exchange_handover h
                 WHERE receiver_agency_id = :a AND status = 'DELIVERED'
                 ORDER BY last_delivered_at LIMIT :limit OFFSET :offset""")
                .param("a", agency.value()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> summary(rs, null)).list();
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
        long total = jdbc.sql("SELECT count(*) FROM exchange_handover WHERE receiver_agency_id = :a AND status = 'DELIVERED' AND kind IN (:k)")
                .param("a", agency.value()).param("k", names).query(Long.class).single();
        List<HandoverSummary> items = jdbc.sql("""
                SELECT h.*, NULL AS copy_delivered_at FROM exchange_handover h
                 WHERE receiver_agency_id = :a AND status = 'DELIVERED' AND kind IN (:k)
                 ORDER BY last_delivered_at, id LIMIT :limit OFFSET :offset""")
                .param("a", agency.value()).param("k", names).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> summary(rs, null)).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private HandoverView view(ResultSet rs) throws SQLException {
        HandoverId id = HandoverId.of(rs.getObject("id", UUID.class));
        List<HandoverView.Item> items = jdbc.sql("SELECT * FROM exchange_item WHERE handover_id = :id ORDER BY position")
                .param("id", id.value())
                .query((r, n) -> new HandoverView.Item(r.getObject("id", UUID.class), ItemCode.valueOf(r.getString("code")),
                        cipher.decrypt(r.getBytes("title_enc"), ITEM_TITLE), r.getObject("document_id", UUID.class),
                        r.getInt("added_round")))
                .list();
        Map<Integer, List<HandoverView.ProblemView>> problems = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM exchange_problem WHERE handover_id = :id ORDER BY round, position").param("id", id.value())
                .query(r -> {
                    problems.computeIfAbsent(r.getInt("round"), k -> new ArrayList<>()).add(new HandoverView.ProblemView(
                            ItemCode.valueOf(r.getString("code")), r.getObject("item_id", UUID.class),
                            ProblemKind.valueOf(r.getString("kind")), cipher.open(r.getBytes("note_enc"), PROBLEM_NOTE)));
                });
        List<HandoverView.Round> rounds = jdbc.sql("SELECT * FROM exchange_round WHERE handover_id = :id ORDER BY round")
                .param("id", id.value())
                .query((r, n) -> new HandoverView.Round(r.getInt("round"), instant(r, "delivered_at"),
                        r.getString("delivered_by_name"), r.getString("outcome"), instant(r, "answered_at"),
                        r.getString("answered_by_name"), cipher.open(r.getBytes("note_enc"), ROUND_NOTE),
                        problems.getOrDefault(r.getInt("round"), List.of())))
                .list();
        List<HandoverView.Copy> copies = jdbc.sql("SELECT * FROM exchange_copy WHERE handover_id = :id ORDER BY agency_id")
                .param("id", id.value())
                .query((r, n) -> new HandoverView.Copy(AgencyId.of(r.getObject("agency_id", UUID.class)), instant(r, "delivered_at")))
                .list();
        return new HandoverView(id, CaseId.of(rs.getObject("case_id", UUID.class)), HandoverKind.valueOf(rs.getString("kind")),
                rs.getString("step_id"), AgencyId.of(rs.getObject("sender_agency_id", UUID.class)),
                AgencyId.of(rs.getObject("receiver_agency_id", UUID.class)), HandoverStatus.valueOf(rs.getString("status")),
                rs.getInt("round"), cipher.open(rs.getBytes("note_enc"), HANDOVER_NOTE), instant(rs, "created_at"),
                instant(rs, "first_delivered_at"),
                instant(rs, "last_delivered_at"), instant(rs, "answered_at"), rs.getObject("receipt_document_id", UUID.class),
                rs.getInt("version"), items, rounds, copies, audience(rs.getString("audience")));
    }

    private static HandoverSummary summary(ResultSet rs, Instant copyDeliveredAt) throws SQLException {
        return new HandoverSummary(HandoverId.of(rs.getObject("id", UUID.class)), CaseId.of(rs.getObject("case_id", UUID.class)),
                HandoverKind.valueOf(rs.getString("kind")), rs.getString("step_id"),
                AgencyId.of(rs.getObject("sender_agency_id", UUID.class)),
                AgencyId.of(rs.getObject("receiver_agency_id", UUID.class)), HandoverStatus.valueOf(rs.getString("status")),
                rs.getInt("round"), instant(rs, "last_delivered_at"), instant(rs, "answered_at"), copyDeliveredAt);
    }

    private static Set<Participation> audience(String value) {
        Set<Participation> set = EnumSet.noneOf(Participation.class);
        if (value != null && !value.isBlank()) {
            Arrays.stream(value.split(",")).map(Participation::valueOf).forEach(set::add);
        }
        return set;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
