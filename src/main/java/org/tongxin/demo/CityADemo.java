package org.tongxin.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyDraft;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyManagement;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.CreditCodes;
import org.tongxin.agency.Division;
import org.tongxin.identity.AccountProvisioning;
import org.tongxin.identity.NewAccount;
import org.tongxin.identity.Role;
import org.tongxin.shared.web.DemoAccountList;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads City A ({@code demo/city-a.json}) into an empty install, all in one transaction, once. Every demo account
 * shares {@link #PASSWORD}; the three administrators have TOTP enrolled with {@link #ADMIN_TOTP_SECRET}; other demo
 * accounts may skip the second factor while demo mode is on.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "tongxin.demo", havingValue = "true")
class CityADemo implements ApplicationRunner, DemoAccountList {

    /** The shared demo password (documented in the README; demo mode only). */
    static final String PASSWORD = "Tongxin-Demo-2026";
    /** Base32 TOTP secret of the demo administrators (documented in the README; demo mode only). */
    static final String ADMIN_TOTP_SECRET = "TONGXINDEMOADMINSECRET2345672345";

    static final String MARKER_AGENCY = "A-COORD";

    private static final Logger log = LoggerFactory.getLogger(CityADemo.class);

    record DivisionData(String code, String nameZh, String nameEn, String parent) {}

    record AgencyData(
            String code,
            String nameZh,
            String nameEn,
            AgencyType type,
            AgencyLevel level,
            String parent,
            String division,
            List<String> jurisdictions,
            String address,
            String phone) {}

    record AccountData(String username, String displayName, String agency, Set<Role> roles) {}

    record CityData(List<DivisionData> divisions, List<AgencyData> agencies, List<AccountData> accounts) {}

    private final AgencyDirectory directory;
    private final AgencyManagement agencies;
    private final AccountProvisioning accounts;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    CityADemo(
            AgencyDirectory directory,
            AgencyManagement agencies,
            AccountProvisioning accounts,
            TransactionTemplate transaction,
            JsonMapper json) {
        this.directory = directory;
        this.agencies = agencies;
        this.accounts = accounts;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (directory.findByCode(MARKER_AGENCY).isPresent()) {
            return;
        }
        CityData city;
        try (InputStream in = new ClassPathResource("demo/city-a.json").getInputStream()) {
            city = json.readValue(in, CityData.class);
        }
        long start = System.nanoTime();
        transaction.executeWithoutResult(status -> load(city));
        log.info(
                "City A demo loaded: {} divisions, {} agencies, {} accounts in {} ms",
                city.divisions().size(),
                city.agencies().size(),
                city.accounts().size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** One account of each role, for the login page's table (the README lists them all). */
    @Override
    public List<DemoAccount> accounts() {
        List<String> shown = List.of(
                "cd.court.clerk",
                "cd.court.judge",
                "cd.proc",
                "cd.police",
                "cd.county",
                "cd.county.head",
                "cd.dm",
                "cd.dm.head",
                "city.coord",
                "prison.officer",
                "hrss.worker",
                "sw.sunshine",
                "city.court.head",
                "moj.policy",
                "sysadmin",
                "secadmin",
                "auditadmin");
        try (InputStream in = new ClassPathResource("demo/city-a.json").getInputStream()) {
            CityData city = json.readValue(in, CityData.class);
            Map<String, AgencyData> agencies = new HashMap<>();
            city.agencies().forEach(a -> agencies.put(a.code(), a));
            return shown.stream()
                    .flatMap(u ->
                            city.accounts().stream().filter(a -> a.username().equals(u)))
                    .map(a -> new DemoAccount(
                            a.username(),
                            "role." + a.roles().iterator().next().name(),
                            agencies.get(a.agency()).nameZh()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The names of the demo's staff, which no fictitious subject of the caseload may bear. */
    Set<String> staffNames() throws IOException {
        try (InputStream in = new ClassPathResource("demo/city-a.json").getInputStream()) {
            return json.readValue(in, CityData.class).accounts().stream()
                    .map(AccountData::displayName)
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Override
    public String sharedPassword() {
        return PASSWORD;
    }

    @Override
    public String adminTotpSecret() {
        return ADMIN_TOTP_SECRET;
    }

    private void load(CityData city) {
        for (DivisionData d : city.divisions()) {
            if (directory.division(d.code()).isEmpty()) {
                agencies.addDivision(new Division(d.code(), d.nameZh(), d.nameEn(), null, d.parent()));
            }
        }
        Map<String, AgencyId> byCode = new HashMap<>();
        int serial = 0;
        for (AgencyData a : city.agencies()) {
            serial++;
            AgencyId parent = a.parent() == null ? null : byCode.get(a.parent());
            String creditCode = CreditCodes.compose(
                    a.type() == AgencyType.SOCIAL_ORGANISATION ? '5' : '1',
                    a.type() == AgencyType.SOCIAL_ORGANISATION ? '2' : '1',
                    a.division().substring(0, 6),
                    String.format("A%07d", 1000 + serial * 13));
            byCode.put(
                    a.code(),
                    agencies.register(new AgencyDraft(
                            a.code(),
                            a.nameZh(),
                            a.nameEn(),
                            a.type(),
                            a.level(),
                            parent,
                            a.division(),
                            creditCode,
                            a.address(),
                            a.phone(),
                            a.jurisdictions() == null ? List.of() : a.jurisdictions())));
        }
        String hash = accounts.hash(PASSWORD);
        for (AccountData a : city.accounts()) {
            boolean admin = a.roles().stream().anyMatch(Role::isAdmin);
            accounts.provision(
                    new NewAccount(a.username(), a.displayName(), byCode.get(a.agency()), a.roles()),
                    hash,
                    false,
                    !admin,
                    admin ? ADMIN_TOTP_SECRET : null);
        }
    }
}
