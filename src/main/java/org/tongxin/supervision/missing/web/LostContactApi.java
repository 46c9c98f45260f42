package org.tongxin.supervision.missing.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;
import static org.tongxin.identity.CaseRoleRules.COUNTY;

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
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.supervision.missing.LostContacts;
import org.tongxin.supervision.missing.LostContacts.LostContactView;

/** REST API of lost contact (CCL art. 30): the county agency's report (search, police assistance, notice) and the outcome. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "lost-contact", description = "Lost contact: the search at once, police assistance, notices, found")
class LostContactApi {

    private final LostContacts lostContacts;
    private final ApiCommands commands;

    LostContactApi(LostContacts lostContacts, ApiCommands commands) {
        this.lostContacts = lostContacts;
        this.commands = commands;
    }

    /** Contact lost since when (ISO 8601) and the circumstances. */
    record ReportRequest(Instant lostSince, String circumstances) {}

    /** Found when, and how (the version read). */
    record FoundRequest(Integer version, Instant foundAt, String note) {}

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{id}/lost-contacts")
    @Operation(
            operationId = "reportLostContact",
            summary =
                    "Report lost contact: the search opens at once, the police are asked to assist, the decision organ"
                            + " is notified (executing county agency)")
    ResponseEntity<LostContactView> report(@PathVariable UUID id, @RequestBody ReportRequest body) {
        return commands.created(
                lostContacts.report(CaseId.of(id), body.lostSince(), body.circumstances()),
                view -> "/api/v1/lost-contacts/" + view.id());
    }

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/cases/{id}/lost-contacts")
    @Operation(
            operationId = "listLostContacts",
            summary = "A case's losses of contact (the texts for the executing agency and office only)")
    List<LostContactView> list(@PathVariable UUID id) {
        return lostContacts.ofCase(CaseId.of(id));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/lost-contacts/{id}/found")
    @Operation(
            operationId = "recordSubjectFound",
            summary = "Record that the subject was found: the search is done, supervision goes on (executing county"
                    + " agency)")
    LostContactView found(
            @PathVariable UUID id,
            @RequestBody FoundRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(
                lostContacts.found(id, LockVersions.required(body.version(), ifMatch), body.foundAt(), body.note()));
    }
}
