package org.tongxin.assessment;

/** The arrest request that may go with a revocation proposal (CCL art. 47). */
public enum ArrestStatus {
    /** None asked. */
    NONE,
    /** Asked; the court decides within 48 hours. */
    REQUESTED,
    /** The court decided to arrest; the police execute it. */
    APPROVED,
    /** The court decided not to arrest. */
    REFUSED,
    /** Arrested: IN_CUSTODY, at most 30 days until the ruling. */
    EXECUTED,
    /** Released: not revoked, or the 30 days ran out. */
    RELEASED
}
