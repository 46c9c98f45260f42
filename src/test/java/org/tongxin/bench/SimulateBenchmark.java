package org.tongxin.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.tongxin.simulation.Simulations;

/**
 * bench/simulate.sh: a year of City A (its districts and agencies from the directory, about 3,000 cases under
 * correction) and a year at national size (about 700,000, a synthetic country of counties of 250 cases on the national
 * baseline), each through the simulation engine — the policy's steps, the ledger's rules, the working calendar — in
 * memory on a simulated clock. One line per run: {@code tongxin-simulate cases=N simulated_days=D seconds=S obligations=O}.
 * Checks: each run simulated the whole year and opened obligations, and City A run twice with one seed gives the same
 * figures. Goals: City A < 10 s, national < 10 minutes.
 */
public final class SimulateBenchmark {

    private SimulateBenchmark() {}

    public static void main(String[] args) {
        int city = Integer.parseInt(System.getenv().getOrDefault("CITY_CASES", "3000"));
        int national = Integer.parseInt(System.getenv().getOrDefault("NATIONAL_CASES", "700000"));
        long seed = Long.parseLong(System.getenv().getOrDefault("SEED", "20261207"));
        LocalDate first = LocalDate.of(2025, 1, 1);
        ConfigurableApplicationContext context = null;
        int status = 0;
        try {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("TONGXIN_DEMO", "true");
            properties.put("tongxin.demo-caseload", "false");
            Bench.progress(
                    "simulate benchmark: City A with %d cases, the nation with %d, a year each, on %s",
                    city, national, Bench.databaseDescription());
            context = Bench.start(false, properties);
            Simulations simulations = context.getBean(Simulations.class);
            simulations.measure("369900", city, 12, seed, first); // warm-up: class loading, the calendar's years
            Simulations.Measured cityA = simulations.measure("369900", city, 12, seed, first);
            Simulations.Measured again = simulations.measure("369900", city, 12, seed, first);
            status |= check(cityA, 365);
            if (again.obligations() != cityA.obligations() || again.cases() != cityA.cases()) {
                Bench.progress(
                        "CHECK FAILED: the same seed gave %d obligations, then %d",
                        cityA.obligations(), again.obligations());
                status = Bench.CHECK_FAILED;
            }
            print(cityA, Math.min(cityA.seconds(), again.seconds()));
            Bench.progress("load average %.2f", Bench.loadAverage());
            Simulations.Measured nation = simulations.measure(null, national, 12, seed, first);
            status |= check(nation, 365);
            print(nation, nation.seconds());
            Bench.progress(
                    "load average %.2f; heap used %d MB",
                    Bench.loadAverage(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        } catch (RuntimeException e) {
            Bench.progress("simulate benchmark could not run: %s", e);
            e.printStackTrace();
            status = Bench.CANNOT_RUN;
        }
        Bench.exit(context, status);
    }

    private static int check(Simulations.Measured run, int days) {
        if (run.days() != days || run.obligations() <= 0) {
            Bench.progress(
                    "CHECK FAILED: %d days simulated of %d, %d obligations", run.days(), days, run.obligations());
            return Bench.CHECK_FAILED;
        }
        return 0;
    }

    private static void print(Simulations.Measured run, double seconds) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cases", run.cases());
        figures.put("simulated_days", run.days());
        figures.put("seconds", seconds);
        figures.put("obligations", run.obligations());
        Bench.result("tongxin-simulate", figures);
    }
}
