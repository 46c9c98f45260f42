package org.tongxin.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongxin.calendar.TestCalendars;
import org.tongxin.obligation.LedgerRules;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.simulation.PopulationSettings;
import org.tongxin.simulation.internal.PopulationGenerator.SimulatedCase;
import org.tongxin.simulation.internal.SimulationEngine.Outcome;

class SimulationEngineTests {

    static final LedgerRules RULES = new LedgerRules(TestCalendars.official());
    static final ResolvedPolicy BASELINE = TestPolicies.baseline();
    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final PopulationSettings CITY = PopulationSettings.cityADefaults();

    static World cityA() {
        WorldBuilder b = new WorldBuilder(CITY.activeCases());
        String[][] districts = {
            {"369902", "城东区", "35", "4"},
            {"369903", "城西区", "25", "3"},
            {"369921", "青山县", "22", "5"},
            {"369922", "白河县", "18", "4"}
        };
        for (String[] d : districts) {
            List<WorldBuilder.Named> offices = new java.util.ArrayList<>();
            for (int i = 0; i < Integer.parseInt(d[3]); i++) {
                offices.add(new WorldBuilder.Named(d[0] + "-SO" + i, d[1] + "司法所" + i, "Office " + i));
            }
            b.district(
                    new WorldBuilder.DistrictSpec(
                            d[0],
                            d[1],
                            d[1],
                            Double.parseDouble(d[2]),
                            named(d[0] + "-COURT"),
                            named(d[0] + "-CCA"),
                            named(d[0] + "-PROC"),
                            named(d[0] + "-PSB"),
                            offices),
                    100);
        }
        return b.build(named("PRISON"), named("DC"), "CN");
    }

    static WorldBuilder.Named named(String key) {
        return new WorldBuilder.Named(key, key, key);
    }

    static Outcome run(World world, ResolvedPolicy policy, long seed) {
        SimulationEngine engine = new SimulationEngine(world, policy, RULES, CITY, START, 12, seed);
        return engine.run(engine.population(), done -> true);
    }

    static long county(Outcome o, World w, int district, int field) {
        int agency = w.districts().get(district).countyAgency();
        long sum = 0;
        for (int m = 0; m < o.figures().months(); m++) {
            sum += o.figures().get(agency, m, field);
        }
        return sum;
    }

    @Test
    void theSameSeedGivesTheSameFiguresAndAnotherSeedOthers() {
        World world = cityA();
        Outcome a = run(world, BASELINE, 42);
        Outcome b = run(world, BASELINE, 42);
        Outcome c = run(world, BASELINE, 43);
        assertThat(a.days()).isEqualTo(365);
        assertThat(a.obligations()).isEqualTo(b.obligations()).isGreaterThan(10_000);
        for (int agency = 0; agency < world.agencies().size(); agency++) {
            for (int m = 0; m < 12; m++) {
                for (int f = 0; f < Figures.FIELDS; f++) {
                    assertThat(a.figures().get(agency, m, f))
                            .isEqualTo(b.figures().get(agency, m, f));
                }
            }
        }
        assertThat(c.obligations()).isNotEqualTo(a.obligations());
    }

    @Test
    void theCaseloadDependsOnlyOnTheSeedNotOnPolicyOrStaffing() {
        World world = cityA();
        List<SimulatedCase> one = new SimulationEngine(world, BASELINE, RULES, CITY, START, 12, 7).population();
        List<SimulatedCase> two = new SimulationEngine(
                        world.staffed(Map.of("369922-CCA", 20)),
                        PolicyVariant.apply(BASELINE, Map.of("docs.receipt", 3), "deadlines"),
                        RULES,
                        CITY,
                        START,
                        12,
                        7)
                .population();
        assertThat(two).isEqualTo(one);
        assertThat(one.stream().filter(SimulatedCase::alreadyUnderCorrection)).hasSize(3000);
        assertThat(one.size() - 3000).isBetween(12 * 140 - 200, 12 * 140 + 200);
    }

    @Test
    void aShorterReceiptDeadlineBringsMoreBreachesAtTheCountyAgencies() {
        World world = cityA();
        Outcome five = run(world, BASELINE, 42);
        Outcome three = run(world, PolicyVariant.apply(BASELINE, Map.of("docs.receipt", 3), "deadlines"), 42);
        long before = 0;
        long after = 0;
        for (int d = 0; d < 4; d++) {
            before += county(five, world, d, Figures.BREACHES);
            after += county(three, world, d, Figures.BREACHES);
        }
        assertThat(after).isGreaterThan(before);
        assertThat(three.figures().total(Figures.ON_TIME))
                .isLessThan(five.figures().total(Figures.ON_TIME));
    }

    @Test
    void twoMoreOfficersInADistrictShortenItsBacklogAndBreaches() {
        World world = cityA();
        World.Agency baihe = world.agencies().get(world.districts().get(3).countyAgency());
        World more = world.staffed(Map.of(baihe.key(), baihe.officers() + 2));
        Outcome before = run(world, BASELINE, 42);
        Outcome after = run(more, BASELINE, 42);
        int last = 11;
        assertThat(after.figures().get(baihe.index(), last, Figures.BACKLOG))
                .isLessThan(before.figures().get(baihe.index(), last, Figures.BACKLOG));
        assertThat(county(after, more, 3, Figures.BREACHES)).isLessThan(county(before, world, 3, Figures.BREACHES));
        assertThat(after.figures().total(Figures.BREACHES))
                .isLessThan(before.figures().total(Figures.BREACHES));
    }

    @Test
    void courtsThatTakeLongerToDeliverBreachMoreOfTheirPeriods() {
        World world = cityA();
        World slow = world.behaving(org.tongxin.agency.AgencyType.BASIC_COURT, null, 5, 15);
        Outcome usual = run(world, BASELINE, 42);
        Outcome slower = run(slow, BASELINE, 42);
        int court = world.districts().get(0).court();
        long before = 0;
        long after = 0;
        for (int m = 0; m < 12; m++) {
            before += usual.figures().get(court, m, Figures.BREACHES);
            after += slower.figures().get(court, m, Figures.BREACHES);
        }
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void casesEnterAndEndAndSubjectsLoseContact() {
        World world = cityA();
        Outcome o = run(world, BASELINE, 42);
        assertThat(o.figures().total(Figures.ENTRIES)).isBetween(1200L, 1800L);
        assertThat(o.figures().total(Figures.TERMINATIONS)).isBetween(1200L, 2200L);
        assertThat(o.figures().total(Figures.LOST_CONTACTS)).isPositive();
        assertThat(o.figures().total(Figures.FULFILLED))
                .isEqualTo(o.figures().total(Figures.ON_TIME) + o.figures().total(Figures.LATE));
    }

    @Test
    void aMinorsRegistrationOpensTheMinorsMeasuresAndTeamOnTheLedger() {
        // Staffing that never binds, so that the two runs differ only by the minors' steps, not by a longer backlog.
        World world =
                cityA().staffed(Map.of("369902-CCA", 500, "369903-CCA", 500, "369921-CCA", 500, "369922-CCA", 500));
        Outcome none = runWith(world, 0.0);
        Outcome all = runWith(world, 100.0);
        long entries = all.figures().total(Figures.ENTRIES);
        assertThat(entries).isPositive();
        // Two more steps per registration in the run (the same caseload: the share only marks who is a minor).
        assertThat(all.obligations() - none.obligations()).isEqualTo(2 * entries);
    }

    static Outcome runWith(World world, double minorsPercent) {
        PopulationSettings p = CITY;
        PopulationSettings minors = new PopulationSettings(
                p.activeCases(),
                p.arrivalsPerMonth(),
                p.probationPercent(),
                p.parolePercent(),
                p.temporaryExecutionPercent(),
                p.surveillancePercent(),
                p.minTermMonths(),
                p.maxTermMonths(),
                minorsPercent,
                p.reportingCompliancePercent(),
                p.leavesPerYear(),
                p.movesPerYear(),
                p.lostContactsPerYear(),
                p.violationsPerYear(),
                p.reoffendingPerYear());
        SimulationEngine engine = new SimulationEngine(world, BASELINE, RULES, minors, START, 12, 42);
        return engine.run(engine.population(), done -> true);
    }

    @Test
    void aRunStopsWhenItsProgressSaysSo() {
        World world = cityA();
        SimulationEngine engine = new SimulationEngine(world, BASELINE, RULES, CITY, START, 12, 1);
        Outcome o = engine.run(engine.population(), done -> done < 0.25);
        assertThat(o.cancelled()).isTrue();
        assertThat(o.days()).isLessThan(120);
    }

    @Test
    void onlyCountedPeriodsOfKnownStepsCanChange() {
        assertThatThrownBy(() -> PolicyVariant.apply(BASELINE, Map.of("docs.nothing", 3), "deadlines"))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isNotBlank());
        assertThatThrownBy(() -> PolicyVariant.apply(BASELINE, Map.of("intake.announce", 3), "deadlines"))
                .isInstanceOf(TongxinException.class);
        assertThatThrownBy(() -> PolicyVariant.apply(BASELINE, Map.of("docs.receipt", -1), "deadlines"))
                .isInstanceOf(TongxinException.class);
        assertThat(PolicyVariant.apply(BASELINE, Map.of("docs.receipt", 3), "deadlines")
                        .require("docs.receipt")
                        .deadline()
                        .amount())
                .isEqualTo(3);
    }
}
