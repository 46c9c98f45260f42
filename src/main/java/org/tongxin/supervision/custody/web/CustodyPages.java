package org.tongxin.supervision.custody.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.Choice;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.supervision.custody.Custody;
import org.tongxin.supervision.custody.Custody.CustodyView;
import org.tongxin.supervision.web.StepLine;

/**
 * The case's custody page (CCL art. 32; IM art. 40): each detention during correction with the organ that decided it,
 * the organ's notice as the law's step on the ledger (who owes it, by when) and the release; the forms for the executing
 * county agency (record a detention it learned of, record the release) and for the detaining organ's staff (record its
 * own detention, give its notice, record the release). Arrest pending a revocation ruling is recorded by the revocation
 * procedure, not here.
 */
@Controller
class CustodyPages {

    /** The kinds of CCL art. 32 a person records here; the arrest of art. 47 comes from the court's decision. */
    static final List<CustodyKind> KINDS = List.of(
            CustodyKind.ADMINISTRATIVE_DETENTION,
            CustodyKind.COMPULSORY_DRUG_REHABILITATION,
            CustodyKind.CRIMINAL_COERCIVE_MEASURE);

    private static final Set<AgencyType> ORGAN_TYPES = EnumSet.of(
            AgencyType.PUBLIC_SECURITY,
            AgencyType.POLICE_STATION,
            AgencyType.PROCURATORATE,
            AgencyType.BASIC_COURT,
            AgencyType.INTERMEDIATE_COURT);
    private static final Set<Role> ORGAN_ROLES =
            EnumSet.of(Role.POLICE_OFFICER, Role.PROSECUTOR, Role.JUDGE, Role.COURT_CLERK);

    private final Custody custody;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final ObligationLedger ledger;
    private final CurrentUser currentUser;
    private final PageCommands commands;
    private final java.time.Clock clock;

    CustodyPages(
            Custody custody,
            CaseDirectory cases,
            AgencyDirectory agencies,
            ObligationLedger ledger,
            CurrentUser currentUser,
            PageCommands commands,
            java.time.Clock clock) {
        this.custody = custody;
        this.cases = cases;
        this.agencies = agencies;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.commands = commands;
        this.clock = clock;
    }

    /** A detention as the page shows it: the record, the organ's name and the notice's step on the ledger. */
    public record CustodyLine(CustodyView record, String organName, StepLine notice) {}

    /** The detention form's values as typed. */
    public record DetentionForm(String kind, String detainingOrganId, String detainedAt) {}

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/cases/{id}/custody")
    String page(@PathVariable UUID id, Model model) {
        return view(CaseId.of(id), null, model);
    }

    @PreAuthorize(CustodyApi.RECORDERS)
    @PostMapping("/cases/{id}/custody")
    String record(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String detainingOrganId,
            @RequestParam(required = false) String detainedAt,
            Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        DetentionForm form = new DetentionForm(kind, detainingOrganId, detainedAt);
        return commands.run(() ->
                        custody.record(caseId, kind(kind), organ(detainingOrganId), instant("detainedAt", detainedAt)))
                .notice("custody.recordedNotice")
                .form("detention")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/cases/" + id + "/custody", model, redirect, () -> view(caseId, form, model));
    }

    @PreAuthorize(CustodyApi.ORGANS)
    @PostMapping("/custody/{id}/notice")
    String notice(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        CaseId caseId = caseOf(id);
        return commands.run(() -> custody.notice(id, version == null ? -1 : version))
                .notice("custody.noticeGivenNotice")
                .form("notice-" + id)
                .stale("custody.stale")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/cases/" + caseId + "/custody", model, redirect, () -> view(caseId, null, model));
    }

    @PreAuthorize(CustodyApi.RECORDERS)
    @PostMapping("/custody/{id}/release")
    String release(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String releasedAt,
            Model model,
            RedirectAttributes redirect) {
        CaseId caseId = caseOf(id);
        return commands.run(
                        () -> custody.release(id, version == null ? -1 : version, instant("releasedAt", releasedAt)))
                .notice("custody.releasedNotice")
                .form("release-" + id)
                .stale("custody.stale")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/cases/" + caseId + "/custody", model, redirect, () -> view(caseId, null, model));
    }

    /** The case of a custody record, through the façade's access rule (404 when the reader has no lawful role). */
    private CaseId caseOf(UUID custodyId) {
        return custody.caseOf(custodyId);
    }

    private String view(CaseId caseId, DetentionForm form, Model model) {
        CaseAccessDecision access = cases.access(caseId);
        List<CustodyView> records = custody.ofCase(caseId);
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        Locale locale = LocaleContextHolder.getLocale();
        TongxinPrincipal me = currentUser.get();
        AgencyId mine = me.agency();
        boolean county = access.holds(Participation.EXECUTING_AGENCY)
                && me.roles().stream().anyMatch(Role.COUNTY::contains);
        boolean organStaff = me.roles().stream().anyMatch(ORGAN_ROLES::contains) && mine != null;
        boolean mineIsOrgan = organStaff
                && agencies.find(mine).map(a -> ORGAN_TYPES.contains(a.type())).orElse(false);

        List<AgencyId> named = new ArrayList<>();
        records.forEach(r -> named.add(r.detainingOrganId()));
        List<CustodyLine> lines = new ArrayList<>();
        List<AgencyId> owing = new ArrayList<>();
        List<StepLine> steps = new ArrayList<>();
        for (CustodyView r : records) {
            StepLine notice = ledger.find(caseId, Custody.NOTICE_STEP, r.id().toString())
                    .map(o -> StepLine.of(o, ledger.step(o).name(locale)))
                    .orElse(null);
            steps.add(notice);
            if (notice != null) {
                owing.add(notice.obligation().owingAgencyId());
            }
        }
        named.addAll(owing);
        Map<AgencyId, String> names = agencies.findAll(named).values().stream()
                .collect(Collectors.toMap(AgencyView::id, a -> a.name(locale), (a, b) -> a));
        for (int i = 0; i < records.size(); i++) {
            CustodyView r = records.get(i);
            lines.add(new CustodyLine(r, names.get(r.detainingOrganId()), steps.get(i)));
        }
        lines.sort(
                Comparator.comparing((CustodyLine l) -> l.record().detainedAt()).reversed());
        boolean held = lines.stream().anyMatch(l -> l.record().releasedAt() == null);

        model.addAttribute("caseId", caseId.value());
        model.addAttribute("caseNumber", facts.caseNumber());
        model.addAttribute("status", facts.status());
        model.addAttribute("lines", lines);
        model.addAttribute(
                "names",
                names.entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue)));
        model.addAttribute("mine", mine == null ? null : mine.value());
        model.addAttribute("county", county);
        model.addAttribute("organStaff", mineIsOrgan);
        model.addAttribute("kinds", KINDS);
        boolean underCorrection = facts.status() == CaseStatus.UNDER_CORRECTION;
        model.addAttribute("mayRecord", underCorrection && !held && (county || mineIsOrgan));
        model.addAttribute("organs", county ? organs(facts, locale) : List.of());
        model.addAttribute(
                "form",
                form != null
                        ? form
                        : new DetentionForm(
                                null,
                                facts.policeId() == null
                                        ? null
                                        : facts.policeId().toString(),
                                null));
        model.addAttribute(
                "now",
                LocalDateTime.ofInstant(clock.instant(), LegalTime.ZONE)
                        .withSecond(0)
                        .withNano(0)
                        .toString());
        return "supervision/custody";
    }

    /** The organs that may decide a detention: the case's own police first, then every active one by its code. */
    private List<Choice> organs(CaseFacts facts, Locale locale) {
        return agencies.listActive().stream()
                .filter(a -> ORGAN_TYPES.contains(a.type()))
                .sorted(Comparator.comparing((AgencyView a) -> !a.id().equals(facts.policeId()))
                        .thenComparing(AgencyView::code))
                .map(a -> new Choice(a.id().toString(), a.name(locale), null))
                .toList();
    }

    static CustodyKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            CustodyKind kind = CustodyKind.valueOf(value);
            if (!KINDS.contains(kind)) {
                throw TongxinException.invalid("kind", "invalid");
            }
            return kind;
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid("kind", "invalid");
        }
    }

    private static UUID organ(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid("detainingOrganId", "invalid");
        }
    }

    /** A local date and time (the browser's datetime-local) read in China's legal time. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(LegalTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw TongxinException.invalid(field, "pattern");
        }
    }
}
