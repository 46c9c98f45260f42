package org.tongxin.supervision.monitoring.web;

import static org.tongxin.identity.CaseRoleRules.BUREAU_HEAD;
import static org.tongxin.identity.CaseRoleRules.COUNTY;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.Participation;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.supervision.monitoring.Monitoring;
import org.tongxin.supervision.monitoring.MonitoringGround;
import org.tongxin.supervision.monitoring.MonitoringPeriodId;
import org.tongxin.supervision.monitoring.MonitoringViews.NewPeriod;
import org.tongxin.supervision.monitoring.MonitoringViews.PeriodView;
import org.tongxin.supervision.monitoring.MonitoringViews.PositionView;

/**
 * The case's electronic monitoring page (电子定位): its periods with the law's ground, state and dates; the county
 * agency's proposal, renewal, end and CSV import; the bureau head's approval or refusal; and, for the executing agency
 * alone, the paged table of positions with their times and accuracy.
 */
@Controller
class MonitoringPages {

    private static final String READERS = "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD', 'BUREAU_HEAD')";

    private final Monitoring monitoring;
    private final CaseDirectory cases;
    private final FormFeedback feedback;
    private final PageCommands commands;

    MonitoringPages(Monitoring monitoring, CaseDirectory cases, FormFeedback feedback, PageCommands commands) {
        this.monitoring = monitoring;
        this.cases = cases;
        this.feedback = feedback;
        this.commands = commands;
    }

    /** The proposal form's values as typed. */
    public record ProposalForm(String ground, String reason, String deviceId, Integer months, UUID renews) {}

    @PreAuthorize(READERS)
    @GetMapping("/cases/{id}/monitoring")
    String page(@PathVariable UUID id, @RequestParam(required = false) Integer page, Model model) {
        return view(CaseId.of(id), page, new ProposalForm(null, null, null, 3, null), model);
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{id}/monitoring")
    String propose(
            @PathVariable UUID id,
            @RequestParam(required = false) String ground,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String deviceId,
            @RequestParam(required = false) Integer months,
            @RequestParam(required = false) UUID renews,
            Model model,
            RedirectAttributes redirect) {
        ProposalForm form = new ProposalForm(ground, reason, deviceId, months, renews);
        return commands.run(() -> monitoring.propose(
                        CaseId.of(id),
                        new NewPeriod(
                                parseGround(ground),
                                reason,
                                deviceId,
                                months,
                                renews == null ? null : MonitoringPeriodId.of(renews))))
                .notice("monitoring.proposedNotice")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/cases/" + id + "/monitoring", model, redirect, () -> view(CaseId.of(id), 0, form, model));
    }

    @PreAuthorize(BUREAU_HEAD)
    @PostMapping("/monitoring-periods/{id}/approval")
    String approve(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                id,
                model,
                redirect,
                "monitoring.approvedNotice",
                () -> monitoring.approve(MonitoringPeriodId.of(id), version == null ? -1 : version));
    }

    @PreAuthorize(BUREAU_HEAD)
    @PostMapping("/monitoring-periods/{id}/refusal")
    String refuse(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                id,
                model,
                redirect,
                "monitoring.refusedNotice",
                () -> monitoring.refuse(MonitoringPeriodId.of(id), version == null ? -1 : version, reason));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/monitoring-periods/{id}/end")
    String end(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                id,
                model,
                redirect,
                "monitoring.endedNotice",
                () -> monitoring.end(MonitoringPeriodId.of(id), version == null ? -1 : version, reason));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{id}/monitoring/import")
    String importPositions(
            @PathVariable UUID id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        try {
            int stored = monitoring
                    .importPositions(CaseId.of(id), MonitoringApi.read(file))
                    .stored();
            redirect.addFlashAttribute("notice", feedback.message("monitoring.importedNotice", stored));
            return "redirect:/cases/" + id + "/monitoring";
        } catch (TongxinException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            feedback.apply(e, model);
            return view(CaseId.of(id), 0, new ProposalForm(null, null, null, 3, null), model);
        }
    }

    private String decide(
            UUID id,
            Model model,
            RedirectAttributes redirect,
            String notice,
            java.util.function.Supplier<PeriodView> action) {
        PeriodView period = monitoring.period(MonitoringPeriodId.of(id));
        // The bureau's role ends with its decision: it goes back to its inbox.
        return commands.make(action)
                .notice(notice)
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr(
                        done -> cases.decision(period.caseId()).visible()
                                ? "/cases/" + period.caseId() + "/monitoring"
                                : "/inbox",
                        model,
                        redirect,
                        () -> view(period.caseId(), 0, new ProposalForm(null, null, null, 3, null), model));
    }

    private String view(CaseId caseId, Integer page, ProposalForm form, Model model) {
        CaseAccessDecision access = cases.access(caseId);
        List<PeriodView> periods = monitoring.periods(caseId);
        boolean executing = access.holds(Participation.EXECUTING_AGENCY) && monitoring.mayReadPositions(caseId);
        Instant now = monitoring.nowForPages();
        model.addAttribute("caseId", caseId.value());
        model.addAttribute(
                "caseNumber", cases.facts(caseId).map(f -> f.caseNumber()).orElse(null));
        model.addAttribute("periods", periods);
        model.addAttribute("grounds", MonitoringGround.values());
        model.addAttribute("form", form);
        model.addAttribute("executing", executing);
        model.addAttribute("approving", access.holds(Participation.APPROVING_BUREAU));
        model.addAttribute(
                "pending", periods.stream().anyMatch(p -> p.state().name().equals("PROPOSED")));
        model.addAttribute(
                "running",
                periods.stream()
                        .filter(p -> p.state().name().equals("APPROVED")
                                && p.startsAt() != null
                                && !now.isBefore(p.startsAt())
                                && now.isBefore(p.endsAt()))
                        .findFirst()
                        .orElse(null));
        model.addAttribute(
                "page",
                executing
                        ? monitoring.positions(
                                caseId,
                                PageQuery.of(page, null, null, java.util.Set.of("time"), "-time"),
                                "page.monitoring")
                        : new PageResult<PositionView>(List.of(), 0, PageQuery.DEFAULT_SIZE, 0));
        model.addAttribute("pageUrl", "/cases/" + caseId + "/monitoring?");
        return "supervision/monitoring";
    }

    private static MonitoringGround parseGround(String ground) {
        if (ground == null || ground.isBlank()) {
            return null;
        }
        try {
            return MonitoringGround.valueOf(ground);
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid(
                    "ground", "oneOf", List.of(MonitoringGround.values()).toString());
        }
    }
}
