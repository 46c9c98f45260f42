package org.tongxin.supervision.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.identity.CurrentUser;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.Formats;
import org.tongxin.shared.web.WorkSection;
import org.tongxin.supervision.LeaveViews.LeaveView;
import org.tongxin.supervision.Leaves;

/**
 * Supervision's part of the work page: the leave applications and extensions awaiting the reader's agency's decision,
 * oldest first, from the list the leave page shows ({@link Leaves#awaitingMyDecision}, audited there), each one click
 * from its decision.
 */
@Component
class LeaveWork implements WorkSection {

    private final Leaves leaves;
    private final CaseDirectory cases;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Formats formats;
    private final Clock clock;

    LeaveWork(
            Leaves leaves,
            CaseDirectory cases,
            CurrentUser currentUser,
            MessageSource messages,
            Formats formats,
            Clock clock) {
        this.clock = clock;
        this.leaves = leaves;
        this.cases = cases;
        this.currentUser = currentUser;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Part> sections() {
        if (!currentUser.get().worksCases()) {
            return List.of();
        }
        List<LeaveView> awaiting = leaves.awaitingMyDecision("home");
        if (awaiting.isEmpty()) {
            return List.of();
        }
        Map<CaseId, CaseSummary> summaries = cases.summaries(
                awaiting.stream().map(LeaveView::caseId).distinct().toList(), "home");
        java.time.LocalDate today = LegalTime.today(clock);
        List<Item> items = new ArrayList<>();
        for (LeaveView l : awaiting) {
            CaseSummary s = summaries.get(l.caseId());
            if (s == null) {
                continue;
            }
            items.add(new Item(
                    text("work.leaves.item", text("leave.kind." + l.kind().name()), l.days()),
                    (s.caseNumber() == null ? text("case.noNumber") : s.caseNumber()) + " · " + s.subjectName(),
                    l.requestedAt(),
                    text("work.leaves.departs", formats.date(l.departOn())),
                    !l.departOn().isAfter(today) ? Urgency.DUE_TODAY : Urgency.OPEN,
                    text("leave.status." + l.status().name()),
                    "/leaves/" + l.id(),
                    text("work.leaves.decide")));
        }
        return List.of(new Part(
                "leaves",
                Kind.TO_DO,
                text("work.leaves.title"),
                text("work.leaves.intro"),
                awaiting.size(),
                0,
                0,
                items,
                "/leaves",
                text("work.leaves.all"),
                null));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
