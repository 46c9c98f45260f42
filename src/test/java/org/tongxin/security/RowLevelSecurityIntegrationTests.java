package org.tongxin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.shared.jdbc.RowSecurity;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * Row-level security binds the application role whatever it says about itself, and covers every table that holds
 * case data (doc/security-requirements.md S9, doc/adr/0022). A new table is either case data — then it needs {@code ENABLE} and
 * {@code FORCE ROW LEVEL SECURITY}, a policy for the application role and the owner's {@code <table>_system} policy —
 * or it is listed in {@link #NOT_CASE_DATA} with the reason; otherwise this test fails (doc/development.md).
 */
@IntegrationTest
class RowLevelSecurityIntegrationTests {

    /** Tables that hold no case data, and why. A table with a case or subject column can never be listed here. */
    static final Map<String, String> NOT_CASE_DATA = new TreeMap<>(Map.ofEntries(
            Map.entry("flyway_schema_history", "the migration history, owned and written by the owner only"),
            Map.entry(
                    "event_publication", "events carry ids and non-personal facts only (EventPayloadIntegrationTests)"),
            Map.entry("spring_session", "login sessions: who is logged in, no case data"),
            Map.entry("spring_session_attributes", "login sessions: security context, CSRF token, pending login step"),
            Map.entry("agency_division", "administrative divisions: public reference data"),
            Map.entry("simulation_run", "what-if runs: parameters and seed of a synthetic caseload, no case data"),
            Map.entry("simulation_figure", "what-if results: figures per agency and month of a synthetic caseload"),
            Map.entry("agency", "the directory of agencies: public reference data"),
            Map.entry("agency_jurisdiction", "which divisions an agency serves: public reference data"),
            Map.entry("identity_user", "staff accounts, managed by the administrators"),
            Map.entry("identity_user_role", "staff roles, managed by the security administrator"),
            Map.entry("identity_token", "API tokens (hashes only)"),
            Map.entry(
                    "identity_token_request", "requests for system tokens: agency, roles, operations, the two people"),
            Map.entry(
                    "identity_credential_reset",
                    "resets of staff credentials, requested and approved by administrators"),
            Map.entry("identity_throttle", "login delays per account and source (hashed keys)"),
            Map.entry("identity_known_device", "hashes of the device cookies of completed logins"),
            Map.entry("identity_failure_tally", "counted bursts of anonymous failed logins and tokens"),
            Map.entry(
                    "audit_record",
                    "the audit log: insert-only for the application role, read by audit administrators only"),
            Map.entry("audit_seal", "the audit log's seals: insert-only"),
            Map.entry("calendar_year", "working calendars: public information"),
            Map.entry("calendar_day", "working calendars: public information"),
            Map.entry("policy_model", "policy models: the law's procedures, public within the service"),
            Map.entry("policy_version", "policy models: versions"),
            Map.entry("policy_step", "policy models: steps"),
            Map.entry("policy_setting", "policy models: effective-dated settings (leave limits, contact intervals)"),
            Map.entry("procedure_serial", "last serial number per agency, year and document kind"),
            Map.entry("document_serial", "last document number per issuing organ and year"),
            Map.entry("demo_caseload", "whether the demo caseload was made"),
            Map.entry("assistance_capacity", "places and staff a department declares per service"),
            Map.entry("statistics_handled_event", "ids of events statistics already counted"),
            Map.entry("statistics_backfill", "marks the one-time backfill of the statistics"),
            Map.entry(
                    "platform_key_rotation",
                    "progress of the key rotation per column: positions and counts, no values"),
            Map.entry(
                    "platform_key_rotation_run",
                    "each run of the key rotation: who ran it, when, counts and outcome, no values"),
            Map.entry(
                    "platform_data_key_version",
                    "when each key version was first used: versions and times, no keys, no values")));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Actors actors;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement management;

    @Autowired
    Clock clock;

    @Value("${spring.datasource.username}")
    String appRole;

    @Value("${spring.flyway.user}")
    String ownerRole;

    record Table(String name, boolean enabled, boolean forced, boolean caseColumn) {}

    @Test
    void everyTableHoldingCaseDataHasForcedRowLevelSecurityWithPoliciesForTheApplicationAndTheOwner() {
        List<Table> tables = jdbc.sql("""
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND NOT a.attisdropped
                              AND a.attname IN ('case_id', 'subject_id'))
              FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1\
            """)
                .query((rs, n) -> new Table(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)))
                .list();
        assertThat(tables)
                .extracting(Table::name)
                .contains("casefile_case", "coordination_decision", "statistics_item");
        assertThat(tables.stream().map(Table::name).toList())
                .as("every listed exception is a table that exists")
                .containsAll(NOT_CASE_DATA.keySet());

        List<String> problems = new ArrayList<>();
        for (Table t : tables) {
            if (NOT_CASE_DATA.containsKey(t.name())) {
                if (t.caseColumn()) {
                    problems.add(t.name()
                            + " has a case or subject column, so it holds case data: it cannot be an exception");
                }
                continue;
            }
            if (!t.enabled() || !t.forced()) {
                problems.add(t.name() + " lacks ENABLE and FORCE ROW LEVEL SECURITY");
            }
            List<String> appPolicies = policies(t.name(), appRole);
            if (appPolicies.stream().noneMatch(cmd -> cmd.equals("ALL") || cmd.equals("SELECT"))) {
                problems.add(
                        t.name() + " has no policy for the application role " + appRole + " (reads would see nothing)");
            }
            List<String> ownerPolicies = jdbc.sql("""
                SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND tablename = :t AND cmd = 'ALL'
                   AND roles = ARRAY[CAST(:r AS name)] AND qual = 'true' AND with_check = 'true'\
                """)
                    .param("t", t.name())
                    .param("r", ownerRole)
                    .query(String.class)
                    .list();
            if (!ownerPolicies.contains(t.name() + "_system")) {
                problems.add(t.name() + " has no policy " + t.name() + "_system for the owner role " + ownerRole
                        + " (the application's own work would see nothing)");
            }
            List<String> wide = jdbc.sql("""
                SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND tablename = :t
                   AND (:r = ANY (roles) OR 'public' = ANY (roles)) AND cmd IN ('ALL', 'SELECT') AND qual = 'true'\
                """)
                    .param("t", t.name())
                    .param("r", appRole)
                    .query(String.class)
                    .list();
            if (!wide.isEmpty()) {
                problems.add(t.name() + " lets the application role read every row through " + wide);
            }
        }
        assertThat(problems)
                .as("tables holding case data without forced row-level security (doc/development.md)")
                .isEmpty();
    }

    @Test
    void noPolicyTrustsASettingTheApplicationRoleCanMakeItself() {
        List<String> trusting = jdbc.sql("""
            SELECT tablename || '.' || policyname FROM pg_policies
             WHERE schemaname = 'public' AND (coalesce(qual, '') LIKE '%tongxin.scope%' OR coalesce(with_check, '') LIKE '%tongxin.scope%')\
            """).query(String.class).list();
        assertThat(trusting).isEmpty();
        List<String> functions = jdbc.sql("""
            SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prosrc LIKE '%tongxin.scope%'\
            """).query(String.class).list();
        assertThat(functions).isEmpty();
    }

    @Test
    void theApplicationRoleSeesNoOtherAgencysCaseWhateverItSetsForItself() throws SQLException {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        fixtures.underCorrection(fixtures.adult("隋明远", Gender.MALE));
        fixtures.decided(fixtures.subject("隋立新", Gender.MALE, fixtures.today().minusYears(30)));
        String chengdong = agencies.findByCode("CD-CCA").orElseThrow().id().toString();
        long all;
        try (Connection system = RowSecurity.systemConnection(dataSource)) {
            all = count(system, "SELECT count(*) FROM casefile_case");
        }
        assertThat(all).as("the demo holds cases").isPositive();
        try (Connection app = RowSecurity.applicationRoleConnection(dataSource)) {
            assertThat(single(app, "SELECT current_user")).isEqualTo(appRole);
            set(app, "tongxin.scope", "system");
            set(app, "tongxin.agency", "");
            assertThat(count(app, "SELECT count(*) FROM casefile_case"))
                    .as("claiming system scope gives nothing")
                    .isZero();
            for (String table : List.of(
                    "casefile_subject",
                    "casefile_party",
                    "casefile_timeline",
                    "obligation",
                    "exchange_handover",
                    "exchange_item",
                    "document_file",
                    "document_content",
                    "assistance_referral",
                    "coordination_meeting",
                    "coordination_decision",
                    "coordination_conflict",
                    "statistics_case",
                    "statistics_item",
                    "statistics_monthly")) {
                assertThat(count(app, "SELECT count(*) FROM " + table))
                        .as(table)
                        .isZero();
            }
            set(app, "tongxin.agency", chengdong);
            long own = count(app, "SELECT count(*) FROM casefile_case");
            assertThat(own).as("its own agency's cases").isPositive().isLessThanOrEqualTo(all);
            assertThat(count(app, """
                SELECT count(*) FROM casefile_case c WHERE NOT EXISTS (SELECT 1 FROM casefile_party p
                 WHERE p.case_id = c.id AND p.agency_id = CAST(current_setting('tongxin.agency') AS uuid))\
                """)).as("none of" + " another" + " agency").isZero();
            set(
                    app,
                    "tongxin.agency",
                    agencies.findByCode("BH-CCA").orElseThrow().id().toString());
            assertThat(count(
                            app,
                            "SELECT count(*) FROM casefile_case c WHERE c.county_agency_id = CAST('" + chengdong
                                    + "' AS uuid)"))
                    .as("another county sees none of Chengdong's")
                    .isZero();
            assertThatThrownBy(() -> set(app, "role", ownerRole))
                    .as("it cannot become the owner")
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theApplicationsOwnWorkRunsAsTheOwnerAndAPersonsRequestAsTheApplicationRole() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                .as("no one acting: the application's own work")
                .isEqualTo(ownerRole);
        assertThat(actors.call(
                        "cd.county",
                        () -> jdbc.sql("SELECT current_user")
                                .query(String.class)
                                .single()))
                .isEqualTo(appRole);
        assertThat(actors.call(
                        "cd.county",
                        () -> jdbc.sql("SELECT current_setting('tongxin.agency')")
                                .query(String.class)
                                .single()))
                .isEqualTo(agencies.findByCode("CD-CCA").orElseThrow().id().toString());
    }

    @Test
    void theDefinerFunctionsAnswerOnlyTheirQuestionAndOnlyTheApplicationRoleMayCallThem() {
        List<String> definers = jdbc.sql("""
            SELECT p.proname || ':' || coalesce(array_to_string(p.proconfig, ','), '') FROM pg_proc p
             WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef ORDER BY 1\
            """).query(String.class).list();
        assertThat(definers)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d).as("a fixed search path").contains("search_path=public, pg_temp"));
        List<String> publicExecutable = jdbc.sql("""
            SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef
               AND has_function_privilege('public', p.oid, 'EXECUTE')\
            """).query(String.class).list();
        assertThat(publicExecutable).isEmpty();
        TreeSet<String> owners = new TreeSet<>(jdbc.sql("""
            SELECT pg_get_userbyid(p.proowner) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef\
            """).query(String.class).list());
        assertThat(owners).containsExactly(ownerRole);
    }

    private List<String> policies(String table, String role) {
        return jdbc.sql("SELECT cmd FROM pg_policies WHERE schemaname = 'public' AND tablename = :t AND CAST(:r AS"
                        + " name) = ANY (roles)")
                .param("t", table)
                .param("r", role)
                .query(String.class)
                .list();
    }

    static void set(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config(?, ?, false)")) {
            s.setString(1, name);
            s.setString(2, value);
            s.execute();
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
