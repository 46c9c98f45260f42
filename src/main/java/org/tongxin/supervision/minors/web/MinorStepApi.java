package org.tongxin.supervision.minors.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;
import static org.tongxin.identity.CaseRoleRules.COUNTY;

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
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.supervision.minors.MinorsSteps;
import org.tongxin.supervision.minors.MinorsSteps.MinorStepView;

/** REST API of the minors' steps (CCL ch. 7): a minor's case's steps, opening one on its trigger, doing one. */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "minors",
        description = "The minors' steps: measures and team fitted to minors, guardian, education, training")
class MinorStepApi {

    private final MinorsSteps minors;
    private final ApiCommands commands;

    MinorStepApi(MinorsSteps minors, ApiCommands commands) {
        this.minors = minors;
        this.commands = commands;
    }

    /** The step found ({@code minors.guardian}, {@code minors.education} or {@code minors.employment}) and what was found. */
    record MinorStepRequest(String step, String circumstances) {}

    /** What was done (the version read). */
    record MinorStepFulfilment(Integer version, String note) {}

    @PreAuthorize(CASE_STAFF)
    @GetMapping("/cases/{id}/minor-steps")
    @Operation(
            operationId = "listMinorSteps",
            summary = "A minor's case's minors' steps (the texts for the minor's own team only)")
    List<MinorStepView> list(@PathVariable UUID id) {
        return minors.ofCase(CaseId.of(id));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{id}/minor-steps")
    @Operation(
            operationId = "openMinorStep",
            summary = "Open a minors' step whose trigger was found: a guardian neglecting duties, compulsory education"
                    + " not complete, a wish to work (executing county agency)")
    ResponseEntity<MinorStepView> open(@PathVariable UUID id, @RequestBody MinorStepRequest body) {
        return commands.created(
                minors.open(CaseId.of(id), body.step(), body.circumstances()),
                view -> "/api/v1/cases/" + id + "/minor-steps");
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/minor-steps/{id}/fulfilment")
    @Operation(
            operationId = "fulfilMinorStep",
            summary = "Record that a minors' step was done, with what was done (executing county agency)")
    MinorStepView fulfil(
            @PathVariable UUID id,
            @RequestBody MinorStepFulfilment body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(minors.fulfil(id, LockVersions.required(body.version(), ifMatch), body.note()));
    }
}
