package org.tongxin.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.identity.UserDirectory;
import org.tongxin.identity.internal.AccountSecondFactor;
import org.tongxin.identity.internal.SelfService;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.Languages;

/** My account: profile, language, password, second factor and personal API tokens. */
@Controller
@AnyAuthenticatedUser
class AccountController {

    private final CurrentUser currentUser;
    private final UserDirectory users;
    private final AgencyDirectory agencies;
    private final SelfService self;
    private final AccountSecondFactor secondFactor;
    private final FormFeedback feedback;
    private final LocaleResolver localeResolver;

    AccountController(
            CurrentUser currentUser,
            UserDirectory users,
            AgencyDirectory agencies,
            SelfService self,
            AccountSecondFactor secondFactor,
            FormFeedback feedback,
            LocaleResolver localeResolver) {
        this.currentUser = currentUser;
        this.users = users;
        this.agencies = agencies;
        this.self = self;
        this.secondFactor = secondFactor;
        this.feedback = feedback;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/account")
    String account(Model model) {
        fill(model);
        return "identity/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmation,
            Model model,
            RedirectAttributes redirect) {
        try {
            self.changePassword(
                    currentUser.get().userId(),
                    currentPassword == null ? "" : currentPassword,
                    newPassword,
                    confirmation);
        } catch (TongxinException e) {
            feedback.apply(e, model);
            model.addAttribute("passwordFormOpen", true);
            fill(model);
            return "identity/account";
        }
        // The password change ends every session of this account, this one included: log in again.
        return "redirect:/login?changed";
    }

    @PostMapping("/account/language")
    String language(@RequestParam String language, HttpServletRequest request, HttpServletResponse response) {
        self.setLanguage(currentUser.get().userId(), language);
        if (Languages.parse(language) != null) {
            localeResolver.setLocale(request, response, Languages.parse(language));
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens")
    String createToken(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer lifetimeDays,
            Model model) {
        try {
            model.addAttribute("issued", self.createPersonalToken(name, lifetimeDays));
        } catch (TongxinException e) {
            feedback.apply(e, model);
        }
        fill(model);
        return "identity/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
        self.revokeMyToken(id);
        redirect.addFlashAttribute("notice", feedback.message("account.tokens.revoked"));
        return "redirect:/account";
    }

    @GetMapping("/account/mfa")
    String mfaForm(HttpSession session, Model model) {
        secondFactor.enrolmentModel(session, model);
        return "identity/account-mfa";
    }

    @PostMapping("/account/mfa")
    String mfa(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String code,
            HttpSession session,
            Model model) {
        try {
            secondFactor.confirm(session, currentPassword, code);
        } catch (TongxinException e) {
            feedback.apply(e, model);
            secondFactor.enrolmentModel(session, model);
            return "identity/account-mfa";
        }
        return "redirect:/login?changed";
    }

    private void fill(Model model) {
        TongxinPrincipal me = currentUser.get();
        model.addAttribute("me", users.find(me.user()).orElseThrow());
        model.addAttribute("agency", agencies.get(me.agency()));
        model.addAttribute("tokens", self.myTokens());
        model.addAttribute("lifetimes", SelfService.tokenLifetimes());
    }
}
