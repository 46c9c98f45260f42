package org.tongxin.obligation;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.internal.ObligationRepository;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Every agency's inbox (DESIGN.md §3): its pending obligations, overdue first and then by due time, with the steps the
 * subject owes that the agency watches; a person's own inbox is what they took. Always the caller's own agency: there
 * is no way to ask for another agency's inbox. Administrators have none (SECURITY.md S5).
 */
@Component
public class Inboxes {

    private final ObligationRepository obligations;
    private final CurrentUser currentUser;

    Inboxes(ObligationRepository obligations, CurrentUser currentUser) {
        this.obligations = obligations;
        this.currentUser = currentUser;
    }

    /** Filters of the inbox: a case, a step, the agency owed, and "only what I took". Nulls mean any. */
    public record InboxQuery(CaseId caseId, String stepId, AgencyId counterparty, boolean mine) {

        public static final InboxQuery ALL = new InboxQuery(null, null, null, false);
    }

    /** Pending obligations of the caller's agency and how many of them are overdue. */
    public record InboxCounts(long pending, long overdue) {

        public static final InboxCounts NONE = new InboxCounts(0, 0);
    }

    /** How many pending obligations of the caller's agency there are per step and counterparty (the inbox's filters). */
    public record InboxFacet(String stepId, AgencyId counterparty, long count) {
    }

    /** The caller's agency's pending obligations (or only those they took), overdue first, then by due time. */
    @Transactional(readOnly = true)
    public PageResult<ObligationView> inbox(InboxQuery query, PageQuery page) {
        TongxinPrincipal me = caseWorker();
        if (me == null) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        InboxQuery q = query == null ? InboxQuery.ALL : query;
        return obligations.inbox(new ObligationRepository.InboxFilter(me.agency(), q.mine() ? me.userId() : null, q.caseId(),
                q.stepId(), q.counterparty(), false), page);
    }

    /** The counts for the navigation: one query on the inbox index. */
    @Transactional(readOnly = true)
    public InboxCounts counts() {
        TongxinPrincipal me = caseWorker();
        if (me == null) {
            return InboxCounts.NONE;
        }
        long[] counts = obligations.counts(me.agency());
        return new InboxCounts(counts[0], counts[1]);
    }

    /** Steps and counterparties among the caller's agency's pending obligations, for the inbox's filter lists. */
    @Transactional(readOnly = true)
    public List<InboxFacet> facets() {
        TongxinPrincipal me = caseWorker();
        if (me == null) {
            return List.of();
        }
        return obligations.facets(me.agency()).stream()
                .map(f -> new InboxFacet(f.stepId(), f.counterparty(), f.count())).toList();
    }

    /**
     * Overdue obligations of other agencies escalated to the caller's agency (the organ one level up, or the city
     * coordination office) that are still pending, oldest due first.
     */
    @Transactional(readOnly = true)
    public PageResult<ObligationView> escalatedToMe(PageQuery page) {
        TongxinPrincipal me = caseWorker();
        if (me == null) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        return obligations.escalatedTo(me.agency(), page);
    }

    private TongxinPrincipal caseWorker() {
        return currentUser.find().filter(p -> !p.isAdmin() && p.agencyId() != null).orElse(null);
    }
}
