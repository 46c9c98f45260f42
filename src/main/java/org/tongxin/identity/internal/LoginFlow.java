package org.tongxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.tongxin.identity.TongxinPrincipal;

/** Drives the pending steps of a login for the login pages. */
@Component
public class LoginFlow {

    /** The pending steps, as pages know them. */
    public enum Step {
        NEW_PASSWORD,
        MFA_CODE,
        MFA_ENROL
    }

    private final LoginSteps steps;
    private final UserRepository users;
    private final SecondFactors secondFactors;
    private final SelfService selfService;

    LoginFlow(LoginSteps steps, UserRepository users, SecondFactors secondFactors, SelfService selfService) {
        this.steps = steps;
        this.users = users;
        this.secondFactors = secondFactors;
        this.selfService = selfService;
    }

    public boolean at(HttpSession session, Step step) {
        PendingLogin pending = pending(session);
        return pending != null && pending.stage().name().equals(step.name());
    }

    public String pathOf(HttpSession session) {
        PendingLogin pending = pending(session);
        return pending == null ? "/login" : pending.stage().path();
    }

    public void newPassword(HttpServletRequest request, HttpServletResponse response, String next, String confirmation)
            throws IOException {
        UserRow user = user();
        selfService.changePassword(user.id(), null, next, confirmation);
        steps.continueLogin(request, response, users.findById(user.id()).orElseThrow());
    }

    /** True when the code completed the login; false when it was wrong (and the user may try again). */
    public boolean code(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        UserRow user = user();
        SecondFactors.Result result = secondFactors.verify(user, code);
        return finish(request, response, user, result);
    }

    public void enrolmentModel(HttpSession session, Model model) {
        PendingLogin pending = pending(session);
        byte[] proposed = pending.proposedSecret();
        if (proposed == null) {
            proposed = secondFactors.propose();
            session.setAttribute(PendingLogin.ATTRIBUTE, new PendingLogin(pending.stage(), proposed));
        }
        String secret = secondFactors.reveal(proposed);
        String username = user().username();
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qr", Totp.qrSvg(Totp.uri("Tongxin", username, secret)));
    }

    public boolean enrol(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        UserRow user = user();
        PendingLogin pending = pending(request.getSession());
        if (pending.proposedSecret() == null) {
            return false;
        }
        SecondFactors.Result result = secondFactors.enrol(user, pending.proposedSecret(), code);
        return finish(request, response, user, result);
    }

    private boolean finish(
            HttpServletRequest request, HttpServletResponse response, UserRow user, SecondFactors.Result result)
            throws IOException {
        switch (result) {
            case ACCEPTED -> {
                steps.complete(request, response, users.findById(user.id()).orElseThrow());
                return true;
            }
            case LOCKED -> {
                request.getSession().invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?error");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private UserRow user() {
        TongxinPrincipal principal = PendingLogins.pendingPrincipal();
        return users.findById(principal.userId()).orElseThrow();
    }

    private static PendingLogin pending(HttpSession session) {
        return session == null ? null : (PendingLogin) session.getAttribute(PendingLogin.ATTRIBUTE);
    }
}
