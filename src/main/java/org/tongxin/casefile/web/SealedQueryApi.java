package org.tongxin.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
import org.tongxin.casefile.SealedQueries;
import org.tongxin.casefile.SealedQueries.QueryRequest;
import org.tongxin.casefile.SealedQueries.SealedQueryView;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.VersionRequest;

/**
 * REST API of lawful queries of sealed records (CPL art. 286; doc/security-requirements.md S10): a party of a sealed minor's case asks to
 * read it with the legal basis; the head of the county community correction agency approves (time-boxed) or refuses.
 * The case itself stays 404 for everyone else.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "cases", description = "Case file: cases, search, timeline, documents and the case file's intake commands")
class SealedQueryApi {

    private final SealedQueries queries;

    SealedQueryApi(SealedQueries queries) {
        this.queries = queries;
    }

    @CaseUser
    @PostMapping("/cases/{caseId}/sealed-record-queries")
    @Operation(
            operationId = "requestSealedRecordQuery",
            summary =
                    "Ask to read a sealed minor's case: legal basis, purpose, days (a party of the case; CPL art. 286)",
            description =
                    "basis: JUDICIAL_NEED or LAWFUL_QUERY; reason 10-500 characters; days 1-30. 409 CASE_NOT_SEALED"
                        + " when the case is not sealed, 409 QUERY_ALREADY_OPEN while a request or grant of the caller"
                        + " is open.")
    ResponseEntity<SealedQueryView> request(
            @PathVariable UUID caseId, @RequestBody(required = false) QueryRequest body) {
        UUID id = queries.request(CaseId.of(caseId), body);
        SealedQueryView view = queries.ofCase(CaseId.of(caseId)).stream()
                .filter(q -> q.id().equals(id))
                .findFirst()
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/sealed-record-queries"))
                .body(view);
    }

    @CaseUser
    @GetMapping("/cases/{caseId}/sealed-record-queries")
    @Operation(
            operationId = "listSealedRecordQueries",
            summary = "The lawful queries of a sealed case that the caller's agency asked or must decide")
    List<SealedQueryView> ofCase(@PathVariable UUID caseId) {
        return queries.ofCase(CaseId.of(caseId));
    }

    @PreAuthorize("hasRole('COUNTY_HEAD')")
    @PostMapping("/cases/{caseId}/sealed-record-queries/{queryId}/approval")
    @Operation(
            operationId = "approveSealedRecordQuery",
            summary = "Approve a lawful query of a sealed case for the days asked (head of the county agency; CPL art."
                    + " 286)")
    SealedQueryView approve(
            @PathVariable UUID caseId,
            @PathVariable UUID queryId,
            @RequestBody(required = false) VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        queries.approve(CaseId.of(caseId), queryId, LockVersions.required(body, ifMatch));
        return find(caseId, queryId);
    }

    @PreAuthorize("hasRole('COUNTY_HEAD')")
    @PostMapping("/cases/{caseId}/sealed-record-queries/{queryId}/refusal")
    @Operation(
            operationId = "refuseSealedRecordQuery",
            summary = "Refuse a lawful query of a sealed case (head of the county agency)")
    SealedQueryView refuse(
            @PathVariable UUID caseId,
            @PathVariable UUID queryId,
            @RequestBody(required = false) VersionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        queries.refuse(CaseId.of(caseId), queryId, LockVersions.required(body, ifMatch));
        return find(caseId, queryId);
    }

    private SealedQueryView find(UUID caseId, UUID queryId) {
        return queries.mine().stream()
                .filter(q -> q.id().equals(queryId) && q.caseId().value().equals(caseId))
                .findFirst()
                .orElseThrow();
    }
}
