package org.tongxin.assessment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.policy.PolicySetting;
import org.tongxin.policy.PolicySettings;
import org.tongxin.shared.error.TongxinException;

/**
 * The graduated-response engine (CCL art. 28, IM arts. 33–36, 46, 49): which responses the facts of a case allow under
 * its policy model's thresholds, on which grounds, and why the others are not yet allowed. Plain values in and out, no
 * Spring: the façade gathers the facts and the thresholds in force.
 */
public final class ResponseRules {

    /** The grounds each response may rest on. */
    static final Map<ResponseKind, Set<ReasonCode>> GROUNDS = grounds();

    private ResponseRules() {}

    /** What the record shows: earlier decisions and proposals, and the longest verified time out of contact. */
    public record Facts(
            CorrectionType correctionType,
            int reprimands,
            int warnings,
            int policePenalties,
            int outOfContactDays,
            int missedContacts,
            int overdueReturns) {}

    /** The policy model's thresholds (PolicySetting group SANCTION). */
    public record Thresholds(
            int reprimandsBeforeWarning,
            int outOfContactDaysForWarning,
            int warningsBeforeRevocation,
            int outOfContactDaysForRevocation,
            int missedReportsForWarning) {

        public static Thresholds of(PolicySettings settings) {
            return new Thresholds(
                    settings.value(PolicySetting.REPRIMANDS_BEFORE_WARNING),
                    settings.value(PolicySetting.OUT_OF_CONTACT_DAYS_FOR_WARNING),
                    settings.value(PolicySetting.WARNINGS_BEFORE_REVOCATION),
                    settings.value(PolicySetting.OUT_OF_CONTACT_DAYS_FOR_REVOCATION),
                    settings.value(PolicySetting.MISSED_REPORTS_FOR_WARNING));
        }
    }

    /**
     * One response as the engine sees it: allowed or not; the derived grounds the record shows; the stated grounds the
     * office may rely on; and, when not allowed, why (a refusal code and the numbers it needs).
     */
    public record Option(
            ResponseKind kind,
            boolean allowed,
            List<ReasonCode> derivedGrounds,
            List<ReasonCode> statedGrounds,
            List<Unmet> unmet,
            String refusal) {}

    /** A derived ground the record does not show yet: what the policy requires and what the record shows. */
    public record Unmet(ReasonCode reason, int required, int shown) {}

    /** Every response, in rising order, for these facts and thresholds. */
    public static List<Option> options(Facts facts, Thresholds t) {
        List<Option> out = new ArrayList<>();
        for (ResponseKind kind : ResponseKind.values()) {
            List<ReasonCode> derived = GROUNDS.get(kind).stream()
                    .filter(r -> !r.asserted() && shows(r, facts, t))
                    .toList();
            List<ReasonCode> stated =
                    GROUNDS.get(kind).stream().filter(ReasonCode::asserted).toList();
            List<Unmet> unmet = GROUNDS.get(kind).stream()
                    .filter(r -> !r.asserted() && !shows(r, facts, t))
                    .map(r -> new Unmet(r, required(r, t), shown(r, facts)))
                    .toList();
            if (!kind.appliesTo().contains(facts.correctionType())) {
                out.add(new Option(kind, false, List.of(), List.of(), List.of(), "RESPONSE_NOT_FOR_TYPE"));
            } else {
                out.add(new Option(kind, true, derived, stated, unmet, null));
            }
        }
        return out;
    }

    /**
     * Checks a response the office asks for: at least one reason (400), each a ground of that response (400), the
     * response fits the correction type (422 RESPONSE_NOT_FOR_TYPE), and each derived ground shown by the record (422
     * GROUND_NOT_MET with what the policy requires and what the record shows).
     */
    public static void check(ResponseKind kind, Set<ReasonCode> reasons, Facts facts, Thresholds t) {
        if (kind == null) {
            throw TongxinException.invalid("kind", "required");
        }
        if (reasons == null || reasons.isEmpty()) {
            throw TongxinException.invalid("reasons", "required");
        }
        for (ReasonCode r : reasons) {
            if (!GROUNDS.get(kind).contains(r)) {
                throw TongxinException.invalid("reasons", "reasonNotForResponse", r.name());
            }
        }
        if (!kind.appliesTo().contains(facts.correctionType())) {
            throw TongxinException.rule("RESPONSE_NOT_FOR_TYPE");
        }
        for (ReasonCode r : reasons) {
            if (!r.asserted() && !shows(r, facts, t)) {
                throw TongxinException.rule("GROUND_NOT_MET_" + r.name(), required(r, t), shown(r, facts));
            }
        }
    }

    /** Whether the record shows a derived ground. */
    static boolean shows(ReasonCode r, Facts f, Thresholds t) {
        return switch (r) {
            case REPRIMANDED_NOT_CORRECTED -> f.reprimands() >= t.reprimandsBeforeWarning();
            case OUT_OF_CONTACT_LONG -> f.outOfContactDays() > t.outOfContactDaysForWarning();
            case WARNED_NOT_CORRECTED -> f.warnings() >= 1;
            case WARNED_TWICE_NOT_CORRECTED -> f.warnings() >= t.warningsBeforeRevocation();
            case OUT_OF_CONTACT_OVER_MONTH -> f.outOfContactDays() > t.outOfContactDaysForRevocation();
            case PENALISED_NOT_CORRECTED -> f.policePenalties() >= 1;
            case REPORTING_RULES_BROKEN_REPEATEDLY ->
                f.missedContacts() + f.overdueReturns() >= t.missedReportsForWarning();
            default -> true;
        };
    }

    /** The number the policy requires for a derived ground (times or days). */
    static int required(ReasonCode r, Thresholds t) {
        return switch (r) {
            case REPRIMANDED_NOT_CORRECTED -> t.reprimandsBeforeWarning();
            case OUT_OF_CONTACT_LONG -> t.outOfContactDaysForWarning();
            case WARNED_TWICE_NOT_CORRECTED -> t.warningsBeforeRevocation();
            case OUT_OF_CONTACT_OVER_MONTH -> t.outOfContactDaysForRevocation();
            case REPORTING_RULES_BROKEN_REPEATEDLY -> t.missedReportsForWarning();
            default -> 1;
        };
    }

    /** What the record shows for a derived ground (times or days). */
    static int shown(ReasonCode r, Facts f) {
        return switch (r) {
            case REPRIMANDED_NOT_CORRECTED -> f.reprimands();
            case WARNED_NOT_CORRECTED, WARNED_TWICE_NOT_CORRECTED -> f.warnings();
            case OUT_OF_CONTACT_LONG, OUT_OF_CONTACT_OVER_MONTH -> f.outOfContactDays();
            case PENALISED_NOT_CORRECTED -> f.policePenalties();
            case REPORTING_RULES_BROKEN_REPEATEDLY -> f.missedContacts() + f.overdueReturns();
            default -> 0;
        };
    }

    private static Map<ResponseKind, Set<ReasonCode>> grounds() {
        Map<ResponseKind, Set<ReasonCode>> g = new EnumMap<>(ResponseKind.class);
        g.put(ResponseKind.COMMENDATION, EnumSet.of(ReasonCode.GOOD_CONDUCT));
        g.put(
                ResponseKind.COMMUTATION,
                EnumSet.of(
                        ReasonCode.REPENTANCE, ReasonCode.MERITORIOUS_SERVICE, ReasonCode.MAJOR_MERITORIOUS_SERVICE));
        g.put(
                ResponseKind.REPRIMAND,
                EnumSet.of(
                        ReasonCode.LATE_REPORT,
                        ReasonCode.OUT_OF_CONTACT,
                        ReasonCode.LEAVE_OVERDUE,
                        ReasonCode.RULE_BREACH));
        g.put(
                ResponseKind.WARNING,
                EnumSet.of(
                        ReasonCode.SERIOUS_BREACH,
                        ReasonCode.REPRIMANDED_NOT_CORRECTED,
                        ReasonCode.OUT_OF_CONTACT_LONG,
                        ReasonCode.REPORTING_RULES_BROKEN_REPEATEDLY));
        g.put(ResponseKind.POLICE_PENALTY, EnumSet.of(ReasonCode.SERIOUS_BREACH, ReasonCode.WARNED_NOT_CORRECTED));
        Set<ReasonCode> revocation = EnumSet.of(
                ReasonCode.PROHIBITION_BREACH,
                ReasonCode.WARNED_TWICE_NOT_CORRECTED,
                ReasonCode.OUT_OF_CONTACT_OVER_MONTH,
                ReasonCode.PENALISED_NOT_CORRECTED);
        g.put(ResponseKind.REVOCATION, revocation);
        g.put(ResponseKind.CUSTODY, EnumSet.copyOf(revocation));
        return java.util.Collections.unmodifiableMap(g);
    }
}
