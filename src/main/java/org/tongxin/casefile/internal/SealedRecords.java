package org.tongxin.casefile.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.casefile.CaseId;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.LawfulRole;
import org.tongxin.identity.TongxinPrincipal;

/**
 * The access rule for sealed records (CPL art. 286; doc/security-requirements.md S10), on every path by which a person reaches a case:
 * a sealed case has no lawful parties for anyone but a person holding a lawful-query grant that is approved and not
 * expired by the application's clock, so {@code CaseAccess.require} answers 404 and lists leave it out. Each attempt of
 * a person to reach a sealed case is audited, allowed or refused. The system's own work (no person acting) is not
 * limited: it keeps the ledger and the documents of the case. Row-level security applies the same rule by agency (V201).
 */
@Component
public class SealedRecords {

    private final CaseRepository cases;
    private final SealedQueryRepository queries;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    SealedRecords(
            CaseRepository cases,
            SealedQueryRepository queries,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cases = cases;
        this.queries = queries;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case's lawful parties as the acting person may use them: none for a sealed case without a live grant. */
    public List<LawfulRole> parties(CaseId id) {
        List<LawfulRole> all = cases.parties(id);
        TongxinPrincipal me = currentUser.find().orElse(null);
        if (me == null || all.isEmpty() || !queries.sealed(id.value())) {
            return all;
        }
        boolean granted = granted(id, me);
        AuditEntry entry = AuditEntry.of(AuditCategory.PERSONAL_DATA, "case.sealed.read")
                .target("case", id)
                .outcome(granted ? AuditOutcome.SUCCESS : AuditOutcome.DENIED)
                .build();
        if (granted) {
            audit.record(entry);
        } else {
            // The refusal ends the caller's transaction in a rollback: its record is kept in a transaction of its own.
            ownTransaction.executeWithoutResult(status -> audit.record(entry));
        }
        return granted ? all : List.of();
    }

    /** Whether the acting person may reach the case as far as sealing goes (no audit: for counting lines, not reading). */
    public boolean readable(CaseId id) {
        TongxinPrincipal me = currentUser.find().orElse(null);
        return me == null || !queries.sealed(id.value()) || granted(id, me);
    }

    private boolean granted(CaseId id, TongxinPrincipal me) {
        return me.userId() != null && queries.liveGrant(id.value(), me.userId(), clock.instant());
    }
}
