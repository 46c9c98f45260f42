package org.tongxin.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.agency.Division;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.LedgerRules;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.Languages;
import org.tongxin.shared.web.PageResult;
import org.tongxin.simulation.internal.Figures;
import org.tongxin.simulation.internal.PolicyVariant;
import org.tongxin.simulation.internal.PopulationGenerator.SimulatedCase;
import org.tongxin.simulation.internal.SimulationEngine;
import org.tongxin.simulation.internal.SimulationExecutor;
import org.tongxin.simulation.internal.SimulationRepository;
import org.tongxin.simulation.internal.SimulationRun;
import org.tongxin.simulation.internal.World;
import org.tongxin.simulation.internal.WorldBuilder;

/**
 * What-if simulation (doc/simulation.md): start a run of two scenarios on one synthetic caseload, follow its progress,
 * cancel it, read and compare its figures. Only the city coordinator (their city) and the national policy editor (any
 * city) run simulations; a run is seen by the staff of the agency that made it who hold one of those roles (another
 * agency's run: 404). The run executes on {@link SimulationExecutor}, never in the request; its figures are written in
 * one transaction at the end, so a cancelled or failed run leaves none.
 */
@Component
public class Simulations {

    private static final Logger log = LoggerFactory.getLogger(Simulations.class);

    /** The roles that may run simulations. */
    public static final Set<Role> RUNNERS = Set.of(Role.CITY_COORDINATOR, Role.NATIONAL_POLICY_EDITOR);
    /** The longest run a request may ask for. */
    public static final int MAX_MONTHS = 36;
    /** The largest caseload a request may ask for (the national benchmark calls the engine directly). */
    public static final int MAX_CASES = 200_000;

    private final SimulationRepository runs;
    private final SimulationExecutor executor;
    private final AgencyDirectory agencies;
    private final PolicyModels policies;
    private final LedgerRules rules;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Simulations(
            SimulationRepository runs,
            SimulationExecutor executor,
            AgencyDirectory agencies,
            PolicyModels policies,
            WorkingCalendar calendar,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.runs = runs;
        this.executor = executor;
        this.agencies = agencies;
        this.policies = policies;
        this.rules = new LedgerRules(calendar);
        this.currentUser = currentUser;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The city a caller simulates by default: the division their agency serves (its first jurisdiction). */
    @Transactional(readOnly = true)
    public String defaultRegion() {
        TongxinPrincipal me = runner();
        AgencyView agency = agencies.get(me.agency());
        return agency.divisionCode();
    }

    /** The districts of a city with their agencies as a run would simulate them (default behaviour and officers). */
    @Transactional(readOnly = true)
    public List<DistrictPlan> plan(String region, int activeCases) {
        requireRegion(runner(), region);
        World world = world(region, activeCases, Map.of());
        List<DistrictPlan> plans = new ArrayList<>();
        for (World.District d : world.districts()) {
            World.Agency county = world.agencies().get(d.countyAgency());
            plans.add(new DistrictPlan(
                    d.code(),
                    d.nameZh(),
                    d.nameEn(),
                    d.sharePercent(),
                    UUID.fromString(county.key()),
                    county.nameZh(),
                    county.nameEn(),
                    county.officers()));
        }
        return plans;
    }

    /** A district as the form shows it: its share of new cases and its county agency with the officers a run assumes. */
    public record DistrictPlan(
            String code,
            String nameZh,
            String nameEn,
            double sharePercent,
            UUID countyAgency,
            String agencyZh,
            String agencyEn,
            int officers) {
        public String name(java.util.Locale locale) {
            return Languages.pick(locale, nameZh, nameEn);
        }
    }

    /**
     * Starts a run: checks the request (400 with every problem named), keeps it with its seed, and queues it on the
     * executor once the run is committed. Returns the queued run.
     */
    @Transactional
    public SimulationView start(SimulationRequest request) {
        TongxinPrincipal me = runner();
        if (request == null) {
            throw TongxinException.invalid("name", "required");
        }
        String region = request.region() == null || request.region().isBlank()
                ? agencies.get(me.agency()).divisionCode()
                : request.region().strip();
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "required", new Object[0]));
        } else if (name.length() > 200) {
            problems.add(new FieldProblem("name", "maxLength", new Object[] {200}));
        }
        LocalDate first = null;
        try {
            first = request.firstMonth() == null
                    ? YearMonth.from(LegalTime.today(clock)).atDay(1)
                    : YearMonth.parse(request.firstMonth()).atDay(1);
            if (first.getYear() < WorkingCalendar.FIRST_YEAR
                    || first.plusMonths(MAX_MONTHS).getYear() > WorkingCalendar.LAST_YEAR) {
                problems.add(new FieldProblem("firstMonth", "calendarRange", new Object[] {
                    WorkingCalendar.FIRST_YEAR, WorkingCalendar.LAST_YEAR
                }));
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("firstMonth", "pattern", new Object[0]));
        }
        int months = request.months() == null ? 12 : request.months();
        if (months < 1 || months > MAX_MONTHS) {
            problems.add(new FieldProblem("months", "range", new Object[] {1, MAX_MONTHS}));
        }
        PopulationSettings population =
                request.population() == null ? PopulationSettings.cityADefaults() : request.population();
        problems.addAll(population.problems("population."));
        if (population.activeCases() + (long) population.arrivalsPerMonth() * months > MAX_CASES) {
            problems.add(new FieldProblem("population.activeCases", "max", new Object[] {MAX_CASES}));
        }
        if (request.baseline() == null || request.variant() == null) {
            problems.add(
                    new FieldProblem(request.baseline() == null ? "baseline" : "variant", "required", new Object[0]));
        }
        if (!problems.isEmpty()) {
            throw TongxinException.invalid(problems);
        }
        if (request.agencyBehaviour() != null) {
            request.agencyBehaviour().forEach((type, b) -> {
                String field = "agencyBehaviour." + type;
                if (type == null || b == null) {
                    problems.add(new FieldProblem("agencyBehaviour", "required", new Object[0]));
                    return;
                }
                if (b.perOfficerPerDay() != null && (b.perOfficerPerDay() < 0.1 || b.perOfficerPerDay() > 100)) {
                    problems.add(new FieldProblem(field + ".perOfficerPerDay", "range", new Object[] {0.1, 100}));
                }
                if (b.minDelayDays() != null && (b.minDelayDays() < 0 || b.minDelayDays() > 90)) {
                    problems.add(new FieldProblem(field + ".minDelayDays", "range", new Object[] {0, 90}));
                }
                if (b.maxDelayDays() != null && (b.maxDelayDays() < 0 || b.maxDelayDays() > 90)) {
                    problems.add(new FieldProblem(field + ".maxDelayDays", "range", new Object[] {0, 90}));
                }
                if (b.minDelayDays() != null && b.maxDelayDays() != null && b.maxDelayDays() < b.minDelayDays()) {
                    problems.add(new FieldProblem(field + ".maxDelayDays", "min", new Object[] {b.minDelayDays()}));
                }
            });
            if (!problems.isEmpty()) {
                throw TongxinException.invalid(problems);
            }
        }
        requireRegion(me, region);
        // Build both scenarios now, so that an unknown step, agency or version is refused before anything is kept.
        World world = world(region, population.activeCases(), request.districtShares());
        scenario(world, region, first, request.baseline(), "baseline");
        scenario(world, region, first, request.variant(), "variant");
        long seed = request.seed() != null
                ? request.seed()
                : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        SimulationRequest kept = new SimulationRequest(
                name,
                region,
                YearMonth.from(first).toString(),
                months,
                seed,
                population,
                request.districtShares(),
                request.baseline(),
                request.variant(),
                request.agencyBehaviour());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        SimulationRun run = SimulationRun.queue(id, now);
        runs.insert(id, name, seed, region, first, months, kept, me.userId(), me.agencyId(), now);
        run.pullEvents().forEach(events::publishEvent);
        Runnable task = () -> execute(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submitOrFail(id, task);
                }
            });
        } else {
            submitOrFail(id, task);
        }
        return runs.find(id).orElseThrow();
    }

    private void submitOrFail(UUID id, Runnable task) {
        try {
            executor.submit(id, task);
        } catch (TongxinException full) {
            transactions.executeWithoutResult(s -> runs.load(id).ifPresent(run -> {
                run.fail(clock.instant(), full.code());
                runs.save(run);
            }));
        }
    }

    /** A page of the caller's agency's runs, newest first. */
    @Transactional(readOnly = true)
    public PageResult<SimulationView> list(int page, int size) {
        TongxinPrincipal me = runner();
        return new PageResult<>(
                runs.forAgency(me.agencyId(), page * size, size), page, size, runs.countForAgency(me.agencyId()));
    }

    /** One run of the caller's agency (404 for anyone else's). */
    @Transactional(readOnly = true)
    public SimulationView get(UUID id) {
        TongxinPrincipal me = runner();
        return visible(me, id);
    }

    /** Stops a queued or running run (409 SIMULATION_FINISHED once it has completed, been cancelled or failed). */
    @Transactional
    public SimulationView cancel(UUID id) {
        TongxinPrincipal me = runner();
        visible(me, id);
        for (int attempt = 0; ; attempt++) {
            // The executor moves the run's version as it reports progress: try again on the newer state a few times.
            SimulationRun run = runs.load(id).orElseThrow(TongxinException::notFound);
            run.cancel(clock.instant());
            if (runs.save(run)) {
                run.pullEvents().forEach(events::publishEvent);
                return runs.find(id).orElseThrow();
            }
            if (attempt == 4) {
                throw TongxinException.staleVersion();
            }
        }
    }

    /** A run's figures (empty until it completed). */
    @Transactional(readOnly = true)
    public List<SimulationFigure> figures(UUID id) {
        TongxinPrincipal me = runner();
        visible(me, id);
        return runs.figures(id);
    }

    // Running

    /** Executes a queued run on the executor's thread (as the system: no person acts). */
    void execute(UUID id) {
        SimulationRun run = transactions.execute(s -> runs.load(id).orElse(null));
        if (run == null || run.status() != SimulationStatus.QUEUED) {
            return; // cancelled while it waited
        }
        run.start(clock.instant());
        if (!transactions.execute(s -> runs.save(run))) {
            return;
        }
        SimulationView view = transactions.execute(s -> runs.find(id).orElseThrow());
        try {
            Result result = run(view.parameters(), view.firstMonth(), done -> {
                if (done < run.progress() + 0.02 && done < 1.0) {
                    return true;
                }
                run.advance(done * 0.999);
                return Boolean.TRUE.equals(transactions.execute(s -> runs.save(run))); // false: cancelled meanwhile
            });
            if (result == null) {
                return;
            }
            transactions.executeWithoutResult(s -> {
                run.complete(clock.instant(), result.cases(), result.obligations());
                if (runs.save(run)) {
                    runs.insertFigures(id, result.figures());
                } else {
                    s.setRollbackOnly();
                }
            });
        } catch (RuntimeException e) {
            log.warn("Simulation {} failed", id, e);
            transactions.executeWithoutResult(s -> runs.load(id)
                    .filter(r -> !r.status().finished())
                    .ifPresent(r -> {
                        r.fail(clock.instant(), e instanceof TongxinException t ? t.code() : "SIMULATION_FAILED");
                        runs.save(r);
                    }));
        }
    }

    /** What a run computed: its figures for both scenarios, the cases and obligations, the days simulated. */
    public record Result(List<SimulationFigure> figures, int cases, long obligations, int days) {}

    private Result run(SimulationRequest request, LocalDate first, SimulationEngine.Progress progress) {
        World world = world(request.region(), request.population().activeCases(), request.districtShares());
        if (request.agencyBehaviour() != null) {
            for (Map.Entry<AgencyType, SimulationRequest.AgencyBehaviour> e :
                    request.agencyBehaviour().entrySet()) {
                world = world.behaving(
                        e.getKey(),
                        e.getValue().perOfficerPerDay(),
                        e.getValue().minDelayDays(),
                        e.getValue().maxDelayDays());
            }
        }
        Scenario a = scenario(world, request.region(), first, request.baseline(), "baseline");
        Scenario b = scenario(world, request.region(), first, request.variant(), "variant");
        SimulationEngine engineA = new SimulationEngine(
                a.world(), a.policy(), rules, request.population(), first, request.months(), request.seed());
        List<SimulatedCase> cases = engineA.population();
        SimulationEngine.Outcome outA = engineA.run(cases, done -> progress.report(done / 2));
        if (outA.cancelled()) {
            return null;
        }
        SimulationEngine engineB = new SimulationEngine(
                b.world(), b.policy(), rules, request.population(), first, request.months(), request.seed());
        SimulationEngine.Outcome outB = engineB.run(cases, done -> progress.report(0.5 + done / 2));
        if (outB.cancelled()) {
            return null;
        }
        List<SimulationFigure> figures = new ArrayList<>(figures("A", a.world(), first, outA.figures()));
        figures.addAll(figures("B", b.world(), first, outB.figures()));
        return new Result(figures, cases.size(), outA.obligations() + outB.obligations(), outA.days());
    }

    private static List<SimulationFigure> figures(String scenario, World world, LocalDate first, Figures f) {
        List<SimulationFigure> rows = new ArrayList<>();
        for (World.Agency a : world.agencies()) {
            String district = a.district() < 0
                    ? null
                    : world.districts().get(a.district()).code();
            for (int m = 0; m < f.months(); m++) {
                rows.add(new SimulationFigure(
                        scenario,
                        a.key(),
                        a.nameZh(),
                        a.nameEn(),
                        a.type().name(),
                        district,
                        a.officers(),
                        first.plusMonths(m),
                        (int) f.get(a.index(), m, Figures.OPENED),
                        (int) f.get(a.index(), m, Figures.FULFILLED),
                        (int) f.get(a.index(), m, Figures.ON_TIME),
                        (int) f.get(a.index(), m, Figures.LATE),
                        (int) f.get(a.index(), m, Figures.BREACHES),
                        (int) f.get(a.index(), m, Figures.BACKLOG),
                        (int) f.get(a.index(), m, Figures.ENTRIES),
                        (int) f.get(a.index(), m, Figures.TERMINATIONS),
                        (int) f.get(a.index(), m, Figures.LOST_CONTACTS)));
            }
        }
        return rows;
    }

    // The benchmark (bench/simulate.sh) runs the engine directly, without keeping a run.

    /** What one benchmark run measured. */
    public record Measured(int cases, int days, long obligations, double seconds) {}

    /**
     * One scenario of a caseload the size of {@code activeCases} for {@code months} months, as the system (no person):
     * a city from the directory ({@code region}) or, with region null, a synthetic country of counties of 250 cases on the
     * national baseline in force. For bench/simulate.sh.
     */
    public Measured measure(String region, int activeCases, int months, long seed, LocalDate first) {
        PopulationSettings population = PopulationSettings.cityADefaults().scaledTo(activeCases);
        World world = region == null
                ? WorldBuilder.synthetic(Math.max(1, activeCases / 250), 4, activeCases)
                : transactions.execute(s -> world(region, activeCases, null));
        ResolvedPolicy policy = transactions.execute(s -> region == null
                ? policies.inForce(PolicyModels.NATIONAL, first)
                : policies.inForce(policies.regionFor(region), first));
        long started = System.nanoTime();
        SimulationEngine engine = new SimulationEngine(world, policy, rules, population, first, months, seed);
        List<SimulatedCase> cases = engine.population();
        SimulationEngine.Outcome outcome = engine.run(cases, null);
        return new Measured(cases.size(), outcome.days(), outcome.obligations(), (System.nanoTime() - started) / 1e9);
    }

    // Worlds and scenarios

    private record Scenario(World world, ResolvedPolicy policy) {}

    private Scenario scenario(World world, String region, LocalDate first, SimulationRequest.Scenario s, String field) {
        ResolvedPolicy policy;
        if (s.policyVersion() != null) {
            try {
                policy = policies.version(s.policyVersion(), first);
            } catch (TongxinException e) {
                throw TongxinException.invalid(field + ".policyVersion", "simulationUnknownVersion");
            }
        } else {
            policy = policies.findInForce(policies.regionFor(region), first)
                    .orElseThrow(() -> TongxinException.invalid("region", "simulationNoPolicy"));
        }
        policy = PolicyVariant.apply(policy, s.deadlines(), field + ".deadlines");
        for (String step : SimulationEngine.STEPS) {
            if (policy.step(step).isEmpty()) {
                throw TongxinException.rule("SIMULATION_STEP_MISSING", step);
            }
        }
        Map<String, Integer> officers = new LinkedHashMap<>();
        if (s.extraOfficers() != null) {
            for (Map.Entry<UUID, Integer> e : s.extraOfficers().entrySet()) {
                World.Agency agency = world.agencies().stream()
                        .filter(a -> a.key().equals(String.valueOf(e.getKey())))
                        .findFirst()
                        .orElseThrow(
                                () -> TongxinException.invalid(field + ".extraOfficers", "simulationUnknownAgency"));
                int value = agency.officers() + (e.getValue() == null ? 0 : e.getValue());
                if (value < 1 || value > 1000) {
                    throw TongxinException.invalid(field + ".extraOfficers", "simulationOfficers", 1, 1000);
                }
                officers.put(agency.key(), value);
            }
        }
        return new Scenario(world.staffed(officers), policy);
    }

    /** The city's districts (county divisions with a court and a county correction agency) and their agencies. */
    private World world(String region, int activeCases, Map<String, Double> shares) {
        List<WorldBuilder.DistrictSpec> specs = new ArrayList<>();
        for (Division d : agencies.divisionChildren(region)) {
            AgencyView court = first(AgencyType.BASIC_COURT, AgencyLevel.COUNTY, d.code());
            AgencyView county = first(AgencyType.CORRECTION_AGENCY, AgencyLevel.COUNTY, d.code());
            if (court == null || county == null) {
                continue;
            }
            AgencyView procuratorate = first(AgencyType.PROCURATORATE, AgencyLevel.COUNTY, d.code());
            AgencyView police = first(AgencyType.PUBLIC_SECURITY, AgencyLevel.COUNTY, d.code());
            List<WorldBuilder.Named> offices = agencies.children(county.id()).stream()
                    .filter(a -> a.type() == AgencyType.JUDICIAL_OFFICE)
                    .map(Simulations::named)
                    .toList();
            if (offices.isEmpty()) {
                offices = agencies
                        .search(
                                new org.tongxin.agency.AgencyQuery(
                                        null, AgencyType.JUDICIAL_OFFICE, null, null, d.code(), true),
                                new org.tongxin.shared.web.PageQuery(0, 100, "code", false))
                        .items()
                        .stream()
                        .map(Simulations::named)
                        .toList();
            }
            double share =
                    shares != null && shares.containsKey(d.code()) ? shares.get(d.code()) : Math.max(1, offices.size());
            specs.add(new WorldBuilder.DistrictSpec(
                    d.code(),
                    d.nameZh(),
                    d.nameEn(),
                    share,
                    named(court),
                    named(county),
                    procuratorate == null ? named(court) : named(procuratorate),
                    police == null ? named(court) : named(police),
                    offices));
        }
        if (specs.isEmpty()) {
            throw TongxinException.invalid("region", "simulationNoDistricts");
        }
        if (shares != null) {
            for (Map.Entry<String, Double> e : shares.entrySet()) {
                if (specs.stream().noneMatch(s -> s.code().equals(e.getKey()))
                        || e.getValue() == null
                        || e.getValue() < 0
                        || e.getValue() > 100) {
                    throw TongxinException.invalid("districtShares", "simulationDistrictShare");
                }
            }
        }
        double total = specs.stream()
                .mapToDouble(WorldBuilder.DistrictSpec::sharePercent)
                .sum();
        List<WorldBuilder.DistrictSpec> normalised = specs.stream()
                .map(s -> new WorldBuilder.DistrictSpec(
                        s.code(),
                        s.nameZh(),
                        s.nameEn(),
                        total == 0 ? 100.0 / specs.size() : Math.round(s.sharePercent() * 1000 / total) / 10.0,
                        s.court(),
                        s.countyAgency(),
                        s.procuratorate(),
                        s.police(),
                        s.offices()))
                .toList();
        WorldBuilder builder = new WorldBuilder(activeCases);
        normalised.forEach(s -> builder.district(s, 100));
        AgencyView prison = first(AgencyType.PRISON, AgencyLevel.CITY, region);
        AgencyView detention = first(AgencyType.DETENTION_CENTRE, AgencyLevel.CITY, region);
        WorldBuilder.Named county0 = normalised.get(0).countyAgency();
        return builder.build(
                prison == null ? county0 : named(prison),
                detention == null ? county0 : named(detention),
                rules.calendarRegion(policies.regionFor(region)));
    }

    private AgencyView first(AgencyType type, AgencyLevel level, String division) {
        List<AgencyView> found = agencies.serving(type, level, division);
        return found.isEmpty() ? null : found.get(0);
    }

    private static WorldBuilder.Named named(AgencyView a) {
        return new WorldBuilder.Named(a.id().toString(), a.nameZh(), a.nameEn() == null ? a.nameZh() : a.nameEn());
    }

    // Access

    private TongxinPrincipal runner() {
        TongxinPrincipal me = currentUser.get();
        if (me.roles().stream().noneMatch(RUNNERS::contains) || me.agencyId() == null) {
            throw TongxinException.forbidden("SIMULATION_NOT_ALLOWED");
        }
        return me;
    }

    /** A coordinator simulates a city their agency serves; the national policy editor any city. */
    private void requireRegion(TongxinPrincipal me, String region) {
        if (agencies.division(region).isEmpty()) {
            throw TongxinException.invalid("region", "simulationNoDistricts");
        }
        if (!me.has(Role.NATIONAL_POLICY_EDITOR) && !agencies.serves(me.agency(), region)) {
            throw TongxinException.forbidden("SIMULATION_REGION_NOT_YOURS");
        }
    }

    private SimulationView visible(TongxinPrincipal me, UUID id) {
        if (me.agencyId() == null || !me.agencyId().equals(runs.agencyOf(id))) {
            throw TongxinException.notFound();
        }
        return runs.find(id).orElseThrow(TongxinException::notFound);
    }
}
