package org.tongxin.identity.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * The login step still to do, kept in the session between the password and the end of login: a new password,
 * the TOTP code, or TOTP enrolment (with the proposed secret, encrypted).
 */
record PendingLogin(Stage stage, byte[] proposedSecret) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ATTRIBUTE = "tongxin.login.pending";

    enum Stage {
        NEW_PASSWORD("/login/password"),
        MFA_CODE("/login/mfa"),
        MFA_ENROL("/login/mfa/enrol");

        private final String path;

        Stage(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }
    }
}
