package org.tongxin.supervision.web;

import static org.tongxin.identity.CaseRoleRules.CASE_TEAM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.casefile.CaseId;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.supervision.ContactKind;
import org.tongxin.supervision.Contacts;
import org.tongxin.supervision.Contacts.ContactsView;

/** REST API of reporting and contacts: the due ones on the ledger and the recorded ones; recording one. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/contacts")
@Tag(name = "supervision", description = "Daily supervision: leave, contacts and visits")
class ContactApi {

    private final Contacts contacts;
    private final ApiCommands commands;

    ContactApi(Contacts contacts, ApiCommands commands) {
        this.contacts = contacts;
        this.commands = commands;
    }

    /** A report, check, visit or re-examination: its kind, the day (not in the future) and an optional note (≤ 1000). */
    record ContactRequest(ContactKind kind, LocalDate on, String note) {}

    @AnyAuthenticatedUser
    @GetMapping
    @Operation(
            operationId = "listCaseContacts",
            summary = "The due and recorded reports, contacts and visits of a case (audited)")
    ContactsView list(@PathVariable UUID caseId) {
        return contacts.ofCase(CaseId.of(caseId), "api.listCaseContacts");
    }

    @PreAuthorize(CASE_TEAM)
    @PostMapping
    @Operation(
            operationId = "recordContact",
            summary = "Record a report, phone check, home or workplace visit or medical re-examination",
            description =
                    "Fulfils the earliest due one of its step and opens the next, due by the interval of the subject's"
                            + " supervision level (policy settings); a medical re-examination only for temporary"
                            + " execution, every 3 months.")
    ResponseEntity<ContactsView> record(@PathVariable UUID caseId, @RequestBody(required = false) ContactRequest body) {
        ContactRequest b = body == null ? new ContactRequest(null, null, null) : body;
        CaseId id = CaseId.of(caseId);
        return commands.created(
                () -> contacts.record(id, b.kind(), b.on(), b.note()),
                made -> "/api/v1/cases/" + caseId + "/contacts#" + made,
                made -> contacts.ofCase(id, "api.recordContact"));
    }
}
