package org.tongxin.simulation.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.simulation.PopulationSettings;
import org.tongxin.simulation.SimulationComparison;
import org.tongxin.simulation.SimulationRequest;
import org.tongxin.simulation.SimulationView;
import org.tongxin.simulation.Simulations;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulation pages: the runs of the caller's agency with the form for a new one (City A's caseload and the periods
 * and officers to change prefilled), a run's page with its progress bar and cancel button while it runs, then its charts,
 * the table of differences per agency and the Excel download.
 */
@Controller
@PreAuthorize(SimulationApi.RUNNERS)
class SimulationPages {

    /** The steps whose period a coordinator changes most (documents, receipt, reporting in, moves), first in the list. */
    static final List<String> CHANGEABLE = List.of(
            "docs.receipt",
            "docs.deliver",
            "docs.notify",
            "report.self",
            "move.consult",
            "move.reply",
            "move.decide",
            "move.transfer",
            "move.report",
            "revoke.rule");

    private final Simulations simulations;
    private final PolicyModels policies;
    private final FormFeedback feedback;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    SimulationPages(
            Simulations simulations,
            PolicyModels policies,
            FormFeedback feedback,
            MessageSource messages,
            JsonMapper json,
            Clock clock) {
        this.simulations = simulations;
        this.policies = policies;
        this.feedback = feedback;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** A changeable step as the form offers it: its id (posted), its name and its period in the law's words. */
    public record StepChoice(String id, String name, String period) {
        public String label() {
            return name + "（" + period + "）";
        }
    }

    @GetMapping("/simulations")
    String list(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        prepare(model, Math.max(0, page), locale);
        PopulationSettings p = PopulationSettings.cityADefaults();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", messages.getMessage("simulation.form.defaultName", null, locale));
        values.put("firstMonth", YearMonth.from(LegalTime.today(clock)).toString());
        values.put("months", 12);
        values.put("region", model.getAttribute("defaultRegion"));
        values.put("population.activeCases", p.activeCases());
        values.put("population.arrivalsPerMonth", p.arrivalsPerMonth());
        values.put("population.probationPercent", p.probationPercent());
        values.put("population.parolePercent", p.parolePercent());
        values.put("population.temporaryExecutionPercent", p.temporaryExecutionPercent());
        values.put("population.surveillancePercent", p.surveillancePercent());
        values.put("population.minTermMonths", p.minTermMonths());
        values.put("population.maxTermMonths", p.maxTermMonths());
        values.put("population.minorsPercent", p.minorsPercent());
        values.put("population.reportingCompliancePercent", p.reportingCompliancePercent());
        values.put("population.leavesPerYear", p.leavesPerYear());
        values.put("population.movesPerYear", p.movesPerYear());
        values.put("population.lostContactsPerYear", p.lostContactsPerYear());
        values.put("population.violationsPerYear", p.violationsPerYear());
        values.put("population.reoffendingPerYear", p.reoffendingPerYear());
        values.put("variant.step", "docs.receipt");
        values.put("variant.amount", 3);
        model.addAttribute("values", values);
        return "simulation/list";
    }

    @PostMapping("/simulations")
    String start(@RequestParam Map<String, String> form, Model model, Locale locale) {
        try {
            SimulationView run = simulations.start(request(form));
            return "redirect:/simulations/" + run.id();
        } catch (TongxinException e) {
            if (e.fieldProblems().isEmpty() && e.status().is5xxServerError()) {
                throw e;
            }
            feedback.apply(e, model);
            prepare(model, 0, locale);
            model.addAttribute("values", new LinkedHashMap<>(form));
            return "simulation/list";
        }
    }

    @GetMapping("/simulations/{id}")
    String run(@PathVariable UUID id, Model model, Locale locale) {
        SimulationView run = simulations.get(id);
        model.addAttribute("run", run);
        model.addAttribute("changes", changes(run, locale));
        if (run.status() == org.tongxin.simulation.SimulationStatus.COMPLETED) {
            SimulationComparison c = SimulationComparison.of(simulations.figures(id));
            model.addAttribute("comparison", c);
            List<String> months =
                    c.months().stream().map(m -> m.toString().substring(0, 7)).toList();
            String a = label(run.parameters().baseline(), "simulation.scenario.A", locale);
            String b = label(run.parameters().variant(), "simulation.scenario.B", locale);
            model.addAttribute("labelA", a);
            model.addAttribute("labelB", b);
            model.addAttribute("monthLabels", months);
            model.addAttribute("breachesChart", chart("line", months, a, c.a().breaches(), b, c.b().breaches()));
            model.addAttribute("backlogChart", chart("line", months, a, c.a().backlog(), b, c.b().backlog()));
            model.addAttribute("onTimeChart", chart("line", months, a, c.a().onTimeRate(), b, c.b().onTimeRate()));
            List<SimulationComparison.AgencyLine> counties = c.agencies().stream()
                    .filter(l -> "CORRECTION_AGENCY".equals(l.agencyType()))
                    .toList();
            model.addAttribute(
                    "countyChart",
                    chart(
                            "bar",
                            counties.stream().map(l -> l.agencyName(locale)).toList(),
                            a,
                            counties.stream().map(l -> l.a().breaches()).toList(),
                            b,
                            counties.stream().map(l -> l.b().breaches()).toList()));
        }
        return "simulation/run";
    }

    @GetMapping("/simulations/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("run", simulations.get(id));
        return "simulation/run :: progress";
    }

    @PostMapping("/simulations/{id}/cancel")
    String cancel(@PathVariable UUID id, Model model, Locale locale) {
        try {
            simulations.cancel(id);
            return "redirect:/simulations/" + id;
        } catch (TongxinException e) {
            if (e.status().value() != 409) {
                throw e;
            }
            feedback.apply(e, model);
            return run(id, model, locale);
        }
    }

    @GetMapping("/simulations/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable UUID id, Locale locale) {
        return SimulationDownloads.workbook(simulations.get(id), simulations.figures(id), messages, locale);
    }

    private void prepare(Model model, int page, Locale locale) {
        model.addAttribute("page", simulations.list(page, 20));
        String region = simulations.defaultRegion();
        List<Simulations.DistrictPlan> districts = List.of();
        try {
            districts =
                    simulations.plan(region, PopulationSettings.cityADefaults().activeCases());
        } catch (TongxinException e) {
            // A national agency serves no city of its own: the form asks for the city's division code.
        }
        model.addAttribute("districts", districts);
        model.addAttribute("defaultRegion", region);
        ResolvedPolicy policy = policies.findInForce(policies.regionFor(region), LegalTime.today(clock))
                .orElse(null);
        List<StepChoice> steps = new ArrayList<>();
        if (policy != null) {
            for (String id : CHANGEABLE) {
                policy.step(id).filter(s -> s.deadline().kind().counted()).ifPresent(s -> steps.add(choice(s, locale)));
            }
        }
        model.addAttribute("steps", steps);
    }

    /** What the variant changes, in the law's words: each step's name with its new period, and the officers added. */
    private String changes(SimulationView run, Locale locale) {
        List<String> parts = new ArrayList<>();
        SimulationRequest.Scenario v = run.parameters().variant();
        ResolvedPolicy policy = policies.findInForce(policies.regionFor(run.region()), run.firstMonth())
                .orElse(null);
        if (v != null && v.deadlines() != null) {
            v.deadlines().forEach((id, amount) -> {
                ProcedureStep step = policy == null ? null : policy.step(id).orElse(null);
                parts.add(messages.getMessage(
                        "simulation.run.deadline",
                        new Object[] {
                            step == null ? id : step.name(locale),
                            step == null
                                    ? String.valueOf(amount)
                                    : period(step.deadline().kind(), amount, locale)
                        },
                        locale));
            });
        }
        if (v != null && v.extraOfficers() != null) {
            int added = v.extraOfficers().values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            if (!v.extraOfficers().isEmpty()) {
                parts.add(messages.getMessage(
                        "simulation.run.officers",
                        new Object[] {v.extraOfficers().size(), added},
                        locale));
            }
        }
        return parts.isEmpty()
                ? messages.getMessage("simulation.run.noChanges", null, locale)
                : String.join("; ", parts);
    }

    private StepChoice choice(ProcedureStep step, Locale locale) {
        return new StepChoice(
                step.id(),
                step.name(locale),
                period(step.deadline().kind(), step.deadline().amount(), locale));
    }

    /** A period in the law's words ("5 日", "5 days"), as the policy pages write it. */
    private String period(org.tongxin.policy.DeadlineKind kind, Integer amount, Locale locale) {
        return messages.getMessage("policy.deadline." + kind, new Object[] {amount}, locale);
    }

    /** The form's fields as a request: numbers that are no numbers are refused with the field named. */
    SimulationRequest request(Map<String, String> form) {
        List<FieldProblem> problems = new ArrayList<>();
        Numbers n = new Numbers(form, problems);
        PopulationSettings population = new PopulationSettings(
                n.integer("population.activeCases"),
                n.integer("population.arrivalsPerMonth"),
                n.integer("population.probationPercent"),
                n.integer("population.parolePercent"),
                n.integer("population.temporaryExecutionPercent"),
                n.integer("population.surveillancePercent"),
                n.integer("population.minTermMonths"),
                n.integer("population.maxTermMonths"),
                n.decimal("population.minorsPercent"),
                n.decimal("population.reportingCompliancePercent"),
                n.decimal("population.leavesPerYear"),
                n.decimal("population.movesPerYear"),
                n.decimal("population.lostContactsPerYear"),
                n.decimal("population.violationsPerYear"),
                n.decimal("population.reoffendingPerYear"));
        Integer months = n.integer("months");
        String seedText = form.getOrDefault("seed", "").strip();
        Long seed = null;
        if (!seedText.isEmpty()) {
            try {
                seed = Long.parseLong(seedText);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("seed", "type", new Object[0]));
            }
        }
        Map<String, Integer> deadlines = new LinkedHashMap<>();
        String step = form.getOrDefault("variant.step", "").strip();
        if (!step.isEmpty() && !form.getOrDefault("variant.amount", "").isBlank()) {
            deadlines.put(step, n.integer("variant.amount"));
        }
        Map<UUID, Integer> officers = new LinkedHashMap<>();
        for (int i = 0; form.containsKey("lines[" + i + "].agency"); i++) {
            String extra =
                    form.getOrDefault("lines[" + i + "].extraOfficers", "").strip();
            if (!extra.isEmpty() && !extra.equals("0")) {
                try {
                    officers.put(
                            UUID.fromString(form.get("lines[" + i + "].agency")),
                            n.integer("lines[" + i + "].extraOfficers"));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("lines[" + i + "].extraOfficers", "invalid", new Object[0]));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw TongxinException.invalid(problems);
        }
        return new SimulationRequest(
                form.get("name"),
                blankToNull(form.get("region")),
                form.get("firstMonth"),
                months,
                seed,
                population,
                null,
                new SimulationRequest.Scenario(blankToNull(form.get("baseline.label")), null, Map.of(), Map.of()),
                new SimulationRequest.Scenario(blankToNull(form.get("variant.label")), null, deadlines, officers));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String label(SimulationRequest.Scenario s, String key, Locale locale) {
        return s != null && s.label() != null ? s.label() : messages.getMessage(key, null, locale);
    }

    private String chart(
            String kind,
            List<String> categories,
            String a,
            List<? extends Number> dataA,
            String b,
            List<? extends Number> dataB) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("kind", kind);
        spec.put("categories", categories);
        spec.put("series", List.of(Map.of("name", a, "data", dataA), Map.of("name", b, "data", dataB)));
        spec.put("links", List.of());
        spec.put("stack", false);
        spec.put("horizontal", false);
        return json.writeValueAsString(spec);
    }

    /** Reads numbers from the form, naming each field that holds none. */
    private record Numbers(Map<String, String> form, List<FieldProblem> problems) {

        int integer(String field) {
            String v = form.getOrDefault(field, "").strip();
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(field, v.isEmpty() ? "required" : "type", new Object[0]));
                return 0;
            }
        }

        double decimal(String field) {
            String v = form.getOrDefault(field, "").strip();
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(field, v.isEmpty() ? "required" : "type", new Object[0]));
                return 0;
            }
        }
    }
}
