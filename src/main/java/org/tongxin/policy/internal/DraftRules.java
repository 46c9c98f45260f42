package org.tongxin.policy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.DeadlineRule;
import org.tongxin.policy.DraftSettings;
import org.tongxin.policy.LegalSource;
import org.tongxin.policy.Organ;
import org.tongxin.policy.PolicySetting;
import org.tongxin.policy.ProcedureStages;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.StepDraft;
import org.tongxin.shared.error.FieldProblems;

/**
 * What a drafted step and a draft's settings must satisfy before they are stored. Pure checks: every problem of
 * the input at once, as field problems with stable codes ({@code validation.<code>} in the policy bundle).
 */
public final class DraftRules {

    /** Same pattern as the table's CHECK: lower-case words joined by dots, at least two parts (docs.receipt). */
    public static final Pattern STEP_ID = Pattern.compile("^[a-z][a-z_]*(\\.[a-z_]+)+$");

    public static final List<String> CONFIDENCES = List.of("V", "R", "V/R", "P");
    static final int NAME_MAX = 200;
    static final int TEXT_MAX = 300;
    static final int BASIS_MAX = 100;
    static final int NOTE_MAX = 2000;

    private DraftRules() {}

    /** The largest amount a counted deadline of this kind may have. */
    public static int maxAmount(DeadlineKind kind) {
        return switch (kind) {
            case WORKING_DAYS, CALENDAR_DAYS -> 365;
            case MONTHS -> 24;
            case HOURS -> 720;
            default -> 0;
        };
    }

    /** Checks a drafted step and returns it as a catalogue step (origin left open), or throws its field problems. */
    public static ProcedureStep check(StepDraft d) {
        FieldProblems problems = new FieldProblems();
        String id = trim(d.id());
        if (id == null) {
            problems.add("id", "required");
        } else if (id.length() > 40) {
            problems.add("id", "maxLength", 40);
        } else if (!STEP_ID.matcher(id).matches()) {
            problems.add("id", "stepId");
        }
        String nameZh = required(problems, "nameZh", d.nameZh(), NAME_MAX);
        String nameEn = required(problems, "nameEn", d.nameEn(), NAME_MAX);
        String triggerZh = optional(problems, "triggerZh", d.triggerZh(), TEXT_MAX);
        String triggerEn = optional(problems, "triggerEn", d.triggerEn(), TEXT_MAX);
        String documentsZh = optional(problems, "documentsZh", d.documentsZh(), TEXT_MAX);
        String documentsEn = optional(problems, "documentsEn", d.documentsEn(), TEXT_MAX);
        String legalBasis = required(problems, "legalBasis", d.legalBasis(), BASIS_MAX);
        String noteZh = optional(problems, "noteZh", d.noteZh(), NOTE_MAX);
        String noteEn = optional(problems, "noteEn", d.noteEn(), NOTE_MAX);
        String confidence = trim(d.confidence());
        if (confidence == null) {
            problems.add("confidence", "required");
        } else if (!CONFIDENCES.contains(confidence)) {
            problems.add("confidence", "oneOf", String.join(", ", CONFIDENCES));
        }
        if (legalBasis != null && !LegalSource.explicit(legalBasis)) {
            problems.add("legalBasis", "legalSources");
        } else if (legalBasis != null
                && CONFIDENCES.contains(confidence)
                && !confidence.equals(LegalSource.combined(LegalSource.parse(legalBasis, confidence)))) {
            // The step's confidence is the one its sources give (issue 11): a region's own rule cannot claim V.
            problems.add("confidence", "fromSources", LegalSource.combined(LegalSource.parse(legalBasis, confidence)));
        }
        String group = trim(d.group());
        if (group == null) {
            problems.add("group", "required");
        } else if (!ProcedureStages.known(group)) {
            problems.add("group", "policyStage");
        }
        Organ owes = organ(problems, "owes", d.owes(), true);
        Organ counterparty = organ(problems, "counterparty", d.counterparty(), false);
        Organ watcher = organ(problems, "watcher", d.watcher(), false);
        Set<Organ> copies = new LinkedHashSet<>();
        for (String c : d.copies()) {
            Organ o = organ(problems, "copies", c, false);
            if (o != null && !copies.add(o)) {
                problems.add("copies", "duplicate");
            }
        }
        DeadlineRule deadline = deadline(problems, d);
        problems.throwIfAny();
        return new ProcedureStep(
                id,
                nameZh,
                nameEn,
                triggerZh,
                triggerEn,
                owes,
                counterparty,
                new ArrayList<>(copies),
                watcher,
                deadline,
                documentsZh,
                documentsEn,
                legalBasis,
                confidence,
                Boolean.TRUE.equals(d.pausable()),
                group,
                noteZh,
                noteEn,
                null);
    }

    private static DeadlineRule deadline(FieldProblems problems, StepDraft d) {
        String value = trim(d.deadlineKind());
        if (value == null) {
            problems.add("deadlineKind", "required");
            return null;
        }
        DeadlineKind kind = Arrays.stream(DeadlineKind.values())
                .filter(k -> k.name().equals(value))
                .findFirst()
                .orElse(null);
        if (kind == null) {
            problems.add("deadlineKind", "deadlineKind");
            return null;
        }
        if (!kind.counted()) {
            return DeadlineRule.of(kind, null);
        }
        Integer amount = d.deadlineAmount();
        Integer expedited = d.deadlineExpedited();
        int max = maxAmount(kind);
        boolean ok = true;
        if (amount == null) {
            problems.add("deadlineAmount", "deadlineAmount");
            ok = false;
        } else if (amount < 0 || amount > max) {
            problems.add("deadlineAmount", "range", 0, max);
            ok = false;
        }
        if (expedited != null && expedited < 0) {
            problems.add("deadlineExpedited", "range", 0, amount == null ? max : amount);
            ok = false;
        } else if (expedited != null && amount != null && expedited > amount) {
            problems.add("deadlineExpedited", "expeditedAboveAmount");
            ok = false;
        }
        return ok ? new DeadlineRule(kind, amount, expedited) : null;
    }

    /**
     * Checks a draft's settings: ranges always; for the baseline (no parent to inherit from) every threshold and every
     * {@link PolicySetting} is required. A judicial office may not be allowed longer leave than the county agency.
     */
    public static void check(DraftSettings s, boolean baseline) {
        FieldProblems problems = new FieldProblems();
        setting(problems, "warningWorkingDays", s.warningWorkingDays(), 0, 30, baseline);
        setting(problems, "promptAlertHours", s.promptAlertHours(), 1, 720, baseline);
        setting(problems, "immediateAlertHours", s.immediateAlertHours(), 1, 720, baseline);
        setting(problems, "escalationWorkingDays", s.escalationWorkingDays(), 0, 30, baseline);
        for (PolicySetting setting : PolicySetting.values()) {
            Integer value = s.rules().get(setting);
            if (setting.kind() == PolicySetting.Kind.FLAG && value != null && value != 0 && value != 1) {
                problems.add(setting.key(), "flag");
            } else {
                setting(problems, setting.key(), value, setting.min(), setting.max(), baseline);
            }
        }
        Integer office = s.rules().get(PolicySetting.LEAVE_OFFICE_MAX_DAYS);
        Integer county = s.rules().get(PolicySetting.LEAVE_COUNTY_MAX_DAYS);
        if (office != null
                && county != null
                && office > county
                && !problems.has(PolicySetting.LEAVE_OFFICE_MAX_DAYS.key())) {
            problems.add(PolicySetting.LEAVE_OFFICE_MAX_DAYS.key(), "leaveOfficeAboveCounty");
        }
        optional(problems, "noteZh", s.noteZh(), NOTE_MAX);
        optional(problems, "noteEn", s.noteEn(), NOTE_MAX);
        problems.throwIfAny();
    }

    private static void setting(
            FieldProblems problems, String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(field, "required");
            }
        } else if (value < min || value > max) {
            problems.add(field, "range", min, max);
        }
    }

    private static Organ organ(FieldProblems problems, String field, String value, boolean required) {
        String v = trim(value);
        if (v == null) {
            if (required) {
                problems.add(field, "required");
            }
            return null;
        }
        Organ organ = Arrays.stream(Organ.values())
                .filter(o -> o.name().equals(v))
                .findFirst()
                .orElse(null);
        if (organ == null && !problems.has(field)) {
            problems.add(field, "policyOrgan");
        }
        return organ;
    }

    private static String required(FieldProblems problems, String field, String value, int max) {
        String v = trim(value);
        if (v == null) {
            problems.add(field, "required");
        } else if (v.length() > max) {
            problems.add(field, "maxLength", max);
        }
        return v;
    }

    private static String optional(FieldProblems problems, String field, String value, int max) {
        String v = trim(value);
        if (v != null && v.length() > max) {
            problems.add(field, "maxLength", max);
        }
        return v;
    }

    /** Blank input is no input. */
    public static String trim(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() ? null : v;
    }
}
