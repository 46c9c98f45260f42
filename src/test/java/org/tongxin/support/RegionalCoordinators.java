package org.tongxin.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyDraft;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyManagement;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.Division;
import org.tongxin.identity.Role;
import org.tongxin.policy.PolicyModels;

/**
 * Who may edit each policy model in tests: the national baseline the Ministry's national policy editor
 * ({@code moj.policy}), City A its coordinator ({@code city.coord}), and the Beijing-style and Shanghai-style models a
 * city coordinator of a coordination office serving that municipality, made on first use (the demo has none).
 */
@Component
public class RegionalCoordinators {

    private final AgencyManagement agencies;
    private final AgencyDirectory directory;
    private final TestAccounts accounts;
    private final Map<String, String> made = new HashMap<>();

    RegionalCoordinators(AgencyManagement agencies, AgencyDirectory directory, TestAccounts accounts) {
        this.agencies = agencies;
        this.directory = directory;
        this.accounts = accounts;
    }

    /** The username of someone who may draft and publish the region's model. */
    public synchronized String editorOf(String region) {
        if (PolicyModels.NATIONAL.equals(region)) {
            return "moj.policy";
        }
        if ("369900".equals(region)) {
            return "city.coord";
        }
        return made.computeIfAbsent(region, this::coordinatorOf);
    }

    private String coordinatorOf(String region) {
        // A municipality's city-level division (市辖区) holds the office; its jurisdiction is the whole municipality.
        String city = region.substring(0, 2) + "0100";
        if (directory.division(city).isEmpty()) {
            agencies.addDivision(new Division(city, "市辖区", "Municipal districts", null, region));
        }
        String code = "T-COORD-" + region;
        if (directory.findByCode(code).isEmpty()) {
            agencies.register(new AgencyDraft(
                    code,
                    "测试协调办公室 " + region,
                    null,
                    AgencyType.COORDINATION_OFFICE,
                    AgencyLevel.CITY,
                    null,
                    city,
                    null,
                    null,
                    null,
                    List.of(region)));
        }
        return accounts.create(code, Set.of(Role.CITY_COORDINATOR), false, true, null)
                .username();
    }
}
