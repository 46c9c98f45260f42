package org.tongxin.exchange.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.exchange.HandoverSummary;
import org.tongxin.exchange.Handovers;
import org.tongxin.identity.CurrentUser;
import org.tongxin.shared.web.Formats;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.shared.web.WorkSection;

/**
 * The exchange's part of the work page: the deliveries the reader's agency must receipt or reject, oldest first, counted
 * exactly ({@link Handovers#awaitingMyReceipt}); the requests to assist a search it must answer ({@link
 * Handovers#requestsToMe}); each one click from the handover's page where the answer is given; and the copies it received.
 * Cases are named as the reader may see them.
 */
@Component
class HandoverWork implements WorkSection {

    private final Handovers handovers;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Formats formats;

    HandoverWork(
            Handovers handovers,
            CaseDirectory cases,
            AgencyDirectory agencies,
            CurrentUser currentUser,
            MessageSource messages,
            Formats formats) {
        this.handovers = handovers;
        this.cases = cases;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Part> sections() {
        if (!currentUser.get().worksCases()) {
            return List.of();
        }
        // Only the deliveries whose procedure asks for a receipt are work to do; the others, once delivered, are
        // delivered.
        // Counted exactly in the database, not within a first page of answerable deliveries.
        PageResult<HandoverSummary> waiting =
                handovers.awaitingMyReceipt(new PageQuery(0, Part.MAX_ITEMS, null, false));
        PageResult<HandoverSummary> requests = handovers.requestsToMe(new PageQuery(0, Part.MAX_ITEMS, null, false));
        PageResult<HandoverSummary> copies = handovers.copiesToMe(new PageQuery(0, Part.MAX_ITEMS, null, false));
        if (waiting.total() == 0 && requests.total() == 0 && copies.total() == 0) {
            return List.of();
        }
        List<HandoverSummary> all = new ArrayList<>(waiting.items());
        all.addAll(requests.items());
        all.addAll(copies.items());
        List<CaseId> ids = all.stream()
                .map(HandoverSummary::caseId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<CaseId, CaseSummary> summaries = ids.isEmpty() ? Map.of() : cases.summaries(ids, "home");
        Map<AgencyId, AgencyView> senders = agencies.findAll(all.stream()
                .map(HandoverSummary::senderAgencyId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        List<Part> parts = new ArrayList<>();
        if (waiting.total() > 0) {
            // Sorted after the dated steps of the same urgency: a receipt has no statutory due time of its own here.
            parts.add(new Part(
                    "receipts",
                    Kind.RECEIPTS,
                    text("work.receipts.title"),
                    text("work.receipts.intro"),
                    waiting.total(),
                    0,
                    0,
                    items(waiting.items(), summaries, senders, false),
                    null,
                    null,
                    null));
        }
        if (requests.total() > 0) {
            parts.add(new Part(
                    "requests",
                    Kind.RECEIPTS,
                    text("work.requests.title"),
                    text("work.requests.intro"),
                    requests.total(),
                    0,
                    0,
                    requestItems(requests.items(), summaries, senders),
                    null,
                    null,
                    null));
        }
        if (copies.total() > 0) {
            parts.add(new Part(
                    "copies",
                    Kind.WAITING,
                    text("work.copies.title"),
                    text("work.copies.intro"),
                    copies.total(),
                    0,
                    0,
                    items(copies.items(), summaries, senders, true),
                    "/copies",
                    text("work.copies.all", copies.total()),
                    null));
        }
        return parts;
    }

    private List<Item> items(
            List<HandoverSummary> handoverList,
            Map<CaseId, CaseSummary> summaries,
            Map<AgencyId, AgencyView> senders,
            boolean copies) {
        List<Item> items = new ArrayList<>();
        for (HandoverSummary h : handoverList) {
            CaseSummary s = h.caseId() == null ? null : summaries.get(h.caseId());
            if (h.caseId() != null && s == null) {
                continue;
            }
            AgencyView sender = senders.get(h.senderAgencyId());
            String context = (s == null
                            ? ""
                            : (s.caseNumber() == null ? text("case.noNumber") : s.caseNumber()) + " · "
                                    + s.subjectName() + " · ")
                    + text("work.receipts.from", sender == null ? "—" : sender.name(LocaleContextHolder.getLocale()));
            java.time.Instant at = copies ? h.copyDeliveredAt() : h.lastDeliveredAt();
            items.add(new Item(
                    text("handover.kind." + h.kind().name()),
                    context,
                    null,
                    at == null ? null : text("work.receipts.deliveredAt", formats.dateTime(at)),
                    copies ? Urgency.INFO : Urgency.OPEN,
                    text(
                            copies
                                    ? "work.copies.state"
                                    : h.round() > 1 ? "work.receipts.resent" : "work.receipts.delivered"),
                    "/handovers/" + h.id(),
                    text(copies ? "work.copies.open" : "work.receipts.act")));
        }
        return items;
    }

    private List<Item> requestItems(
            List<HandoverSummary> list, Map<CaseId, CaseSummary> summaries, Map<AgencyId, AgencyView> senders) {
        return items(list, summaries, senders, false).stream()
                .map(i -> new Item(
                        i.label(),
                        i.context(),
                        i.due(),
                        i.dueText(),
                        i.urgency(),
                        text("work.requests.state"),
                        i.actionPath(),
                        text("work.requests.act")))
                .toList();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
