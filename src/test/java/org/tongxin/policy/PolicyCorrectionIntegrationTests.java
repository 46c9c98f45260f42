package org.tongxin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.platform.EmbeddedDatabase;
import org.tongxin.support.IntegrationTest;

/**
 * The corrected policy models (ADR 0021): every step whose clock runs against the receiver is owed by the receiver,
 * the rows doc/procedures.md added exist, and the correction takes effect so that nothing is opened under the old rows —
 * from the first day on a fresh install (this test's database, where no obligation existed when it migrated), from the
 * day of the migration where obligations exist (a database of its own, migrated step by step).
 */
@IntegrationTest
class PolicyCorrectionIntegrationTests {

    @Value("${tongxin.data-key-file}")
    String keyFile;

    static final LocalDate FIRST_DAY = LocalDate.of(2020, 7, 1);

    @Autowired
    PolicyModels policies;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        leave.approve          | COUNTY_AGENCY          | SUBJECT           | -                        | AT_EVENT      | -
        em.approve             | COUNTY_JUDICIAL_BUREAU | COUNTY_AGENCY     | -                        | NONE          | -
        em.renew_end           | COUNTY_AGENCY          | SUBJECT           | -                        | MONTHS        | 3
        custody.notice         | DETAINING_ORGAN        | COUNTY_AGENCY     | PROCURATORATE            | CALENDAR_DAYS | 3
        move.decide            | COUNTY_AGENCY          | NEW_COUNTY_AGENCY | DECISION_ORGAN           | CALENDAR_DAYS | 5
        move.forward           | NEW_COUNTY_AGENCY      | NEW_PROCURATORATE | NEW_POLICE               | PROMPTLY      | -
        move.report            | SUBJECT                | NEW_COUNTY_AGENCY | -                        | CALENDAR_DAYS | 7
        commutation.propose    | COUNTY_AGENCY          | INTERMEDIATE_COURT| PROCURATORATE            | NONE          | -
        commutation.rule       | COURT                  | COUNTY_AGENCY     | PROCURATORATE POLICE     | CALENDAR_DAYS | 30
        revoke.propose         | COUNTY_AGENCY          | COURT             | PROCURATORATE            | NONE          | -
        revoke.arrest.request  | COUNTY_AGENCY          | COURT             | -                        | AT_EVENT      | -
        revoke.arrest.decide   | COURT                  | COUNTY_AGENCY     | POLICE                   | HOURS         | 48
        revoke.custody_limit   | COURT                  | COUNTY_AGENCY     | POLICE                   | CALENDAR_DAYS | 30
        revoke.rule            | COURT                  | COUNTY_AGENCY     | POLICE PROCURATORATE     | CALENDAR_DAYS | 30
        jwzx.recall.decide     | DECISION_ORGAN         | COUNTY_AGENCY     | POLICE PROCURATORATE     | CALENDAR_DAYS | 30
        procuratorate.opinion  | PROCURATORATE          | ADDRESSED_UNIT    | -                        | NONE          | -
        procuratorate.reply    | ADDRESSED_UNIT         | PROCURATORATE     | -                        | NONE          | -
        supervise.medical      | SUBJECT                | COUNTY_AGENCY     | -                        | MONTHS        | 3
        minors.measures        | COUNTY_AGENCY          | -                 | -                        | PROMPTLY      | -
        minors.team            | COUNTY_AGENCY          | -                 | -                        | PROMPTLY      | -
        minors.guardian        | COUNTY_AGENCY          | GUARDIAN          | COMPETENT_DEPARTMENT     | PROMPTLY      | -
        minors.confidential    | EVERY_PARTY            | -                 | -                        | NONE          | -
        minors.education       | COUNTY_AGENCY          | EDUCATION_DEPARTMENT | -                     | PROMPTLY      | -
        minors.employment      | COUNTY_AGENCY          | ASSISTING_DEPARTMENT | -                     | NONE          | -
        minors.adult           | EVERY_PARTY            | -                 | -                        | NONE          | -
        minors.seal            | EVERY_PARTY            | -                 | -                        | AT_EVENT      | -
        """)
    void theCorrectedBaselineNamesWhoOwesEachStepToWhomAndItsPeriod(
            String step, Organ owes, Organ counterparty, String copies, DeadlineKind kind, Integer amount) {
        ProcedureStep s = policies.inForce(PolicyModels.NATIONAL, LocalDate.of(2026, 3, 2))
                .require(step);
        assertThat(s.owes()).isEqualTo(owes);
        assertThat(s.counterparty()).isEqualTo(counterparty);
        assertThat(s.copies())
                .containsExactlyElementsOf(
                        copies == null
                                ? List.of()
                                : List.of(copies.trim().split("\\s+")).stream()
                                        .map(Organ::valueOf)
                                        .toList());
        assertThat(s.deadline().kind()).isEqualTo(kind);
        assertThat(s.deadline().amount()).isEqualTo(amount);
        assertThat(s.pausable()).isFalse();
        assertThat(s.legalBasis()).isNotBlank();
        assertThat(s.nameEn()).isNotBlank();
    }

    @Test
    void aFreshInstallIsCorrectedFromTheFirstDaySoNothingIsEverOpenedUnderTheOldRows() {
        for (String region : List.of("CN", "110000", "310000", "369900")) {
            // Other tests of this database publish later versions; the first three are the law's (V151, V210).
            List<PolicyModels.VersionView> versions = policies.versions(region).stream()
                    .filter(v -> v.number() <= 3)
                    .toList();
            assertThat(versions)
                    .extracting(PolicyModels.VersionView::number)
                    .as(region)
                    .containsExactly(3, 2, 1);
            assertThat(versions)
                    .extracting(PolicyModels.VersionView::effectiveFrom)
                    .as(region)
                    .containsOnly(FIRST_DAY);
            assertThat(versions).allMatch(PolicyModels.VersionView::published);
            ResolvedPolicy first = policies.inForce(region, FIRST_DAY);
            assertThat(first.version().number())
                    .as("versions in force the same day: the newest applies")
                    .isEqualTo(3);
            assertThat(first.step("revoke.arrest")).isEmpty();
            assertThat(first.require("revoke.arrest.decide").owes()).isEqualTo(Organ.COURT);
        }
        ResolvedPolicy original =
                policies.version(policies.versions("CN").getLast().id());
        assertThat(original.require("revoke.arrest").owes())
                .as("the version as first published is kept, unchanged")
                .isEqualTo(Organ.COUNTY_AGENCY);
        assertThat(original.settings().immediateAlertHours()).isEqualTo(24);
    }

    @Test
    void whereObligationsExistTheCorrectionTakesEffectTheDayItRunsAndCorrectsLaterVersionsAndTheOpenDraft()
            throws Exception {
        EmbeddedDatabase embedded = EmbeddedDatabase.current().orElseThrow();
        String database =
                embedded.database("policy_" + UUID.randomUUID().toString().substring(0, 8));
        DataSource source = embedded.superuserDataSource(database);
        Flyway flyway = Flyway.configure()
                .dataSource(source)
                .initSql("SET ROLE " + EmbeddedDatabase.OWNER_ROLE)
                .locations("classpath:db/migration")
                .placeholders(Map.of(
                        "app_role", EmbeddedDatabase.APP_ROLE, "data_key_file", keyFile, "crypto_suite", "STANDARD"))
                .load();
        Flyway.configure()
                .configuration(flyway.getConfiguration())
                .target("150")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(source);
        LocalDate today = jdbc.sql("SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date")
                .query(LocalDate.class)
                .single();
        UUID cn = model(jdbc, "CN");
        UUID cityA = model(jdbc, "369900");
        UUID cnV1 = version(jdbc, cn, 1);
        // A step opened under the old rows, a City A version scheduled for next month, a baseline draft in progress.
        jdbc.sql("""
            INSERT INTO obligation (id, case_id, step_id, policy_version_id, policy_region, owing_agency_id, status, urgency,
                deadline_kind, calendar_region, started_at, clock_start, created_at, updated_at)
            VALUES (:id, :case, 'docs.receipt', :v, 'CN', :agency, 'OPEN', 1, 'CALENDAR_DAYS', 'CN', now(), now(), now(), now())\
            """)
                .param("id", UUID.randomUUID())
                .param("case", UUID.randomUUID())
                .param("v", cnV1)
                .param("agency", UUID.randomUUID())
                .update();
        UUID scheduled = copy(jdbc, version(jdbc, cityA, 1), cityA, 2);
        jdbc.sql("UPDATE policy_version SET status = 'PUBLISHED', effective_from = :d WHERE id = :id")
                .param("d", Date.valueOf(today.plusDays(30)))
                .param("id", scheduled)
                .update();
        UUID draft = copy(jdbc, cnV1, cn, 2);
        jdbc.sql("UPDATE policy_step SET deadline_amount = 7 WHERE version_id = :v AND step_id = 'docs.notify'")
                .param("v", draft)
                .update();

        Flyway.configure()
                .configuration(flyway.getConfiguration())
                .target("152")
                .load()
                .migrate();

        assertThat(versions(jdbc, cn))
                .containsExactly(
                        Map.of("number", 1, "status", "PUBLISHED", "effective", FIRST_DAY),
                        Map.of("number", 3, "status", "PUBLISHED", "effective", today),
                        Map.of("number", 4, "status", "DRAFT"));
        UUID cnV3 = version(jdbc, cn, 3);
        assertThat(steps(jdbc, cnV3))
                .contains("revoke.arrest.decide", "procuratorate.reply", "minors.seal")
                .doesNotContain("revoke.arrest");
        assertThat(jdbc.sql("SELECT immediate_alert_hours FROM policy_version WHERE id = :v")
                        .param("v", cnV3)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(steps(jdbc, draft))
                .as("the draft is corrected too")
                .contains("revoke.arrest.decide")
                .doesNotContain("revoke.arrest");
        assertThat(jdbc.sql("SELECT deadline_amount FROM policy_step WHERE version_id = :v AND step_id = 'docs.notify'")
                        .param("v", draft)
                        .query(Integer.class)
                        .single())
                .as("the coordinator's edit of a step the correction leaves alone")
                .isEqualTo(7);
        assertThat(jdbc.sql("SELECT count(*) FROM policy_setting WHERE version_id = :v")
                        .param("v", draft)
                        .query(Integer.class)
                        .single())
                .as("every setting the migrations up to the target know (the sanction thresholds come with V211)")
                .isEqualTo((int) java.util.Arrays.stream(PolicySetting.values())
                        .filter(x -> x.group() != PolicySetting.Group.SANCTION)
                        .count());

        assertThat(versions(jdbc, cityA))
                .containsExactly(
                        Map.of("number", 1, "status", "PUBLISHED", "effective", FIRST_DAY),
                        Map.of("number", 2, "status", "PUBLISHED", "effective", today.plusDays(30)),
                        Map.of("number", 3, "status", "PUBLISHED", "effective", today),
                        Map.of("number", 4, "status", "PUBLISHED", "effective", today.plusDays(30)));
        for (int corrected : new int[] {3, 4}) {
            UUID v = version(jdbc, cityA, corrected);
            assertThat(steps(jdbc, v))
                    .as("City A v%d", corrected)
                    .contains("procuratorate.reply")
                    .doesNotContain("procuratorate.opinion");
            assertThat(jdbc.sql("SELECT value FROM policy_setting WHERE version_id = :v AND setting_key ="
                                    + " 'leaveOfficeEntrusted'")
                            .param("v", v)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'policy_version_one_draft_idx'")
                        .query(Integer.class)
                        .single())
                .as("one draft per model, again")
                .isEqualTo(1);

        flyway.migrate();
        assertThat(versions(jdbc, cn))
                .as("the sources (V210) are one more correction of the same kind")
                .containsExactly(
                        Map.of("number", 1, "status", "PUBLISHED", "effective", FIRST_DAY),
                        Map.of("number", 3, "status", "PUBLISHED", "effective", today),
                        Map.of("number", 5, "status", "PUBLISHED", "effective", today),
                        Map.of("number", 6, "status", "DRAFT"));
        assertThat(jdbc.sql("SELECT legal_basis FROM policy_step WHERE version_id = :v AND step_id = 'docs.receipt'")
                        .param("v", version(jdbc, cn, 5))
                        .query(String.class)
                        .single())
                .isEqualTo("IM 16 [R]");
        assertThat(jdbc.sql("SELECT legal_basis FROM policy_step WHERE version_id = :v AND step_id = 'docs.receipt'")
                        .param("v", cnV1)
                        .query(String.class)
                        .single())
                .as("published versions never change")
                .isEqualTo("IM 16");
    }

    static UUID model(JdbcClient jdbc, String region) {
        return jdbc.sql("SELECT id FROM policy_model WHERE region = :r")
                .param("r", region)
                .query(UUID.class)
                .single();
    }

    static UUID version(JdbcClient jdbc, UUID model, int number) {
        return jdbc.sql("SELECT id FROM policy_version WHERE model_id = :m AND number = :n")
                .param("m", model)
                .param("n", number)
                .query(UUID.class)
                .single();
    }

    /** A draft copy of a version (its steps and settings), as a coordinator's draft starts. */
    static UUID copy(JdbcClient jdbc, UUID from, UUID model, int number) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
            INSERT INTO policy_version (id, model_id, number, status, warning_working_days, prompt_alert_hours,
                immediate_alert_hours, escalation_working_days, note_zh, created_at)
            SELECT :id, model_id, :n, 'DRAFT', warning_working_days, prompt_alert_hours, immediate_alert_hours,
                   escalation_working_days, '协调员的草稿', now() FROM policy_version WHERE id = :from\
            """).param("id", id).param("n", number).param("from", from).update();
        jdbc.sql("""
            INSERT INTO policy_step SELECT :id, step_id, change, sort_order, group_key, name_zh, name_en, trigger_zh, trigger_en,
                owes, counterparty, copies, watcher, deadline_kind, deadline_amount, deadline_expedited, documents_zh,
                documents_en, legal_basis, confidence, pausable, note_zh, note_en FROM policy_step WHERE version_id = :from\
            """).param("id", id).param("from", from).update();
        return id;
    }

    static List<Map<String, Object>> versions(JdbcClient jdbc, UUID model) {
        return jdbc.sql("SELECT number, status, effective_from FROM policy_version WHERE model_id = :m ORDER BY number")
                .param("m", model)
                .query((rs, n) -> rs.getDate(3) == null
                        ? Map.<String, Object>of("number", rs.getInt(1), "status", rs.getString(2))
                        : Map.<String, Object>of(
                                "number",
                                rs.getInt(1),
                                "status",
                                rs.getString(2),
                                "effective",
                                rs.getDate(3).toLocalDate()))
                .list();
    }

    static List<String> steps(JdbcClient jdbc, UUID version) {
        return jdbc.sql("SELECT step_id FROM policy_step WHERE version_id = :v AND change <> 'REMOVED'")
                .param("v", version)
                .query(String.class)
                .list();
    }
}
