package org.tongxin.casefile.web;

import static org.tongxin.identity.CaseRoleRules.ARRIVAL;
import static org.tongxin.identity.CaseRoleRules.CASE_TEAM;
import static org.tongxin.identity.CaseRoleRules.COUNTY;
import static org.tongxin.identity.CaseRoleRules.DECIDERS;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseData.AnnouncementData;
import org.tongxin.casefile.CaseData.CaseSearch;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.TeamMember;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.casefile.CaseViews.CaseView;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.casefile.CaseViews.TimelineItem;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.casefile.RevocationKind;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.identity.Participation;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.shared.web.VersionRequest;

/**
 * REST API of the case file: a case, its search, timeline and documents for the agencies with a lawful role in it (404
 * for everyone else, administrators included), and the intake commands of the case file (decide, withdraw, record the
 * subject's arrival, assign the office, register, form the team, make the plan, hold the entry announcement). A
 * command carries the case's {@code version} the caller read (in the body, or as {@code If-Match}); a stale one is 409.
 * After a command the answer waits briefly for the reactions it causes (obligations opened and fulfilled), so the
 * case and the inboxes read right after it are current.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "cases", description = "Case file: cases, search, timeline, documents and the case file's intake commands")
class CaseApi {

    private final CaseManagement management;
    private final CaseDirectory directory;
    private final AgencyDirectory agencies;
    private final ApiCommands commands;

    CaseApi(CaseManagement management, CaseDirectory directory, AgencyDirectory agencies, ApiCommands commands) {
        this.management = management;
        this.directory = directory;
        this.agencies = agencies;
        this.commands = commands;
    }

    /** A case for one reader: protected fields only for the parties entitled to them, a minor's identity masked. */
    record CaseResponse(
            CaseId id,
            int version,
            CaseStatus status,
            CorrectionType correctionType,
            String caseNumber,
            AgencyName decisionOrgan,
            LocalDate judgmentDate,
            LocalDate effectiveDate,
            OffenceCategory offenceCategory,
            String offenceDetails,
            LocalDate offenceDate,
            boolean minorAtOffence,
            LocalDate termStart,
            LocalDate termEnd,
            boolean inCustody,
            boolean expedited,
            AgencyName countyAgency,
            AgencyName office,
            AgencyName procuratorate,
            AgencyName police,
            AgencyName handoverInstitution,
            String policyRegion,
            DocumentsState documentsState,
            ArrivalState arrivalState,
            Instant arrivedAt,
            Instant registeredAt,
            Instant teamFormedAt,
            Instant planMadeAt,
            Instant announcedAt,
            Instant createdAt,
            Instant updatedAt,
            SubjectView subject,
            Set<Participation> participations,
            boolean protectedFieldsVisible,
            SupervisionLevel supervisionLevel,
            CustodyKind custodyKind,
            AgencyName detainingOrgan,
            Instant detainedAt,
            RevocationKind revocationKind,
            TerminationReason terminationReason,
            LocalDate endedOn,
            boolean sealed,
            List<String> charges,
            Integer sentenceMonths) {}

    /** Where a new case is: read it at {@code Location}. */
    record CaseCreated(CaseId caseId) {}

    @PreAuthorize(DECIDERS)
    @PostMapping
    @Operation(
            operationId = "openDecidedCase",
            summary = "Open a case decided without an entrusted assessment before it (decision organ)",
            description =
                    "The subject, the offence and the decision (type, case number, dates, term, place of execution:"
                        + " null countyAgencyId means the county agency serving the residence; inCustody always sent,"
                        + " true or false). The notification, delivery and reporting (or transfer) obligations open"
                        + " from the date the decision takes effect.")
    ResponseEntity<CaseCreated> openDecided(@RequestBody NewDecidedCase body) {
        return commands.created(
                () -> management.openDecided(body), id -> "/api/v1/cases/" + id, id -> new CaseCreated(id));
    }

    @AnyAuthenticatedUser
    @GetMapping("/{caseId}")
    @Operation(
            operationId = "getCase",
            summary = "A case as the caller's lawful role lets them see it (audited read; ETag = version)")
    ResponseEntity<CaseResponse> get(@PathVariable UUID caseId, @Parameter(hidden = true) Locale locale) {
        CaseResponse response = response(directory.view(CaseId.of(caseId), "api.getCase"), locale);
        return ResponseEntity.ok().eTag(LockVersions.etag(response.version())).body(response);
    }

    @AnyAuthenticatedUser
    @PostMapping("/search")
    @Operation(
            operationId = "searchCases",
            summary =
                    "Search the cases the caller's agency has a lawful role in (filters in the body, never in the URL;"
                            + " audited)",
            description =
                    "Filters: name (part of it), idNumber (exact), caseNumber (exact), status, officeId. Paging and"
                            + " sorting in the query: page, size (1-100), sort = updated | effective | status, with a"
                            + " leading '-' for descending (default -updated). Minors' names are masked for readers"
                            + " outside their team.")
    PageResult<CaseSummary> search(
            @RequestBody CaseSearch body,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return directory.search(
                body, PageQuery.of(page, size, sort, CaseDirectory.SORTABLE, "-updated"), "api.searchCases");
    }

    /** The decision with the case version the caller read (or If-Match). */
    record DecisionRequest(Integer version, DecisionData decision) implements LockVersions.Versioned {}

    @PreAuthorize(DECIDERS)
    @PostMapping("/{caseId}/decision")
    @Operation(
            operationId = "decideCase",
            summary = "Record the decision on an assessed case (decision organ; ASSESSING → INTAKE)")
    CaseResponse decide(
            @PathVariable UUID caseId,
            @RequestBody DecisionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        management.decide(CaseId.of(caseId), LockVersions.required(body.version(), ifMatch), body.decision());
        return afterCommand(caseId, "api.decideCase", locale);
    }

    @PreAuthorize(DECIDERS)
    @PostMapping("/{caseId}/withdrawal")
    @Operation(
            operationId = "withdrawCase",
            summary = "Record that community correction is not applied after the assessment (decision organ)")
    CaseResponse withdraw(
            @PathVariable UUID caseId,
            @RequestBody(required = false) VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        management.withdraw(CaseId.of(caseId), version(body, ifMatch));
        return afterCommand(caseId, "api.withdrawCase", locale);
    }

    /** The subject's arrival: reported in (default) or handed over, and when (default now). */
    record ArrivalRequest(Integer version, Boolean handedOver, Instant arrivedAt) implements LockVersions.Versioned {}

    @PreAuthorize(ARRIVAL)
    @PostMapping("/{caseId}/arrival")
    @Operation(
            operationId = "recordArrival",
            summary = "Record that the subject reported in to the county agency, or was handed over (CCL art. 21)")
    CaseResponse arrival(
            @PathVariable UUID caseId,
            @RequestBody ArrivalRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        management.recordArrival(
                CaseId.of(caseId),
                LockVersions.required(body.version(), ifMatch),
                Boolean.TRUE.equals(body.handedOver()),
                body.arrivedAt());
        return afterCommand(caseId, "api.recordArrival", locale);
    }

    /** The judicial office of the county agency that takes the case. */
    record OfficeRequest(Integer version, UUID officeId) implements LockVersions.Versioned {}

    @PreAuthorize(COUNTY)
    @PutMapping("/{caseId}/office")
    @Operation(
            operationId = "assignOffice",
            summary = "Assign the case to one of the county agency's judicial offices (county agency)")
    CaseResponse assignOffice(
            @PathVariable UUID caseId,
            @RequestBody OfficeRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        management.assignOffice(
                CaseId.of(caseId),
                LockVersions.required(body.version(), ifMatch),
                body.officeId() == null ? null : AgencyId.of(body.officeId()));
        return afterCommand(caseId, "api.assignOffice", locale);
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/{caseId}/registration")
    @Operation(
            operationId = "registerCase",
            summary = "Register the subject: documents checked, identity verified, file opened (county agency; CCL art."
                    + " 22)")
    CaseResponse register(
            @PathVariable UUID caseId,
            @RequestBody(required = false) VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        management.register(CaseId.of(caseId), version(body, ifMatch));
        return afterCommand(caseId, "api.registerCase", locale);
    }

    /** The whole correction team as it should be. */
    record TeamRequest(Integer version, List<TeamMember> members) implements LockVersions.Versioned {}

    @PreAuthorize(CASE_TEAM)
    @PutMapping("/{caseId}/team")
    @Operation(
            operationId = "formTeam",
            summary = "Form or re-form the correction team (county agency or assigned office; CCL art. 25)",
            description = "A female subject's team must include a woman. At most 12 members.")
    CaseResponse formTeam(
            @PathVariable UUID caseId,
            @RequestBody TeamRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        management.formTeam(CaseId.of(caseId), LockVersions.required(body.version(), ifMatch), body.members());
        return afterCommand(caseId, "api.formTeam", locale);
    }

    /** A new version of the individual correction plan (20 to 20,000 characters). */
    record PlanRequest(Integer version, String content) implements LockVersions.Versioned {}

    @PreAuthorize(CASE_TEAM)
    @PostMapping("/{caseId}/plans")
    @Operation(
            operationId = "makePlan",
            summary = "Make a new version of the individual correction plan (county agency or assigned office; CCL art."
                    + " 24)")
    CaseResponse makePlan(
            @PathVariable UUID caseId,
            @RequestBody PlanRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        management.makePlan(CaseId.of(caseId), LockVersions.required(body.version(), ifMatch), body.content());
        return afterCommand(caseId, "api.makePlan", locale);
    }

    /** The entry announcement as held: when (not in the future, not before registration), where, who attended. */
    record AnnouncementRequest(Integer version, Instant heldAt, String place, String attendees)
            implements LockVersions.Versioned {}

    @PreAuthorize(CASE_TEAM)
    @PostMapping("/{caseId}/announcement")
    @Operation(
            operationId = "announceEntry",
            summary = "Record the entry announcement as held (county agency or assigned office; CCL art. 22)")
    CaseResponse announce(
            @PathVariable UUID caseId,
            @RequestBody AnnouncementRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        management.announce(
                CaseId.of(caseId),
                LockVersions.required(body.version(), ifMatch),
                new AnnouncementData(body.heldAt(), body.place(), body.attendees()));
        return afterCommand(caseId, "api.announceEntry", locale);
    }

    @AnyAuthenticatedUser
    @GetMapping("/{caseId}/timeline")
    @Operation(
            operationId = "getCaseTimeline",
            summary = "The case's timeline as far as the caller's lawful role may see it, newest first")
    List<TimelineItem> timeline(@PathVariable UUID caseId) {
        return directory.timeline(CaseId.of(caseId));
    }

    // Helpers

    private CaseResponse afterCommand(UUID caseId, String purpose, Locale locale) {
        return commands.answer(() -> response(directory.view(CaseId.of(caseId), purpose), locale));
    }

    private static int version(VersionRequest body, String ifMatch) {
        return LockVersions.required(body, ifMatch);
    }

    private CaseResponse response(CaseView v, Locale locale) {
        Map<AgencyId, AgencyName> names = agencies.names(v.agencyIds(), locale);
        return new CaseResponse(
                v.id(),
                v.version(),
                v.status(),
                v.correctionType(),
                v.caseNumber(),
                name(names, v.decisionOrganId()),
                v.judgmentDate(),
                v.effectiveDate(),
                v.offenceCategory(),
                v.offenceDetails(),
                v.offenceDate(),
                v.minorAtOffence(),
                v.termStart(),
                v.termEnd(),
                v.inCustody(),
                v.expedited(),
                name(names, v.countyAgencyId()),
                name(names, v.officeId()),
                name(names, v.procuratorateId()),
                name(names, v.policeId()),
                name(names, v.handoverInstitutionId()),
                v.policyRegion(),
                v.documentsState(),
                v.arrivalState(),
                v.arrivedAt(),
                v.registeredAt(),
                v.teamFormedAt(),
                v.planMadeAt(),
                v.announcedAt(),
                v.createdAt(),
                v.updatedAt(),
                v.subject(),
                v.access().held(),
                v.protectedFieldsVisible(),
                v.supervisionLevel(),
                v.custodyKind(),
                name(names, v.detainingOrganId()),
                v.detainedAt(),
                v.revocationKind(),
                v.terminationReason(),
                v.endedOn(),
                v.sealed(),
                v.charges(),
                v.sentenceMonths());
    }

    private static AgencyName name(Map<AgencyId, AgencyName> names, AgencyId id) {
        return id == null ? null : names.getOrDefault(id, new AgencyName(id, null));
    }
}
