package org.tongxin.simulation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.UUID;
import org.tongxin.agency.AgencyType;

/**
 * What a coordinator asks: a name, the city (division code; the caller's own when absent), the first month (YYYY-MM)
 * and how many months, the seed (a new one when absent), the caseload, each district's share of the new cases (percent
 * by district code; by the number of judicial offices when absent), the two scenarios compared on it and, optionally, how
 * each kind of agency works.
 */
public record SimulationRequest(
        String name,
        String region,
        String firstMonth,
        Integer months,
        Long seed,
        PopulationSettings population,
        Map<String, Double> districtShares,
        Scenario baseline,
        Scenario variant,
        Map<AgencyType, AgencyBehaviour> agencyBehaviour) {

    /** A request without its own agency behaviour (the defaults of each kind of agency apply). */
    public SimulationRequest(
            String name,
            String region,
            String firstMonth,
            Integer months,
            Long seed,
            PopulationSettings population,
            Map<String, Double> districtShares,
            Scenario baseline,
            Scenario variant) {
        this(name, region, firstMonth, months, seed, population, districtShares, baseline, variant, null);
    }

    /**
     * How agencies of one kind work in both scenarios, where the defaults (doc/simulation.md) do not fit: obligations an
     * officer completes per working day, and the shortest and longest handling delay in days of a step with a legal period.
     */
    public record AgencyBehaviour(Double perOfficerPerDay, Integer minDelayDays, Integer maxDelayDays) {}

    /**
     * One scenario: a label, the policy version (the region's version in force on the first day when absent), the
     * periods changed in it (step id → amount in the step's own unit) and officers added (or, negative, removed) per
     * agency id.
     */
    @Schema(name = "SimulationScenario")
    public record Scenario(
            String label, UUID policyVersion, Map<String, Integer> deadlines, Map<UUID, Integer> extraOfficers) {}
}
