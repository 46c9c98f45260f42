package org.tongxin.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.platform.EmbeddedDatabase;
import org.tongxin.shared.jdbc.RowSecurity;
import org.tongxin.support.Actors;
import org.tongxin.support.DatabaseDump;
import org.tongxin.support.IntegrationTest;

/**
 * The case file at rest (doc/security-requirements.md S9, S15): a dump of the database holds no identity number, phone, address,
 * health or offence detail in plain text, exact-match search runs on a keyed hash, and row-level security hides
 * cases from an agency without a lawful role even to a plain SELECT of the application's database role.
 */
@IntegrationTest
class CaseStorageIntegrationTests {

    @Autowired
    CaseManagement management;

    @Autowired
    CaseDirectory directory;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    DataSource applicationRole;

    CaseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    /** The secrets of one person, each unlike anything else in the database. */
    record Secrets(
            String idNumber,
            String phone,
            String guardianPhone,
            String address,
            String health,
            String offence,
            String plan) {

        List<String> all() {
            return List.of(idNumber, phone, guardianPhone, address, health, offence, plan);
        }
    }

    Secrets personWithSecrets(String name, Gender gender) {
        String tag = digits(6);
        return new Secrets(
                CaseFixtures.identityNumber(fixtures.today().minusYears(40), gender),
                "139" + digits(8),
                "0791-" + digits(8),
                "青云路" + tag + "号院",
                "乙肝病毒携带" + tag,
                "以虚构投资项目骗取" + tag + "元",
                "每周到司法所报告并接受心理辅导，方案编号" + tag);
    }

    CaseId caseWith(String name, Gender gender, Secrets secrets) {
        SubjectData subject = new SubjectData(
                name,
                gender,
                "01",
                IdentityDocumentType.RESIDENT_ID,
                secrets.idNumber(),
                fixtures.today().minusYears(40),
                secrets.phone(),
                CaseFixtures.DONGMEN,
                secrets.address(),
                null,
                null,
                secrets.guardianPhone(),
                secrets.health());
        CaseId id = fixtures.as(
                "cd.court.clerk",
                () -> management.openDecided(new NewDecidedCase(
                        subject,
                        new OffenceData(
                                OffenceCategory.FRAUD,
                                secrets.offence(),
                                fixtures.today().minusYears(1),
                                java.util.List.of("诈骗罪")),
                        fixtures.decision(CorrectionType.PROBATION))));
        management.documentsState(id, DocumentsState.RECEIPTED);
        int v = fixtures.version(id);
        fixtures.as("cd.county", () -> management.recordArrival(id, v, false, null));
        int arrived = fixtures.version(id);
        fixtures.as("cd.county", () -> management.register(id, arrived));
        int registered = fixtures.version(id);
        fixtures.as("cd.county", () -> management.makePlan(id, registered, secrets.plan()));
        return id;
    }

    @Test
    void aDumpOfTheDatabaseShowsNoProtectedFieldInPlainText() throws Exception {
        String name = "储雪梅";
        Secrets woman = personWithSecrets(name, Gender.FEMALE);
        Secrets man = personWithSecrets("储建军", Gender.MALE);
        CaseId one = caseWith(name, Gender.FEMALE, woman);
        caseWith("储建军", Gender.MALE, man);
        assertThat(fixtures.as("cd.county", () -> directory.view(one, "check"))
                        .subject()
                        .health())
                .as("the application reads the field back")
                .isEqualTo(woman.health());

        String dump = dump();
        assertThat(dump.contains(name))
                .as("the dump holds the case file (names are not encrypted)")
                .isTrue();
        assertThat(dump.contains("casefile_subject")).isTrue();
        for (Secrets secrets : List.of(woman, man)) {
            for (String value : secrets.all()) {
                assertThat(dump.contains(value))
                        .as("a protected value of %s characters in plain text", value.length())
                        .isFalse();
            }
        }
    }

    @Test
    void theIdentityNumberIsFoundByAKeyedHashNotByAPlainDigest() throws Exception {
        Secrets secrets = personWithSecrets("储立", Gender.MALE);
        CaseId id = caseWith("储立", Gender.MALE, secrets);
        byte[] stored = jdbc.sql("SELECT id_number_hash FROM casefile_subject WHERE id = :id")
                .param("id", fixtures.subjectOf(id))
                .query(byte[].class)
                .single();
        byte[] encrypted = jdbc.sql("SELECT id_number_enc FROM casefile_subject WHERE id = :id")
                .param("id", fixtures.subjectOf(id))
                .query(byte[].class)
                .single();
        for (String algorithm : List.of("SHA-256", "SHA-1", "MD5", "SHA-512")) {
            byte[] plain = MessageDigest.getInstance(algorithm)
                    .digest(secrets.idNumber().getBytes(StandardCharsets.UTF_8));
            assertThat(stored).as(algorithm).isNotEqualTo(plain);
        }
        assertThat(new String(encrypted, StandardCharsets.ISO_8859_1).contains(secrets.idNumber()))
                .isFalse();
        assertThat(fixtures.as(
                                "cd.county",
                                () -> directory.search(
                                        new CaseData.CaseSearch(null, secrets.idNumber(), null, null, null),
                                        org.tongxin.shared.web.PageQuery.of(
                                                0, 5, null, CaseDirectory.SORTABLE, "updated"),
                                        "check"))
                        .items())
                .extracting(CaseViews.CaseSummary::id)
                .containsExactly(id);
    }

    @Test
    void theCaseTablesHaveRowLevelSecurityPoliciesForANonOwningApplicationRole() throws SQLException {
        List<String> secured = jdbc.sql(
                        "SELECT relname FROM pg_class WHERE relrowsecurity AND relname LIKE 'casefile%'")
                .query(String.class)
                .list();
        assertThat(secured)
                .contains(
                        "casefile_case",
                        "casefile_subject",
                        "casefile_timeline",
                        "casefile_team_member",
                        "casefile_plan",
                        "casefile_announcement");
        List<String> policies = jdbc.sql(
                        "SELECT tablename || ':' || cmd FROM pg_policies WHERE tablename LIKE 'casefile%'")
                .query(String.class)
                .list();
        assertThat(policies)
                .contains(
                        "casefile_case:ALL",
                        "casefile_subject:ALL",
                        "casefile_party:ALL",
                        "casefile_timeline:ALL",
                        "casefile_plan:ALL");
        try (Connection c = RowSecurity.applicationRoleConnection(applicationRole);
                PreparedStatement s = c.prepareStatement("""
                    SELECT r.rolsuper OR r.rolbypassrls OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = 'casefile_case'
                           AND c.relowner = r.oid) FROM pg_roles r WHERE r.rolname = current_user\
                    """);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getBoolean(1))
                    .as("the application role is no superuser, does not bypass RLS and does not own the table")
                    .isFalse();
        }
    }

    @Test
    void aPlainSelectAsAnotherAgencyReturnsNoRowOfTheCase() throws SQLException {
        CaseId id = fixtures.underCorrection(fixtures.adult("储明", Gender.MALE));
        int v = fixtures.version(id);
        fixtures.as("cd.county", () -> management.makePlan(id, v, "每周到司法所报告一次，参加公益活动不少于八小时。"));
        UUID subject = fixtures.subjectOf(id);
        String chengdong = fixtures.agency("CD-CCA").toString();
        String baihe = fixtures.agency("BH-CCA").toString();
        try (Connection c = RowSecurity.applicationRoleConnection(applicationRole)) {
            scope(c, "user", baihe);
            assertThat(count(c, "SELECT count(*) FROM casefile_case WHERE id = ?", id.value()))
                    .isZero();
            assertThat(count(
                            c,
                            "SELECT count(*) FROM casefile_case WHERE county_agency_id = ?",
                            fixtures.agency("CD-CCA").value()))
                    .as("no Chengdong case at all")
                    .isZero();
            assertThat(count(c, "SELECT count(*) FROM casefile_subject WHERE id = ?", subject))
                    .isZero();
            assertThat(count(c, "SELECT count(*) FROM casefile_timeline WHERE case_id = ?", id.value()))
                    .isZero();
            assertThat(count(c, "SELECT count(*) FROM casefile_plan WHERE case_id = ?", id.value()))
                    .isZero();
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE casefile_case SET expedited = TRUE WHERE id = ?")) {
                update.setObject(1, id.value());
                assertThat(update.executeUpdate())
                        .as("an update finds no row either")
                        .isZero();
            }

            scope(c, "", "");
            assertThat(count(c, "SELECT count(*) FROM casefile_case WHERE id = ?", id.value()))
                    .as("no scope, no rows")
                    .isZero();

            scope(c, "user", chengdong);
            assertThat(count(c, "SELECT count(*) FROM casefile_case WHERE id = ?", id.value()))
                    .isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM casefile_subject WHERE id = ?", subject))
                    .isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM casefile_plan WHERE case_id = ?", id.value()))
                    .isEqualTo(1);

            scope(c, "system", "");
            assertThat(count(c, "SELECT count(*) FROM casefile_case WHERE id = ?", id.value()))
                    .as("the application role cannot claim the system's sight by a setting")
                    .isZero();
        }
        try (Connection c = RowSecurity.systemConnection(applicationRole)) {
            assertThat(count(c, "SELECT count(*) FROM casefile_case WHERE id = ?", id.value()))
                    .as("the owner's own policy")
                    .isEqualTo(1);
        }
        assertThat(fixtures.version(id)).isEqualTo(v + 1);
    }

    static void scope(Connection c, String scope, String agency) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT set_config('tongxin.scope', ?, false), set_config('tongxin.agency', ?, false)")) {
            s.setString(1, scope);
            s.setString(2, agency);
            s.execute();
        }
    }

    static long count(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    String dump() throws Exception {
        return DatabaseDump.of(EmbeddedDatabase.DATABASE);
    }
}
