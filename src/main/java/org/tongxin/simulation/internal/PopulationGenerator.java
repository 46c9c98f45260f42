package org.tongxin.simulation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.simulation.PopulationSettings;

/**
 * Draws a run's caseload from its seed: the cases already under correction on the first day (with the part of their
 * term still to run) and, month by month and district by district, the new decisions. The same seed, settings and
 * districts always give the same cases in the same order, whatever the policy or staffing the run compares; each case
 * carries its own seed, from which the engine draws its behaviour.
 */
public final class PopulationGenerator {

    /** One case: where, what kind, whether a minor, the day its decision takes effect (≤ 0: already under correction), its term in days. */
    public record SimulatedCase(
            int index,
            int district,
            int officeSlot,
            CorrectionType type,
            boolean minor,
            int startDay,
            int termDays,
            long seed) {
        public boolean alreadyUnderCorrection() {
            return startDay <= 0;
        }
    }

    private PopulationGenerator() {}

    /** Every case of a run of {@code days} days whose months have {@code monthStarts} (day index of each month's first day). */
    public static List<SimulatedCase> generate(
            PopulationSettings s, World world, long seed, int[] monthStarts, int days) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] shares = world.districts().stream()
                .mapToDouble(World.District::sharePercent)
                .toArray();
        List<SimulatedCase> cases = new ArrayList<>(s.activeCases() + s.arrivalsPerMonth() * monthStarts.length + 16);
        int index = 0;
        for (int i = 0; i < s.activeCases(); i++) {
            int term = termDays(s, random);
            int served = random.nextInt(term); // part of the term already run
            cases.add(draw(index++, s, world, shares, random, -served, term));
        }
        for (int m = 0; m < monthStarts.length; m++) {
            int first = monthStarts[m];
            int last = m + 1 < monthStarts.length ? monthStarts[m + 1] : days;
            int arrivals = poisson(random, s.arrivalsPerMonth());
            for (int i = 0; i < arrivals; i++) {
                int day = first + random.nextInt(Math.max(1, last - first));
                cases.add(draw(index++, s, world, shares, random, Math.max(1, day), termDays(s, random)));
            }
        }
        return cases;
    }

    private static SimulatedCase draw(
            int index,
            PopulationSettings s,
            World world,
            double[] shares,
            SplittableRandom random,
            int startDay,
            int termDays) {
        int district = pick(shares, random.nextDouble() * 100.0);
        int offices = world.districts().get(district).offices().length;
        int office = offices == 0 ? 0 : random.nextInt(offices);
        double kind = random.nextDouble() * 100.0;
        CorrectionType type = kind < s.probationPercent()
                ? CorrectionType.PROBATION
                : kind < s.probationPercent() + s.parolePercent()
                        ? CorrectionType.PAROLE
                        : kind < s.probationPercent() + s.parolePercent() + s.temporaryExecutionPercent()
                                ? CorrectionType.TEMPORARY_EXECUTION
                                : CorrectionType.PUBLIC_SURVEILLANCE;
        boolean minor = random.nextDouble() * 100.0 < s.minorsPercent();
        return new SimulatedCase(index, district, office, type, minor, startDay, termDays, random.nextLong());
    }

    private static int termDays(PopulationSettings s, SplittableRandom random) {
        int months = s.minTermMonths() + random.nextInt(s.maxTermMonths() - s.minTermMonths() + 1);
        return months * 30 + random.nextInt(30);
    }

    private static int pick(double[] shares, double point) {
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        double p = point * total / 100.0;
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (p < sum) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** A Poisson draw (Knuth for small means, a rounded normal approximation for large ones). */
    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 60) {
            double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * g));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}
