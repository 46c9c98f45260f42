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

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxin.policy.internal.PolicyRepository;
import org.tongxin.policy.internal.PolicyRepository.ModelRow;
import org.tongxin.policy.internal.PolicyRepository.StepRow;
import org.tongxin.policy.internal.PolicyRepository.VersionRow;
import org.tongxin.shared.error.TongxinException;

/**
 * Reads the catalogues: which version of a region's model is in force on a date, that version with everything it
 * inherits, and the difference between two catalogues. Published versions never change, so their resolution is
 * cached.
 */
@Component
public class PolicyModels {

    public static final String NATIONAL = "CN";

    private final PolicyRepository repository;
    private final Map<String, ResolvedPolicy> publishedCache = new ConcurrentHashMap<>();

    PolicyModels(PolicyRepository repository) {
        this.repository = repository;
    }

    /** A model of the catalogue as lists show it. */
    public record ModelView(UUID id, String region, UUID parentId, String nameZh, String nameEn, String noteZh, String noteEn) {
        public String name(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    /** A version as lists show it. */
    public record VersionView(UUID id, UUID modelId, String region, int number, boolean published, LocalDate effectiveFrom,
            String noteZh, String noteEn, java.time.Instant createdAt, java.time.Instant publishedAt, int version) {
    }

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
        return repository.versions(model.id()).stream().map(v -> view(v, model.region())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<VersionView> versionInfo(UUID versionId) {
        return repository.version(versionId).flatMap(v -> repository.model(v.modelId()).map(m -> view(v, m.region())));
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
            if (prefix != null && divisionCode != null && divisionCode.startsWith(prefix) && prefix.length() > bestLength) {
                best = model.region();
                bestLength = prefix.length();
            }
        }
        return best;
    }

    /** The catalogue of a region as in force on {@code date} (falls back to the baseline for unknown regions). */
    @Transactional(readOnly = true)
    public ResolvedPolicy inForce(String region, LocalDate date) {
        ModelRow model = repository.modelOfRegion(region).or(() -> repository.modelOfRegion(NATIONAL)).orElseThrow();
        VersionRow version = repository.inForce(model.id(), date)
                .orElseThrow(() -> TongxinException.rule("POLICY_NOT_IN_FORCE", region, date));
        return resolve(version);
    }

    /** A specific version (a draft, or one recorded on an obligation), with what it inherits. */
    @Transactional(readOnly = true)
    public ResolvedPolicy version(UUID versionId) {
        return resolve(repository.version(versionId).orElseThrow(TongxinException::notFound));
    }

    ResolvedPolicy resolve(VersionRow version) {
        String key = version.id().toString();
        if (version.published() && publishedCache.containsKey(key)) {
            return publishedCache.get(key);
        }
        ModelRow model = repository.model(version.modelId()).orElseThrow();
        ResolvedPolicy resolved;
        if (model.parentId() == null) {
            List<ProcedureStep> steps = repository.steps(version.id()).stream()
                    .map(row -> full(row, ProcedureStep.Origin.BASELINE)).toList();
            resolved = new ResolvedPolicy(model.region(), model.nameZh(), model.nameEn(), ref(version, model),
                    null, settings(version, PolicySettings.DEFAULTS), steps);
        } else {
            LocalDate at = version.effectiveFrom() != null ? version.effectiveFrom() : LocalDate.of(9999, 12, 31);
            VersionRow parentVersion = repository.inForce(model.parentId(), at)
                    .orElseThrow(() -> new IllegalStateException("No parent version in force for " + model.region()));
            ResolvedPolicy parent = resolve(parentVersion);
            Map<String, ProcedureStep> steps = new LinkedHashMap<>();
            parent.steps().forEach(s -> steps.put(s.id(), s.withOrigin(ProcedureStep.Origin.INHERITED)));
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
            resolved = new ResolvedPolicy(model.region(), model.nameZh(), model.nameEn(), ref(version, model),
                    parent.version(), settings(version, parent.settings()), new ArrayList<>(steps.values()));
        }
        if (version.published()) {
            publishedCache.put(key, resolved);
        }
        return resolved;
    }

    /** Steps added, removed and changed from {@code from} to {@code to}. */
    public PolicyDiff diff(ResolvedPolicy from, ResolvedPolicy to) {
        Map<String, ProcedureStep> before = new LinkedHashMap<>();
        from.steps().forEach(s -> before.put(s.id(), s));
        Map<String, ProcedureStep> after = new LinkedHashMap<>();
        to.steps().forEach(s -> after.put(s.id(), s));
        List<ProcedureStep> added = to.steps().stream().filter(s -> !before.containsKey(s.id())).toList();
        List<ProcedureStep> removed = from.steps().stream().filter(s -> !after.containsKey(s.id())).toList();
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
        return new PolicyDiff(from, to, added, removed, changed);
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
        return fields;
    }

    /** A deadline rule in a stable, language-neutral form (e.g. WORKING_DAYS 10 / 5). */
    public static String describe(DeadlineRule rule) {
        if (rule == null) {
            return null;
        }
        return rule.kind() + (rule.amount() == null ? "" : " " + rule.amount())
                + (rule.expeditedAmount() == null ? "" : " / " + rule.expeditedAmount());
    }

    private static void compare(List<PolicyDiff.Field> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(new PolicyDiff.Field(name, a == null ? null : a.toString(), b == null ? null : b.toString()));
        }
    }

    private static ProcedureStep full(StepRow r, ProcedureStep.Origin origin) {
        return new ProcedureStep(r.stepId(), r.nameZh(), r.nameEn(), r.triggerZh(), r.triggerEn(), r.owes(), r.counterparty(),
                r.copies(), r.watcher(), new DeadlineRule(r.deadlineKind() == null ? DeadlineKind.NONE : r.deadlineKind(),
                        r.deadlineAmount(), r.deadlineExpedited()), r.documentsZh(), r.documentsEn(), r.legalBasis(),
                r.confidence(), Boolean.TRUE.equals(r.pausable()), r.group(), r.noteZh(), r.noteEn(), origin);
    }

    private static ProcedureStep merge(ProcedureStep base, StepRow r) {
        DeadlineRule deadline = r.deadlineKind() == null ? base.deadline()
                : new DeadlineRule(r.deadlineKind(), r.deadlineAmount(), r.deadlineExpedited());
        return new ProcedureStep(base.id(), or(r.nameZh(), base.nameZh()), or(r.nameEn(), base.nameEn()),
                or(r.triggerZh(), base.triggerZh()), or(r.triggerEn(), base.triggerEn()), or(r.owes(), base.owes()),
                or(r.counterparty(), base.counterparty()), or(r.copies(), base.copies()), or(r.watcher(), base.watcher()),
                deadline, or(r.documentsZh(), base.documentsZh()), or(r.documentsEn(), base.documentsEn()),
                or(r.legalBasis(), base.legalBasis()), or(r.confidence(), base.confidence()),
                r.pausable() == null ? base.pausable() : r.pausable(), or(r.group(), base.group()),
                or(r.noteZh(), base.noteZh()), or(r.noteEn(), base.noteEn()), ProcedureStep.Origin.OVERRIDDEN);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static PolicySettings settings(VersionRow v, PolicySettings inherited) {
        return new PolicySettings(or(v.warningWorkingDays(), inherited.warningWorkingDays()),
                or(v.promptAlertHours(), inherited.promptAlertHours()), or(v.immediateAlertHours(), inherited.immediateAlertHours()),
                or(v.escalationWorkingDays(), inherited.escalationWorkingDays()));
    }

    private static PolicyVersionRef ref(VersionRow v, ModelRow m) {
        return new PolicyVersionRef(v.id(), m.region(), v.number(), v.effectiveFrom(), v.published());
    }

    private static String significant(String region) {
        if (NATIONAL.equals(region) || region == null || region.length() != 6) {
            return NATIONAL.equals(region) ? "" : null;
        }
        return region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
    }

    private static ModelView view(ModelRow m) {
        return new ModelView(m.id(), m.region(), m.parentId(), m.nameZh(), m.nameEn(), m.noteZh(), m.noteEn());
    }

    private static VersionView view(VersionRow v, String region) {
        return new VersionView(v.id(), v.modelId(), region, v.number(), v.published(), v.effectiveFrom(), v.noteZh(),
                v.noteEn(), v.createdAt(), v.publishedAt(), v.version());
    }
}
