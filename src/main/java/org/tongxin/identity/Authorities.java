package org.tongxin.identity;

/** Authorities beyond roles that mark how far a login has got. */
public final class Authorities {

    /** Password (and second factor where required) done, or a valid API token. */
    public static final String FULLY_AUTHENTICATED = "AUTHN_COMPLETE";
    /** Password accepted; a further login step (new password, second factor) is pending. */
    public static final String LOGIN_PENDING = "AUTHN_PENDING";
    /**
     * The operation scope "monitoring positions" (ADR 0034): a system token whose scope names
     * {@link #MONITORING_POSITIONS_OPERATION}, and nothing else, carries it; only that endpoint accepts it, and no person
     * or other token has it.
     */
    public static final String MONITORING_POSITIONS = "SCOPE_MONITORING_POSITIONS";
    /** The operation id of {@code POST /api/v1/monitoring/positions}. */
    public static final String MONITORING_POSITIONS_OPERATION = "recordMonitoringPosition";

    private Authorities() {}
}
