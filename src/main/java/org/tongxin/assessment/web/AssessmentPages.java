package org.tongxin.assessment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import org.tongxin.assessment.AssessmentViews.CaseAssessment;
import org.tongxin.assessment.AssessmentViews.NewDecision;
import org.tongxin.assessment.AssessmentViews.NewProposal;
import org.tongxin.assessment.AssessmentViews.ProposalView;
import org.tongxin.assessment.Assessments;
import org.tongxin.assessment.ProposalId;
import org.tongxin.assessment.ReasonCode;
import org.tongxin.assessment.ResponseKind;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.Languages;
import org.tongxin.shared.web.PageCommands;

/**
 * The case's rewards and sanctions page: what the engine allows and why, the decisions and proposals, and the one form
 * each reader may use — the county agency decides and proposes, the court addressed decides the arrest and rules, the
 * police of the case record the arrest and the delivery to prison.
 */
@Controller
class AssessmentPages {

    private final Assessments assessments;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;
    private final PageCommands commands;
    private final java.time.Clock clock;

    AssessmentPages(
            Assessments assessments,
            CaseDirectory cases,
            AgencyDirectory agencies,
            CurrentUser currentUser,
            PageCommands commands,
            java.time.Clock clock) {
        this.assessments = assessments;
        this.cases = cases;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.commands = commands;
        this.clock = clock;
    }

    @CaseUser
    @GetMapping("/cases/{caseId}/assessment")
    String page(@PathVariable UUID caseId, Model model, Locale locale) {
        fill(CaseId.of(caseId), model, locale);
        return "assessment/case";
    }

    @CaseUser
    @PostMapping("/cases/{caseId}/assessment/decisions")
    String decide(
            @PathVariable UUID caseId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) List<String> reasons,
            @RequestParam(required = false) String facts,
            @RequestParam(required = false) String evidence,
            @RequestParam(required = false) Integer outOfContactDays,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        model.addAttribute("sent", sent(kind, reasons, facts, evidence, outOfContactDays, false, null));
        return act(CaseId.of(caseId), "decide", model, locale, redirect, "assessment.done.decided", () -> {
            assessments.decide(
                    CaseId.of(caseId),
                    new NewDecision(kind(kind), reasons(reasons), facts, evidence, outOfContactDays));
        });
    }

    @CaseUser
    @PostMapping("/cases/{caseId}/assessment/proposals")
    String propose(
            @PathVariable UUID caseId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) List<String> reasons,
            @RequestParam(required = false) String facts,
            @RequestParam(required = false) String evidence,
            @RequestParam(required = false) Integer outOfContactDays,
            @RequestParam(required = false) boolean withArrest,
            @RequestParam(required = false) String arrestReason,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        model.addAttribute("sent", sent(kind, reasons, facts, evidence, outOfContactDays, withArrest, arrestReason));
        return act(CaseId.of(caseId), "propose", model, locale, redirect, "assessment.done.proposed", () -> {
            assessments.propose(
                    CaseId.of(caseId),
                    new NewProposal(
                            kind(kind), reasons(reasons), facts, evidence, outOfContactDays, withArrest, arrestReason));
        });
    }

    @CaseUser
    @PostMapping("/cases/{caseId}/assessment/proposals/{id}/arrest-decision")
    String decideArrest(
            @PathVariable UUID caseId,
            @PathVariable("id") UUID proposalId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Boolean arrest,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        return onProposal(caseId, proposalId, model, locale, redirect, "assessment.done.arrestDecided", () -> {
            if (arrest == null) {
                throw TongxinException.invalid("arrest", "required");
            }
            assessments.decideArrest(own(caseId, proposalId), required(version), arrest);
        });
    }

    @CaseUser
    @PostMapping("/cases/{caseId}/assessment/proposals/{id}/arrest")
    String arrest(
            @PathVariable UUID caseId,
            @PathVariable("id") UUID proposalId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) LocalDateTime arrestedAt,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        return onProposal(caseId, proposalId, model, locale, redirect, "assessment.done.arrested", () -> {
            assessments.executeArrest(own(caseId, proposalId), required(version), instant(arrestedAt));
        });
    }

    @CaseUser
    @PostMapping("/cases/{caseId}/assessment/proposals/{id}/ruling")
    String rule(
            @PathVariable UUID caseId,
            @PathVariable("id") UUID proposalId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Boolean granted,
            @RequestParam(required = false) LocalDate ruledOn,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) LocalDate termEnd,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        return onProposal(caseId, proposalId, model, locale, redirect, "assessment.done.ruled", () -> {
            if (granted == null) {
                throw TongxinException.invalid("granted", "required");
            }
            assessments.rule(own(caseId, proposalId), required(version), granted, ruledOn, note, termEnd);
        });
    }

    @CaseUser
    @PostMapping("/cases/{caseId}/assessment/proposals/{id}/commitment")
    String commit(
            @PathVariable UUID caseId,
            @PathVariable("id") UUID proposalId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) UUID institutionId,
            @RequestParam(required = false) LocalDateTime deliveredAt,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        return onProposal(caseId, proposalId, model, locale, redirect, "assessment.done.committed", () -> {
            assessments.commit(
                    own(caseId, proposalId),
                    required(version),
                    institutionId == null ? null : AgencyId.of(institutionId),
                    instant(deliveredAt));
        });
    }

    /** A command on one of the case's proposals: a refusal shows the page again at that proposal's form. */
    private String onProposal(
            UUID caseId,
            UUID proposalId,
            Model model,
            Locale locale,
            RedirectAttributes redirect,
            String done,
            Runnable command) {
        model.addAttribute("failedProposal", proposalId);
        return act(CaseId.of(caseId), "proposal", model, locale, redirect, done, command);
    }

    /** Runs a command; a refusal shows the page again with the messages beside the fields of the form that was sent. */
    private String act(
            CaseId caseId,
            String form,
            Model model,
            Locale locale,
            RedirectAttributes redirect,
            String done,
            Runnable command) {
        return commands.run(command)
                .notice(done)
                .passOn(PageCommands.ACCESS)
                .redirectOr("/cases/" + caseId + "/assessment", model, redirect, () -> {
                    model.addAttribute("failedForm", form);
                    fill(caseId, model, locale);
                    return "assessment/case";
                });
    }

    private void fill(CaseId caseId, Model model, Locale locale) {
        CaseAssessment a = assessments.view(caseId);
        TongxinPrincipal me = currentUser.get();
        CaseAccessDecision decision = cases.decision(caseId);
        boolean county = decision.holdsAny(java.util.EnumSet.of(Participation.EXECUTING_AGENCY))
                && (me.has(Role.COUNTY_OFFICER) || me.has(Role.COUNTY_HEAD));
        boolean court = me.has(Role.JUDGE) || me.has(Role.COURT_CLERK);
        boolean police =
                me.has(Role.POLICE_OFFICER) && decision.holdsAny(java.util.EnumSet.of(Participation.COPIED_POLICE));
        model.addAttribute("caseId", caseId);
        model.addAttribute("a", a);
        model.addAttribute("mayDecide", county);
        model.addAttribute("police", police);
        Map<ProposalId, Boolean> receiver = new HashMap<>();
        List<AgencyId> ids = new ArrayList<>();
        for (ProposalView p : a.proposals()) {
            boolean receives = p.receiver().equals(me.agency())
                    && (p.kind() == ResponseKind.POLICE_PENALTY ? me.has(Role.POLICE_OFFICER) : court);
            receiver.put(p.id(), receives);
            ids.add(p.receiver());
            if (p.institution() != null) {
                ids.add(p.institution());
            }
        }
        model.addAttribute("receives", receiver);
        Map<AgencyId, String> names = new HashMap<>();
        agencies.findAll(ids).forEach((id, v) -> names.put(id, name(v, locale)));
        model.addAttribute("names", names);
        if (police) {
            model.addAttribute(
                    "institutions",
                    agencies.listActive().stream()
                            .filter(v -> v.type() == AgencyType.PRISON || v.type() == AgencyType.DETENTION_CENTRE)
                            .toList());
        }
        model.addAttribute("decisionKinds", ResponseKind.DECISIONS);
        model.addAttribute("proposalKinds", ResponseKind.PROPOSALS);
        model.addAttribute("reasonCodes", ReasonCode.values());
        model.addAttribute("today", LegalTime.today(clock));
    }

    /** What the person sent, shown again in the form when the command is refused, so nothing typed is lost. */
    private static Map<String, Object> sent(
            String kind,
            List<String> reasons,
            String facts,
            String evidence,
            Integer days,
            boolean withArrest,
            String arrestReason) {
        Map<String, Object> sent = new HashMap<>();
        sent.put("kind", kind);
        sent.put("reasons", reasons == null ? List.of() : reasons);
        sent.put("facts", facts);
        sent.put("evidence", evidence);
        sent.put("days", days);
        sent.put("withArrest", withArrest);
        sent.put("arrestReason", arrestReason);
        return sent;
    }

    private static String name(AgencyView v, Locale locale) {
        return Languages.pick(locale, v.nameZh(), v.nameEn());
    }

    private ProposalId own(UUID caseId, UUID proposalId) {
        ProposalView p = assessments.proposal(ProposalId.of(proposalId));
        if (!p.caseId().value().equals(caseId)) {
            throw TongxinException.notFound();
        }
        return p.id();
    }

    private static ResponseKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        return Arrays.stream(ResponseKind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElseThrow(() -> TongxinException.invalid("kind", "unknownResponse"));
    }

    private static List<ReasonCode> reasons(List<String> reasons) {
        if (reasons == null) {
            return List.of();
        }
        List<ReasonCode> out = new ArrayList<>();
        for (String r : reasons) {
            out.add(Arrays.stream(ReasonCode.values())
                    .filter(c -> c.name().equals(r))
                    .findFirst()
                    .orElseThrow(() -> TongxinException.invalid("reasons", "unknownReason")));
        }
        return out;
    }

    private static int required(Integer version) {
        if (version == null) {
            throw TongxinException.invalid("version", "required");
        }
        return version;
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(LegalTime.ZONE).toInstant();
    }
}
