package org.tongxin.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.casefile.SubjectChangeId;
import org.tongxin.casefile.SubjectChangeStatus;
import org.tongxin.casefile.SubjectChangeViews.CaseRef;
import org.tongxin.casefile.SubjectChangeViews.Line;
import org.tongxin.casefile.SubjectChangeViews.SubjectChangeSummary;
import org.tongxin.casefile.SubjectChangeViews.SubjectChangeView;
import org.tongxin.casefile.SubjectChanges;
import org.tongxin.casefile.SubjectField;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.shared.web.VersionRequest;

/**
 * REST API of proposed changes of a subject's record (issue 9, item 4): the executing agencies (and assigned offices) of
 * a person's cases read the changes a new case's decision organ stated; the executing agency's officers confirm or
 * reject them. A command carries the {@code version} read (body or {@code If-Match}); a stale one is 409.
 */
@RestController
@RequestMapping("/api/v1/subject-changes")
@Tag(name = "cases", description = "Case file: cases, search, timeline, documents and the case file's intake commands")
class SubjectChangeApi {

    static final String READERS = "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD', 'OFFICE_OFFICER', 'OFFICE_HEAD')";
    static final String DECIDERS = "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD')";
    static final Set<String> SORTABLE = Set.of("proposed", "status");

    private final SubjectChanges changes;
    private final AgencyDirectory agencies;
    private final ApiCommands commands;

    SubjectChangeApi(SubjectChanges changes, AgencyDirectory agencies, ApiCommands commands) {
        this.changes = changes;
        this.agencies = agencies;
        this.commands = commands;
    }

    /** A proposal in a list, the proposing organ named in the caller's language. */
    record SummaryResponse(
            SubjectChangeId id,
            SubjectChangeStatus status,
            String subjectName,
            List<CaseRef> cases,
            Set<SubjectField> fields,
            AgencyName proposedBy,
            Instant proposedAt,
            Instant decidedAt,
            int version) {}

    /** A proposal with each differing field's current and proposed value (codes for gender, document type and division). */
    record ChangeResponse(
            SubjectChangeId id,
            SubjectChangeStatus status,
            String subjectName,
            List<CaseRef> cases,
            List<Line> lines,
            AgencyName proposedBy,
            Instant proposedAt,
            Instant decidedAt,
            String decidedByName,
            AgencyName decidedBy,
            String rejectionReason,
            int version,
            boolean mayDecide) {}

    /** A rejection: the version read and the reason (5 to 500 characters). */
    record RejectionRequest(Integer version, String reason) implements LockVersions.Versioned {}

    @PreAuthorize(READERS)
    @GetMapping
    @Operation(
            operationId = "listSubjectChanges",
            summary = "Proposed changes of the records of the people of the caller's cases (audited)",
            description =
                    "status: PROPOSED, CONFIRMED or REJECTED (all when absent); page, size (1-100); sort = proposed |"
                            + " status, a leading '-' for descending (default -proposed).")
    PageResult<SummaryResponse> list(
            @RequestParam(required = false) SubjectChangeStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @Parameter(hidden = true) Locale locale) {
        PageResult<SubjectChangeSummary> found =
                changes.list(status, PageQuery.of(page, size, sort, SORTABLE, "-proposed"), "api.listSubjectChanges");
        Map<AgencyId, AgencyName> names = agencies.names(
                found.items().stream().map(SubjectChangeSummary::proposedBy).toList(), locale);
        return found.map(s -> new SummaryResponse(
                s.id(),
                s.status(),
                s.subjectName(),
                s.cases(),
                s.fields(),
                names.getOrDefault(s.proposedBy(), new AgencyName(s.proposedBy(), null)),
                s.proposedAt(),
                s.decidedAt(),
                s.version()));
    }

    @PreAuthorize(READERS)
    @GetMapping("/{id}")
    @Operation(
            operationId = "getSubjectChange",
            summary = "One proposed change with the record's and the proposed values (ETag = version; audited)")
    ResponseEntity<ChangeResponse> get(@PathVariable UUID id, @Parameter(hidden = true) Locale locale) {
        ChangeResponse response = response(changes.view(SubjectChangeId.of(id), "api.getSubjectChange"), locale);
        return ResponseEntity.ok().eTag(LockVersions.etag(response.version())).body(response);
    }

    @PreAuthorize(DECIDERS)
    @PostMapping("/{id}/confirmation")
    @Operation(
            operationId = "confirmSubjectChange",
            summary = "Confirm a proposed change: the subject's record takes the proposed fields (executing agency)")
    ChangeResponse confirm(
            @PathVariable UUID id,
            @RequestBody(required = false) VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        SubjectChangeId changeId = SubjectChangeId.of(id);
        return commands.run(
                () -> changes.confirm(changeId, LockVersions.required(body, ifMatch)),
                () -> response(changes.view(changeId, "api.confirmSubjectChange"), locale));
    }

    @PreAuthorize(DECIDERS)
    @PostMapping("/{id}/rejection")
    @Operation(
            operationId = "rejectSubjectChange",
            summary = "Reject a proposed change with the reason: the record stays as it is (executing agency)")
    ChangeResponse reject(
            @PathVariable UUID id,
            @RequestBody(required = false) RejectionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        SubjectChangeId changeId = SubjectChangeId.of(id);
        return commands.run(
                () -> changes.reject(
                        changeId, LockVersions.required(body, ifMatch), body == null ? null : body.reason()),
                () -> response(changes.view(changeId, "api.rejectSubjectChange"), locale));
    }

    private ChangeResponse response(SubjectChangeView v, Locale locale) {
        Map<AgencyId, AgencyName> names =
                agencies.names(Stream.of(v.proposedBy(), v.decidedByAgency()).toList(), locale);
        return new ChangeResponse(
                v.id(),
                v.status(),
                v.subjectName(),
                v.cases(),
                v.lines(),
                names.getOrDefault(v.proposedBy(), new AgencyName(v.proposedBy(), null)),
                v.proposedAt(),
                v.decidedAt(),
                v.decidedByName(),
                v.decidedByAgency() == null ? null : names.get(v.decidedByAgency()),
                v.rejectionReason(),
                v.version(),
                v.mayDecide());
    }
}
