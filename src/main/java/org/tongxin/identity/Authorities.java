package org.tongxin.identity;

/** Authorities beyond roles that mark how far a login has got. */
public final class Authorities {

    /** Password (and second factor where required) done, or a valid API token. */
    public static final String FULLY_AUTHENTICATED = "AUTHN_COMPLETE";
    /** Password accepted; a further login step (new password, second factor) is pending. */
    public static final String LOGIN_PENDING = "AUTHN_PENDING";

    private Authorities() {
    }
}
