package org.tongxin.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.policy.internal.PolicyRepository;
import org.tongxin.policy.internal.PolicyRepository.ModelRow;
import org.tongxin.policy.internal.PolicyRepository.StepRow;
import org.tongxin.policy.internal.PolicyRepository.VersionRow;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.Languages;

/**
 * Reads the catalogues: which version of a region's model is in force on a date, that version with everything it
 * inherits, and the difference between two catalogues. Published versions never change, so their resolution is
 * cached; so is the resolution of a version as it applied on a past day ({@link #version(UUID, LocalDate)}, asked for
 * every line of every inbox), because no version can be published with an effective date in the past.
 */
@Component
public class PolicyModels {

    public static final String NATIONAL = "CN";

    private final PolicyRepository repository;
    private final java.time.Clock clock;
    private final TransactionTemplate readOnly;
    private final Map<String, ResolvedPolicy> publishedCache = new ConcurrentHashMap<>();
    /** A published version as it applied on a day before today: the answer can no longer change. */
    private final Map<VersionOnDay, ResolvedPolicy> settled = new ConcurrentHashMap<>();

    PolicyModels(PolicyRepository repository, java.time.Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    private record VersionOnDay(UUID versionId, LocalDate date) {}

    /** A model of the catalogue as lists show it. */
    public record ModelView(
            UUID id, String region, UUID parentId, String nameZh, String nameEn, String noteZh, String noteEn) {
        public String name(java.util.Locale locale) {
            return Languages.pick(locale, nameZh, nameEn);
        }
    }

    /** A version as lists show it. */
    public record VersionView(
            UUID id,
            UUID modelId,
            String region,
            int number,
            boolean published,
            LocalDate effectiveFrom,
            String noteZh,
            String noteEn,
            java.time.Instant createdAt,
            java.time.Instant publishedAt,
            int version) {}

    @Transactional(readOnly = true)
    public List<ModelView> models() {
        return repository.models().stream().map(PolicyModels::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ModelView> model(String region) {
        return repository.modelOfRegion(region).map(PolicyModels::view);
    }

    @Transactional(readOnly = true)
    public List<VersionView> versions(String region) {
        ModelRow model = repository.modelOfRegion(region).orElseThrow(TongxinException::notFound);
        return repository.versions(model.id()).stream()
                .map(v -> view(v, model.region()))
                .toList();
    }

    /** A version with who drafted and who published it (user ids; null for the versions loaded from the law). */
    public record VersionEntry(VersionView version, UUID createdBy, UUID publishedBy) {}

    /** Every version of a region's model, newest first, with their authors. */
    @Transactional(readOnly = true)
    public List<VersionEntry> history(String region) {
        ModelRow model = repository.modelOfRegion(region).orElseThrow(TongxinException::notFound);
        return repository.versions(model.id()).stream()
                .map(v -> new VersionEntry(view(v, model.region()), v.createdBy(), v.publishedBy()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<VersionView> versionInfo(UUID versionId) {
        return repository
                .version(versionId)
                .flatMap(v -> repository.model(v.modelId()).map(m -> view(v, m.region())));
    }

    /**
     * The region whose model applies to a place: the most specific model whose region contains the division (a
     * model for 369900 applies to 369902 and its townships), else the national baseline.
     */
    @Transactional(readOnly = true)
    public String regionFor(String divisionCode) {
        String best = NATIONAL;
        int bestLength = 0;
        for (ModelRow model : repository.models()) {
            String prefix = significant(model.region());
            if (prefix != null
                    && divisionCode != null
                    && divisionCode.startsWith(prefix)
                    && prefix.length() > bestLength) {
                best = model.region();
                bestLength = prefix.length();
            }
        }
        return best;
    }

    /** The open draft of a region's model, if a coordinator has started one. */
    @Transactional(readOnly = true)
    public Optional<VersionView> draft(String region) {
        return repository
                .modelOfRegion(region)
                .flatMap(m -> repository.versions(m.id()).stream()
                        .filter(v -> !v.published())
                        .findFirst()
                        .map(v -> view(v, m.region())));
    }

    /**
     * The catalogue of a region as in force on {@code date} (falls back to the baseline for unknown regions): the
     * region's version in force that day over its parent's catalogue in force that day, so a correction of the
     * baseline reaches every variant on its effective date without the variants republishing. The answer for a
     * past date never changes, because no version can be published with an effective date in the past.
     */
    @Transactional(readOnly = true)
    public ResolvedPolicy inForce(String region, LocalDate date) {
        ModelRow model = repository
                .modelOfRegion(region)
                .or(() -> repository.modelOfRegion(NATIONAL))
                .orElseThrow();
        return inForce(model, region, date).policy();
    }

    /** The catalogue in force, or empty when the region has no version in force that day (no exception). */
    @Transactional(readOnly = true)
    public Optional<ResolvedPolicy> findInForce(String region, LocalDate date) {
        Optional<ModelRow> model = repository.modelOfRegion(region).or(() -> repository.modelOfRegion(NATIONAL));
        return model.flatMap(m -> repository.inForce(m.id(), date))
                .map(v -> resolve(v, model.get(), date).policy());
    }

    private Resolution inForce(ModelRow model, String asked, LocalDate date) {
        VersionRow version = repository
                .inForce(model.id(), date)
                .orElseThrow(() -> TongxinException.rule("POLICY_NOT_IN_FORCE", asked, date));
        return resolve(version, model, date);
    }

    /**
     * A specific version (a draft, or one recorded on an obligation), with what it inherits: a published variant
     * over the parent in force on its effective date, a draft over the parent's latest published version.
     */
    @Transactional(readOnly = true)
    public ResolvedPolicy version(UUID versionId) {
        return resolve(repository.version(versionId).orElseThrow(TongxinException::notFound));
    }

    /**
     * A specific version as it applied on {@code date}: over the parent version in force that day. For a published
     * version and a day before today the answer is final — a version takes effect today at the earliest — so it is
     * kept, and asking again costs no query (nor a transaction). Today and later are read afresh: a parent version
     * published today may take effect today.
     */
    public ResolvedPolicy version(UUID versionId, LocalDate date) {
        boolean past = date.isBefore(LegalTime.today(clock));
        if (past) {
            ResolvedPolicy known = settled.get(new VersionOnDay(versionId, date));
            if (known != null) {
                return known;
            }
        }
        ResolvedPolicy resolved = readOnly.execute(status -> {
            VersionRow version = repository.version(versionId).orElseThrow(TongxinException::notFound);
            return resolve(version, repository.model(version.modelId()).orElseThrow(), date)
                    .policy();
        });
        if (past && resolved.version().published()) {
            settled.put(new VersionOnDay(versionId, date), resolved);
        }
        return resolved;
    }

    /**
     * A version was published in this process: forget the settled resolutions, now and again once it is committed. By
     * the rule above none can have changed; this keeps the cache right even where the clock is moved backwards (tests).
     */
    @EventListener
    void on(PolicyVersionPublished published) {
        settled.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    settled.clear();
                }
            });
        }
    }

    ResolvedPolicy resolve(VersionRow version) {
        LocalDate at = version.effectiveFrom() != null ? version.effectiveFrom() : LATEST;
        return resolve(version, repository.model(version.modelId()).orElseThrow(), at)
                .policy();
    }

    /** The parent catalogue a version is resolved over by {@link #version(UUID)} (empty for the baseline). */
    Optional<ResolvedPolicy> parentOf(VersionRow version) {
        ModelRow model = repository.model(version.modelId()).orElseThrow();
        if (model.parentId() == null) {
            return Optional.empty();
        }
        LocalDate at = version.effectiveFrom() != null ? version.effectiveFrom() : LATEST;
        ModelRow parentModel = repository.model(model.parentId()).orElseThrow();
        VersionRow parentVersion = repository
                .inForce(parentModel.id(), at)
                .or(() -> repository.inForce(parentModel.id(), LATEST))
                .orElseThrow(() -> new IllegalStateException("No parent version in force for " + model.region()));
        return Optional.of(resolve(parentVersion, parentModel, at).policy());
    }

    /** A resolution and its cache key: the version's id and the ids of the parent versions it was resolved over. */
    private record Resolution(String key, ResolvedPolicy policy) {}

    /** "As far ahead as versions are published": drafts resolve over the parent's latest published version. */
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private Resolution resolve(VersionRow version, ModelRow model, LocalDate parentDate) {
        Resolution parent = null;
        if (model.parentId() != null) {
            ModelRow parentModel = repository.model(model.parentId()).orElseThrow();
            VersionRow parentVersion = repository
                    .inForce(parentModel.id(), parentDate)
                    .or(() -> repository.inForce(parentModel.id(), LATEST))
                    .orElseThrow(() -> new IllegalStateException("No parent version in force for " + model.region()));
            parent = resolve(parentVersion, parentModel, parentDate);
        }
        String key = version.id() + (parent == null ? "" : "<" + parent.key());
        if (version.published()) {
            ResolvedPolicy cached = publishedCache.get(key);
            if (cached != null) {
                return new Resolution(key, cached);
            }
        }
        ResolvedPolicy resolved;
        if (parent == null) {
            List<ProcedureStep> steps = repository.steps(version.id()).stream()
                    .map(row -> full(row, ProcedureStep.Origin.BASELINE))
                    .toList();
            Map<String, String> origins = new LinkedHashMap<>();
            resolved = new ResolvedPolicy(
                    model.region(),
                    model.nameZh(),
                    model.nameEn(),
                    ref(version, model),
                    null,
                    settings(version, model, PolicySettings.DEFAULTS, origins),
                    steps,
                    origins);
        } else {
            Map<String, ProcedureStep> steps = new LinkedHashMap<>();
            parent.policy().steps().forEach(s -> steps.put(s.id(), s.withOrigin(ProcedureStep.Origin.INHERITED)));
            for (StepRow row : repository.steps(version.id())) {
                switch (row.change()) {
                    case "REMOVED" -> steps.remove(row.stepId());
                    case "ADDED", "DEFINED" -> steps.put(row.stepId(), full(row, ProcedureStep.Origin.ADDED));
                    default -> {
                        ProcedureStep base = steps.get(row.stepId());
                        if (base != null) {
                            steps.put(row.stepId(), merge(base, row));
                        }
                    }
                }
            }
            Map<String, String> origins = new LinkedHashMap<>(parent.policy().settingOrigins());
            resolved = new ResolvedPolicy(
                    model.region(),
                    model.nameZh(),
                    model.nameEn(),
                    ref(version, model),
                    parent.policy().version(),
                    settings(version, model, parent.policy().settings(), origins),
                    new ArrayList<>(steps.values()),
                    origins);
        }
        if (version.published()) {
            publishedCache.put(key, resolved);
        }
        return new Resolution(key, resolved);
    }

    /** Steps added, removed and changed from {@code from} to {@code to}. */
    public PolicyDiff diff(ResolvedPolicy from, ResolvedPolicy to) {
        Map<String, ProcedureStep> before = new LinkedHashMap<>();
        from.steps().forEach(s -> before.put(s.id(), s));
        Map<String, ProcedureStep> after = new LinkedHashMap<>();
        to.steps().forEach(s -> after.put(s.id(), s));
        List<ProcedureStep> added =
                to.steps().stream().filter(s -> !before.containsKey(s.id())).toList();
        List<ProcedureStep> removed =
                from.steps().stream().filter(s -> !after.containsKey(s.id())).toList();
        List<PolicyDiff.Change> changed = new ArrayList<>();
        for (ProcedureStep a : from.steps()) {
            ProcedureStep b = after.get(a.id());
            if (b != null) {
                List<PolicyDiff.Field> fields = fields(a, b);
                if (!fields.isEmpty()) {
                    changed.add(new PolicyDiff.Change(a, b, fields));
                }
            }
        }
        return new PolicyDiff(from, to, added, removed, changed, settingDifferences(from.settings(), to.settings()));
    }

    /** The settings whose values differ between two catalogues, thresholds first. */
    static List<PolicyDiff.Field> settingDifferences(PolicySettings a, PolicySettings b) {
        List<PolicyDiff.Field> fields = new ArrayList<>();
        compare(fields, "warningWorkingDays", a.warningWorkingDays(), b.warningWorkingDays());
        compare(fields, "promptAlertHours", a.promptAlertHours(), b.promptAlertHours());
        compare(fields, "immediateAlertHours", a.immediateAlertHours(), b.immediateAlertHours());
        compare(fields, "escalationWorkingDays", a.escalationWorkingDays(), b.escalationWorkingDays());
        for (PolicySetting s : PolicySetting.values()) {
            compare(fields, s.key(), a.value(s), b.value(s));
        }
        return fields;
    }

    /** The fields in which two versions of a step differ (what an override changes against its parent). */
    public static List<PolicyDiff.Field> differences(ProcedureStep before, ProcedureStep after) {
        return fields(before, after);
    }

    static List<PolicyDiff.Field> fields(ProcedureStep a, ProcedureStep b) {
        List<PolicyDiff.Field> fields = new ArrayList<>();
        compare(fields, "nameZh", a.nameZh(), b.nameZh());
        compare(fields, "nameEn", a.nameEn(), b.nameEn());
        compare(fields, "trigger", a.triggerZh(), b.triggerZh());
        compare(fields, "owes", a.owes(), b.owes());
        compare(fields, "counterparty", a.counterparty(), b.counterparty());
        compare(fields, "copies", a.copies(), b.copies());
        compare(fields, "watcher", a.watcher(), b.watcher());
        compare(fields, "deadline", describe(a.deadline()), describe(b.deadline()));
        compare(fields, "pausable", a.pausable(), b.pausable());
        compare(fields, "documents", a.documentsZh(), b.documentsZh());
        compare(fields, "legalBasis", a.legalBasis(), b.legalBasis());
        compare(fields, "note", a.noteZh(), b.noteZh());
        compare(fields, "triggerEn", a.triggerEn(), b.triggerEn());
        compare(fields, "documentsEn", a.documentsEn(), b.documentsEn());
        compare(fields, "noteEn", a.noteEn(), b.noteEn());
        compare(fields, "confidence", a.confidence(), b.confidence());
        compare(fields, "group", a.group(), b.group());
        return fields;
    }

    /** A deadline rule in a stable, language-neutral form (e.g. WORKING_DAYS 10 / 5). */
    public static String describe(DeadlineRule rule) {
        if (rule == null) {
            return null;
        }
        return rule.kind()
                + (rule.amount() == null ? "" : " " + rule.amount())
                + (rule.expeditedAmount() == null ? "" : " / " + rule.expeditedAmount());
    }

    private static void compare(List<PolicyDiff.Field> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(new PolicyDiff.Field(name, a == null ? null : a.toString(), b == null ? null : b.toString()));
        }
    }

    private static ProcedureStep full(StepRow r, ProcedureStep.Origin origin) {
        return new ProcedureStep(
                r.stepId(),
                r.nameZh(),
                r.nameEn(),
                r.triggerZh(),
                r.triggerEn(),
                r.owes(),
                r.counterparty(),
                r.copies(),
                r.watcher(),
                new DeadlineRule(
                        r.deadlineKind() == null ? DeadlineKind.NONE : r.deadlineKind(),
                        r.deadlineAmount(),
                        r.deadlineExpedited()),
                r.documentsZh(),
                r.documentsEn(),
                r.legalBasis(),
                r.confidence(),
                Boolean.TRUE.equals(r.pausable()),
                r.group(),
                r.noteZh(),
                r.noteEn(),
                origin);
    }

    private static ProcedureStep merge(ProcedureStep base, StepRow r) {
        DeadlineRule deadline = r.deadlineKind() == null
                ? base.deadline()
                : new DeadlineRule(r.deadlineKind(), r.deadlineAmount(), r.deadlineExpedited());
        return new ProcedureStep(
                base.id(),
                or(r.nameZh(), base.nameZh()),
                or(r.nameEn(), base.nameEn()),
                text(r.triggerZh(), base.triggerZh()),
                text(r.triggerEn(), base.triggerEn()),
                or(r.owes(), base.owes()),
                or(r.counterparty(), base.counterparty()),
                or(r.copies(), base.copies()),
                or(r.watcher(), base.watcher()),
                deadline,
                text(r.documentsZh(), base.documentsZh()),
                text(r.documentsEn(), base.documentsEn()),
                or(r.legalBasis(), base.legalBasis()),
                or(r.confidence(), base.confidence()),
                r.pausable() == null ? base.pausable() : r.pausable(),
                or(r.group(), base.group()),
                text(r.noteZh(), base.noteZh()),
                text(r.noteEn(), base.noteEn()),
                ProcedureStep.Origin.OVERRIDDEN);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** An override of an optional text: null inherits, an empty string clears what the parent says. */
    private static String text(String value, String fallback) {
        return value == null ? fallback : value.isEmpty() ? null : value;
    }

    /**
     * The version's own settings over the inherited ones; {@code origins} learns which region set each value the
     * version sets itself.
     */
    private PolicySettings settings(
            VersionRow v, ModelRow model, PolicySettings inherited, Map<String, String> origins) {
        Integer[] own = {
            v.warningWorkingDays(), v.promptAlertHours(), v.immediateAlertHours(), v.escalationWorkingDays()
        };
        for (int i = 0; i < own.length; i++) {
            if (own[i] != null) {
                origins.put(ResolvedPolicy.THRESHOLDS.get(i), model.region());
            }
        }
        Map<PolicySetting, Integer> values = inherited.values();
        repository.settings(v.id()).forEach((setting, value) -> {
            values.put(setting, value);
            origins.put(setting.key(), model.region());
        });
        return PolicySettings.of(
                or(v.warningWorkingDays(), inherited.warningWorkingDays()),
                or(v.promptAlertHours(), inherited.promptAlertHours()),
                or(v.immediateAlertHours(), inherited.immediateAlertHours()),
                or(v.escalationWorkingDays(), inherited.escalationWorkingDays()),
                values);
    }

    private static PolicyVersionRef ref(VersionRow v, ModelRow m) {
        return new PolicyVersionRef(v.id(), m.region(), v.number(), v.effectiveFrom(), v.published());
    }

    private static String significant(String region) {
        if (NATIONAL.equals(region) || region == null || region.length() != 6) {
            return NATIONAL.equals(region) ? "" : null;
        }
        return region.endsWith("0000")
                ? region.substring(0, 2)
                : region.endsWith("00") ? region.substring(0, 4) : region;
    }

    private static ModelView view(ModelRow m) {
        return new ModelView(m.id(), m.region(), m.parentId(), m.nameZh(), m.nameEn(), m.noteZh(), m.noteEn());
    }

    private static VersionView view(VersionRow v, String region) {
        return new VersionView(
                v.id(),
                v.modelId(),
                region,
                v.number(),
                v.published(),
                v.effectiveFrom(),
                v.noteZh(),
                v.noteEn(),
                v.createdAt(),
                v.publishedAt(),
                v.version());
    }
}
