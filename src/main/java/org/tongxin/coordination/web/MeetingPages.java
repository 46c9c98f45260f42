package org.tongxin.coordination.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.ConflictViews.ConflictView;
import org.tongxin.coordination.Conflicts;
import org.tongxin.coordination.DecisionId;
import org.tongxin.coordination.MeetingDecisions;
import org.tongxin.coordination.MeetingDocuments;
import org.tongxin.coordination.MeetingId;
import org.tongxin.coordination.MeetingStatus;
import org.tongxin.coordination.MeetingViews.AgendaInput;
import org.tongxin.coordination.MeetingViews.AgendaItem;
import org.tongxin.coordination.MeetingViews.AgendaKind;
import org.tongxin.coordination.MeetingViews.DecisionView;
import org.tongxin.coordination.MeetingViews.MeetingSummary;
import org.tongxin.coordination.MeetingViews.MeetingView;
import org.tongxin.coordination.MeetingViews.NewDecision;
import org.tongxin.coordination.MeetingViews.NewMeeting;
import org.tongxin.coordination.Meetings;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.obligation.ObligationView;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.web.Downloads;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Pages of joint meetings: the list of the agency's meetings and of the decisions it owes, the convene form
 * (coordinators), the meeting page (agenda, attendees, notice and minutes as PDFs, the minutes form, decisions with
 * their obligation's state, closing and cancelling) and a decision's page where the named agency reports it done.
 */
@Controller
@CaseUser
class MeetingPages {

    private static final String COORDINATOR = "hasRole('CITY_COORDINATOR')";

    private final Meetings meetings;
    private final MeetingDecisions decisions;
    private final Conflicts conflicts;
    private final MeetingDocuments documents;
    private final AgencyDirectory agencies;
    private final CoordinationPresentation presentation;
    private final CaseDirectory cases;
    private final CurrentUser currentUser;
    private final PageCommands commands;

    MeetingPages(
            Meetings meetings,
            MeetingDecisions decisions,
            Conflicts conflicts,
            MeetingDocuments documents,
            AgencyDirectory agencies,
            CoordinationPresentation presentation,
            CaseDirectory cases,
            CurrentUser currentUser,
            PageCommands commands) {
        this.meetings = meetings;
        this.decisions = decisions;
        this.conflicts = conflicts;
        this.documents = documents;
        this.agencies = agencies;
        this.presentation = presentation;
        this.cases = cases;
        this.currentUser = currentUser;
        this.commands = commands;
    }

    /** A decision line: the decision, the agency named, the case as the reader sees it and its obligation. */
    public record DecisionLine(
            DecisionView decision,
            String agencyName,
            CaseSummary caseSummary,
            ObligationView obligation,
            boolean mine) {}

    /** An agenda line as the reader sees it. */
    public record AgendaLine(AgendaItem item, CaseSummary caseSummary, ConflictView conflict, DecisionLine review) {}

    /** The convene form's values. */
    public record ConveneForm(
            String title,
            String scheduledAt,
            String place,
            List<UUID> attendees,
            String topics,
            List<UUID> conflictIds,
            List<UUID> caseIds) {}

    @GetMapping("/meetings")
    String list(
            @RequestParam(required = false) MeetingStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        PageQuery query = PageQuery.of(page, null, sort, Set.of("scheduled", "title", "status"), "-scheduled");
        PageResult<MeetingSummary> result = meetings.list(status, query);
        Map<AgencyId, AgencyView> names = agencies.findAll(
                result.items().stream().map(MeetingSummary::convenor).toList());
        model.addAttribute("page", result);
        model.addAttribute("names", names);
        model.addAttribute("status", status);
        model.addAttribute("statuses", MeetingStatus.values());
        model.addAttribute("sort", (query.descending() ? "-" : "") + query.sort());
        model.addAttribute(
                "pageUrl",
                "/meetings?" + (status == null ? "" : "status=" + status + "&") + "sort="
                        + (query.descending() ? "-" : "") + query.sort() + "&");
        model.addAttribute("mayConvene", currentUser.get().has(Role.CITY_COORDINATOR));
        return "coordination/meetings";
    }

    @PreAuthorize(COORDINATOR)
    @GetMapping("/meetings/new")
    String conveneForm(Model model) {
        if (!currentUser.get().has(Role.CITY_COORDINATOR)) {
            throw TongxinException.forbidden("CONVENOR_NOT_COORDINATION_OFFICE");
        }
        return conveneView(new ConveneForm(null, null, null, List.of(), null, List.of(), List.of()), model);
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/meetings")
    String convene(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String scheduledAt,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) List<UUID> attendees,
            @RequestParam(required = false) String topics,
            @RequestParam(required = false) List<UUID> conflictIds,
            @RequestParam(required = false) List<UUID> caseIds,
            Model model,
            RedirectAttributes redirect) {
        ConveneForm form = new ConveneForm(
                title, scheduledAt, place, orEmpty(attendees), topics, orEmpty(conflictIds), orEmpty(caseIds));
        return commands.make(() -> {
                    List<AgendaInput> agenda = new ArrayList<>();
                    if (topics != null) {
                        topics.lines()
                                .map(String::strip)
                                .filter(t -> !t.isEmpty())
                                .forEach(t -> agenda.add(new AgendaInput(AgendaKind.TOPIC, t, null, null)));
                    }
                    form.caseIds().forEach(c -> agenda.add(new AgendaInput(AgendaKind.CASE, null, c, null)));
                    form.conflictIds().forEach(c -> agenda.add(new AgendaInput(AgendaKind.CONFLICT, null, null, c)));
                    return meetings.convene(new NewMeeting(title, parse(scheduledAt), place, form.attendees(), agenda));
                })
                .notice("meeting.convened")
                .passOn(PageCommands.NOT_OF_THE_FORM)
                .redirectOr(id -> "/meetings/" + id, model, redirect, () -> conveneView(form, model));
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable UUID id, Model model) {
        return meetingView(meetings.view(MeetingId.of(id)), model);
    }

    @GetMapping("/meetings/{id}/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable UUID id) {
        MeetingDocuments.Pdf pdf = documents.notice(MeetingId.of(id));
        return Downloads.attachment(pdf.fileName(), "application/pdf", pdf.content());
    }

    @GetMapping("/meetings/{id}/minutes.pdf")
    ResponseEntity<byte[]> minutesPdf(@PathVariable UUID id) {
        MeetingDocuments.Pdf pdf = documents.minutes(MeetingId.of(id));
        return Downloads.attachment(pdf.fileName(), "application/pdf", pdf.content());
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/meetings/{id}/minutes")
    String minutes(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) String minutes,
            Model model,
            RedirectAttributes redirect) {
        MeetingId meetingId = MeetingId.of(id);
        return commands.run(() -> meetings.recordMinutes(meetingId, version, minutes))
                .notice("meeting.minutes.recorded")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/meetings/" + id, model, redirect, () -> refused(meetingId, model));
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/meetings/{id}/decisions")
    String decision(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) UUID agencyId,
            @RequestParam(required = false) UUID caseId,
            @RequestParam(required = false) LocalDate dueDate,
            Model model,
            RedirectAttributes redirect) {
        MeetingId meetingId = MeetingId.of(id);
        return commands.run(
                        () -> decisions.record(meetingId, version, new NewDecision(text, agencyId, caseId, dueDate)))
                .notice("meeting.decision.recorded")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/meetings/" + id + "#decisions", model, redirect, () -> {
                    model.addAttribute("decisionText", text);
                    model.addAttribute("decisionAgency", agencyId);
                    model.addAttribute("decisionDue", dueDate);
                    return refused(meetingId, model);
                });
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/meetings/{id}/close")
    String close(@PathVariable UUID id, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return commands.run(() -> meetings.close(MeetingId.of(id), version))
                .notice("meeting.closed")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/meetings/" + id, model, redirect, () -> refused(MeetingId.of(id), model));
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/meetings/{id}/cancel")
    String cancel(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return commands.run(() -> meetings.cancel(MeetingId.of(id), version, reason))
                .notice("meeting.cancelled")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/meetings/" + id, model, redirect, () -> refused(MeetingId.of(id), model));
    }

    @GetMapping("/decisions/{id}")
    String decisionPage(@PathVariable UUID id, Model model) {
        return decisionView(decisions.decision(DecisionId.of(id)), model);
    }

    @PostMapping("/decisions/{id}/done")
    String done(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        DecisionId decisionId = DecisionId.of(id);
        return commands.run(() -> decisions.reportDone(decisionId, version, note))
                .notice("decision.reported")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/decisions/" + id, model, redirect, () -> {
                    model.addAttribute("note", note);
                    return decisionView(decisions.decision(decisionId), model);
                });
    }

    // Views

    private String conveneView(ConveneForm form, Model model) {
        AgencyId mine = currentUser.get().agency();
        List<AgencyView> choices = agencies.listActive().stream()
                .filter(a -> !a.id().equals(mine))
                .sorted(Comparator.comparing(AgencyView::code))
                .toList();
        List<ConflictView> open = meetings.openConflicts();
        List<CaseId> caseIds = open.stream()
                .map(ConflictView::caseId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        model.addAttribute("form", form);
        model.addAttribute("agencyChoices", choices);
        model.addAttribute("openConflicts", open);
        model.addAttribute(
                "caseChoices",
                caseIds.isEmpty()
                        ? List.of()
                        : List.copyOf(
                                cases.summaries(caseIds, "meeting.convene").values()));
        return "coordination/convene";
    }

    private String meetingView(MeetingView m, Model model) {
        Map<DecisionId, DecisionView> reviewed = meetings.reviewed(m);
        List<DecisionView> named = new ArrayList<>(m.decisions());
        named.addAll(reviewed.values());
        Map<AgencyId, AgencyName> names = presentation.meetingAgencies(m, named, LocaleContextHolder.getLocale());
        Set<CaseId> caseIds = new HashSet<>();
        m.agenda().stream().map(AgendaItem::caseId).filter(Objects::nonNull).forEach(caseIds::add);
        m.decisions().stream()
                .map(DecisionView::caseId)
                .filter(Objects::nonNull)
                .forEach(caseIds::add);
        Map<CaseId, CaseSummary> summaries = caseIds.isEmpty() ? Map.of() : cases.summaries(caseIds, "meeting");
        List<AgendaLine> agenda = new ArrayList<>();
        for (AgendaItem item : m.agenda()) {
            ConflictView conflict = null;
            if (item.conflictId() != null) {
                conflict = findConflict(item.conflictId());
            }
            DecisionView review = item.decisionId() == null ? null : reviewed.get(item.decisionId());
            agenda.add(new AgendaLine(
                    item,
                    item.caseId() == null ? null : summaries.get(item.caseId()),
                    conflict,
                    review == null ? null : line(review, names, summaries)));
        }
        boolean manages = meetings.manages(m);
        model.addAttribute("meeting", m);
        model.addAttribute("convenorName", CoordinationPresentation.name(names, m.convenor()));
        model.addAttribute(
                "attendeeNames",
                m.attendees().stream()
                        .map(a -> CoordinationPresentation.name(names, a))
                        .sorted()
                        .toList());
        model.addAttribute("agenda", agenda);
        model.addAttribute(
                "decisions",
                m.decisions().stream().map(d -> line(d, names, summaries)).toList());
        model.addAttribute("manages", manages);
        if (manages && m.status() == MeetingStatus.HELD) {
            model.addAttribute(
                    "agencyChoices",
                    agencies.listActive().stream()
                            .sorted(Comparator.comparing(AgencyView::code))
                            .toList());
            model.addAttribute("caseChoices", summaries.values().stream().toList());
        }
        return "coordination/meeting";
    }

    private String decisionView(DecisionView d, Model model) {
        MeetingView m = meetings.view(d.meetingId());
        Map<AgencyId, AgencyName> names = presentation.meetingAgencies(m, List.of(d), LocaleContextHolder.getLocale());
        Map<CaseId, CaseSummary> summaries =
                d.caseId() == null ? Map.of() : cases.summaries(List.of(d.caseId()), "decision");
        model.addAttribute("meeting", m);
        model.addAttribute("line", line(d, names, summaries));
        model.addAttribute("convenorName", CoordinationPresentation.name(names, m.convenor()));
        return "coordination/decision";
    }

    /** The page again after a refusal (the refusal is in the model). */
    private String refused(MeetingId id, Model model) {
        return meetingView(meetings.view(id), model);
    }

    private DecisionLine line(DecisionView d, Map<AgencyId, AgencyName> names, Map<CaseId, CaseSummary> summaries) {
        return new DecisionLine(
                d,
                CoordinationPresentation.name(names, d.owingAgency()),
                d.caseId() == null ? null : summaries.get(d.caseId()),
                decisions.obligation(d).orElse(null),
                decisions.owes(d));
    }

    private ConflictView findConflict(ConflictId id) {
        try {
            return conflicts.view(id, "meeting");
        } catch (TongxinException e) {
            return null;
        }
    }

    private static LocalDateTime parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw TongxinException.invalid("scheduledAt", "dateTime");
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
