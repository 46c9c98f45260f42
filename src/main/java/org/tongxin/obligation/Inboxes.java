package org.tongxin.obligation;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.internal.ObligationRepository;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * The ledger as people read it: the caller's agency's inbox (its open obligations, overdue first, then by due time),
 * the caller's personal inbox, the counts the navigation shows, the obligations escalated to the caller's agency,
 * and the obligations of one case for its parties (404 for anyone else). Administrators have no inbox: they never
 * take part in cases (doc/security-requirements.md S5).
 */
@Component
public class Inboxes {

    private final ObligationRepository obligations;
    private final CaseDirectory cases;
    private final CurrentUser currentUser;
    private final Clock clock;

    Inboxes(ObligationRepository obligations, CaseDirectory cases, CurrentUser currentUser, Clock clock) {
        this.obligations = obligations;
        this.cases = cases;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Filters of an inbox: one case, one step, one counterparty, only the caller's own, only overdue ones; and
     * {@code show}: what the agency can act on now, what waits for others, or both (ADR 0039).
     */
    public record InboxFilter(
            CaseId caseId, String stepId, AgencyId counterparty, boolean mine, boolean overdueOnly, InboxView show) {

        public InboxFilter {
            show = show == null ? InboxView.ALL : show;
        }

        /** Both to do and waiting, as before the split. */
        public InboxFilter(CaseId caseId, String stepId, AgencyId counterparty, boolean mine, boolean overdueOnly) {
            this(caseId, stepId, counterparty, mine, overdueOnly, InboxView.ALL);
        }
    }

    /** Which lines an inbox shows: TODO (the agency can act now), WAITING (another organ, the subject, a trigger), ALL. */
    public enum InboxView {
        ALL,
        TODO,
        WAITING;

        Boolean actionable() {
            return this == ALL ? null : this == TODO;
        }

        /** The {@code show} parameter: todo, waiting or all (null or blank: all); anything else is a 400 naming the choices. */
        public static InboxView parse(String show) {
            if (show == null || show.isBlank()) {
                return ALL;
            }
            for (InboxView v : values()) {
                if (v.name().equalsIgnoreCase(show.strip())) {
                    return v;
                }
            }
            throw org.tongxin.shared.error.TongxinException.invalid("show", "oneOf", "todo, waiting, all");
        }
    }

    /**
     * Pending obligations of the caller's agency, overdue, due soon (warning time reached) and the caller's own; and the
     * pending obligations of other agencies escalated to it ({@code escalated}, {@code escalatedOverdue} of them overdue),
     * which the coordination office and the agencies one level up oversee from their inbox. Since ADR 0039
     * {@code overdue} and {@code dueSoon} count only what the agency can act on (never the subject's own steps, never a
     * step waiting for another organ); {@code toDo} is what it can act on now, {@code waiting} what waits for another
     * organ or for its trigger, {@code awaitingSubject} the subject's steps it watches ({@code pending} = the three).
     */
    public record InboxCounts(
            long pending,
            long overdue,
            long dueSoon,
            long mine,
            long escalated,
            long escalatedOverdue,
            long toDo,
            long waiting,
            long awaitingSubject) {

        public static final InboxCounts NONE = new InboxCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** How many pending obligations of the caller's agency there are per step and counterparty (the inbox's filters). */
    public record InboxFacet(String stepId, AgencyId counterparty, long count) {}

    /** Open obligations of the caller's agency (or, with {@code mine}, taken by the caller), overdue first, then by due time. */
    @Transactional(readOnly = true)
    public PageResult<ObligationView> inbox(InboxFilter filter, PageQuery page) {
        TongxinPrincipal me = currentUser.get();
        if (!me.worksCases()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        return obligations.inbox(
                new ObligationRepository.InboxFilter(
                        me.agency(),
                        filter.mine() ? me.userId() : null,
                        filter.caseId(),
                        filter.stepId(),
                        filter.counterparty(),
                        filter.overdueOnly(),
                        filter.show().actionable()),
                page);
    }

    @Transactional(readOnly = true)
    public InboxCounts counts() {
        TongxinPrincipal me = currentUser.get();
        if (!me.worksCases()) {
            return InboxCounts.NONE;
        }
        ObligationRepository.Counts c = obligations.counts(me.agency(), me.userId(), clock.instant());
        return new InboxCounts(
                c.pending(),
                c.overdue(),
                c.dueSoon(),
                c.mine(),
                c.escalated(),
                c.escalatedOverdue(),
                c.toDo(),
                c.waiting(),
                c.awaitingSubject());
    }

    /** Steps and counterparties among the caller's agency's pending obligations, for the inbox's filter lists. */
    @Transactional(readOnly = true)
    public List<InboxFacet> facets() {
        TongxinPrincipal me = currentUser.get();
        if (!me.worksCases()) {
            return List.of();
        }
        return obligations.facets(me.agency()).stream()
                .map(f -> new InboxFacet(f.stepId(), f.counterparty(), f.count()))
                .toList();
    }

    /** Pending obligations of other agencies escalated to the caller's agency (it oversees them), by due time. */
    @Transactional(readOnly = true)
    public PageResult<ObligationView> escalatedToMe(PageQuery page) {
        TongxinPrincipal me = currentUser.get();
        if (!me.worksCases()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        return obligations.escalatedTo(me.agency(), page);
    }

    // The work page (/): what the caller's agency itself must do, and what it waits for. The inbox's split into "to do"
    // and "waiting for others" may replace these three.

    /** The caller's agency's own pending work (not what the subject owes), overdue and due before {@code endOfToday}. */
    public record WorkCounts(long pending, long overdue, long dueToday) {

        public static final WorkCounts NONE = new WorkCounts(0, 0, 0);
    }

    @Transactional(readOnly = true)
    public WorkCounts workCounts(java.time.Instant endOfToday) {
        TongxinPrincipal me = currentUser.get();
        if (!me.worksCases()) {
            return WorkCounts.NONE;
        }
        ObligationRepository.WorkCounts c = obligations.workCounts(me.agency(), clock.instant(), endOfToday);
        return new WorkCounts(c.pending(), c.overdue(), c.dueToday());
    }

    /** The most urgent of the caller's agency's own pending work (not what the subject owes), in the inbox's order. */
    @Transactional(readOnly = true)
    public List<ObligationView> mostUrgent(int limit) {
        TongxinPrincipal me = currentUser.get();
        if (!me.worksCases()) {
            return List.of();
        }
        return obligations.ownWork(me.agency(), Math.min(Math.max(limit, 1), PageQuery.MAX_SIZE));
    }

    /** Pending steps another organ owes to the caller's agency, and the steps of the subject it watches, by due time. */
    @Transactional(readOnly = true)
    public PageResult<ObligationView> waitingForOthers(PageQuery page) {
        TongxinPrincipal me = currentUser.get();
        if (!me.worksCases()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        return obligations.waitingFor(me.agency(), page);
    }

    /**
     * Every obligation of a case, for its parties (404 for anyone without a lawful role in it). A party that sees only
     * its own part of the case (a former place of execution, the judicial bureau asked for an approval, the county agency
     * consulted about a move: {@link CaseDirectory#ownPartOnly}) sees the obligations its agency owes or is owed.
     */
    @Transactional(readOnly = true)
    public List<ObligationView> ofCase(CaseId caseId) {
        org.tongxin.identity.CaseAccessDecision decision = cases.access(caseId);
        List<ObligationView> all = obligations.forCase(caseId);
        if (!CaseDirectory.ownPartOnly(decision)) {
            return all;
        }
        AgencyId mine = currentUser.get().agency();
        return all.stream()
                .filter(o -> mine.equals(o.owingAgencyId()) || mine.equals(o.counterpartyAgencyId()))
                .toList();
    }
}
