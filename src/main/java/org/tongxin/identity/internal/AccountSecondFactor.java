package org.tongxin.identity.internal;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.tongxin.identity.CurrentUser;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;

/**
 * Replacing one's own second factor (a new phone): needs the password and a code of the new secret. The old
 * factor stops working at once and every session of the account ends.
 */
@Component
public class AccountSecondFactor {

    static final String ATTRIBUTE = "tongxin.account.proposedSecret";

    private final CurrentUser currentUser;
    private final UserRepository users;
    private final SecondFactors secondFactors;
    private final PasswordPolicy passwords;

    AccountSecondFactor(
            CurrentUser currentUser, UserRepository users, SecondFactors secondFactors, PasswordPolicy passwords) {
        this.currentUser = currentUser;
        this.users = users;
        this.secondFactors = secondFactors;
        this.passwords = passwords;
    }

    public void enrolmentModel(HttpSession session, Model model) {
        byte[] proposed = (byte[]) session.getAttribute(ATTRIBUTE);
        if (proposed == null) {
            proposed = secondFactors.propose();
            session.setAttribute(ATTRIBUTE, proposed);
        }
        String secret = secondFactors.reveal(proposed);
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute(
                "qr", Totp.qrSvg(Totp.uri("Tongxin", currentUser.get().username(), secret)));
    }

    public void confirm(HttpSession session, String password, String code) {
        UserRow user = users.findById(currentUser.get().userId()).orElseThrow();
        byte[] proposed = (byte[]) session.getAttribute(ATTRIBUTE);
        FieldProblems problems = new FieldProblems();
        if (password == null || !passwords.matches(password, user.passwordHash())) {
            problems.add("currentPassword", "wrongPassword");
        }
        problems.throwIfAny();
        if (proposed == null) {
            throw TongxinException.invalid("code", "codeRejected");
        }
        SecondFactors.Result result = secondFactors.enrol(user, proposed, code);
        if (result != SecondFactors.Result.ACCEPTED) {
            throw TongxinException.invalid("code", "codeRejected");
        }
        session.removeAttribute(ATTRIBUTE);
    }
}
