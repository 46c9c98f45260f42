package org.tongxin.coordination.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.tongxin.coordination.ConflictState;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.ConflictViews.ConflictSearch;
import org.tongxin.coordination.ConflictViews.ConflictView;
import org.tongxin.coordination.ConflictViews.NewConflict;
import org.tongxin.coordination.Conflicts;
import org.tongxin.coordination.MeetingId;
import org.tongxin.coordination.MeetingStatus;
import org.tongxin.coordination.MeetingViews.MeetingSummary;
import org.tongxin.coordination.Meetings;
import org.tongxin.exchange.Handovers;
import org.tongxin.obligation.Inboxes;
import org.tongxin.obligation.ObligationView;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Pages of the conflict register: the register with its search (POSTed, since a case number or a name may be in the
 * query; paging and sorting repeat it in the body), the raise form (also from a case page, with the case's handovers
 * and obligations as evidence), and the conflict page where the coordination office responds, escalates to a joint
 * meeting and resolves.
 */
@Controller
@CaseUser
class ConflictPages {

    private static final String COORDINATOR = "hasRole('CITY_COORDINATOR')";

    private final Conflicts conflicts;
    private final Meetings meetings;
    private final AgencyDirectory agencies;
    private final CoordinationPresentation presentation;
    private final CaseDirectory cases;
    private final Handovers handovers;
    private final Inboxes inboxes;
    private final FormFeedback feedback;
    private final PageCommands commands;

    ConflictPages(
            Conflicts conflicts,
            Meetings meetings,
            AgencyDirectory agencies,
            CoordinationPresentation presentation,
            CaseDirectory cases,
            Handovers handovers,
            Inboxes inboxes,
            FormFeedback feedback,
            PageCommands commands) {
        this.conflicts = conflicts;
        this.meetings = meetings;
        this.agencies = agencies;
        this.presentation = presentation;
        this.cases = cases;
        this.handovers = handovers;
        this.inboxes = inboxes;
        this.feedback = feedback;
        this.commands = commands;
    }

    /** The search form's values (strings as typed, so a bad value is shown back). */
    public record SearchForm(String text, String type, String state, String agencyId, String caseNumber, String sort) {

        /** The sort to send when the column {@code key} is clicked: ascending first, then descending. */
        public String toggle(String key) {
            return key.equals(sort) ? "-" + key : key;
        }
    }

    /** A register line: the conflict and the names of its agencies. */
    public record ConflictLine(ConflictView conflict, String raisedByName, List<String> partyNames) {}

    /** The raise form's values. */
    public record RaiseForm(
            UUID caseId,
            String type,
            List<UUID> parties,
            String point,
            String stepId,
            List<UUID> handoverIds,
            List<UUID> obligationIds) {}

    @GetMapping("/conflicts")
    String register(Model model) {
        return registerView(new SearchForm(null, null, null, null, null, "-raised"), 0, model);
    }

    @PostMapping("/conflicts/search")
    String search(
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) String caseNumber,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String sortBy,
            @RequestParam(required = false) Integer page,
            Model model) {
        SearchForm form = new SearchForm(text, type, state, agencyId, caseNumber, sortBy != null ? sortBy : sort);
        try {
            return registerView(form, page == null ? 0 : page, model);
        } catch (TongxinException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            feedback.apply(e, model);
            model.addAttribute("page", new PageResult<ConflictLine>(List.of(), 0, PageQuery.DEFAULT_SIZE, 0));
            choices(model);
            model.addAttribute("search", form);
            model.addAttribute("filtered", true);
            return "coordination/conflicts";
        }
    }

    @GetMapping("/conflicts/new")
    String raiseForm(@RequestParam(name = "case", required = false) UUID caseId, Model model) {
        return raiseView(new RaiseForm(caseId, null, List.of(), null, null, List.of(), List.of()), model);
    }

    @PostMapping("/conflicts")
    String raise(
            @RequestParam(required = false) UUID caseId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) List<UUID> parties,
            @RequestParam(required = false) String point,
            @RequestParam(required = false) String stepId,
            @RequestParam(required = false) List<UUID> handoverIds,
            @RequestParam(required = false) List<UUID> obligationIds,
            Model model,
            RedirectAttributes redirect) {
        RaiseForm form = new RaiseForm(
                caseId, type, orEmpty(parties), point, stepId, orEmpty(handoverIds), orEmpty(obligationIds));
        return commands.make(() -> {
                    ConflictType conflictType = type == null || type.isBlank() ? null : parseType(type);
                    return conflicts.raise(new NewConflict(
                            caseId,
                            conflictType,
                            form.parties(),
                            point,
                            stepId,
                            form.handoverIds(),
                            form.obligationIds()));
                })
                .notice("conflict.raised")
                .passOn(PageCommands.NOT_OF_THE_FORM)
                .redirectOr(id -> "/conflicts/" + id, model, redirect, () -> raiseView(form, model));
    }

    @GetMapping("/conflicts/{id}")
    String conflict(@PathVariable UUID id, Model model) {
        return conflictView(conflicts.view(ConflictId.of(id), "conflict"), model);
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/conflicts/{id}/response")
    String respond(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) String response,
            Model model,
            RedirectAttributes redirect) {
        return commands.run(() -> conflicts.respond(ConflictId.of(id), version, response))
                .notice("conflict.responded")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/conflicts/" + id, model, redirect, () -> refused(ConflictId.of(id), model));
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/conflicts/{id}/escalation")
    String escalate(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) UUID meetingId,
            Model model,
            RedirectAttributes redirect) {
        return commands.run(() -> conflicts.escalate(
                        ConflictId.of(id), version, note, meetingId == null ? null : MeetingId.of(meetingId)))
                .notice("conflict.escalated")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/conflicts/" + id, model, redirect, () -> refused(ConflictId.of(id), model));
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/conflicts/{id}/resolution")
    String resolve(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) String resolution,
            @RequestParam(required = false) String lessons,
            Model model,
            RedirectAttributes redirect) {
        return commands.run(() -> conflicts.resolve(ConflictId.of(id), version, resolution, lessons))
                .notice("conflict.resolvedNotice")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/conflicts/" + id, model, redirect, () -> refused(ConflictId.of(id), model));
    }

    // Views

    private String registerView(SearchForm form, int page, Model model) {
        PageQuery query = PageQuery.of(page, null, form.sort(), Conflicts.SORTABLE, "-raised");
        ConflictSearch search = new ConflictSearch(
                blank(form.text()),
                form.type() == null || form.type().isBlank() ? null : parseType(form.type()),
                form.state() == null || form.state().isBlank() ? null : parseState(form.state()),
                parseAgency(form.agencyId()),
                blank(form.caseNumber()));
        PageResult<ConflictView> found = conflicts.search(search, query, "conflict.register");
        Map<AgencyId, AgencyName> names = presentation.conflictAgencies(found.items(), LocaleContextHolder.getLocale());
        model.addAttribute("page", found.map(c -> CoordinationPresentation.line(c, names)));
        model.addAttribute(
                "search",
                new SearchForm(
                        form.text(),
                        form.type(),
                        form.state(),
                        form.agencyId(),
                        form.caseNumber(),
                        (query.descending() ? "-" : "") + query.sort()));
        model.addAttribute(
                "filtered",
                search.text() != null
                        || search.type() != null
                        || search.state() != null
                        || search.agencyId() != null
                        || search.caseNumber() != null);
        choices(model);
        return "coordination/conflicts";
    }

    private void choices(Model model) {
        model.addAttribute("types", ConflictType.values());
        model.addAttribute("states", ConflictState.values());
        model.addAttribute(
                "agencyChoices",
                agencies.listActive().stream()
                        .sorted(Comparator.comparing(AgencyView::code))
                        .toList());
    }

    private String raiseView(RaiseForm form, Model model) {
        CaseSummary caseSummary = null;
        if (form.caseId() != null) {
            CaseId caseId = CaseId.of(form.caseId());
            cases.access(caseId);
            caseSummary = cases.summaries(List.of(caseId), "conflict.raise").get(caseId);
            model.addAttribute("caseHandovers", handovers.ofCase(caseId));
            model.addAttribute("caseObligations", inboxes.ofCase(caseId));
        } else {
            model.addAttribute("caseHandovers", List.of());
            model.addAttribute("caseObligations", List.<ObligationView>of());
        }
        model.addAttribute("form", form);
        model.addAttribute("caseSummary", caseSummary);
        model.addAttribute("types", ConflictType.values());
        model.addAttribute("steps", conflicts.steps());
        model.addAttribute(
                "agencyChoices",
                agencies.listActive().stream()
                        .sorted(Comparator.comparing(AgencyView::code))
                        .toList());
        return "coordination/raise";
    }

    private String conflictView(ConflictView c, Model model) {
        Map<AgencyId, AgencyName> names = presentation.conflictAgencies(List.of(c), LocaleContextHolder.getLocale());
        model.addAttribute("conflict", c);
        model.addAttribute("line", CoordinationPresentation.line(c, names));
        model.addAttribute("officeName", CoordinationPresentation.name(names, c.office()));
        model.addAttribute(
                "caseSummary",
                c.caseId() == null
                        ? null
                        : cases.summaries(List.of(c.caseId()), "conflict").get(c.caseId()));
        model.addAttribute("obligation", conflicts.responseObligation(c).orElse(null));
        boolean coordinates = conflicts.coordinates(c);
        model.addAttribute("coordinates", coordinates);
        if (coordinates && c.state().open()) {
            model.addAttribute(
                    "meetingChoices",
                    meetings
                            .list(MeetingStatus.CONVENED, new PageQuery(0, PageQuery.MAX_SIZE, "scheduled", false))
                            .items()
                            .stream()
                            .filter(m -> m.convenor().equals(c.office()))
                            .toList());
        } else {
            model.addAttribute("meetingChoices", List.<MeetingSummary>of());
        }
        return "coordination/conflict";
    }

    /** The page again after a refusal (the refusal is in the model). */
    private String refused(ConflictId id, Model model) {
        return conflictView(conflicts.view(id, "conflict"), model);
    }

    private static ConflictType parseType(String value) {
        try {
            return ConflictType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid(
                    "type", "oneOf", Set.of(ConflictType.values()).toString());
        }
    }

    private static ConflictState parseState(String value) {
        try {
            return ConflictState.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid(
                    "state", "oneOf", Set.of(ConflictState.values()).toString());
        }
    }

    private static UUID parseAgency(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid("agencyId", "unknownAgency");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
