package org.tongxin.procedure.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityDocumentType;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.exchange.ItemCode;
import org.tongxin.identity.CurrentUser;
import org.tongxin.procedure.Intake;
import org.tongxin.procedure.web.CaseForms.DecidedCaseForm;
import org.tongxin.procedure.web.CaseForms.EntrustForm;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.web.FormFeedback;

/**
 * A decision organ opens a case: by entrusting an investigation assessment to the county agency of the subject's
 * residence (CCL art. 18), or by recording a case it decided without one. The case opens with its letter delivered
 * and its first obligations running; the page waits briefly for those reactions so the case shows them.
 */
@Controller
@PreAuthorize("hasAnyRole('COURT_CLERK', 'JUDGE', 'POLICE_OFFICER')")
class NewCasePages {

    /** Documents an entrustment usually carries besides the letter. */
    /** The charges the picker offers, in the order of the Criminal Law's articles. */
    static final List<String> CHARGE_NAMES = org.tongxin.casefile.Charges.standard().all().stream()
            .map(org.tongxin.casefile.Charges.Charge::name).toList();

    static final List<ItemCode> MATERIALS = List.of(ItemCode.CASE_MATERIALS, ItemCode.CUSTODY_RECORD, ItemCode.MEDICAL_ASSESSMENT,
            ItemCode.OTHER);

    private final Intake intake;
    private final CaseManagement caseManagement;
    private final CaseOptions options;
    private final CurrentUser currentUser;
    private final FormFeedback feedback;
    private final EventQuiescence reactions;

    NewCasePages(Intake intake, CaseManagement caseManagement, CaseOptions options, CurrentUser currentUser,
            FormFeedback feedback, EventQuiescence reactions) {
        this.intake = intake;
        this.caseManagement = caseManagement;
        this.options = options;
        this.currentUser = currentUser;
        this.feedback = feedback;
        this.reactions = reactions;
    }

    @GetMapping("/cases/new")
    String entrustForm(Model model) {
        return entrust(new EntrustForm(), model);
    }

    @PostMapping("/cases/new")
    String entrust(@ModelAttribute("form") EntrustForm form, BindingResult binding, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (binding.hasErrors()) {
            return refused(typeProblems(binding), form, model, response, true);
        }
        try {
            CaseId id = intake.entrust(form.request());
            reactions.settle();
            redirect.addFlashAttribute("notice", feedback.message("newCase.entrusted"));
            return "redirect:/cases/" + id;
        } catch (TongxinException e) {
            return refused(e, form, model, response, true);
        }
    }

    @GetMapping("/cases/new/decided")
    String decidedForm(Model model) {
        return decided(new DecidedCaseForm(), model);
    }

    @PostMapping("/cases/new/decided")
    String decided(@ModelAttribute("form") DecidedCaseForm form, BindingResult binding, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (binding.hasErrors()) {
            return refused(typeProblems(binding), form, model, response, false);
        }
        try {
            CaseId id = caseManagement.openDecided(form.request());
            reactions.settle();
            redirect.addFlashAttribute("notice", feedback.message("newCase.decided"));
            return "redirect:/cases/" + id;
        } catch (TongxinException e) {
            return refused(e, form, model, response, false);
        }
    }

    private String refused(TongxinException e, Object form, Model model, HttpServletResponse response, boolean entrust) {
        if (e.status().value() == 404) {
            throw e;
        }
        feedback.apply(e, model);
        response.setStatus(e.status().value());
        return entrust ? entrust((EntrustForm) form, model) : decided((DecidedCaseForm) form, model);
    }

    private String entrust(EntrustForm form, Model model) {
        common(model);
        model.addAttribute("form", form);
        model.addAttribute("assessingAgencies", options.assessingAgencies());
        model.addAttribute("materialCodes", MATERIALS);
        return "procedure/new-entrust";
    }

    private String decided(DecidedCaseForm form, Model model) {
        common(model);
        model.addAttribute("form", form);
        model.addAttribute("countyAgencies", options.countyAgencies());
        model.addAttribute("institutions", options.institutions());
        model.addAttribute("correctionTypes", CorrectionType.values());
        return "procedure/new-decided";
    }

    private void common(Model model) {
        model.addAttribute("genders", Gender.values());
        model.addAttribute("idTypes", IdentityDocumentType.values());
        model.addAttribute("offenceCategories", OffenceCategory.values());
        model.addAttribute("chargeNames", CHARGE_NAMES);
        model.addAttribute("ethnicities", options.ethnicities());
        model.addAttribute("residenceCity", options.city(currentUser.get().agency()));
    }

    /** Values the binder could not convert (a tampered select, a malformed date) are field problems like any other. */
    static TongxinException typeProblems(BindingResult binding) {
        List<FieldProblem> problems = binding.getFieldErrors().stream().map(f -> {
            Class<?> type = binding.getFieldType(f.getField());
            boolean date = type != null && java.time.temporal.Temporal.class.isAssignableFrom(type);
            return new FieldProblem(f.getField(), date ? "dateInvalid" : "type");
        }).toList();
        return TongxinException.invalid(problems);
    }
}
