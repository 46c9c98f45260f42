package org.tongxin.obligation.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.UserDirectory;
import org.tongxin.identity.UserId;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.obligation.WaitingWords;

/**
 * The obligation module's presentation assembler: turns obligations into the lines both the inbox API and the inbox
 * pages show (the step as its policy version says, the case as the reader may see it, the agencies' names in the
 * reader's language, whether the reader took it, what it waits for). What a batch needs is read once per batch.
 */
@Component
class ObligationLines {

    private final ObligationLedger ledger;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final UserDirectory users;
    private final CurrentUser currentUser;
    private final WaitingWords waitingWords;

    ObligationLines(
            ObligationLedger ledger,
            CaseDirectory cases,
            AgencyDirectory agencies,
            UserDirectory users,
            CurrentUser currentUser,
            WaitingWords waitingWords) {
        this.ledger = ledger;
        this.cases = cases;
        this.agencies = agencies;
        this.users = users;
        this.currentUser = currentUser;
        this.waitingWords = waitingWords;
    }

    /**
     * What the lines of a batch of obligations read once: the case summaries the reader may see (the read audited
     * under {@code purpose}), the names of the owing, counterparty and awaited agencies, the names of those who took
     * them (only when asked: the API gives the assignee's id), and the reader.
     */
    record Batch(
            Map<CaseId, CaseSummary> summaries,
            Map<AgencyId, AgencyName> names,
            Map<UUID, String> assignees,
            @Nullable UUID me,
            Locale locale) {

        /** Whether the reader may see the obligation's case (always, for an obligation without a case). */
        boolean caseVisible(ObligationView o) {
            return o.caseId() == null || summaries.containsKey(o.caseId());
        }
    }

    Batch read(Collection<ObligationView> obligations, String purpose, boolean assigneeNames, Locale locale) {
        List<CaseId> caseIds = obligations.stream()
                .map(ObligationView::caseId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<CaseId, CaseSummary> summaries = caseIds.isEmpty() ? Map.of() : cases.summaries(caseIds, purpose);
        Map<AgencyId, AgencyName> names = agencies.names(
                obligations.stream()
                        .flatMap(o -> Stream.of(o.owingAgencyId(), o.counterpartyAgencyId(), o.waitingForAgencyId()))
                        .toList(),
                locale);
        return new Batch(
                summaries,
                names,
                assigneeNames ? assignees(obligations) : Map.of(),
                currentUser.get().userId(),
                locale);
    }

    InboxLine line(ObligationView o, Batch batch) {
        return new InboxLine(
                o,
                ledger.step(o),
                o.caseId() == null ? null : batch.summaries().get(o.caseId()),
                batch.names().get(o.owingAgencyId()),
                o.counterpartyAgencyId() == null ? null : batch.names().get(o.counterpartyAgencyId()),
                o.waitingForAgencyId() == null ? null : batch.names().get(o.waitingForAgencyId()),
                o.assigneeUserId() == null ? null : batch.assignees().get(o.assigneeUserId()),
                batch.me() != null && batch.me().equals(o.assigneeUserId()),
                waitingWords.text(o, batch.names(), batch.locale()).orElse(null));
    }

    private Map<UUID, String> assignees(Collection<ObligationView> obligations) {
        List<UserId> ids = obligations.stream()
                .map(ObligationView::assigneeUserId)
                .filter(Objects::nonNull)
                .distinct()
                .map(UserId::of)
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findAll(ids).stream()
                .collect(Collectors.toMap(
                        u -> u.id().value(),
                        u -> u.displayName() == null ? u.username() : u.displayName(),
                        (a, b) -> a));
    }
}
