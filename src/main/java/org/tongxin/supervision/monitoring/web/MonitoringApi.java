package org.tongxin.supervision.monitoring.web;

import static org.tongxin.identity.CaseRoleRules.BUREAU_HEAD;
import static org.tongxin.identity.CaseRoleRules.COUNTY;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongxin.casefile.CaseId;
import org.tongxin.identity.Authorities;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.supervision.monitoring.Monitoring;
import org.tongxin.supervision.monitoring.MonitoringGround;
import org.tongxin.supervision.monitoring.MonitoringPeriodId;
import org.tongxin.supervision.monitoring.MonitoringViews.ImportReport;
import org.tongxin.supervision.monitoring.MonitoringViews.NewPeriod;
import org.tongxin.supervision.monitoring.MonitoringViews.PeriodView;
import org.tongxin.supervision.monitoring.MonitoringViews.PositionInput;
import org.tongxin.supervision.monitoring.MonitoringViews.PositionView;
import org.tongxin.supervision.monitoring.MonitoringViews.StoredPosition;

/**
 * REST API of electronic monitoring (电子定位, CCL arts. 29 and 34): the county agency's proposal, the county judicial
 * bureau head's approval or refusal, the end of a period; positions from the monitoring system (a system token scoped
 * to {@code recordMonitoringPosition} and nothing else) or a CSV import, and the executing agency's paged positions.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "monitoring",
        description = "Electronic monitoring: proposal, approval by the county judicial bureau's head, end or renewal,"
                + " positions")
class MonitoringApi {

    private final Monitoring monitoring;
    private final ApiCommands commands;

    MonitoringApi(Monitoring monitoring, ApiCommands commands) {
        this.monitoring = monitoring;
        this.commands = commands;
    }

    /** A proposal: ground (CCL art. 29), the facts, the device, 1–3 months; renews = the running period it renews. */
    record ProposalRequest(MonitoringGround ground, String reason, String deviceId, Integer months, UUID renews) {}

    /** A decision or end: the version read and, for a refusal or an end, the reason. */
    record MonitoringDecisionRequest(Integer version, String reason) {}

    /** One position: deviceId or caseId, time (ISO 8601 with offset), latitude and longitude (WGS-84), accuracy (metres). */
    record PositionRequest(
            String deviceId, UUID caseId, String time, Double latitude, Double longitude, BigDecimal accuracy) {}

    record PositionCreated(UUID id, CaseId caseId, MonitoringPeriodId periodId, Instant time) {}

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{id}/monitoring-periods")
    @Operation(
            operationId = "proposeMonitoring",
            summary =
                    "Propose electronic monitoring or its renewal on a ground of CCL art. 29 (executing county agency)")
    ResponseEntity<PeriodView> propose(@PathVariable UUID id, @RequestBody ProposalRequest body) {
        return commands.created(
                monitoring.propose(
                        CaseId.of(id),
                        new NewPeriod(
                                body.ground(),
                                body.reason(),
                                body.deviceId(),
                                body.months(),
                                body.renews() == null ? null : MonitoringPeriodId.of(body.renews()))),
                view -> "/api/v1/monitoring-periods/" + view.id());
    }

    @PreAuthorize("hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD', 'BUREAU_HEAD')")
    @GetMapping("/cases/{id}/monitoring-periods")
    @Operation(
            operationId = "listMonitoringPeriods",
            summary = "A case's monitoring periods (executing agency; the bureau asked to approve)")
    List<PeriodView> periods(@PathVariable UUID id) {
        return monitoring.periods(CaseId.of(id));
    }

    @PreAuthorize("hasAnyRole('COUNTY_OFFICER', 'COUNTY_HEAD', 'BUREAU_HEAD')")
    @GetMapping("/monitoring-periods/{id}")
    @Operation(
            operationId = "getMonitoringPeriod",
            summary = "One monitoring period (executing agency; the bureau asked to approve)")
    PeriodView period(@PathVariable UUID id) {
        return monitoring.period(MonitoringPeriodId.of(id));
    }

    @PreAuthorize(BUREAU_HEAD)
    @PostMapping("/monitoring-periods/{id}/approval")
    @Operation(
            operationId = "approveMonitoring",
            summary = "Approve a monitoring period (head of the county judicial bureau asked)")
    PeriodView approve(
            @PathVariable UUID id,
            @RequestBody MonitoringDecisionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(
                monitoring.approve(MonitoringPeriodId.of(id), LockVersions.required(body.version(), ifMatch)));
    }

    @PreAuthorize(BUREAU_HEAD)
    @PostMapping("/monitoring-periods/{id}/refusal")
    @Operation(
            operationId = "refuseMonitoring",
            summary = "Refuse a monitoring proposal, with the reason (head of the county judicial bureau asked)")
    PeriodView refuse(
            @PathVariable UUID id,
            @RequestBody MonitoringDecisionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(monitoring.refuse(
                MonitoringPeriodId.of(id), LockVersions.required(body.version(), ifMatch), body.reason()));
    }

    @PreAuthorize(COUNTY)
    @PostMapping("/monitoring-periods/{id}/end")
    @Operation(
            operationId = "endMonitoring",
            summary = "End a running monitoring period before its end, with the reason (executing county agency)")
    PeriodView end(
            @PathVariable UUID id,
            @RequestBody MonitoringDecisionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch) {
        return commands.settled(monitoring.end(
                MonitoringPeriodId.of(id), LockVersions.required(body.version(), ifMatch), body.reason()));
    }

    @PreAuthorize("hasAuthority('" + Authorities.MONITORING_POSITIONS + "')")
    @PostMapping("/monitoring/positions")
    @Operation(
            operationId = Authorities.MONITORING_POSITIONS_OPERATION,
            summary = "Record one position of a monitored subject (the monitoring system's token scoped to monitoring"
                    + " positions)",
            description = "201 when stored (200 when the same position was stored before); 422"
                    + " POSITION_OUTSIDE_APPROVED_PERIOD when no approved period covers its time (not stored); 400"
                    + " VALIDATION_FAILED for bad input.")
    ResponseEntity<PositionCreated> record(@RequestBody PositionRequest body) {
        FieldProblems problems = new FieldProblems();
        Instant time = null;
        if (body.time() == null || body.time().isBlank()) {
            problems.add("time", "required");
        } else {
            try {
                time = OffsetDateTime.parse(body.time().strip()).toInstant();
            } catch (DateTimeParseException e) {
                problems.add("time", "isoDateTimeWithOffset");
            }
        }
        if (body.latitude() == null) {
            problems.add("latitude", "required");
        }
        if (body.longitude() == null) {
            problems.add("longitude", "required");
        }
        problems.throwIfAny();
        StoredPosition stored = monitoring.record(new PositionInput(
                body.deviceId(),
                body.caseId() == null ? null : CaseId.of(body.caseId()),
                time,
                body.latitude(),
                body.longitude(),
                body.accuracy()));
        PositionCreated created = new PositionCreated(stored.id(), stored.caseId(), stored.periodId(), stored.time());
        return stored.repeated()
                ? ResponseEntity.ok(created)
                : ResponseEntity.created(URI.create("/api/v1/cases/" + stored.caseId() + "/monitoring/positions"))
                        .body(created);
    }

    /** The multipart form of an import, as the API description shows it. */
    record ImportForm(
            @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED)
            String file) {}

    @PreAuthorize(COUNTY)
    @PostMapping("/cases/{id}/monitoring/positions/import")
    @Operation(
            operationId = "importMonitoringPositions",
            summary = "Import positions from a CSV file, all or nothing (executing county agency; multipart field"
                    + " 'file')",
            description = "UTF-8, header time,latitude,longitude,accuracy; every row inside an approved period. 422"
                    + " POSITION_IMPORT_REJECTED lists each bad row (errors[].field = rows[<line>].<column>) and"
                    + " stores nothing.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                            schema = @Schema(implementation = ImportForm.class))))
    ImportReport importPositions(
            @PathVariable UUID id,
            @Parameter(hidden = true) @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        return monitoring.importPositions(CaseId.of(id), read(file));
    }

    @PreAuthorize(COUNTY)
    @GetMapping("/cases/{id}/monitoring/positions")
    @Operation(
            operationId = "listMonitoringPositions",
            summary = "A case's positions, newest first, paged (executing county agency only)")
    PageResult<PositionView> positions(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return monitoring.positions(
                CaseId.of(id),
                PageQuery.of(page, size, null, java.util.Set.of("time"), "-time"),
                "api.listMonitoringPositions");
    }

    /** The uploaded CSV as text (400 without a file or when it is not UTF-8 or larger than 5 MB). */
    static String read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw TongxinException.invalid("file", "required");
        }
        if (file.getSize() > 5L * 1024 * 1024) {
            throw TongxinException.invalid("file", "fileTooLarge", "5 MB");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(file.getBytes()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw TongxinException.invalid("file", "utf8");
        }
    }
}
