package org.tongxin.policy.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.policy.DeadlineRule;
import org.tongxin.policy.LegalSource;
import org.tongxin.policy.Organ;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.PolicySetting;
import org.tongxin.policy.PolicySettings;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.web.Languages;

/**
 * The policy model in words, in the reader's language: organ names, stages, deadlines ("10 个工作日（速裁 5）",
 * "10 working days (5 expedited)", "立即", "promptly") and a step's fields. Templates call it as
 * {@code ${@policyText.deadline(step.deadline())}}.
 */
@Component("policyText")
public class PolicyTexts {

    private final MessageSource messages;
    private final PolicyModels models;

    private final java.time.Clock clock;

    PolicyTexts(MessageSource messages, PolicyModels models) {
        this(messages, models, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    PolicyTexts(MessageSource messages, PolicyModels models, java.time.Clock clock) {
        this.messages = messages;
        this.models = models;
        this.clock = clock;
    }

    /**
     * A step's name in the reader's language, as the national baseline in force today names it (a page that knows only
     * the step's id, e.g. a conflict about a procedure step); the id itself only for a step no catalogue knows.
     */
    public String stepName(String stepId) {
        if (stepId == null) {
            return null;
        }
        return models.findInForce(PolicyModels.NATIONAL, org.tongxin.shared.time.LegalTime.today(clock))
                .flatMap(p -> p.step(stepId))
                .map(step -> step.name(locale()))
                .orElse(stepId);
    }

    /** A region's model by name ("A市", "City A"); the code itself when there is no such model. */
    public String regionName(String region) {
        return models.model(region).map(m -> m.name(locale())).orElse(region);
    }

    public String organ(Organ organ) {
        return organ == null ? "—" : message("policy.organ." + organ.name());
    }

    public String organs(Collection<Organ> organs) {
        if (organs == null || organs.isEmpty()) {
            return "—";
        }
        return organs.stream().map(this::organ).collect(Collectors.joining(english() ? ", " : "、"));
    }

    public String stage(String group) {
        return group == null || group.isBlank() ? "—" : messageOr("policy.stage." + group, group);
    }

    /** A deadline in words; counted kinds with their amount and, where set, the expedited amount. */
    public String deadline(DeadlineRule rule) {
        if (rule == null) {
            return "—";
        }
        String kind = rule.kind().name();
        if (!rule.kind().counted()) {
            return message("policy.deadline." + kind);
        }
        String main = message("policy.deadline." + kind, rule.amount());
        return rule.expeditedAmount() == null
                ? main
                : message("policy.deadline.expedited", main, rule.expeditedAmount());
    }

    /**
     * A deadline as it applies in a catalogue: "immediately" (立即) and "promptly" (及时) are two different alerts, so each
     * says what it asks and after how many hours of the catalogue's settings it alerts (立即：须马上办理，2 小时未办即提醒).
     */
    public String deadline(DeadlineRule rule, PolicySettings settings) {
        if (rule != null && settings != null && rule.kind() == org.tongxin.policy.DeadlineKind.IMMEDIATELY) {
            return message("policy.alert.IMMEDIATELY", settings.immediateAlertHours());
        }
        if (rule != null && settings != null && rule.kind() == org.tongxin.policy.DeadlineKind.PROMPTLY) {
            return message("policy.alert.PROMPTLY", settings.promptAlertHours());
        }
        return deadline(rule);
    }

    /**
     * An obligation's "immediately" or "promptly" in words with the alert hours of the version it was opened under;
     * null for other kinds (the obligation pages show their due date).
     */
    public String alert(org.tongxin.policy.DeadlineKind kind, java.util.UUID policyVersionId) {
        if (kind != org.tongxin.policy.DeadlineKind.IMMEDIATELY && kind != org.tongxin.policy.DeadlineKind.PROMPTLY
                || policyVersionId == null) {
            return null;
        }
        try {
            return deadline(
                    DeadlineRule.of(kind, null), models.version(policyVersionId).settings());
        } catch (RuntimeException unknownVersion) {
            return null;
        }
    }

    private static final java.util.regex.Pattern CITATION =
            java.util.regex.Pattern.compile("\\b(CCL|IM|CPL) \\d+(?![\\d.])");
    private static final java.util.regex.Pattern STEP_ID =
            java.util.regex.Pattern.compile("(?<![\\w.])[a-z]+\\.[a-z_]+(?![\\w.])");

    /**
     * A policy text (a step's note) as a reader sees it: a citation in source form ("CCL 27") in the law's words, a step
     * it names by its id ("em.approve") by its name in the reader's language, as the national baseline in force today
     * names it; other text is left as it is.
     */
    public String prose(String text) {
        if (text == null || models == null) {
            return text;
        }
        // A citation in source form ("CCL 27", "IM 46") reads as the law names it.
        text = CITATION.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(words(m.group())));
        if (!STEP_ID.matcher(text).find()) {
            return text;
        }
        java.util.Optional<org.tongxin.policy.ResolvedPolicy> baseline =
                models.findInForce(PolicyModels.NATIONAL, org.tongxin.shared.time.LegalTime.today(clock));
        java.util.Locale locale = locale();
        return STEP_ID.matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(baseline.flatMap(p -> p.step(m.group()))
                        .map(step -> "\u201c" + step.name(locale) + "\u201d")
                        .orElse(m.group())));
    }

    private String words(String citation) {
        try {
            return basis(citation);
        } catch (RuntimeException notASource) {
            return citation;
        }
    }

    /** One field of a step as the diff and the detail page show it. */
    public String field(ProcedureStep step, String field) {
        if (step == null) {
            return "—";
        }
        Object value = switch (field) {
            case "nameZh" -> step.nameZh();
            case "nameEn" -> step.nameEn();
            case "trigger" -> step.triggerZh();
            case "triggerEn" -> step.triggerEn();
            case "owes" -> organ(step.owes());
            case "counterparty" -> organ(step.counterparty());
            case "copies" -> organs(step.copies());
            case "watcher" -> organ(step.watcher());
            case "deadline" -> deadline(step.deadline());
            case "pausable" -> message(step.pausable() ? "policy.yes" : "policy.no");
            case "documents" -> step.documentsZh();
            case "documentsEn" -> step.documentsEn();
            case "legalBasis" -> citations(step);
            case "confidence" -> confidence(step.confidence());
            case "group" -> stage(step.group());
            case "note" -> prose(step.noteZh());
            case "noteEn" -> prose(step.noteEn());
            default -> null;
        };
        return value == null || value.toString().isBlank() ? "—" : value.toString();
    }

    /** A step's sources in the law's words, each with its confidence in words (《社区矫正法》第二十二条（已核对全文））. */
    public String citations(ProcedureStep step) {
        if (step == null) {
            return "—";
        }
        return joinSources(step.sources(), true);
    }

    /**
     * A legal basis as another module stored it (a conflict's or a holdup's copy of the step's basis) in the law's words;
     * "—" when there is none.
     */
    public String basis(String legalBasis) {
        if (legalBasis == null || legalBasis.isBlank()) {
            return "—";
        }
        return joinSources(LegalSource.parse(legalBasis, null), false);
    }

    /** The words of the articles a step cites, for a tooltip; null when none is shipped. */
    public String articleTexts(ProcedureStep step) {
        if (step == null) {
            return null;
        }
        String texts = step.sources().stream()
                .map(LegalSource::text)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.joining("\n"));
        return texts.isEmpty() ? null : texts;
    }

    /** What of a step a source supports, in words ("步骤、责任机关", "the step, the organ"). */
    public String aspects(LegalSource source) {
        return source.aspects().stream()
                .map(a -> message("policy.source.aspect." + a.name()))
                .collect(Collectors.joining(english() ? ", " : "、"));
    }

    private String joinSources(List<LegalSource> sources, boolean withConfidence) {
        return sources.stream()
                .map(s -> withConfidence
                        ? s.citation(locale())
                                + (english() ? " (" : "（")
                                + confidence(s.confidence())
                                + (english() ? ")" : "）")
                        : s.citation(locale()))
                .collect(Collectors.joining(english() ? "; " : "；"));
    }

    /** The label of a field name of {@link org.tongxin.policy.PolicyDiff.Field}. */
    public String fieldName(String field) {
        return messageOr("policy.field." + field, field);
    }

    public String confidence(String confidence) {
        if (confidence == null || confidence.isBlank()) {
            return "—";
        }
        return messageOr("policy.confidence." + confidence.replace("/", ""), confidence);
    }

    /** One setting of a catalogue as the pages show it: its group, key, label, value in words and where it comes from. */
    public record SettingRow(String group, String key, String label, String value, String source) {}

    /** The groups of settings in page order: the thresholds, then each {@link PolicySetting.Group}. */
    public static final List<String> SETTING_GROUPS = List.of(
            "THRESHOLDS",
            PolicySetting.Group.LEAVE.name(),
            PolicySetting.Group.CONTACT.name(),
            PolicySetting.Group.SANCTION.name());

    /** Every setting of a catalogue, in words, with its source (ADR 0021: a region's own value is local policy). */
    public List<SettingRow> settings(ResolvedPolicy policy) {
        List<SettingRow> rows = new ArrayList<>();
        PolicySettings s = policy.settings();
        int[] thresholds = {
            s.warningWorkingDays(), s.promptAlertHours(), s.immediateAlertHours(), s.escalationWorkingDays()
        };
        for (int i = 0; i < thresholds.length; i++) {
            String key = ResolvedPolicy.THRESHOLDS.get(i);
            rows.add(new SettingRow(
                    "THRESHOLDS",
                    key,
                    settingLabel(key),
                    settingValue(key, Integer.toString(thresholds[i])),
                    source(policy, key, null)));
        }
        for (PolicySetting setting : PolicySetting.values()) {
            rows.add(new SettingRow(
                    setting.group().name(),
                    setting.key(),
                    settingLabel(setting.key()),
                    settingValue(setting.key(), Integer.toString(s.value(setting))),
                    source(policy, setting.key(), setting)));
        }
        return rows;
    }

    /** The settings of one group (for the forms). */
    public List<SettingRow> settings(ResolvedPolicy policy, String group) {
        return settings(policy).stream().filter(r -> r.group().equals(group)).toList();
    }

    public String settingGroup(String group) {
        return message("policy.settings.group." + group);
    }

    public String settingLabel(String key) {
        return messageOr("policy.settings." + key, key);
    }

    /** A setting's value in words (a threshold's or {@link PolicySetting}'s key; the value as stored, flags 1/0). */
    public String settingValue(String key, String value) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        return switch (key) {
            case "warningWorkingDays", "escalationWorkingDays" -> message("policy.settings.workingDays", value);
            case "promptAlertHours", "immediateAlertHours" -> message("policy.settings.hours", value);
            default ->
                PolicySetting.ofKey(key)
                        .map(setting -> switch (setting.kind()) {
                            case FLAG -> message("0".equals(value) ? "policy.no" : "policy.yes");
                            case DAYS -> message("policy.settings.days", value);
                            case MONTHS -> message("policy.settings.months", value);
                            case COUNT -> message("policy.settings.times", value);
                        })
                        .orElse(value);
        };
    }

    private String source(ResolvedPolicy policy, String key, PolicySetting setting) {
        String origin = policy.origin(key);
        if (origin == null) {
            return message("policy.settings.builtIn");
        }
        if (!PolicyModels.NATIONAL.equals(origin)) {
            return message("policy.settings.setBy", regionName(origin));
        }
        if (setting != null && setting.baselineBasis() != null) {
            return message(
                    "policy.settings.setByBaseline",
                    basis(setting.baselineBasis()),
                    confidence(setting.baselineConfidence()));
        }
        return message("policy.settings.setByBaselinePolicy");
    }

    private boolean english() {
        return Languages.english(locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private String messageOr(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale());
    }
}
