package org.tongxin.obligation.web;

import org.jspecify.annotations.Nullable;
import org.tongxin.agency.AgencyName;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.obligation.ObligationView;
import org.tongxin.policy.ProcedureStep;

/**
 * One obligation as the inbox shows it, on its page and in the API ({@link ObligationLines}): the obligation, its step
 * as its policy version says, the case as the reader may see it (null when the reader may not, or for an obligation
 * without a case), the owing, counterparty and awaited agencies (null when unknown), the name of who took it (when
 * read), whether the reader took it, and what it waits for in the reader's language.
 */
public record InboxLine(
        ObligationView obligation,
        ProcedureStep step,
        @Nullable CaseSummary caseSummary,
        @Nullable AgencyName owing,
        @Nullable AgencyName counterparty,
        @Nullable AgencyName waitingFor,
        @Nullable String assigneeName,
        boolean mine,
        @Nullable String waitingText) {

    /** The owing agency's name, "—" when it is not known. */
    public String owingName() {
        return owing == null ? "—" : owing.name();
    }

    /** The counterparty's name ("—" when it is not known); null for an obligation without one. */
    public @Nullable String counterpartyName() {
        if (obligation.counterpartyAgencyId() == null) {
            return null;
        }
        return counterparty == null ? "—" : counterparty.name();
    }
}
