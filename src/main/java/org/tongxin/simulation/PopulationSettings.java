package org.tongxin.simulation;

import java.util.ArrayList;
import java.util.List;
import org.tongxin.shared.error.FieldProblem;

/**
 * The synthetic caseload a run generates from its seed: the cases under correction when it starts, the new decisions per
 * month (shared among the districts by {@code districtShares}, percent by district code, and among the four kinds of
 * correction by the percentages), the term in months, the share of minors and the subjects' behaviour — the share who
 * report in within the legal period, and the yearly rates per case of leave requests, moves, lost contact, violations and
 * reoffending. Defaults: {@link #cityADefaults()}.
 */
public record PopulationSettings(
        int activeCases,
        int arrivalsPerMonth,
        int probationPercent,
        int parolePercent,
        int temporaryExecutionPercent,
        int surveillancePercent,
        int minTermMonths,
        int maxTermMonths,
        double minorsPercent,
        double reportingCompliancePercent,
        double leavesPerYear,
        double movesPerYear,
        double lostContactsPerYear,
        double violationsPerYear,
        double reoffendingPerYear) {

    /**
     * The City A demo's caseload scaled to a city: about 3,000 cases under correction and the demo's mix of kinds
     * (about 55 % probation, 15 % each parole, temporary execution and public surveillance), terms of 6 to 36 months,
     * and behaviour rates of the order the demo's stories show.
     */
    public static PopulationSettings cityADefaults() {
        return new PopulationSettings(3000, 140, 55, 15, 15, 15, 6, 36, 3.0, 92.0, 1.0, 0.05, 0.02, 0.10, 0.002);
    }

    /** The same behaviour at another size: {@code activeCases} and the arrivals that keep it steady. */
    public PopulationSettings scaledTo(int cases) {
        int arrivals = (int) Math.round(cases / ((minTermMonths + maxTermMonths) / 2.0));
        return new PopulationSettings(
                cases,
                arrivals,
                probationPercent,
                parolePercent,
                temporaryExecutionPercent,
                surveillancePercent,
                minTermMonths,
                maxTermMonths,
                minorsPercent,
                reportingCompliancePercent,
                leavesPerYear,
                movesPerYear,
                lostContactsPerYear,
                violationsPerYear,
                reoffendingPerYear);
    }

    /** What is wrong with the settings (field names as the form and the API name them); empty when they are sound. */
    public List<FieldProblem> problems(String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        range(problems, prefix + "activeCases", activeCases, 0, 1_000_000);
        range(problems, prefix + "arrivalsPerMonth", arrivalsPerMonth, 0, 100_000);
        range(problems, prefix + "probationPercent", probationPercent, 0, 100);
        range(problems, prefix + "parolePercent", parolePercent, 0, 100);
        range(problems, prefix + "temporaryExecutionPercent", temporaryExecutionPercent, 0, 100);
        range(problems, prefix + "surveillancePercent", surveillancePercent, 0, 100);
        if (probationPercent + parolePercent + temporaryExecutionPercent + surveillancePercent != 100) {
            problems.add(new FieldProblem(prefix + "probationPercent", "simulationSharesSum", new Object[] {100}));
        }
        range(problems, prefix + "minTermMonths", minTermMonths, 1, 120);
        range(problems, prefix + "maxTermMonths", maxTermMonths, 1, 120);
        if (maxTermMonths < minTermMonths) {
            problems.add(new FieldProblem(prefix + "maxTermMonths", "simulationTermOrder", new Object[0]));
        }
        range(problems, prefix + "minorsPercent", minorsPercent, 0, 100);
        range(problems, prefix + "reportingCompliancePercent", reportingCompliancePercent, 0, 100);
        range(problems, prefix + "leavesPerYear", leavesPerYear, 0, 52);
        range(problems, prefix + "movesPerYear", movesPerYear, 0, 12);
        range(problems, prefix + "lostContactsPerYear", lostContactsPerYear, 0, 12);
        range(problems, prefix + "violationsPerYear", violationsPerYear, 0, 52);
        range(problems, prefix + "reoffendingPerYear", reoffendingPerYear, 0, 1);
        return problems;
    }

    private static void range(List<FieldProblem> problems, String field, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            problems.add(new FieldProblem(field, "range", new Object[] {fmt(min), fmt(max)}));
        }
    }

    private static Object fmt(double v) {
        return v == Math.rint(v) ? (Object) (long) v : (Object) v;
    }
}
