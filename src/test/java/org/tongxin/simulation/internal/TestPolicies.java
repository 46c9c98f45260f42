package org.tongxin.simulation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.DeadlineRule;
import org.tongxin.policy.Organ;
import org.tongxin.policy.PolicySettings;
import org.tongxin.policy.PolicyVersionRef;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.policy.ResolvedPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The national baseline catalogue as its latest migration publishes it, read from the file, for tests without a database. */
final class TestPolicies {

    private TestPolicies() {}

    static ResolvedPolicy baseline() {
        try (InputStream in = TestPolicies.class.getResourceAsStream("/policy/v210/national-baseline.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            JsonNode s = root.get("settings");
            PolicySettings settings = new PolicySettings(
                    s.get("warningWorkingDays").asInt(),
                    s.get("promptAlertHours").asInt(),
                    s.get("immediateAlertHours").asInt(),
                    s.get("escalationWorkingDays").asInt());
            List<ProcedureStep> steps = new ArrayList<>();
            for (JsonNode n : root.get("steps")) {
                JsonNode d = n.get("deadline");
                DeadlineRule rule = new DeadlineRule(
                        DeadlineKind.valueOf(d.get("kind").asString()),
                        d.get("amount").isNull() ? null : d.get("amount").asInt(),
                        d.get("expeditedAmount").isNull()
                                ? null
                                : d.get("expeditedAmount").asInt());
                steps.add(new ProcedureStep(
                        n.get("id").asString(),
                        n.get("nameZh").asString(),
                        n.get("nameEn").asString(),
                        null,
                        null,
                        Organ.valueOf(n.get("owes").asString()),
                        n.get("counterparty").isNull()
                                ? null
                                : Organ.valueOf(n.get("counterparty").asString()),
                        List.of(),
                        null,
                        rule,
                        null,
                        null,
                        n.get("legalBasis").asString(),
                        n.get("confidence").asString(),
                        n.get("pausable").asBoolean(),
                        n.get("group").asString(),
                        null,
                        null,
                        ProcedureStep.Origin.BASELINE));
            }
            return new ResolvedPolicy(
                    "CN",
                    "全国",
                    "National",
                    new PolicyVersionRef(UUID.randomUUID(), "CN", 1, LocalDate.of(2020, 7, 1), true),
                    null,
                    settings,
                    steps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
