package org.tongxin.policy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.identity.UserDirectory;
import org.tongxin.identity.UserId;
import org.tongxin.identity.UserView;
import org.tongxin.policy.DraftSettings;
import org.tongxin.policy.PolicyDiff;
import org.tongxin.policy.PolicyDraft;
import org.tongxin.policy.PolicyDrafting;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.PolicySetting;
import org.tongxin.policy.PolicySettings;
import org.tongxin.policy.PolicyVersionRef;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.policy.StepDraft;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.VersionRequest;

/**
 * REST API of the policy models, mirroring the pages: models, versions, the catalogue in force, one step, the
 * difference of two catalogues (reading: every logged-in caller), and drafting (a region's city coordinators; the
 * national baseline's national policy editors). Changes of a draft carry the {@code version} the caller read (stale:
 * 409 STALE_VERSION).
 */
@RestController
@RequestMapping("/api/v1/policy")
@Tag(
        name = "policy",
        description = "Policy models: procedure catalogues per region, versions, differences and drafting")
class PolicyApi {

    /** Who may ask at all; which region's model each may edit is decided by {@link PolicyDrafting} (403 / 404). */
    private static final String COORDINATOR = "hasAnyRole('CITY_COORDINATOR', 'NATIONAL_POLICY_EDITOR')";

    private final PolicyModels models;
    private final PolicyDrafting drafting;
    private final PolicyViews views;
    private final UserDirectory users;

    PolicyApi(PolicyModels models, PolicyDrafting drafting, PolicyViews views, UserDirectory users) {
        this.models = models;
        this.drafting = drafting;
        this.views = views;
        this.users = users;
    }

    @AnyAuthenticatedUser
    @GetMapping("/models")
    @Operation(
            operationId = "listPolicyModels",
            summary = "The policy models: the national baseline and the regional variants")
    List<PolicyModels.ModelView> models() {
        return views.models();
    }

    /** A version as the API lists it, with who drafted and published it (usernames). */
    record VersionResponse(
            UUID id,
            String region,
            int number,
            String status,
            LocalDate effectiveFrom,
            String noteZh,
            String noteEn,
            Instant createdAt,
            String createdBy,
            Instant publishedAt,
            String publishedBy,
            int version) {}

    @AnyAuthenticatedUser
    @GetMapping("/{region}/versions")
    @Operation(
            operationId = "listPolicyVersions",
            summary = "The versions of a region's model, newest first (drafts only for whoever may edit the model)")
    List<VersionResponse> versions(@PathVariable String region) {
        List<PolicyModels.VersionEntry> history = views.history(region);
        Map<UUID, String> names = users
                .findAll(history.stream()
                        .flatMap(e -> java.util.stream.Stream.of(e.createdBy(), e.publishedBy()))
                        .filter(Objects::nonNull)
                        .distinct()
                        .map(UserId::of)
                        .toList())
                .stream()
                .collect(Collectors.toMap(u -> u.id().value(), UserView::username, (a, b) -> a));
        return history.stream()
                .map(e -> {
                    PolicyModels.VersionView v = e.version();
                    return new VersionResponse(
                            v.id(),
                            v.region(),
                            v.number(),
                            v.published() ? "PUBLISHED" : "DRAFT",
                            v.effectiveFrom(),
                            v.noteZh(),
                            v.noteEn(),
                            v.createdAt(),
                            names.get(e.createdBy()),
                            v.publishedAt(),
                            names.get(e.publishedBy()),
                            v.version());
                })
                .toList();
    }

    @AnyAuthenticatedUser
    @GetMapping("/{region}/steps")
    @Operation(
            operationId = "getPolicyCatalogue",
            summary = "A region's catalogue of steps in force on a date (default today)")
    ResolvedPolicy catalogue(
            @PathVariable String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return views.inForce(region, date != null ? date : views.today());
    }

    /** One step with where it comes from: for an overridden step, the parent's step and the fields that differ. */
    record StepResponse(
            String region,
            PolicyVersionRef version,
            PolicyVersionRef parentVersion,
            ProcedureStep step,
            ProcedureStep parentStep,
            List<PolicyDiff.Field> overrides) {}

    @AnyAuthenticatedUser
    @GetMapping("/{region}/steps/{stepId}")
    @Operation(
            operationId = "getPolicyStep",
            summary = "One step of a region's catalogue in force on a date, with its origin")
    StepResponse step(
            @PathVariable String region,
            @PathVariable String stepId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date != null ? date : views.today();
        ResolvedPolicy policy = views.inForce(region, day);
        ProcedureStep step = policy.step(stepId).orElseThrow(TongxinException::notFound);
        ProcedureStep parentStep = policy.parentVersion() == null
                ? null
                : models.findInForce(policy.parentVersion().region(), day)
                        .flatMap(p -> p.step(stepId))
                        .orElse(null);
        return new StepResponse(
                policy.region(),
                policy.version(),
                policy.parentVersion(),
                step,
                parentStep,
                parentStep != null && step.origin() == ProcedureStep.Origin.OVERRIDDEN
                        ? PolicyModels.differences(parentStep, step)
                        : List.of());
    }

    @AnyAuthenticatedUser
    @GetMapping("/versions/{id}")
    @Operation(
            operationId = "getPolicyVersion",
            summary = "One version with everything it inherits (drafts only for whoever may edit the model)")
    ResolvedPolicy version(@PathVariable UUID id) {
        return views.version(id);
    }

    /** What differs between two catalogues: steps, and settings (by threshold name or setting key; values as numbers, flags 1/0). */
    record DiffResponse(
            Side from,
            Side to,
            List<ProcedureStep> added,
            List<ProcedureStep> removed,
            List<Change> changed,
            List<PolicyDiff.Field> settings) {

        record Side(String region, PolicyVersionRef version, PolicyVersionRef parentVersion) {
            static Side of(ResolvedPolicy p) {
                return new Side(p.region(), p.version(), p.parentVersion());
            }
        }

        record Change(String stepId, List<PolicyDiff.Field> fields) {}

        static DiffResponse of(PolicyDiff d) {
            return new DiffResponse(
                    Side.of(d.from()),
                    Side.of(d.to()),
                    d.added(),
                    d.removed(),
                    d.changed().stream()
                            .map(c -> new Change(c.after().id(), c.fields()))
                            .toList(),
                    d.settings());
        }
    }

    @AnyAuthenticatedUser
    @GetMapping("/diff")
    @Operation(
            operationId = "diffPolicies",
            summary = "Compare two catalogues: two regions on a date (from, to, date) or two versions (fromVersion,"
                    + " toVersion)")
    DiffResponse diff(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) UUID fromVersion,
            @RequestParam(required = false) UUID toVersion,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromDate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate) {
        FieldProblems problems = new FieldProblems();
        if (fromVersion == null && (from == null || from.isBlank())) {
            problems.add("from", "required");
        }
        if (toVersion == null && (to == null || to.isBlank())) {
            problems.add("to", "required");
        }
        problems.throwIfAny();
        LocalDate day = date != null ? date : views.today();
        ResolvedPolicy a = fromVersion != null
                ? views.version(fromVersion)
                : views.inForce(from, fromDate != null ? fromDate : day);
        ResolvedPolicy b =
                toVersion != null ? views.version(toVersion) : views.inForce(to, toDate != null ? toDate : day);
        return DiffResponse.of(models.diff(a, b));
    }

    /**
     * A draft's own settings: the four thresholds (null: inherited) and the other settings it sets itself, by key
     * (leaveOfficeEntrusted as true/false, the others as numbers of days or months); a key it does not set is inherited.
     */
    record OwnSettings(
            Integer warningWorkingDays,
            Integer promptAlertHours,
            Integer immediateAlertHours,
            Integer escalationWorkingDays,
            Map<String, Object> rules) {

        static OwnSettings of(DraftSettings s) {
            Map<String, Object> rules = new LinkedHashMap<>();
            s.rules()
                    .forEach((setting, value) -> rules.put(
                            setting.key(), setting.kind() == PolicySetting.Kind.FLAG ? (Object) (value != 0) : value));
            return new OwnSettings(
                    s.warningWorkingDays(),
                    s.promptAlertHours(),
                    s.immediateAlertHours(),
                    s.escalationWorkingDays(),
                    rules);
        }
    }

    /** An open draft: its lock, own settings (null or absent: inherited), the settings and steps it would publish. */
    record DraftResponse(
            UUID id,
            String region,
            int number,
            int version,
            String noteZh,
            String noteEn,
            OwnSettings own,
            PolicySettings settings,
            PolicyVersionRef parentVersion,
            List<ProcedureStep> steps,
            List<String> removed) {

        static DraftResponse of(PolicyDraft d) {
            return new DraftResponse(
                    d.version().id(),
                    d.version().region(),
                    d.version().number(),
                    d.version().version(),
                    d.version().noteZh(),
                    d.version().noteEn(),
                    OwnSettings.of(d.own()),
                    d.policy().settings(),
                    d.policy().parentVersion(),
                    d.policy().steps(),
                    d.removed().stream().map(ProcedureStep::id).toList());
        }
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/{region}/drafts")
    @Operation(
            operationId = "createPolicyDraft",
            summary = "Start a draft of a region's model from its latest published version (the region's editor; one"
                    + " open draft per model)")
    ResponseEntity<DraftResponse> createDraft(@PathVariable String region) {
        views.model(region);
        PolicyModels.VersionView draft = drafting.createDraft(region);
        return ResponseEntity.created(URI.create("/api/v1/policy/drafts/" + draft.id()))
                .body(DraftResponse.of(drafting.draft(draft.id())));
    }

    @PreAuthorize(COORDINATOR)
    @GetMapping("/drafts/{id}")
    @Operation(operationId = "getPolicyDraft", summary = "An open draft with its lock version (the region's editor)")
    DraftResponse draft(@PathVariable UUID id) {
        return DraftResponse.of(drafting.draft(id));
    }

    @PreAuthorize(COORDINATOR)
    @GetMapping("/drafts/{id}/diff")
    @Operation(
            operationId = "diffPolicyDraft",
            summary =
                    "What publishing the draft would change against the catalogue in force today (the region's editor)")
    DiffResponse draftDiff(@PathVariable UUID id) {
        return DiffResponse.of(drafting.diff(id));
    }

    /** A step as it should apply (organs and deadline kind by name), with the draft's version the caller read. */
    record StepRequest(
            Integer version,
            String id,
            String nameZh,
            String nameEn,
            String triggerZh,
            String triggerEn,
            String owes,
            String counterparty,
            List<String> copies,
            String watcher,
            String deadlineKind,
            Integer deadlineAmount,
            Integer deadlineExpedited,
            String documentsZh,
            String documentsEn,
            String legalBasis,
            String confidence,
            Boolean pausable,
            String group,
            String noteZh,
            String noteEn) {

        StepDraft draft() {
            return new StepDraft(
                    id,
                    nameZh,
                    nameEn,
                    triggerZh,
                    triggerEn,
                    owes,
                    counterparty,
                    copies,
                    watcher,
                    deadlineKind,
                    deadlineAmount,
                    deadlineExpedited,
                    documentsZh,
                    documentsEn,
                    legalBasis,
                    confidence,
                    pausable,
                    group,
                    noteZh,
                    noteEn);
        }
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/drafts/{id}/steps")
    @Operation(operationId = "addPolicyDraftStep", summary = "Add a step to a draft (the region's editor)")
    ResponseEntity<DraftResponse> addStep(@PathVariable UUID id, @RequestBody StepRequest body) {
        drafting.addStep(id, version(body.version()), body.draft());
        return ResponseEntity.created(URI.create("/api/v1/policy/drafts/" + id))
                .body(DraftResponse.of(drafting.draft(id)));
    }

    @PreAuthorize(COORDINATOR)
    @PutMapping("/drafts/{id}/steps/{stepId}")
    @Operation(
            operationId = "updatePolicyDraftStep",
            summary = "Change a step of a draft: send the whole step as it should apply (the region's editor)")
    DraftResponse updateStep(@PathVariable UUID id, @PathVariable String stepId, @RequestBody StepRequest body) {
        if (body.id() != null && !body.id().strip().equals(stepId)) {
            throw TongxinException.invalid("id", "stepIdFixed");
        }
        drafting.saveStep(id, version(body.version()), stepId, body.draft());
        return DraftResponse.of(drafting.draft(id));
    }

    @PreAuthorize(COORDINATOR)
    @DeleteMapping("/drafts/{id}/steps/{stepId}")
    @Operation(
            operationId = "removePolicyDraftStep",
            summary = "Remove a step from a draft (the region's editor; a variant records the removal)")
    DraftResponse removeStep(@PathVariable UUID id, @PathVariable String stepId, @RequestParam Integer version) {
        drafting.removeStep(id, version, stepId);
        return DraftResponse.of(drafting.draft(id));
    }

    @PreAuthorize(COORDINATOR)
    @PostMapping("/drafts/{id}/steps/{stepId}/revert")
    @Operation(
            operationId = "revertPolicyDraftStep",
            summary = "A variant's draft takes the parent's step again as it is (the region's editor)")
    DraftResponse revertStep(@PathVariable UUID id, @PathVariable String stepId, @RequestBody VersionRequest body) {
        drafting.revertStep(id, version(body.version()), stepId);
        return DraftResponse.of(drafting.draft(id));
    }

    /**
     * A draft's settings (null: inherited, variants only) and note. {@code rules} sets the other settings by key:
     * leaveOfficeEntrusted (true/false), leaveOfficeMaxDays, leaveCountyMaxDays, leaveTotalMaxDays, leaveTotalWindowMonths,
     * leaveAdvanceDays, frequentTravelMaxMonths, reportIntervalDays{Strict,Ordinary,Lenient} and
     * contactIntervalDays{Strict,Ordinary,Lenient} (days or months as named); a key left out or null is inherited.
     */
    record SettingsRequest(
            Integer version,
            Integer warningWorkingDays,
            Integer promptAlertHours,
            Integer immediateAlertHours,
            Integer escalationWorkingDays,
            String noteZh,
            String noteEn,
            Map<String, Object> rules) {}

    @PreAuthorize(COORDINATOR)
    @PutMapping("/drafts/{id}/settings")
    @Operation(
            operationId = "updatePolicyDraftSettings",
            summary = "Set a draft's warning, alert and escalation thresholds, leave limits, reporting and contact"
                    + " intervals and its note (the region's editor)")
    DraftResponse settings(@PathVariable UUID id, @RequestBody SettingsRequest body) {
        FieldProblems problems = new FieldProblems();
        Map<PolicySetting, Integer> rules = new EnumMap<>(PolicySetting.class);
        if (body.rules() != null) {
            body.rules().forEach((key, value) -> {
                PolicySetting setting = PolicySetting.ofKey(key).orElse(null);
                if (setting == null) {
                    problems.add("rules." + key, "unknownSetting");
                } else if (value == null) {
                    return;
                } else if (setting.kind() == PolicySetting.Kind.FLAG && value instanceof Boolean flag) {
                    rules.put(setting, flag ? 1 : 0);
                } else if (setting.kind() != PolicySetting.Kind.FLAG && value instanceof Integer number) {
                    rules.put(setting, number);
                } else {
                    problems.add(key, "type");
                }
            });
        }
        problems.throwIfAny();
        drafting.updateSettings(
                id,
                version(body.version()),
                new DraftSettings(
                        body.warningWorkingDays(),
                        body.promptAlertHours(),
                        body.immediateAlertHours(),
                        body.escalationWorkingDays(),
                        body.noteZh(),
                        body.noteEn(),
                        rules));
        return DraftResponse.of(drafting.draft(id));
    }

    /** Publication: the version read and the first day the new version applies (today or later). */
    record PublishRequest(Integer version, LocalDate effectiveFrom) {}

    @PreAuthorize(COORDINATOR)
    @PostMapping("/drafts/{id}/publish")
    @Operation(
            operationId = "publishPolicyDraft",
            summary = "Publish a draft with an effective date; it is immutable afterwards (the region's editor)")
    PolicyVersionRef publish(@PathVariable UUID id, @RequestBody PublishRequest body) {
        return drafting.publish(id, version(body.version()), body.effectiveFrom());
    }

    @PreAuthorize(COORDINATOR)
    @DeleteMapping("/drafts/{id}")
    @Operation(operationId = "discardPolicyDraft", summary = "Discard an open draft (the region's editor)")
    ResponseEntity<Void> discard(@PathVariable UUID id, @RequestParam Integer version) {
        drafting.discard(id, version);
        return ResponseEntity.noContent().build();
    }

    private static int version(Integer version) {
        if (version == null) {
            throw TongxinException.invalid("version", "required");
        }
        return version;
    }
}
