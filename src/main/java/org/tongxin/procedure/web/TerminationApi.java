package org.tongxin.procedure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
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
import org.tongxin.casefile.TerminationReason;
import org.tongxin.exchange.HandoverId;
import org.tongxin.procedure.Termination;
import org.tongxin.procedure.Termination.EndingView;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.LockVersions;

/**
 * REST API of the end of correction (CCL arts. 44, 45; IM arts. 53–56): the expiry warning, the termination announcement,
 * the certificate with the notice to the decision organ (copies to the procuratorate and police), the death and its
 * notice, and how a case ended. Each answer waits briefly for the obligations it opens or fulfils.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}")
@Tag(
        name = "termination",
        description = "End of correction: expiry warning, termination, certificate, death and its notice")
class TerminationApi {

    static final String COUNTY = "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD')";
    static final String TEAM = "hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD', 'OFFICE_OFFICER', 'OFFICE_HEAD')";

    private final Termination termination;
    private final ApiCommands commands;

    TerminationApi(Termination termination, ApiCommands commands) {
        this.termination = termination;
        this.commands = commands;
    }

    /** The termination announced: the case's version read, EXPIRY or PARDON, and the day correction ended. */
    record TerminationRequest(Integer version, TerminationReason reason, LocalDate endedOn) {}

    /** The death recorded: the case's version read and the day the subject died. */
    record DeathRequest(Integer version, LocalDate diedOn) {}

    /** What a notice created: the case and the handover carrying it. */
    record NoticeSent(CaseId caseId, HandoverId handoverId) {}

    @PreAuthorize(TEAM)
    @PostMapping("/expiry-warning")
    @Operation(
            operationId = "warnTermExpiry",
            summary = "Record that the subject was told the term ends within a month (county agency or assigned office;"
                    + " IM art. 53)")
    EndingState warnExpiry(@PathVariable UUID caseId) {
        return commands.run(
                () -> termination.warnExpiry(CaseId.of(caseId)),
                () -> new EndingState(
                        CaseId.of(caseId), termination.ending(CaseId.of(caseId)).orElse(null)));
    }

    @PreAuthorize(TEAM)
    @PostMapping("/termination")
    @Operation(
            operationId = "terminateCorrection",
            summary = "Hold the termination announcement on expiry or pardon: the case ends (county agency or assigned"
                    + " office; IM art. 54)",
            description =
                    "reason EXPIRY (not before the term's last day: 422 TERM_NOT_EXPIRED) or PARDON; endedOn not in"
                            + " the future.")
    EndingState terminate(
            @PathVariable UUID caseId,
            @RequestBody(required = false) TerminationRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        if (body == null) {
            throw TongxinException.invalid("reason", "required");
        }
        return commands.run(
                () -> termination.terminate(
                        CaseId.of(caseId),
                        LockVersions.required(body.version(), ifMatch),
                        body.reason(),
                        body.endedOn()),
                () -> new EndingState(
                        CaseId.of(caseId), termination.ending(CaseId.of(caseId)).orElse(null)));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/termination/certificate")
    @Operation(
            operationId = "certifyTermination",
            summary = "Issue the termination certificate and notify the decision organ, copies to procuratorate and"
                    + " police (county agency; CCL art. 44)")
    ResponseEntity<NoticeSent> certify(@PathVariable UUID caseId) {
        return created(CaseId.of(caseId), termination.certify(CaseId.of(caseId)));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/death")
    @Operation(
            operationId = "recordSubjectDeath",
            summary = "Record the subject's death: correction ends (county agency; CCL art. 45)")
    EndingState recordDeath(
            @PathVariable UUID caseId,
            @RequestBody(required = false) DeathRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        if (body == null) {
            throw TongxinException.invalid("diedOn", "required");
        }
        return commands.run(
                () -> termination.recordDeath(
                        CaseId.of(caseId), LockVersions.required(body.version(), ifMatch), body.diedOn()),
                () -> new EndingState(
                        CaseId.of(caseId), termination.ending(CaseId.of(caseId)).orElse(null)));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/death/notice")
    @Operation(
            operationId = "notifySubjectDeath",
            summary = "Notify the decision organ of the death, copies to procuratorate and police (county agency; CCL"
                    + " art. 45; IM art. 56, 5 days)")
    ResponseEntity<NoticeSent> notifyDeath(@PathVariable UUID caseId) {
        return created(CaseId.of(caseId), termination.notifyDeath(CaseId.of(caseId)));
    }

    /** The case and how it ended (null while in correction). */
    record EndingState(CaseId caseId, EndingView ending) {}

    @CaseUser
    @GetMapping("/ending")
    @Operation(
            operationId = "getCaseEnding",
            summary = "How the case ended: termination, death or revocation, and the notice made")
    EndingState ending(@PathVariable UUID caseId) {
        return new EndingState(
                CaseId.of(caseId), termination.ending(CaseId.of(caseId)).orElse(null));
    }

    private ResponseEntity<NoticeSent> created(CaseId caseId, HandoverId handover) {
        return commands.answer(() -> ResponseEntity.created(URI.create("/api/v1/handovers/" + handover))
                .body(new NoticeSent(caseId, handover)));
    }
}
