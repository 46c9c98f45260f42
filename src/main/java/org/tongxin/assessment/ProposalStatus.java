package org.tongxin.assessment;

/** Where a proposal stands with the organ asked to decide. */
public enum ProposalStatus {
    /** Delivered; the receiver's clock runs. */
    SUBMITTED,
    /** Revoked, custody decided, or the penalty imposed. */
    GRANTED,
    /** Not revoked, not taken into custody, no penalty. */
    REFUSED,
    /** Revoked or taken into custody, and delivered to prison or the detention centre (CCL arts. 48–49). */
    COMMITTED
}
