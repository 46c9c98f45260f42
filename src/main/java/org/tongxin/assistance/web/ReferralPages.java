package org.tongxin.assistance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.agency.AgencyId;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.Capacities;
import org.tongxin.assistance.ReferralId;
import org.tongxin.assistance.ReferralStatus;
import org.tongxin.assistance.ReferralViews.CapacityChange;
import org.tongxin.assistance.ReferralViews.NewReferral;
import org.tongxin.assistance.ReferralViews.ReferralSummary;
import org.tongxin.assistance.ReferralViews.ReferralView;
import org.tongxin.assistance.Referrals;
import org.tongxin.assistance.SharedField;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.identity.CurrentUser;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.web.Choice;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * The referral pages: "referrals to us" for the receiving department or organisation and "referrals we made" for the
 * officers (filter by state and service, paging, sorting), a case's referrals with the referral form, one referral
 * (letter, state, the subject's fields shared with the department, notes, outcome, deadlines from the ledger,
 * waiting-list position) with the actions the reader's agency may take, and the capacity page of a department.
 */
@Controller
class ReferralPages {

    static final Set<String> SORTABLE = Set.of("made", "updated", "status", "service");

    private final Referrals referrals;
    private final Capacities capacities;
    private final CaseDirectory cases;
    private final ReferralPresentation presentation;
    private final ObligationLedger ledger;
    private final CurrentUser currentUser;
    private final FormFeedback feedback;
    private final PageCommands commands;
    private final Clock clock;

    ReferralPages(
            Referrals referrals,
            Capacities capacities,
            CaseDirectory cases,
            ReferralPresentation presentation,
            ObligationLedger ledger,
            CurrentUser currentUser,
            FormFeedback feedback,
            PageCommands commands,
            Clock clock) {
        this.referrals = referrals;
        this.capacities = capacities;
        this.cases = cases;
        this.presentation = presentation;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.feedback = feedback;
        this.commands = commands;
        this.clock = clock;
    }

    /** A deadline of the referral with its step's name in the reader's language. */
    public record Deadline(ObligationView obligation, String stepName) {}

    @CaseUser
    @GetMapping("/referrals")
    String list(
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) AssistanceService service,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        boolean caseworker = currentUser.get().roles().stream()
                .anyMatch(r ->
                        r.name().equals("ASSISTANCE_CASEWORKER") || r.name().equals("SOCIAL_WORKER"));
        boolean incoming = direction == null || direction.isBlank() ? caseworker : ReferralApi.direction(direction);
        PageQuery query = PageQuery.of(page, null, sort, SORTABLE, "-made");
        PageResult<ReferralSummary> result = referrals.list(incoming, status, service, query);
        model.addAttribute("page", result);
        model.addAttribute("incoming", incoming);
        model.addAttribute("status", status);
        model.addAttribute("service", service);
        model.addAttribute("sort", query.sortParameter());
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("services", AssistanceService.values());
        model.addAttribute(
                "names",
                ReferralPresentation.texts(presentation.names(result.items(), LocaleContextHolder.getLocale())));
        model.addAttribute(
                "subjects",
                subjects(result.items().stream()
                        .map(ReferralSummary::caseId)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList()));
        String base = UriComponentsBuilder.fromPath("/referrals")
                .queryParam("direction", incoming ? "incoming" : "outgoing")
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("service", Optional.ofNullable(service))
                .build()
                .toUriString();
        model.addAttribute("baseUrl", base);
        model.addAttribute("pageUrl", base + "&sort=" + query.sortParameter() + "&");
        model.addAttribute("filtered", status != null || service != null);
        return "assistance/list";
    }

    @CaseUser
    @GetMapping("/referrals/{id}")
    String detail(@PathVariable UUID id, Model model) {
        fillDetail(ReferralId.of(id), model);
        return "assistance/detail";
    }

    @CaseUser
    @GetMapping("/referrals/{id}/letter")
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        Referrals.Letter letter = referrals.letter(ReferralId.of(id));
        return org.tongxin.shared.web.Downloads.attachment(letter.fileName(), letter.contentType(), letter.content());
    }

    @CaseUser
    @GetMapping("/cases/{caseId}/referrals")
    String ofCase(@PathVariable UUID caseId, Model model) {
        fillCase(CaseId.of(caseId), model, null, null, null);
        return "assistance/case";
    }

    @CaseUser
    @PostMapping("/cases/{caseId}/referrals")
    String refer(
            @PathVariable UUID caseId,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) UUID toAgencyId,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        CaseId id = CaseId.of(caseId);
        return refusing(
                        commands.make(() -> referrals.refer(
                                id,
                                new NewReferral(
                                        service == null || service.isBlank() ? null : enumValue(service),
                                        toAgencyId == null ? null : AgencyId.of(toAgencyId),
                                        note))),
                        null)
                .notice("referral.done.refer")
                .redirectOr(made -> "/referrals/" + made, model, redirect, () -> {
                    fillCase(id, model, service, toAgencyId, note);
                    return "assistance/case";
                });
    }

    @CaseUser
    @PostMapping("/referrals/{id}/accept")
    String accept(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        return refusing(commands.make(() -> referrals.accept(ReferralId.of(id), required(version))), "accept")
                .notice(s -> s == ReferralStatus.WAITING ? "referral.done.waiting" : "referral.done.accept")
                .redirectOr("/referrals/" + id, model, redirect, () -> detail(ReferralId.of(id), model));
    }

    @CaseUser
    @PostMapping("/referrals/{id}/decline")
    String decline(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "decline",
                "referral.done.decline",
                model,
                redirect,
                () -> referrals.decline(ReferralId.of(id), required(version), reason));
    }

    @CaseUser
    @PostMapping("/referrals/{id}/contact")
    String contact(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String on,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "contact",
                "referral.done.contact",
                model,
                redirect,
                () -> referrals.recordContact(ReferralId.of(id), required(version), date(on), note));
    }

    @CaseUser
    @PostMapping("/referrals/{id}/progress")
    String progress(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String on,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "progress",
                "referral.done.progress",
                model,
                redirect,
                () -> referrals.addProgressNote(ReferralId.of(id), required(version), date(on), note));
    }

    @CaseUser
    @PostMapping("/referrals/{id}/complete")
    String complete(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Boolean delivered,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "complete",
                "referral.done.complete",
                model,
                redirect,
                () -> referrals.complete(ReferralId.of(id), required(version), delivered, note));
    }

    @CaseUser
    @PostMapping("/referrals/{id}/withdraw")
    String withdraw(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "withdraw",
                "referral.done.withdraw",
                model,
                redirect,
                () -> referrals.withdraw(ReferralId.of(id), required(version), reason));
    }

    @PreAuthorize(ReferralApi.CASEWORKERS)
    @GetMapping("/assistance/capacity")
    String capacity(Model model) {
        model.addAttribute("lines", capacities.capacity());
        return "assistance/capacity";
    }

    @PreAuthorize(ReferralApi.CASEWORKERS)
    @PostMapping("/assistance/capacity")
    String declare(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        // One row per service, posted as lines[i].service/places/staff/version. Rows left empty for a service never
        // declared are skipped; a row's staff left empty is none; problems are reported against the page's rows.
        List<Integer> rows = new ArrayList<>();
        return refusing(
                        commands.run(() -> {
                            List<CapacityChange> changes = new ArrayList<>();
                            for (int i = 0; form.containsKey("lines[" + i + "].service"); i++) {
                                String row = "lines[" + i + "].";
                                String p = form.get(row + "places");
                                String s = form.get(row + "staff");
                                String version = form.get(row + "version");
                                boolean noPlaces = p == null || p.isBlank();
                                boolean noStaff = s == null || s.isBlank();
                                if (noPlaces && noStaff && "0".equals(version)) {
                                    continue;
                                }
                                rows.add(i);
                                changes.add(new CapacityChange(
                                        enumValue(form.get(row + "service")),
                                        number(p, row + "places"),
                                        noStaff && !noPlaces ? Integer.valueOf(0) : number(s, row + "staff"),
                                        number(version, row + "version")));
                            }
                            try {
                                capacities.declareCapacity(changes);
                            } catch (TongxinException e) {
                                throw e.fieldProblems().isEmpty()
                                        ? e
                                        : TongxinException.invalid(e.fieldProblems().stream()
                                                .map(f -> new org.tongxin.shared.error.FieldProblem(
                                                        pageRow(f.field(), rows), f.code(), f.args()))
                                                .toList());
                            }
                        }),
                        null)
                .notice("capacity.saved")
                .redirectOr("/assistance/capacity", model, redirect, () -> {
                    model.addAttribute("lines", capacities.capacity());
                    return "assistance/capacity";
                });
    }

    // Helpers

    private String act(
            UUID id, String action, String done, Model model, RedirectAttributes redirect, Runnable command) {
        return refusing(commands.run(command), action)
                .notice(done)
                .redirectOr("/referrals/" + id, model, redirect, () -> detail(ReferralId.of(id), model));
    }

    private String detail(ReferralId id, Model model) {
        fillDetail(id, model);
        return "assistance/detail";
    }

    /**
     * A refusal shows in the page's form, or in the form named {@code formKey} on a referral's page (one per action);
     * refusals of access go to the error page.
     */
    private static <T> PageCommands.PageCommand<T> refusing(PageCommands.PageCommand<T> command, String formKey) {
        return command.form(formKey).stale("referral.stale").passOn(PageCommands.ACCESS);
    }

    private void fillDetail(ReferralId id, Model model) {
        ReferralView r = referrals.view(id);
        model.addAttribute("r", r);
        model.addAttribute("names", ReferralPresentation.texts(presentation.names(r, LocaleContextHolder.getLocale())));
        model.addAttribute(
                "sharedFields",
                Arrays.stream(SharedField.values())
                        .filter(r.sharedFields()::contains)
                        .toList());
        model.addAttribute(
                "deadlines",
                r.deadlines().stream()
                        .map(o -> new Deadline(o, ledger.step(o).name(LocaleContextHolder.getLocale())))
                        .toList());
        model.addAttribute("now", clock.instant());
        model.addAttribute("today", org.tongxin.shared.time.LegalTime.today(clock));
        model.addAttribute(
                "outcomeChoices",
                List.of(
                        new Choice("true", feedback.message("referral.outcome.delivered")),
                        new Choice("false", feedback.message("referral.outcome.notDelivered"))));
        model.addAttribute(
                "contacts",
                r.notes().stream().filter(n -> n.kind().equals("CONTACT")).toList());
        model.addAttribute(
                "progressNotes",
                r.notes().stream().filter(n -> n.kind().equals("PROGRESS")).toList());
    }

    private void fillCase(CaseId caseId, Model model, String service, UUID toAgencyId, String note) {
        List<ReferralSummary> list = referrals.ofCase(caseId);
        model.addAttribute("caseId", caseId);
        model.addAttribute(
                "caseSummary", cases.summaries(List.of(caseId), "referrals").get(caseId));
        model.addAttribute("referrals", list);
        model.addAttribute(
                "names", ReferralPresentation.texts(presentation.names(list, LocaleContextHolder.getLocale())));
        boolean mayRefer = referrals.mayRefer(caseId);
        model.addAttribute("mayRefer", mayRefer);
        if (mayRefer) {
            // Each receiving agency and each service carry the agency type that provides it, so the list of agencies
            // follows the service chosen (static/js/tongxin.js; without script the server refuses a mismatch).
            AssistanceService chosen = parse(service);
            List<Choice> receivers = referrals.receivers(caseId).stream()
                    .filter(a -> chosen == null || a.type() == chosen.provider())
                    .map(a -> new Choice(
                            a.id().toString(),
                            a.localName()
                                    + feedback.message(
                                            "referral.to.type",
                                            feedback.message(
                                                    "agency.type." + a.type().name())),
                            a.type().name()))
                    .toList();
            model.addAttribute("receivers", receivers);
            model.addAttribute(
                    "serviceChoices",
                    Arrays.stream(AssistanceService.values())
                            .map(s -> new Choice(
                                    s.name(),
                                    feedback.message("referral.service." + s.name()) + " — "
                                            + feedback.message("agency.type."
                                                    + s.provider().name()),
                                    s.provider().name()))
                            .toList());
            model.addAttribute("services", AssistanceService.values());
            model.addAttribute("sharedTable", SharedField.FOR_SERVICE);
            model.addAttribute("allFields", SharedField.values());
        }
        model.addAttribute("form", new ReferralForm(service, toAgencyId, note));
    }

    /** What the referral form shows again after a refusal. */
    public record ReferralForm(String service, UUID toAgencyId, String note) {}

    private Map<CaseId, CaseSummary> subjects(List<CaseId> ids) {
        // A map that answers null for a referral without its case (one that ended, as its department sees it).
        return ids.isEmpty() ? new java.util.HashMap<>() : cases.summaries(ids, "referrals");
    }

    private static int required(Integer version) {
        if (version == null || version < 0) {
            throw TongxinException.invalid("version", "required");
        }
        return version;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw TongxinException.invalid("on", "type");
        }
    }

    private static AssistanceService parse(String value) {
        try {
            return value == null || value.isBlank() ? null : AssistanceService.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AssistanceService enumValue(String value) {
        try {
            return AssistanceService.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid(
                    "service",
                    "oneOf",
                    Arrays.stream(AssistanceService.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static Integer number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw TongxinException.invalid(field, "type");
        }
    }

    /** {@code lines[2].places} of the changes sent is {@code lines[5].places} of the page's rows. */
    private static String pageRow(String field, List<Integer> rows) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^lines\\[(\\d+)\\](.*)$").matcher(field);
        if (!m.matches()) {
            return field;
        }
        int index = Integer.parseInt(m.group(1));
        return "lines[" + (index < rows.size() ? rows.get(index) : index) + "]" + m.group(2);
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }
}
