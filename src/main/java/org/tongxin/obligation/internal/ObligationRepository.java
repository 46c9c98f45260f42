package org.tongxin.obligation.internal;

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
import org.tongxin.obligation.LedgerRules;
import org.tongxin.obligation.ObligationId;
import org.tongxin.obligation.ObligationMatter;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** SQL of the ledger. The inbox queries follow the partial index (owing agency, urgency, due time). */
@Repository
public class ObligationRepository {

    private final JdbcClient jdbc;

    ObligationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row with the fields the ledger computes with (besides the view). */
    public record Row(
            ObligationView view,
            String calendarRegion,
            Instant clockStart,
            Integer remainingAmount,
            int escalationWorkingDays,
            Instant nextEscalationAt) {

        /** What the ledger's commands look at (ADR 0028, 0039). */
        public Signal.State state() {
            return new Signal.State(
                    view.status(),
                    clockStart,
                    view.pausedAt(),
                    view.waitingReason(),
                    view.waitingSince(),
                    view.notStarted());
        }
    }

    /**
     * What one ledger command is about: a step (and instance) of a case or of a matter. Commands about the same case
     * or matter are serialised ({@link #serialise(Key)}).
     */
    public record Key(CaseId caseId, ObligationMatter matter, String stepId, String instance) {

        public static Key of(CaseId caseId, String stepId, String instance) {
            return new Key(caseId, null, stepId, instance);
        }

        public static Key of(ObligationMatter matter, String stepId, String instance) {
            return new Key(null, matter, stepId, instance);
        }

        public static Key of(ObligationView o) {
            return new Key(o.caseId(), o.matter(), o.stepId(), o.instance());
        }

        String lockName() {
            return caseId != null ? "case:" + caseId.value() : "matter:" + matter.kind() + ":" + matter.id();
        }
    }

    /** The advisory-lock space of the ledger (the second key is the hash of the case or matter). */
    public static final int LOCK_SPACE = 0x4C454447;

    /**
     * Waits until no other transaction is changing the ledger of the same case or matter, and keeps the others waiting
     * until this one ends. The lookups that follow are new statements and so see what the other one committed.
     */
    public void serialise(Key key) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:space, hashtext(:name))) l")
                .param("space", LOCK_SPACE)
                .param("name", key.lockName())
                .query(Integer.class)
                .single();
    }

    /** The obligation a key names, its row locked until the transaction ends (the clock scans update rows too). */
    public Optional<Row> findForUpdate(Key key) {
        return key.caseId() != null
                ? jdbc.sql("SELECT * FROM obligation WHERE case_id = :c AND step_id = :s AND instance = :i FOR UPDATE")
                        .param("c", key.caseId().value())
                        .param("s", key.stepId())
                        .param("i", key.instance())
                        .query(ObligationRepository::row)
                        .optional()
                : jdbc.sql("""
                    SELECT * FROM obligation WHERE matter_kind = :k AND matter_id = :m AND step_id = :s AND instance = :i
                       FOR UPDATE\
                    """)
                        .param("k", key.matter().kind().name())
                        .param("m", key.matter().id())
                        .param("s", key.stepId())
                        .param("i", key.instance())
                        .query(ObligationRepository::row)
                        .optional();
    }

    /** Keeps a command that cannot apply yet (ADR 0028). */
    public void keep(Key key, Signal signal, Instant now) {
        boolean wholeCase = signal.kind() == Signal.Kind.LAPSE_ALL;
        ActorRef actor = signal.actor();
        jdbc.sql("""
            INSERT INTO obligation_signal (case_id, matter_kind, matter_id, step_id, instance, kind, occurred_at,
                actor_user_id, actor_name, actor_agency_id, agency_id, reason, kept_steps, recorded_at)
            VALUES (:case, :matterKind, :matterId, :step, :instance, :kind, :at, :user, :name, :actorAgency, :agency,
                :reason, :kept, :now)\
            """)
                .param("case", key.caseId() == null ? null : key.caseId().value())
                .param(
                        "matterKind",
                        key.matter() == null ? null : key.matter().kind().name())
                .param("matterId", key.matter() == null ? null : key.matter().id())
                .param("step", wholeCase ? "*" : key.stepId())
                .param("instance", wholeCase ? "*" : key.instance())
                .param("kind", signal.kind().name())
                .param("at", ts(signal.at()))
                .param("user", actor == null ? null : actor.userId())
                .param(
                        "name",
                        actor == null || actor.name() == null
                                ? null
                                : actor.name()
                                        .substring(0, Math.min(100, actor.name().length())))
                .param("actorAgency", actor == null ? null : actor.agencyId())
                .param(
                        "agency",
                        signal.agency() == null ? null : signal.agency().value())
                .param("reason", signal.reason())
                .param("kept", signal.kept().isEmpty() ? null : String.join(",", signal.kept()))
                .param("now", ts(now))
                .update();
    }

    /**
     * The commands kept for a key, oldest fact first, with the case's standing LAPSE_ALL if it has one and it does not
     * keep the key's step.
     */
    public List<Signal> waiting(Key key) {
        JdbcClient.StatementSpec spec = key.caseId() != null
                ? jdbc.sql("""
                    SELECT * FROM obligation_signal
                     WHERE applied_at IS NULL AND case_id = :c
                       AND ((step_id = :s AND instance = :i) OR (step_id = '*' AND instance = '*' AND kind = 'LAPSE_ALL'))
                     ORDER BY occurred_at, id\
                    """).param("c", key.caseId().value())
                : jdbc.sql("""
                    SELECT * FROM obligation_signal
                     WHERE applied_at IS NULL AND matter_kind = :k AND matter_id = :m AND step_id = :s AND instance = :i
                     ORDER BY occurred_at, id\
                    """)
                        .param("k", key.matter().kind().name())
                        .param("m", key.matter().id());
        return spec
                .param("s", key.stepId())
                .param("i", key.instance())
                .query((rs, n) -> {
                    UUID agency = rs.getObject("agency_id", UUID.class);
                    UUID user = rs.getObject("actor_user_id", UUID.class);
                    String name = rs.getString("actor_name");
                    ActorRef actor = user == null && name == null
                            ? ActorRef.SYSTEM
                            : new ActorRef(user, name, rs.getObject("actor_agency_id", UUID.class));
                    String kept = rs.getString("kept_steps");
                    return new Signal(
                            rs.getLong("id"),
                            Signal.Kind.valueOf(rs.getString("kind")),
                            instant(rs, "occurred_at"),
                            actor,
                            agency == null ? null : AgencyId.of(agency),
                            rs.getString("reason"),
                            kept == null ? List.of() : List.of(kept.split(",")));
                })
                .list()
                .stream()
                .filter(s -> s.kind() != Signal.Kind.LAPSE_ALL || !s.keeps(key.stepId()))
                .toList();
    }

    /** A kept command was applied to an obligation (a LAPSE_ALL is never marked: it applies to every later one). */
    public void applied(Signal signal, ObligationId obligation, Instant now) {
        jdbc.sql("UPDATE obligation_signal SET applied_at = :now, obligation_id = :o WHERE id = :id AND"
                        + " applied_at IS NULL")
                .param("now", ts(now))
                .param("o", obligation.value())
                .param("id", signal.id())
                .update();
    }

    /** The obligation with this id, its row locked until the transaction ends (a person taking it into their inbox). */
    public Optional<Row> findForUpdate(ObligationId id) {
        return jdbc.sql("SELECT * FROM obligation WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query(ObligationRepository::row)
                .optional();
    }

    public Optional<Row> find(ObligationId id) {
        return jdbc.sql("SELECT * FROM obligation WHERE id = :id")
                .param("id", id.value())
                .query(ObligationRepository::row)
                .optional();
    }

    public Optional<Row> find(CaseId caseId, String stepId, String instance) {
        return jdbc.sql("SELECT * FROM obligation WHERE case_id = :c AND step_id = :s AND instance = :i")
                .param("c", caseId.value())
                .param("s", stepId)
                .param("i", instance)
                .query(ObligationRepository::row)
                .optional();
    }

    public Optional<Row> find(ObligationMatter matter, String stepId, String instance) {
        return jdbc.sql("SELECT * FROM obligation WHERE matter_kind = :k AND matter_id = :m AND step_id = :s AND"
                        + " instance = :i")
                .param("k", matter.kind().name())
                .param("m", matter.id())
                .param("s", stepId)
                .param("i", instance)
                .query(ObligationRepository::row)
                .optional();
    }

    public List<ObligationView> forMatter(ObligationMatter matter) {
        return jdbc
                .sql("SELECT * FROM obligation WHERE matter_kind = :k AND matter_id = :m ORDER BY started_at,"
                        + " step_id, instance")
                .param("k", matter.kind().name())
                .param("m", matter.id())
                .query(ObligationRepository::row)
                .list()
                .stream()
                .map(Row::view)
                .toList();
    }

    public List<ObligationView> forCase(CaseId caseId) {
        return jdbc
                .sql("SELECT * FROM obligation WHERE case_id = :c ORDER BY started_at, step_id, instance")
                .param("c", caseId.value())
                .query(ObligationRepository::row)
                .list()
                .stream()
                .map(Row::view)
                .toList();
    }

    /** A newly opened obligation ({@link Obligation#open}), with its first history line. */
    public void insert(Obligation o) {
        jdbc.sql("""
            INSERT INTO obligation (id, case_id, matter_kind, matter_id, step_id, instance, policy_version_id, policy_region, owing_agency_id,
                owed_by_subject, counterparty_agency_id, status, urgency, deadline_kind, deadline_amount, custody,
                calendar_region, started_at, clock_start, remaining_amount, due_at, due_date, alert_only, provisional,
                warn_at, escalation_working_days, assignee_user_id, created_at, updated_at, waiting_for_agency_id,
                waiting_reason, waiting_since, not_started)
            VALUES (:id, :case, :matterKind, :matterId, :step, :instance, :policy, :region, :owing, :bySubject, :counterparty, :status, :urgency,
                :kind, :amount, :custody, :calendar, :started, :clockStart, :remaining, :dueAt, :dueDate, :alertOnly,
                :provisional, :warnAt, :escalationDays, :assignee, :created, :updated, :waitingFor, :waitingReason, :waitingSince,
                :notStarted)\
            """)
                .param("id", o.id.value())
                .param("case", o.caseId == null ? null : o.caseId.value())
                .param("matterKind", o.matter == null ? null : o.matter.kind().name())
                .param("matterId", o.matter == null ? null : o.matter.id())
                .param("step", o.stepId)
                .param("instance", o.instance)
                .param("policy", o.policyVersionId)
                .param("region", o.policyRegion)
                .param("owing", o.owingAgency.value())
                .param("bySubject", o.owedBySubject)
                .param("counterparty", o.counterparty == null ? null : o.counterparty.value())
                .param("status", o.status.name())
                .param("urgency", o.status.urgency())
                .param("kind", o.deadlineKind.name())
                .param("amount", o.deadlineAmount)
                .param("custody", o.custody)
                .param("calendar", o.calendarRegion)
                .param("started", ts(o.startedAt))
                .param("clockStart", ts(o.clockStart))
                .param("remaining", o.remainingAmount)
                .param("dueAt", ts(o.dueAt))
                .param("dueDate", o.dueDate)
                .param("alertOnly", o.alertOnly)
                .param("provisional", o.provisional)
                .param("warnAt", ts(o.warnAt))
                .param("escalationDays", o.escalationWorkingDays)
                .param("assignee", o.assignee)
                .param("created", ts(o.createdAt))
                .param("updated", ts(o.updatedAt))
                .param("waitingFor", o.waitingFor == null ? null : o.waitingFor.value())
                .param("waitingReason", o.waitingReason)
                .param("waitingSince", ts(o.waitingSince))
                .param("notStarted", o.notStarted)
                .update();
        history(o);
    }

    /**
     * Writes an obligation a transition changed, whole, under the version it was read with (the ledger's commands hold its
     * row lock, so the version still matches), with the history lines of its transitions. An unchanged obligation (a
     * transition that found nothing to do) is not written. The columns only the clock's scans change (warning, escalation
     * level, a due time moved by the calendar) are theirs: a save leaves them, except that a restarted clock is warned
     * afresh. Returns false when the stored version differs.
     */
    public boolean save(Obligation o) {
        if (!o.changed()) {
            return true;
        }
        boolean saved = jdbc.sql("""
            UPDATE obligation SET status = :status, urgency = :urgency, owing_agency_id = :owing, assignee_user_id = :assignee,
                clock_start = :clockStart, remaining_amount = :remaining, due_at = :dueAt, due_date = :dueDate,
                alert_only = :alertOnly, provisional = :provisional, warn_at = :warnAt, warned_at = :warnedAt,
                paused_at = :pausedAt, pause_reason = :pauseReason, fulfilled_at = :fulfilledAt, fulfilled_by = :fulfilledBy,
                waived_at = :waivedAt, waived_by = :waivedBy, waiver_reason = :waiverReason,
                waiting_for_agency_id = :waitingFor, waiting_reason = :waitingReason, waiting_since = :waitingSince,
                not_started = :notStarted, next_escalation_at = :nextEscalation, updated_at = :updated, version = version + 1
             WHERE id = :id AND version = :version\
            """)
                        .param("id", o.id.value())
                        .param("version", o.version)
                        .param("status", o.status.name())
                        .param("urgency", o.status.urgency())
                        .param("owing", o.owingAgency.value())
                        .param("assignee", o.assignee)
                        .param("clockStart", ts(o.clockStart))
                        .param("remaining", o.remainingAmount)
                        .param("dueAt", ts(o.dueAt))
                        .param("dueDate", o.dueDate)
                        .param("alertOnly", o.alertOnly)
                        .param("provisional", o.provisional)
                        .param("warnAt", ts(o.warnAt))
                        .param("warnedAt", ts(o.warnedAt))
                        .param("pausedAt", ts(o.pausedAt))
                        .param("pauseReason", o.pauseReason)
                        .param("fulfilledAt", ts(o.fulfilledAt))
                        .param("fulfilledBy", o.fulfilledBy)
                        .param("waivedAt", ts(o.waivedAt))
                        .param("waivedBy", o.waivedBy)
                        .param("waiverReason", o.waiverReason)
                        .param("waitingFor", o.waitingFor == null ? null : o.waitingFor.value())
                        .param("waitingReason", o.waitingReason)
                        .param("waitingSince", ts(o.waitingSince))
                        .param("notStarted", o.notStarted)
                        .param("nextEscalation", ts(o.nextEscalationAt))
                        .param("updated", ts(o.updatedAt))
                        .update()
                == 1;
        if (saved) {
            history(o);
        }
        return saved;
    }

    private void history(Obligation o) {
        for (Obligation.HistoryLine h : o.pullHistory()) {
            history(o.id, o.caseId, h.at(), h.event(), h.statusAfter(), h.dueAt(), h.agency(), h.actor(), h.detail());
        }
    }

    public void dueChanged(ObligationId id, Instant at, Instant previous, LedgerRules.Due due) {
        jdbc.sql("""
            UPDATE obligation SET due_at = :dueAt, due_date = :dueDate, provisional = :provisional, warn_at = :warnAt,
                warned_at = CASE WHEN CAST(:warnAt AS TIMESTAMPTZ) > :at THEN NULL ELSE warned_at END,
                previous_due_at = :previous, due_changed_at = :at, updated_at = :at, version = version + 1
             WHERE id = :id\
            """)
                .param("id", id.value())
                .param("at", ts(at))
                .param("previous", ts(previous))
                .param("dueAt", ts(due.dueAt()))
                .param("dueDate", due.dueDate())
                .param("provisional", due.provisional())
                .param("warnAt", ts(due.warnAt()))
                .update();
    }

    /** Turns an open obligation overdue; false when it is no longer open (another scan got there first). */
    public boolean overdue(ObligationId id, Instant at, Instant nextEscalation) {
        return jdbc.sql(sql("""
            UPDATE obligation SET status = :overdue, urgency = :urgency, next_escalation_at = :next, updated_at = :at,
                version = version + 1 WHERE id = :id AND status = {open}\
            """))
                        .param("overdue", ObligationStatus.OVERDUE.name())
                        .param("urgency", ObligationStatus.OVERDUE.urgency())
                        .param("id", id.value())
                        .param("at", ts(at))
                        .param("next", ts(nextEscalation))
                        .update()
                == 1;
    }

    /** No one (left) to escalate to: the escalation clock stops. */
    public void stopEscalation(ObligationId id, Instant at) {
        jdbc.sql("UPDATE obligation SET next_escalation_at = NULL, updated_at = :at WHERE id = :id")
                .param("id", id.value())
                .param("at", ts(at))
                .update();
    }

    /** An overdue obligation whose recomputed due time lies ahead is open again. */
    public void reopen(ObligationId id, Instant at) {
        jdbc.sql(sql("""
            UPDATE obligation SET status = :open, urgency = :urgency, next_escalation_at = NULL, updated_at = :at,
                version = version + 1 WHERE id = :id AND status = {overdue}\
            """))
                .param("open", ObligationStatus.OPEN.name())
                .param("urgency", ObligationStatus.OPEN.urgency())
                .param("id", id.value())
                .param("at", ts(at))
                .update();
    }

    /** Marks an open obligation warned; false when it was warned (or closed) meanwhile. */
    public boolean warned(ObligationId id, Instant at) {
        return jdbc.sql("UPDATE obligation SET warned_at = :at WHERE id = :id AND warned_at IS NULL AND status = "
                                + OPEN)
                        .param("id", id.value())
                        .param("at", ts(at))
                        .update()
                == 1;
    }

    /**
     * Raises an overdue obligation from escalation level {@code from} to {@code level}; false (and nothing recorded) when
     * it is no longer at {@code from} or no longer overdue, because another scan escalated or someone closed it first.
     */
    public boolean escalated(ObligationId id, int from, int level, AgencyId to, Instant at, Instant next) {
        int rows = jdbc.sql(sql("""
            UPDATE obligation SET escalation_level = :level, next_escalation_at = :next, updated_at = :at,
                version = version + 1 WHERE id = :id AND status = {overdue} AND escalation_level = :from\
            """))
                .param("id", id.value())
                .param("level", level)
                .param("from", from)
                .param("next", ts(next))
                .param("at", ts(at))
                .update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("""
            INSERT INTO obligation_escalation (obligation_id, level, agency_id, escalated_at) VALUES (:id, :level, :to, :at)
            ON CONFLICT DO NOTHING\
            """)
                .param("id", id.value())
                .param("level", level)
                .param("to", to.value())
                .param("at", ts(at))
                .update();
        return true;
    }

    public void history(
            ObligationId id,
            CaseId caseId,
            Instant at,
            String event,
            ObligationStatus status,
            Instant dueAt,
            AgencyId agency,
            UUID actor,
            String detail) {
        jdbc.sql("""
            INSERT INTO obligation_history (obligation_id, case_id, occurred_at, event, status_after, due_at, agency_id,
                actor_user_id, detail)
            VALUES (:id, :case, :at, :event, :status, :due, :agency, :actor, :detail)\
            """)
                .param("id", id.value())
                .param("case", caseId == null ? null : caseId.value())
                .param("at", ts(at))
                .param("event", event)
                .param("status", status.name())
                .param("due", ts(dueAt))
                .param("agency", agency == null ? null : agency.value())
                .param("actor", actor)
                .param("detail", detail)
                .update();
    }

    // Scans (batches, oldest first; ties by id, so that racing scans lock rows in the same order)

    public List<Row> dueBefore(Instant now, int limit) {
        return batch(
                "SELECT * FROM obligation WHERE status = " + OPEN
                        + " AND due_at <= :now ORDER BY due_at, id LIMIT :limit",
                now,
                limit);
    }

    public List<Row> warnBefore(Instant now, int limit) {
        return batch(sql("""
            SELECT * FROM obligation WHERE status = {open} AND warned_at IS NULL AND warn_at <= :now AND due_at > :now
             ORDER BY warn_at, id LIMIT :limit\
            """), now, limit);
    }

    public List<Row> escalationDue(Instant now, int limit) {
        return batch(sql("""
            SELECT * FROM obligation WHERE status = {overdue} AND escalation_level < 2 AND next_escalation_at <= :now
               AND waiting_reason IS NULL AND NOT owed_by_subject
             ORDER BY next_escalation_at, id LIMIT :limit\
            """), now, limit);
    }

    /** One batch of a scan: the rows that {@code select} finds at {@code :now}, {@code :limit} at the most. */
    private List<Row> batch(String select, Instant now, int limit) {
        return jdbc.sql(select)
                .param("now", ts(now))
                .param("limit", limit)
                .query(ObligationRepository::row)
                .list();
    }

    public List<Row> provisional(String calendarRegion) {
        String where = "provisional AND status IN (" + PENDING + ")"
                + (calendarRegion == null ? "" : " AND calendar_region = :region");
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT * FROM obligation WHERE " + where);
        if (calendarRegion != null) {
            spec = spec.param("region", calendarRegion);
        }
        return spec.query(ObligationRepository::row).list();
    }

    // Inbox

    /**
     * Filters of an inbox; {@code actionable}: true for what the agency can act on now ("to do"), false for what waits for
     * another organ, the subject or its trigger, null for both (ADR 0039).
     */
    public record InboxFilter(
            AgencyId agency,
            UUID assignee,
            CaseId caseId,
            String stepId,
            AgencyId counterparty,
            boolean overdueOnly,
            Boolean actionable) {

        public InboxFilter(
                AgencyId agency,
                UUID assignee,
                CaseId caseId,
                String stepId,
                AgencyId counterparty,
                boolean overdueOnly) {
            this(agency, assignee, caseId, stepId, counterparty, overdueOnly, null);
        }
    }

    /** The SQL of "the owing agency can act on it now": its own step, waiting for nobody (ADR 0039). */
    static final String ACTIONABLE = "(NOT owed_by_subject AND waiting_reason IS NULL)";

    // The statuses as SQL literals, taken from the enum: the partial indexes (V40) are defined on these values, and a
    // predicate the planner must match to them has to be a literal, not a parameter.
    static final String OPEN = literal(ObligationStatus.OPEN);
    static final String OVERDUE = literal(ObligationStatus.OVERDUE);
    static final String PENDING = java.util.Arrays.stream(ObligationStatus.values())
            .filter(ObligationStatus::pending)
            .map(ObligationRepository::literal)
            .collect(java.util.stream.Collectors.joining(", "));

    private static String literal(ObligationStatus status) {
        return "'" + status.name() + "'";
    }

    /** A statement with the placeholders {open}, {overdue}, {pending} (the pending statuses) and {actionable} filled in. */
    static String sql(String template) {
        return template.replace("{open}", OPEN)
                .replace("{overdue}", OVERDUE)
                .replace("{pending}", PENDING)
                .replace("{actionable}", ACTIONABLE);
    }

    public PageResult<ObligationView> inbox(InboxFilter f, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE status IN (" + PENDING + ")");
        Map<String, Object> params = new HashMap<>();
        if (f.agency() != null) {
            where.append(" AND owing_agency_id = :agency");
            params.put("agency", f.agency().value());
        }
        if (f.assignee() != null) {
            where.append(" AND assignee_user_id = :assignee");
            params.put("assignee", f.assignee());
        }
        if (f.caseId() != null) {
            where.append(" AND case_id = :case");
            params.put("case", f.caseId().value());
        }
        if (f.stepId() != null && !f.stepId().isBlank()) {
            where.append(" AND step_id = :step");
            params.put("step", f.stepId());
        }
        if (f.counterparty() != null) {
            where.append(" AND counterparty_agency_id = :counterparty");
            params.put("counterparty", f.counterparty().value());
        }
        if (f.overdueOnly()) {
            where.append(" AND status = " + OVERDUE);
        }
        if (f.actionable() != null) {
            where.append(f.actionable() ? " AND " : " AND NOT ").append(ACTIONABLE);
        }
        return paged(
                jdbc.sql("SELECT *, count(*) OVER () AS total FROM obligation" + where
                                + " ORDER BY urgency, due_at NULLS LAST, started_at LIMIT :limit OFFSET :offset")
                        .params(params),
                () -> jdbc.sql("SELECT count(*) FROM obligation" + where).params(params),
                page);
    }

    /**
     * A page and the number of all matching rows from one statement ({@code count(*) OVER ()}, computed before the
     * limit: the sort reads every matching row anyway). Only a page past the end, which has no row to carry the count,
     * asks for it separately.
     */
    private static PageResult<ObligationView> paged(
            JdbcClient.StatementSpec rows,
            java.util.function.Supplier<JdbcClient.StatementSpec> count,
            PageQuery page) {
        long[] total = {0};
        List<ObligationView> items = rows.param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return row(rs, n).view();
                })
                .list();
        if (items.isEmpty() && page.offset() > 0) {
            total[0] = count.get().query(Long.class).single();
        }
        return new PageResult<>(items, page.page(), page.size(), total[0]);
    }

    /**
     * Counts for the navigation: pending (all), overdue and due soon (warning time reached) among what the agency can
     * act on, and assigned to one person. {@code escalated}: pending obligations of other agencies escalated to this one,
     * {@code escalatedOverdue} of them overdue. {@code toDo}: what the agency can act on now; {@code waiting}: what waits
     * for another organ or its trigger; {@code awaitingSubject}: the subject's own steps it watches (ADR 0039).
     */
    public record Counts(
            long pending,
            long overdue,
            long dueSoon,
            long mine,
            long escalated,
            long escalatedOverdue,
            long toDo,
            long waiting,
            long awaitingSubject) {}

    public Counts counts(AgencyId agency, UUID user, Instant now) {
        return jdbc.sql(sql("""
            SELECT count(*), count(*) FILTER (WHERE status = {overdue} AND {actionable}),
                   count(*) FILTER (WHERE status = {open} AND warn_at <= :now AND {actionable}),
                   count(*) FILTER (WHERE assignee_user_id = :user),
                   (SELECT count(*) FROM obligation o WHERE o.status IN ({pending}) AND o.owing_agency_id <> :a
                       AND EXISTS (SELECT 1 FROM obligation_escalation e WHERE e.obligation_id = o.id AND e.agency_id = :a)),
                   (SELECT count(*) FROM obligation o WHERE o.status = {overdue} AND o.owing_agency_id <> :a
                       AND EXISTS (SELECT 1 FROM obligation_escalation e WHERE e.obligation_id = o.id AND e.agency_id = :a)),
                   count(*) FILTER (WHERE {actionable}),
                   count(*) FILTER (WHERE NOT owed_by_subject AND waiting_reason IS NOT NULL),
                   count(*) FILTER (WHERE owed_by_subject)
              FROM obligation WHERE owing_agency_id = :a AND status IN ({pending})\
            """))
                .param("a", agency.value())
                .param("user", user)
                .param("now", ts(now))
                .query((rs, n) -> new Counts(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9)))
                .single();
    }

    /** Pending obligations of an agency per step and counterparty. */
    public record Facet(String stepId, AgencyId counterparty, long count) {}

    public List<Facet> facets(AgencyId agency) {
        return jdbc.sql(sql("""
            SELECT step_id, counterparty_agency_id, count(*) FROM obligation
             WHERE owing_agency_id = :a AND status IN ({pending})
             GROUP BY step_id, counterparty_agency_id ORDER BY step_id\
            """))
                .param("a", agency.value())
                .query((rs, n) -> new Facet(
                        rs.getString(1),
                        rs.getObject(2, UUID.class) == null ? null : AgencyId.of(rs.getObject(2, UUID.class)),
                        rs.getLong(3)))
                .list();
    }

    /**
     * The work page's counts of what an agency can act on now — without the steps the subject owes (which it only
     * watches) and those waiting for another organ or not started (the inbox's "to do", doc/adr/0039):
     * all of them, the overdue ones, and the open ones due before {@code until} (the end of today).
     */
    public record WorkCounts(long pending, long overdue, long dueToday) {}

    public WorkCounts workCounts(AgencyId agency, Instant now, Instant until) {
        return jdbc.sql(sql("""
            SELECT count(*), count(*) FILTER (WHERE status = {overdue}),
                   count(*) FILTER (WHERE status = {open} AND due_at < :until)
              FROM obligation WHERE owing_agency_id = :a AND status IN ({pending}) AND {actionable}\
            """))
                .param("a", agency.value())
                .param("until", ts(until))
                .query((rs, n) -> new WorkCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** What an agency can act on now (the inbox's "to do"), overdue first, then by due time (the inbox's order). */
    public List<ObligationView> ownWork(AgencyId agency, int limit) {
        return jdbc.sql(sql("""
            SELECT * FROM obligation WHERE owing_agency_id = :a AND status IN ({pending}) AND {actionable}
             ORDER BY urgency, due_at NULLS LAST, started_at LIMIT :limit\
            """))
                .param("a", agency.value())
                .param("limit", limit)
                .query((rs, n) -> row(rs, n).view())
                .list();
    }

    /**
     * What an agency waits for: pending steps another organ owes to it, and its own steps that wait for another organ,
     * the subject, or a trigger (the inbox's "waiting for others"); by due time.
     */
    public PageResult<ObligationView> waitingFor(AgencyId agency, PageQuery page) {
        String from = " FROM obligation WHERE status IN (" + PENDING + ") AND ((counterparty_agency_id = :a"
                + " AND owing_agency_id <> :a) OR (owing_agency_id = :a AND NOT " + ACTIONABLE + "))";
        return paged(
                jdbc.sql("SELECT *, count(*) OVER () AS total" + from + " ORDER BY due_at NULLS LAST, started_at, id"
                                + " LIMIT :limit OFFSET :offset")
                        .param("a", agency.value()),
                () -> jdbc.sql("SELECT count(*)" + from).param("a", agency.value()),
                page);
    }

    /** Overdue obligations escalated to an agency that are still pending. */
    public PageResult<ObligationView> escalatedTo(AgencyId agency, PageQuery page) {
        // Driven by the agency's escalations (obligation_escalation_agency_idx), each obligation once however often it
        // was escalated to the agency.
        String from = " FROM obligation o WHERE o.status IN (" + PENDING + ")"
                + " AND o.id IN (SELECT e.obligation_id FROM obligation_escalation e WHERE e.agency_id = :a)";
        return paged(
                jdbc.sql("SELECT o.*, count(*) OVER () AS total" + from
                                + " ORDER BY o.due_at, o.id LIMIT :limit OFFSET :offset")
                        .param("a", agency.value()),
                () -> jdbc.sql("SELECT count(*)" + from).param("a", agency.value()),
                page);
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        Date dueDate = rs.getDate("due_date");
        UUID caseId = rs.getObject("case_id", UUID.class);
        String matterKind = rs.getString("matter_kind");
        ObligationView view = new ObligationView(
                ObligationId.of(rs.getObject("id", UUID.class)),
                caseId == null ? null : CaseId.of(caseId),
                rs.getString("step_id"),
                rs.getString("instance"),
                rs.getObject("policy_version_id", UUID.class),
                rs.getString("policy_region"),
                AgencyId.of(rs.getObject("owing_agency_id", UUID.class)),
                rs.getBoolean("owed_by_subject"),
                rs.getObject("counterparty_agency_id", UUID.class) == null
                        ? null
                        : AgencyId.of(rs.getObject("counterparty_agency_id", UUID.class)),
                ObligationStatus.valueOf(rs.getString("status")),
                DeadlineKind.valueOf(rs.getString("deadline_kind")),
                (Integer) rs.getObject("deadline_amount"),
                rs.getBoolean("custody"),
                instant(rs, "started_at"),
                instant(rs, "due_at"),
                dueDate == null ? null : dueDate.toLocalDate(),
                rs.getBoolean("alert_only"),
                rs.getBoolean("provisional"),
                instant(rs, "warn_at"),
                instant(rs, "warned_at"),
                instant(rs, "paused_at"),
                rs.getString("pause_reason"),
                instant(rs, "previous_due_at"),
                instant(rs, "due_changed_at"),
                instant(rs, "fulfilled_at"),
                rs.getObject("fulfilled_by", UUID.class),
                instant(rs, "waived_at"),
                rs.getObject("waived_by", UUID.class),
                rs.getString("waiver_reason"),
                rs.getInt("escalation_level"),
                rs.getObject("assignee_user_id", UUID.class),
                instant(rs, "created_at"),
                rs.getInt("version"),
                matterKind == null
                        ? null
                        : new ObligationMatter(
                                ObligationMatter.Kind.valueOf(matterKind), rs.getObject("matter_id", UUID.class)),
                rs.getObject("waiting_for_agency_id", UUID.class) == null
                        ? null
                        : AgencyId.of(rs.getObject("waiting_for_agency_id", UUID.class)),
                rs.getString("waiting_reason"),
                instant(rs, "waiting_since"),
                rs.getBoolean("not_started"));
        return new Row(
                view,
                rs.getString("calendar_region"),
                instant(rs, "clock_start"),
                (Integer) rs.getObject("remaining_amount"),
                rs.getInt("escalation_working_days"),
                instant(rs, "next_escalation_at"));
    }
}
