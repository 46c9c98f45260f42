package org.tongxin.procedure.web;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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
import org.tongxin.shared.web.PageCommands;

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
            .map(org.tongxin.casefile.Charges.Charge::name)
            .toList();

    static final List<ItemCode> MATERIALS =
            List.of(ItemCode.CASE_MATERIALS, ItemCode.CUSTODY_RECORD, ItemCode.MEDICAL_ASSESSMENT, ItemCode.OTHER);

    private final Intake intake;
    private final CaseManagement caseManagement;
    private final CaseOptions options;
    private final CurrentUser currentUser;
    private final PageCommands commands;

    NewCasePages(
            Intake intake,
            CaseManagement caseManagement,
            CaseOptions options,
            CurrentUser currentUser,
            PageCommands commands) {
        this.intake = intake;
        this.caseManagement = caseManagement;
        this.options = options;
        this.currentUser = currentUser;
        this.commands = commands;
    }

    @GetMapping("/cases/new")
    String entrustForm(Model model) {
        return entrust(new EntrustForm(), model);
    }

    @PostMapping("/cases/new")
    String entrust(
            @ModelAttribute("form") EntrustForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return commands.make(() -> intake.entrust(form.request()))
                .bound(binding)
                .notice("newCase.entrusted")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr(id -> "/cases/" + id, model, redirect, () -> entrust(form, model));
    }

    @GetMapping("/cases/new/decided")
    String decidedForm(Model model) {
        return decided(new DecidedCaseForm(), model);
    }

    @PostMapping("/cases/new/decided")
    String decided(
            @ModelAttribute("form") DecidedCaseForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return commands.make(() -> caseManagement.openDecided(form.request()))
                .bound(binding)
                .notice("newCase.decided")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr(id -> "/cases/" + id, model, redirect, () -> decided(form, model));
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
}
