package org.tongxin.supervision.custody.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.VersionRequest;
import org.tongxin.supervision.custody.Custody;
import org.tongxin.supervision.custody.Custody.CustodyView;

/**
 * REST API of custody during correction (CCL art. 32): recording a detention (the county agency or the detaining
 * organ), the detaining organ's notice (a handover, custody.notice) and the release.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "custody", description = "Custody during correction: detention, the detaining organ's notice, release")
class CustodyApi {

    static final String RECORDERS =
            "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD', 'POLICE_OFFICER', 'PROSECUTOR', 'JUDGE', 'COURT_CLERK')";
    static final String ORGANS = "hasAnyRole('POLICE_OFFICER', 'PROSECUTOR', 'JUDGE', 'COURT_CLERK')";

    private final Custody custody;
    private final ApiCommands commands;

    CustodyApi(Custody custody, ApiCommands commands) {
        this.custody = custody;
        this.commands = commands;
    }

    /** A detention: its kind, the organ that decided it and since when (ISO 8601). */
    record DetentionRequest(CustodyKind kind, UUID detainingOrganId, Instant detainedAt) {}

    record ReleaseRequest(Integer version, Instant releasedAt) {}

    @PreAuthorize(RECORDERS)
    @PostMapping("/cases/{id}/custody")
    @Operation(
            operationId = "recordCustody",
            summary =
                    "Record a detention during correction (executing county agency, or the detaining organ, which then"
                            + " gives its notice at once)")
    ResponseEntity<CustodyView> record(@PathVariable UUID id, @RequestBody DetentionRequest body) {
        return commands.created(
                custody.record(CaseId.of(id), body.kind(), body.detainingOrganId(), body.detainedAt()),
                view -> "/api/v1/custody/" + view.id());
    }

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/cases/{id}/custody")
    @Operation(operationId = "listCustody", summary = "A case's detentions during correction")
    List<CustodyView> list(@PathVariable UUID id) {
        return custody.ofCase(CaseId.of(id));
    }

    @PreAuthorize(ORGANS)
    @PostMapping("/custody/{id}/notice")
    @Operation(
            operationId = "giveCustodyNotice",
            summary = "Give the detaining organ's notice to the county agency, copy to the procuratorate (CCL art. 32)")
    CustodyView notice(
            @PathVariable UUID id,
            @RequestBody VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(custody.notice(id, LockVersions.required(body.version(), ifMatch)));
    }

    @PreAuthorize(RECORDERS)
    @PostMapping("/custody/{id}/release")
    @Operation(
            operationId = "releaseFromCustody",
            summary = "Record the release: the case is under correction again (county agency or detaining organ)")
    CustodyView release(
            @PathVariable UUID id,
            @RequestBody ReleaseRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(custody.release(id, LockVersions.required(body.version(), ifMatch), body.releasedAt()));
    }
}
