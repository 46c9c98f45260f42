package org.tongxin.simulation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.shared.web.PageResult;
import org.tongxin.simulation.SimulationComparison;
import org.tongxin.simulation.SimulationFigure;
import org.tongxin.simulation.SimulationRequest;
import org.tongxin.simulation.SimulationView;
import org.tongxin.simulation.Simulations;

/**
 * REST API of what-if simulation (doc/simulation.md): start a run (it is queued and executes in the background), list
 * and follow runs, cancel one, read its figures, the comparison of its two scenarios and its Excel workbook. For the
 * city coordinator and the national policy editor; a run is seen by its agency only.
 */
@RestController
@RequestMapping("/api/v1/simulations")
@Tag(
        name = "simulation",
        description = "What-if runs of a synthetic caseload under two policy versions or staffing plans")
@PreAuthorize(SimulationApi.RUNNERS)
class SimulationApi {

    static final String RUNNERS = "hasAnyRole('CITY_COORDINATOR', 'NATIONAL_POLICY_EDITOR')";

    private final Simulations simulations;
    private final MessageSource messages;

    SimulationApi(Simulations simulations, MessageSource messages) {
        this.simulations = simulations;
        this.messages = messages;
    }

    @PostMapping
    @Operation(
            operationId = "startSimulation",
            summary = "Start a what-if run: two scenarios on one synthetic caseload (queued, 202)",
            description = "name; region: the city's division code (the caller's own when absent); firstMonth: YYYY-MM;"
                    + " months: 1–36 (12); seed: repeats a run exactly (new when absent); population: the"
                    + " caseload's settings (City A's when absent); districtShares: percent of new cases by"
                    + " district code; baseline and variant: label, policyVersion (the version in force when"
                    + " absent), deadlines {stepId: amount}, extraOfficers {agencyId: n}.")
    ResponseEntity<SimulationView> start(@RequestBody SimulationRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(simulations.start(request));
    }

    @GetMapping
    @Operation(
            operationId = "listSimulations",
            summary = "The runs of the caller's agency, newest first, a page at a time")
    PageResult<SimulationView> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return simulations.list(Math.max(0, page), Math.min(100, Math.max(1, size)));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getSimulation", summary = "One run: status, progress, parameters with the seed")
    SimulationView get(@PathVariable UUID id) {
        return simulations.get(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelSimulation", summary = "Stop a queued or running run (409 once it has finished)")
    SimulationView cancel(@PathVariable UUID id) {
        return simulations.cancel(id);
    }

    @GetMapping("/{id}/figures")
    @Operation(operationId = "listSimulationFigures", summary = "A run's figures per scenario, agency and month")
    List<SimulationFigure> figures(@PathVariable UUID id) {
        return simulations.figures(id);
    }

    @GetMapping("/{id}/comparison")
    @Operation(
            operationId = "getSimulationComparison",
            summary = "The two scenarios of a run side by side, per agency and per month")
    SimulationComparison comparison(@PathVariable UUID id) {
        return SimulationComparison.of(simulations.figures(id));
    }

    @GetMapping("/{id}/export")
    @Operation(
            operationId = "exportSimulation",
            summary = "A run as an Excel workbook: parameters, comparison, every figure")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @Parameter(hidden = true) Locale locale) {
        return SimulationDownloads.workbook(simulations.get(id), simulations.figures(id), messages, locale);
    }
}
