package org.tongxin.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.policy.internal.DraftRules;
import org.tongxin.policy.internal.PolicyRepository;
import org.tongxin.policy.internal.PolicyRepository.ModelRow;
import org.tongxin.policy.internal.PolicyRepository.StepRow;
import org.tongxin.policy.internal.PolicyRepository.VersionRow;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CurrentActor;
import org.tongxin.shared.time.LegalTime;

/**
 * How a city coordinator changes a region's model: one open draft per model, copied from the latest published
 * version's own rows; steps edited, added and removed; settings and a note; then published with an effective date
 * (never in the past), after which the version is immutable. A regional variant stores only what differs from its
 * parent, so a later correction of the parent still reaches every field the variant did not change.
 * Every change is audited. Who may draft and publish is decided here, for pages and API alike
 * (doc/adr/0019-policy-editing-by-region.md): the national baseline by a national policy editor, a region's model by a
 * city coordinator whose agency serves that region. A draft of another region does not exist for the caller (404);
 * starting one there is refused (403).
 */
@Component
public class PolicyDrafting {

    private final PolicyRepository repository;
    private final PolicyModels models;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CurrentActor actor;
    private final CurrentUser currentUser;
    private final AgencyDirectory agencies;
    private final Clock clock;

    PolicyDrafting(
            PolicyRepository repository,
            PolicyModels models,
            AuditLog audit,
            ApplicationEventPublisher events,
            CurrentActor actor,
            CurrentUser currentUser,
            AgencyDirectory agencies,
            Clock clock) {
        this.currentUser = currentUser;
        this.agencies = agencies;
        this.repository = repository;
        this.models = models;
        this.audit = audit;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Whether the caller may draft and publish this region's model: the national baseline ({@value PolicyModels#NATIONAL})
     * a national policy editor; any other region a city coordinator whose agency's jurisdiction contains it.
     */
    @Transactional(readOnly = true)
    public boolean mayEdit(String region) {
        return currentUser
                .find()
                .map(user -> mayEdit(
                        region, user.roles(), () -> user.agencyId() != null && agencies.serves(user.agency(), region)))
                .orElse(false);
    }

    /** The rule itself, without Spring: {@code servesRegion} is asked only when it matters. */
    static boolean mayEdit(String region, Set<Role> roles, BooleanSupplier servesRegion) {
        if (PolicyModels.NATIONAL.equals(region)) {
            return roles.contains(Role.NATIONAL_POLICY_EDITOR);
        }
        return roles.contains(Role.CITY_COORDINATOR) && servesRegion.getAsBoolean();
    }

    /** Starts a draft of a region's model from its latest published version (409 if a draft is already open). */
    @Transactional
    public PolicyModels.VersionView createDraft(String region) {
        ModelRow model = repository.modelOfRegion(region).orElseThrow(TongxinException::notFound);
        if (!mayEdit(region)) {
            throw TongxinException.forbidden("POLICY_REGION_NOT_YOURS");
        }
        List<VersionRow> versions = repository.versions(model.id());
        if (versions.stream().anyMatch(v -> !v.published())) {
            throw TongxinException.conflict("POLICY_DRAFT_EXISTS");
        }
        VersionRow latest =
                versions.stream().filter(VersionRow::published).findFirst().orElse(null);
        UUID id = UUID.randomUUID();
        int number = repository.nextNumber(model.id());
        try {
            repository.insertVersion(id, model.id(), number, latest, actor.get().userId(), clock.instant());
        } catch (DuplicateKeyException e) {
            // Another coordinator opened one at the same moment (a unique index allows one draft per model).
            throw TongxinException.conflict("POLICY_DRAFT_EXISTS");
        }
        if (latest != null) {
            repository.steps(latest.id()).forEach(row -> repository.insertStep(id, row));
            repository.replaceSettings(id, repository.settings(latest.id()));
        }
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "policy.draft")
                .target("policyVersion", id)
                .detail("region", region)
                .detail("number", number)
                .detail("operation", "create")
                .detail("from", latest == null ? null : latest.number()));
        return models.versionInfo(id).orElseThrow();
    }

    /** The draft with what the pages show next to it. */
    @Transactional(readOnly = true)
    public PolicyDraft draft(UUID draftId) {
        VersionRow row = openDraft(draftId);
        PolicyModels.VersionView view = models.versionInfo(draftId).orElseThrow();
        ResolvedPolicy policy = models.resolve(row);
        ResolvedPolicy parent = models.parentOf(row).orElse(null);
        ResolvedPolicy inForce = inForceToday(view.region());
        List<ProcedureStep> removed = parent == null
                ? List.of()
                : repository.steps(draftId).stream()
                        .filter(r -> "REMOVED".equals(r.change()))
                        .map(r -> parent.step(r.stepId()))
                        .flatMap(Optional::stream)
                        .toList();
        DraftSettings own = new DraftSettings(
                row.warningWorkingDays(),
                row.promptAlertHours(),
                row.immediateAlertHours(),
                row.escalationWorkingDays(),
                row.noteZh(),
                row.noteEn(),
                repository.settings(draftId));
        return new PolicyDraft(view, policy, parent, inForce, own, removed);
    }

    /** What publishing the draft would change, against the catalogue in force today. */
    @Transactional(readOnly = true)
    public PolicyDiff diff(UUID draftId) {
        VersionRow row = openDraft(draftId);
        ResolvedPolicy draft = models.resolve(row);
        ResolvedPolicy inForce = inForceToday(draft.region());
        return models.diff(
                inForce != null
                        ? inForce
                        : new ResolvedPolicy(
                                draft.region(),
                                draft.nameZh(),
                                draft.nameEn(),
                                draft.version(),
                                null,
                                draft.settings(),
                                List.of()),
                draft);
    }

    /** Changes a step of the draft; the form sends the whole step as it should apply. */
    @Transactional
    public void saveStep(UUID draftId, int version, String stepId, StepDraft step) {
        VersionRow draft = lock(draftId, version);
        ResolvedPolicy current = models.resolve(draft);
        if (current.step(stepId).isEmpty()) {
            throw TongxinException.notFound();
        }
        ProcedureStep checked = DraftRules.check(step.withId(stepId));
        touch(draftId, version);
        store(
                draft,
                checked,
                repository.step(draftId, stepId).map(StepRow::sortOrder).orElse(null));
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "policy.step")
                .target("policyVersion", draftId)
                .detail("region", current.region())
                .detail("step", stepId)
                .detail("operation", "edit")
                .detail("deadline", PolicyModels.describe(checked.deadline())));
    }

    /** Adds a step (its id must be new in the draft). */
    @Transactional
    public void addStep(UUID draftId, int version, StepDraft step) {
        VersionRow draft = lock(draftId, version);
        ResolvedPolicy current = models.resolve(draft);
        String id = DraftRules.trim(step.id());
        boolean taken = id != null && current.step(id).isPresent();
        ProcedureStep checked;
        try {
            checked = DraftRules.check(step);
        } catch (TongxinException e) {
            throw taken ? TongxinException.invalid(withTaken(e.fieldProblems())) : e;
        }
        if (taken) {
            throw TongxinException.invalid("id", "taken");
        }
        touch(draftId, version);
        store(draft, checked, null);
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "policy.step")
                .target("policyVersion", draftId)
                .detail("region", current.region())
                .detail("step", checked.id())
                .detail("operation", "add"));
    }

    /** Removes a step: the baseline deletes its row; a variant records that it removes the parent's step. */
    @Transactional
    public void removeStep(UUID draftId, int version, String stepId) {
        VersionRow draft = lock(draftId, version);
        ResolvedPolicy current = models.resolve(draft);
        if (current.step(stepId).isEmpty()) {
            throw TongxinException.notFound();
        }
        Optional<ResolvedPolicy> parent = models.parentOf(draft);
        Optional<StepRow> own = repository.step(draftId, stepId);
        touch(draftId, version);
        guard(() -> {
            repository.deleteStep(draftId, stepId);
            if (parent.isPresent() && parent.get().step(stepId).isPresent()) {
                repository.insertStep(
                        draftId,
                        new StepRow(
                                draftId,
                                stepId,
                                "REMOVED",
                                own.map(StepRow::sortOrder).orElseGet(() -> repository.nextSortOrder(draftId)),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
            }
            return null;
        });
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "policy.step")
                .target("policyVersion", draftId)
                .detail("region", current.region())
                .detail("step", stepId)
                .detail("operation", "remove"));
    }

    /** A variant takes the parent's step again as it is (undoes an override or a removal). */
    @Transactional
    public void revertStep(UUID draftId, int version, String stepId) {
        VersionRow draft = lock(draftId, version);
        Optional<ResolvedPolicy> parent = models.parentOf(draft);
        Optional<StepRow> own = repository.step(draftId, stepId);
        if (parent.isEmpty() || parent.get().step(stepId).isEmpty() || own.isEmpty()) {
            throw TongxinException.notFound();
        }
        touch(draftId, version);
        guard(() -> {
            repository.deleteStep(draftId, stepId);
            return null;
        });
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "policy.step")
                .target("policyVersion", draftId)
                .detail("region", parent.get().region())
                .detail("step", stepId)
                .detail("operation", "revert")
                .detail("undone", own.get().change()));
    }

    /** Sets the draft's own settings (null inherits, variants only) and its note. */
    @Transactional
    public void updateSettings(UUID draftId, int version, DraftSettings settings) {
        VersionRow draft = lock(draftId, version);
        ModelRow model = repository.model(draft.modelId()).orElseThrow();
        DraftRules.check(settings, model.parentId() == null);
        boolean updated = guard(() -> repository.updateDraft(
                draftId,
                version,
                settings.warningWorkingDays(),
                settings.promptAlertHours(),
                settings.immediateAlertHours(),
                settings.escalationWorkingDays(),
                DraftRules.trim(settings.noteZh()),
                DraftRules.trim(settings.noteEn())));
        if (!updated) {
            throw refusal(draftId);
        }
        guard(() -> {
            repository.replaceSettings(draftId, settings.rules());
            return null;
        });
        var entry = AuditEntry.of(AuditCategory.ADMINISTRATION, "policy.settings")
                .target("policyVersion", draftId)
                .detail("region", model.region())
                .detail("warningWorkingDays", settings.warningWorkingDays())
                .detail("promptAlertHours", settings.promptAlertHours())
                .detail("immediateAlertHours", settings.immediateAlertHours())
                .detail("escalationWorkingDays", settings.escalationWorkingDays());
        for (PolicySetting setting : PolicySetting.values()) {
            entry.detail(setting.key(), settings.rules().get(setting));
        }
        audit.record(entry);
    }

    /**
     * Publishes the draft: from {@code effectiveFrom} (today or later, and not before the latest published version)
     * it is the region's catalogue for newly triggered steps. It needs a note saying what it changes.
     */
    @Transactional
    public PolicyVersionRef publish(UUID draftId, int version, LocalDate effectiveFrom) {
        VersionRow draft = lock(draftId, version);
        ModelRow model = repository.model(draft.modelId()).orElseThrow();
        LocalDate today = LegalTime.today(clock);
        FieldProblems problems = new FieldProblems();
        if (effectiveFrom == null) {
            problems.add("effectiveFrom", "required");
        } else if (effectiveFrom.isBefore(today)) {
            problems.add("effectiveFrom", "notInPast", today);
        } else {
            repository.versions(model.id()).stream()
                    .filter(VersionRow::published)
                    .map(VersionRow::effectiveFrom)
                    .max(LocalDate::compareTo)
                    .filter(effectiveFrom::isBefore)
                    .ifPresent(latest -> problems.add("effectiveFrom", "beforeLatestVersion", latest));
        }
        problems.throwIfAny();
        if (DraftRules.trim(draft.noteZh()) == null && DraftRules.trim(draft.noteEn()) == null) {
            throw TongxinException.rule("POLICY_NOTE_REQUIRED");
        }
        boolean published = guard(() ->
                repository.publish(draftId, version, effectiveFrom, actor.get().userId(), clock.instant()));
        if (!published) {
            throw refusal(draftId);
        }
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "policy.publish")
                .target("policyVersion", draftId)
                .detail("region", model.region())
                .detail("number", draft.number())
                .detail("effectiveFrom", effectiveFrom));
        events.publishEvent(new PolicyVersionPublished(model.region(), draftId, effectiveFrom));
        return new PolicyVersionRef(draftId, model.region(), draft.number(), effectiveFrom, true);
    }

    /** Throws the draft away (a published version cannot be discarded). */
    @Transactional
    public void discard(UUID draftId, int version) {
        VersionRow draft = lock(draftId, version);
        ModelRow model = repository.model(draft.modelId()).orElseThrow();
        touch(draftId, version);
        guard(() -> {
            repository.deleteDraft(draftId);
            return null;
        });
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "policy.draft")
                .target("policyVersion", draftId)
                .detail("region", model.region())
                .detail("number", draft.number())
                .detail("operation", "discard"));
    }

    /**
     * Writes a checked step into the draft. The baseline replaces its DEFINED row. A variant stores an ADDED row for
     * a step its parent lacks, else an OVERRIDDEN row holding only the fields that differ from the parent — and no
     * row at all once the step equals the parent's again.
     */
    private void store(VersionRow draft, ProcedureStep step, Integer sortOrder) {
        Optional<ResolvedPolicy> parent = models.parentOf(draft);
        Optional<ProcedureStep> inherited = parent.flatMap(p -> p.step(step.id()));
        StepRow row;
        if (parent.isEmpty()) {
            row = full(draft.id(), step, "DEFINED", 0);
        } else if (inherited.isEmpty()) {
            row = full(draft.id(), step, "ADDED", 0);
        } else {
            row = override(draft.id(), inherited.get(), step);
        }
        int order = sortOrder != null ? sortOrder : repository.nextSortOrder(draft.id());
        guard(() -> {
            repository.deleteStep(draft.id(), step.id());
            if (row != null) {
                repository.insertStep(draft.id(), withOrder(row, order));
            }
            return null;
        });
    }

    static StepRow full(UUID versionId, ProcedureStep s, String change, int order) {
        DeadlineRule d = s.deadline();
        return new StepRow(
                versionId,
                s.id(),
                change,
                order,
                s.group(),
                s.nameZh(),
                s.nameEn(),
                s.triggerZh(),
                s.triggerEn(),
                s.owes(),
                s.counterparty(),
                s.copies(),
                s.watcher(),
                d.kind(),
                d.amount(),
                d.expeditedAmount(),
                s.documentsZh(),
                s.documentsEn(),
                s.legalBasis(),
                s.confidence(),
                s.pausable(),
                s.noteZh(),
                s.noteEn());
    }

    /**
     * The OVERRIDDEN row that turns the parent's step into {@code s}: null columns inherit; an optional text the
     * variant clears is stored as an empty string. Null when nothing differs. An organ the parent names cannot be
     * cleared by an override (remove the step and add one instead).
     */
    static StepRow override(UUID versionId, ProcedureStep p, ProcedureStep s) {
        FieldProblems problems = new FieldProblems();
        if (s.counterparty() == null && p.counterparty() != null) {
            problems.add("counterparty", "inheritedValue");
        }
        if (s.watcher() == null && p.watcher() != null) {
            problems.add("watcher", "inheritedValue");
        }
        problems.throwIfAny();
        boolean deadline = !Objects.equals(s.deadline(), p.deadline());
        StepRow row = new StepRow(
                versionId,
                s.id(),
                "OVERRIDDEN",
                0,
                differ(s.group(), p.group()),
                differ(s.nameZh(), p.nameZh()),
                differ(s.nameEn(), p.nameEn()),
                text(s.triggerZh(), p.triggerZh()),
                text(s.triggerEn(), p.triggerEn()),
                differ(s.owes(), p.owes()),
                differ(s.counterparty(), p.counterparty()),
                differ(s.copies(), p.copies()),
                differ(s.watcher(), p.watcher()),
                deadline ? s.deadline().kind() : null,
                deadline ? s.deadline().amount() : null,
                deadline ? s.deadline().expeditedAmount() : null,
                text(s.documentsZh(), p.documentsZh()),
                text(s.documentsEn(), p.documentsEn()),
                differ(s.legalBasis(), p.legalBasis()),
                differ(s.confidence(), p.confidence()),
                s.pausable() == p.pausable() ? null : s.pausable(),
                text(s.noteZh(), p.noteZh()),
                text(s.noteEn(), p.noteEn()));
        boolean rule = row.owes() != null
                || row.counterparty() != null
                || row.copies() != null
                || row.watcher() != null
                || row.deadlineKind() != null
                || row.pausable() != null;
        if (rule && !citesOwnRule(s)) {
            // A region's change of who owes a step or by when rests on the region's rule, never on the baseline's
            // article and its confidence (issue 11).
            problems.add("legalBasis", "ownSource");
            problems.throwIfAny();
        }
        boolean any = row.group() != null
                || row.nameZh() != null
                || row.nameEn() != null
                || row.triggerZh() != null
                || row.triggerEn() != null
                || row.owes() != null
                || row.counterparty() != null
                || row.copies() != null
                || row.watcher() != null
                || row.deadlineKind() != null
                || row.documentsZh() != null
                || row.documentsEn() != null
                || row.legalBasis() != null
                || row.confidence() != null
                || row.pausable() != null
                || row.noteZh() != null
                || row.noteEn() != null;
        return any ? row : null;
    }

    /** Whether a step's sources include a provincial rule or a local policy (a region's own rule). */
    static boolean citesOwnRule(ProcedureStep s) {
        return s.sources().stream()
                .map(LegalSource::instrument)
                .anyMatch(i -> i != null
                        && (i.kind() == LegalInstrument.Kind.PROVINCIAL || i.kind() == LegalInstrument.Kind.LOCAL));
    }

    private static <T> T differ(T value, T parent) {
        return Objects.equals(value, parent) ? null : value;
    }

    private static String text(String value, String parent) {
        String v = DraftRules.trim(value);
        String p = DraftRules.trim(parent);
        if (Objects.equals(v, p)) {
            return null;
        }
        return v == null ? "" : v;
    }

    private static StepRow withOrder(StepRow r, int order) {
        return new StepRow(
                r.versionId(),
                r.stepId(),
                r.change(),
                order,
                r.group(),
                r.nameZh(),
                r.nameEn(),
                r.triggerZh(),
                r.triggerEn(),
                r.owes(),
                r.counterparty(),
                r.copies(),
                r.watcher(),
                r.deadlineKind(),
                r.deadlineAmount(),
                r.deadlineExpedited(),
                r.documentsZh(),
                r.documentsEn(),
                r.legalBasis(),
                r.confidence(),
                r.pausable(),
                r.noteZh(),
                r.noteEn());
    }

    /** The problems of a step whose id is already used: "taken" first, instead of any other problem of the id. */
    private static List<FieldProblem> withTaken(List<FieldProblem> problems) {
        List<FieldProblem> result = new ArrayList<>(List.of(new FieldProblem("id", "taken")));
        problems.stream().filter(p -> !p.field().equals("id")).forEach(result::add);
        return result;
    }

    /** The draft, refused if it is unknown (404), published (409) or changed since the caller read it (409). */
    private VersionRow lock(UUID draftId, int version) {
        VersionRow row = repository.version(draftId).filter(this::editable).orElseThrow(TongxinException::notFound);
        if (row.published()) {
            throw TongxinException.conflict("POLICY_VERSION_PUBLISHED");
        }
        if (row.version() != version) {
            throw TongxinException.staleVersion();
        }
        return row;
    }

    /** Bumps the draft's lock before its steps change, so that two concurrent edits cannot both succeed. */
    private void touch(UUID draftId, int version) {
        if (!repository.touchDraft(draftId, version)) {
            throw refusal(draftId);
        }
    }

    private VersionRow openDraft(UUID draftId) {
        VersionRow row = repository.version(draftId).filter(this::editable).orElseThrow(TongxinException::notFound);
        if (row.published()) {
            throw TongxinException.conflict("POLICY_VERSION_PUBLISHED");
        }
        return row;
    }

    /** A version of a model the caller may edit; any other draft is absent for them (404). */
    private boolean editable(VersionRow row) {
        return repository.model(row.modelId()).map(m -> mayEdit(m.region())).orElse(false);
    }

    /** Why a guarded update matched no row: the version was published meanwhile, discarded, or changed. */
    private TongxinException refusal(UUID draftId) {
        return repository
                .version(draftId)
                .map(v -> v.published()
                        ? TongxinException.conflict("POLICY_VERSION_PUBLISHED")
                        : TongxinException.staleVersion())
                .orElseGet(TongxinException::notFound);
    }

    /**
     * The region's version in force today, resolved over the same parent version as the draft (the parent's latest
     * published one), so that the difference shows what the draft itself changes and not a parent version that is
     * published but not yet in force.
     */
    private ResolvedPolicy inForceToday(String region) {
        return models.findInForce(region, LegalTime.today(clock))
                .map(p -> p.parentVersion() == null
                        ? p
                        : models.version(p.version().versionId(), PolicyModels.LATEST))
                .orElse(null);
    }

    /** The database refuses any change to a published version (triggers); say so instead of failing with a 500. */
    private static <T> T guard(Supplier<T> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            Throwable cause = e.getMostSpecificCause();
            if (cause != null
                    && cause.getMessage() != null
                    && cause.getMessage().contains("immutable")) {
                throw TongxinException.conflict("POLICY_VERSION_PUBLISHED");
            }
            throw e;
        }
    }
}
