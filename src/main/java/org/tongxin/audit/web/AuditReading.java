package org.tongxin.audit.web;

import org.springframework.stereotype.Component;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditFilter;
import org.tongxin.audit.AuditLog;
import org.tongxin.audit.AuditRecord;
import org.tongxin.audit.AuditVerification;
import org.tongxin.audit.internal.AuditQueries;
import org.tongxin.audit.internal.AuditVerifier;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Reading the audit log, for the API and the pages alike: every search, export and verification is itself audited,
 * with the purpose the caller names ({@code api/searchAuditRecords}, {@code audit/search} …).
 */
@Component
class AuditReading {

    private final AuditQueries queries;
    private final AuditVerifier verifier;
    private final AuditLog audit;

    AuditReading(AuditQueries queries, AuditVerifier verifier, AuditLog audit) {
        this.queries = queries;
        this.verifier = verifier;
        this.audit = audit;
    }

    PageResult<AuditRecord> search(AuditSearch search, PageQuery page, String purpose) {
        AuditFilter filter = search.filter();
        PageResult<AuditRecord> result = queries.search(filter, page);
        audit.record(AuditEntry.of(AuditCategory.AUDIT, "audit.search")
                .purpose(purpose)
                .detail("filter", search.describe()));
        return result;
    }

    /** The filter of an export, its reading audited before the first line is written. */
    AuditFilter export(AuditSearch search, String purpose) {
        AuditFilter filter = search.filter();
        audit.record(AuditEntry.of(AuditCategory.AUDIT, "audit.export")
                .purpose(purpose)
                .detail("filter", search.describe()));
        return filter;
    }

    AuditVerification verify(String purpose) {
        AuditVerification result = verifier.verify();
        audit.record(AuditEntry.of(AuditCategory.AUDIT, "audit.verify")
                .purpose(purpose)
                .detail("intact", result.intact())
                .detail("problems", result.problems().size()));
        return result;
    }
}
