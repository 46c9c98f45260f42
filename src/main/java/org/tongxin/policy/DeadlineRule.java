package org.tongxin.policy;

/** A step's deadline: its kind, the amount for counted kinds, and the amount for expedited (速裁) cases if it differs. */
public record DeadlineRule(DeadlineKind kind, Integer amount, Integer expeditedAmount) {

    public DeadlineRule {
        if (kind == null) {
            throw new IllegalArgumentException("A deadline rule needs a kind");
        }
        if (kind.counted() && (amount == null || amount < 0)) {
            throw new IllegalArgumentException(kind + " needs a non-negative amount");
        }
        if (!kind.counted()) {
            amount = null;
            expeditedAmount = null;
        }
    }

    public static DeadlineRule of(DeadlineKind kind, Integer amount) {
        return new DeadlineRule(kind, amount, null);
    }

    /** The amount that applies to a case (the expedited amount for expedited cases where one is set). */
    public Integer amountFor(boolean expedited) {
        return expedited && expeditedAmount != null ? expeditedAmount : amount;
    }
}
