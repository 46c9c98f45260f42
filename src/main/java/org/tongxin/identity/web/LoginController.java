package org.tongxin.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.identity.internal.LoginFlow;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.PublicEndpoint;
import org.tongxin.shared.web.DemoAccountList;
import org.tongxin.shared.web.FormFeedback;

/**
 * The login pages: username and password, then (as needed) a new password, the TOTP code or its enrolment. The
 * failure message never says whether the user exists, the account is locked or the password was wrong.
 */
@Controller
class LoginController {

    private final LoginFlow flow;
    private final FormFeedback feedback;
    private final DemoAccountList demoAccounts;

    LoginController(LoginFlow flow, FormFeedback feedback, Optional<DemoAccountList> demoAccounts) {
        this.flow = flow;
        this.feedback = feedback;
        this.demoAccounts = demoAccounts.orElse(null);
    }

    @PublicEndpoint
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoAccounts", demoAccounts);
        return "identity/login";
    }

    @PreAuthorize("hasAuthority('AUTHN_PENDING')")
    @GetMapping("/login/password")
    String newPasswordForm(HttpSession session) {
        return flow.at(session, LoginFlow.Step.NEW_PASSWORD)
                ? "identity/login-password"
                : "redirect:" + flow.pathOf(session);
    }

    @PreAuthorize("hasAuthority('AUTHN_PENDING')")
    @PostMapping("/login/password")
    String newPassword(
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmation,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if (!flow.at(request.getSession(), LoginFlow.Step.NEW_PASSWORD)) {
            return "redirect:" + flow.pathOf(request.getSession());
        }
        try {
            flow.newPassword(request, response, newPassword, confirmation);
            return null;
        } catch (TongxinException e) {
            feedback.apply(e, model);
            return "identity/login-password";
        }
    }

    @PreAuthorize("hasAuthority('AUTHN_PENDING')")
    @GetMapping("/login/mfa")
    String codeForm(HttpSession session) {
        return flow.at(session, LoginFlow.Step.MFA_CODE) ? "identity/login-mfa" : "redirect:" + flow.pathOf(session);
    }

    @PreAuthorize("hasAuthority('AUTHN_PENDING')")
    @PostMapping("/login/mfa")
    String code(
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if (!flow.at(request.getSession(), LoginFlow.Step.MFA_CODE)) {
            return "redirect:" + flow.pathOf(request.getSession());
        }
        if (flow.code(request, response, code)) {
            return null;
        }
        model.addAttribute("codeRejected", true);
        return "identity/login-mfa";
    }

    @PreAuthorize("hasAuthority('AUTHN_PENDING')")
    @GetMapping("/login/mfa/enrol")
    String enrolForm(HttpSession session, Model model) {
        if (!flow.at(session, LoginFlow.Step.MFA_ENROL)) {
            return "redirect:" + flow.pathOf(session);
        }
        flow.enrolmentModel(session, model);
        return "identity/login-mfa-enrol";
    }

    @PreAuthorize("hasAuthority('AUTHN_PENDING')")
    @PostMapping("/login/mfa/enrol")
    String enrol(
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if (!flow.at(request.getSession(), LoginFlow.Step.MFA_ENROL)) {
            return "redirect:" + flow.pathOf(request.getSession());
        }
        if (flow.enrol(request, response, code)) {
            return null;
        }
        model.addAttribute("codeRejected", true);
        flow.enrolmentModel(request.getSession(), model);
        return "identity/login-mfa-enrol";
    }
}
