package org.tongxin.casefile.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.Ethnicity;
import org.tongxin.casefile.SubjectChangeId;
import org.tongxin.casefile.SubjectChangeStatus;
import org.tongxin.casefile.SubjectChangeViews.Line;
import org.tongxin.casefile.SubjectChangeViews.SubjectChangeSummary;
import org.tongxin.casefile.SubjectChangeViews.SubjectChangeView;
import org.tongxin.casefile.SubjectChanges;
import org.tongxin.casefile.SubjectField;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Pages of proposed changes of a subject's record (issue 9, item 4): the list for the executing agencies and the
 * judicial offices of the person's cases (awaiting a decision first by default), and one proposal with the record's and
 * the proposed values side by side, which the executing agency's officers confirm or reject with a reason (each asked
 * for confirmation before it is sent).
 */
@Controller
@PreAuthorize(SubjectChangeApi.READERS)
class SubjectChangePages {

    private final SubjectChanges changes;
    private final AgencyDirectory agencies;
    private final MessageSource messages;
    private final PageCommands commands;

    SubjectChangePages(
            SubjectChanges changes, AgencyDirectory agencies, MessageSource messages, PageCommands commands) {
        this.changes = changes;
        this.agencies = agencies;
        this.messages = messages;
        this.commands = commands;
    }

    /** A differing field as the page shows it: its name and both values in the reader's language. */
    record ShownLine(SubjectField field, String current, String proposed) {}

    @GetMapping("/subject-changes")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model,
            Locale locale) {
        SubjectChangeStatus filter = status(status);
        PageQuery query = PageQuery.of(page, null, sort, SubjectChangeApi.SORTABLE, "-proposed");
        PageResult<SubjectChangeSummary> result = changes.list(filter, query, "page.subjectChanges");
        Map<AgencyId, String> names = new LinkedHashMap<>();
        agencies.findAll(result.items().stream()
                        .map(SubjectChangeSummary::proposedBy)
                        .distinct()
                        .toList())
                .forEach((id, a) -> names.put(id, a.name(locale)));
        model.addAttribute("page", result);
        model.addAttribute("names", names);
        model.addAttribute("status", status == null ? "PROPOSED" : status);
        model.addAttribute("statuses", SubjectChangeStatus.values());
        model.addAttribute("sort", query.sortParameter());
        String base = UriComponentsBuilder.fromPath("/subject-changes")
                .queryParam("status", status == null ? "PROPOSED" : status)
                .build()
                .toUriString();
        model.addAttribute("pageUrl", base + "&sort=" + query.sortParameter() + "&");
        return "casefile/subject-changes";
    }

    @GetMapping("/subject-changes/{id}")
    String detail(@PathVariable UUID id, Model model, Locale locale) {
        fill(SubjectChangeId.of(id), model, locale);
        return "casefile/subject-change";
    }

    @PreAuthorize(SubjectChangeApi.DECIDERS)
    @PostMapping("/subject-changes/{id}/confirm")
    String confirm(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        return act(
                id,
                "confirm",
                "subjectChange.done.confirm",
                model,
                locale,
                redirect,
                () -> changes.confirm(SubjectChangeId.of(id), required(version)));
    }

    @PreAuthorize(SubjectChangeApi.DECIDERS)
    @PostMapping("/subject-changes/{id}/reject")
    String reject(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        return act(
                id,
                "reject",
                "subjectChange.done.reject",
                model,
                locale,
                redirect,
                () -> changes.reject(SubjectChangeId.of(id), required(version), reason));
    }

    private String act(
            UUID id,
            String action,
            String done,
            Model model,
            Locale locale,
            RedirectAttributes redirect,
            Runnable command) {
        return commands.run(command)
                .notice(done)
                .passOn(PageCommands.ACCESS)
                .words("subjectChange.stale", PageCommands.STALE_VERSION, "SUBJECT_CHANGE_DECIDED")
                .redirectOr("/subject-changes/" + id, model, redirect, () -> {
                    model.addAttribute("activeForm", action);
                    fill(SubjectChangeId.of(id), model, locale);
                    return "casefile/subject-change";
                });
    }

    private void fill(SubjectChangeId id, Model model, Locale locale) {
        SubjectChangeView v = changes.view(id, "page.subjectChange");
        List<ShownLine> lines = new ArrayList<>();
        for (Line l : v.lines()) {
            lines.add(new ShownLine(
                    l.field(), shown(l.field(), l.current(), locale), shown(l.field(), l.proposed(), locale)));
        }
        model.addAttribute("c", v);
        model.addAttribute("lines", lines);
        model.addAttribute(
                "proposedBy",
                agencies.find(v.proposedBy()).map(a -> a.name(locale)).orElse(null));
        model.addAttribute(
                "decidedBy",
                Optional.ofNullable(v.decidedByAgency())
                        .flatMap(agencies::find)
                        .map(a -> a.name(locale))
                        .orElse(null));
    }

    /** A value as people read it: gender, document type, ethnic group and division by name; nothing as a dash. */
    private String shown(SubjectField field, String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        return switch (field) {
            case GENDER -> messages.getMessage("case.gender." + value, null, value, locale);
            case ID_TYPE -> messages.getMessage("case.idType." + value, null, value, locale);
            case ETHNICITY -> Optional.ofNullable(Ethnicity.name(value, locale)).orElse(value);
            case RESIDENCE_DIVISION ->
                agencies.division(value).map(d -> d.name(locale)).orElse(value);
            default -> value;
        };
    }

    private static SubjectChangeStatus status(String value) {
        if (value == null || value.isBlank()) {
            return SubjectChangeStatus.PROPOSED;
        }
        if (value.equals("ALL")) {
            return null;
        }
        try {
            return SubjectChangeStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid("status", "type");
        }
    }

    private static int required(Integer version) {
        if (version == null || version < 0) {
            throw TongxinException.invalid("version", "required");
        }
        return version;
    }
}
