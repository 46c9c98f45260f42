package org.tongxin.support;

/** The City A demo's shared credentials, as the README gives them. */
public final class DemoAccounts {

    public static final String PASSWORD = "Tongxin-Demo-2026";
    public static final String ADMIN_TOTP_SECRET = "TONGXINDEMOADMINSECRET2345672345";

    private DemoAccounts() {}
}
