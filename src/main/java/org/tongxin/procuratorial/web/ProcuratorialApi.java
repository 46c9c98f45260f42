package org.tongxin.procuratorial.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.tongxin.procuratorial.ProcuratorialSupervision;
import org.tongxin.procuratorial.ProcuratorialSupervision.NewOpinion;
import org.tongxin.procuratorial.ProcuratorialSupervision.OpinionView;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.LockVersions;

/** REST API of procuratorial supervision in a case (CCL art. 62): opinions and suggestions, and the written replies. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/procuratorial-opinions")
@Tag(
        name = "procuratorial",
        description = "Procuratorial supervision: correction opinions, procuratorial suggestions, replies")
class ProcuratorialApi {

    private final ProcuratorialSupervision supervision;
    private final ApiCommands commands;

    ProcuratorialApi(ProcuratorialSupervision supervision, ApiCommands commands) {
        this.supervision = supervision;
        this.commands = commands;
    }

    /** The written reply: the opinion's version read, whether it was adopted, and the reasons (required when not). */
    record ReplyRequest(Integer version, Boolean adopted, String reasons) implements LockVersions.Versioned {}

    @PreAuthorize("hasRole('PROSECUTOR')")
    @PostMapping
    @Operation(
            operationId = "issueProcuratorialOpinion",
            summary = "Issue a correction opinion or procuratorial suggestion to an agency of the case (copied"
                    + " procuratorate; CCL art. 62)",
            description = "kind CORRECTION_OPINION or PROCURATORIAL_SUGGESTION; addressedAgencyId a party of the case;"
                    + " stepId (a step on the case's ledger) and handoverId optional; content 10-3000 characters."
                    + " Opens the addressed unit's reply (procuratorate.reply) with its policy's period.")
    ResponseEntity<List<OpinionView>> issue(@PathVariable UUID caseId, @RequestBody(required = false) NewOpinion body) {
        return commands.created(
                () -> supervision.issue(CaseId.of(caseId), body),
                id -> "/api/v1/cases/" + caseId + "/procuratorial-opinions",
                id -> supervision.ofCase(CaseId.of(caseId)).stream()
                        .filter(o -> o.id().equals(id))
                        .toList());
    }

    @CaseUser
    @GetMapping
    @Operation(
            operationId = "listProcuratorialOpinions",
            summary = "The procuratorial opinions of a case and their replies")
    List<OpinionView> list(@PathVariable UUID caseId) {
        return supervision.ofCase(CaseId.of(caseId));
    }

    @CaseUser
    @PostMapping("/{opinionId}/reply")
    @Operation(
            operationId = "replyToProcuratorialOpinion",
            summary = "Reply in writing: adopted, or not with the reasons (the addressed unit; CCL art. 62)")
    List<OpinionView> reply(
            @PathVariable UUID caseId,
            @PathVariable UUID opinionId,
            @RequestBody(required = false) ReplyRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.run(
                () -> supervision.reply(
                        CaseId.of(caseId),
                        opinionId,
                        LockVersions.required(body, ifMatch),
                        body == null ? null : body.adopted(),
                        body == null ? null : body.reasons()),
                () -> supervision.ofCase(CaseId.of(caseId)).stream()
                        .filter(o -> o.id().equals(opinionId))
                        .toList());
    }
}
