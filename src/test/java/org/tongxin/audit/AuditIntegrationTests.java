package org.tongxin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.audit.internal.AuditSealer;
import org.tongxin.audit.internal.AuditVerifier;
import org.tongxin.platform.EmbeddedDatabase;
import org.tongxin.support.Actors;
import org.tongxin.support.ApplicationRole;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.WebSession;

/** doc/security-requirements.md S12–S13: reads are audited, the log is append-only, and tampering is found. */
@IntegrationTest
class AuditIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource applicationRole;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditVerifier verifier;

    /** One connection, so that session settings (session_replication_role) hold for every statement. */
    JdbcTemplate superuser() throws java.sql.SQLException {
        return new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                EmbeddedDatabase.current().orElseThrow().superuserDataSource().getConnection(), true));
    }

    @Test
    void readingAPersonsRecordWritesOneRecordNamingThemWithPurposeAndCorrelation() throws Exception {
        String subject = actors.user("cx.xg").id().toString();
        mvc.perform(get("/api/v1/users/" + subject)
                        .with(actors.as("sysadmin"))
                        .header("X-Correlation-Id", "test-corr-0001"))
                .andExpect(status().isOk());
        Map<String, Object> record = jdbc.sql("""
            SELECT actor_username, actor_roles, action, outcome, purpose, correlation_id, array_to_string(subject_ids, ',') AS subjects
              FROM audit_record WHERE correlation_id = 'test-corr-0001'\
            """).query().singleRow();
        assertThat(record)
                .containsEntry("actor_username", "sysadmin")
                .containsEntry("actor_roles", "SYSTEM_ADMIN")
                .containsEntry("action", "user.view")
                .containsEntry("outcome", "SUCCESS")
                .containsEntry("purpose", "api/getUser")
                .containsEntry("subjects", subject);
    }

    @Test
    void loginEventsAreAuditedWithTheNameTriedAndTheOutcome() {
        WebSession web = new WebSession(port);
        web.submitLogin("cd.lq", "Not-The-Password-1");
        web.login("cd.lq", DemoAccounts.PASSWORD, null);
        List<String> events = jdbc.sql("""
            SELECT action || ':' || outcome FROM audit_record
             WHERE actor_username = 'cd.lq' AND category = 'SECURITY' ORDER BY id\
            """).query(String.class).list();
        assertThat(events)
                .containsSubsequence("login.failure:FAILURE", "login.password:SUCCESS", "login.success:SUCCESS");
        web.get("/");
        web.post("/logout", Map.of());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE actor_username = 'cd.lq' AND action = 'logout'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theApplicationRoleCanOnlyAppendToTheAuditLog() throws Exception {
        try (ApplicationRole role = ApplicationRole.connect(applicationRole)) {
            JdbcTemplate app = role.jdbc();
            assertThatThrownBy(() -> app.update(
                            "UPDATE audit_record SET action = 'x' WHERE id = (SELECT min(id) FROM audit_record)"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(
                            () -> app.update("DELETE FROM audit_record WHERE id = (SELECT min(id) FROM audit_record)"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.update("DELETE FROM audit_seal"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.update("TRUNCATE audit_record"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theVerifierFindsARecordChangedAndARecordRemovedByTheDatabaseSuperuser() throws Exception {
        mvc.perform(get("/api/v1/users/" + actors.user("bh.bh").id())
                .with(actors.as("sysadmin"))
                .header("X-Correlation-Id", "tamper-target-1"));
        long id = jdbc.sql("SELECT id FROM audit_record WHERE correlation_id = 'tamper-target-1'")
                .query(Long.class)
                .single();
        sealer.sealNow();
        assertThat(verifier.verify().problems()).as("intact before tampering").isEmpty();

        JdbcTemplate su = superuser();
        Map<String, Object> original = su.queryForMap("SELECT * FROM audit_record WHERE id = ?", id);
        su.execute("SET session_replication_role = replica");
        try {
            su.update("UPDATE audit_record SET actor_username = 'someone-else' WHERE id = ?", id);
            AuditVerification changed = verifier.verify();
            assertThat(changed.intact()).isFalse();
            assertThat(changed.problems())
                    .extracting(AuditVerification.Problem::kind, AuditVerification.Problem::recordId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditVerification.Kind.RECORD_CHANGED, id));

            su.update("DELETE FROM audit_record WHERE id = ?", id);
            AuditVerification missing = verifier.verify();
            assertThat(missing.problems())
                    .extracting(AuditVerification.Problem::kind, AuditVerification.Problem::recordId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditVerification.Kind.RECORD_MISSING, id));
        } finally {
            // Put the record back exactly as it was, so the shared test database stays intact.
            su.update("DELETE FROM audit_record WHERE id = ?", id);
            su.update(
                    """
                    INSERT INTO audit_record (id, occurred_at, txid, category, action, outcome, actor_kind, actor_user_id,
                        actor_username, actor_agency_id, actor_roles, client_ip, correlation_id, target_type, target_id,
                        subject_ids, purpose, details, row_hash)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?\
                    """,
                    original.get("id"),
                    original.get("occurred_at"),
                    original.get("txid"),
                    original.get("category"),
                    original.get("action"),
                    original.get("outcome"),
                    original.get("actor_kind"),
                    original.get("actor_user_id"),
                    original.get("actor_username"),
                    original.get("actor_agency_id"),
                    original.get("actor_roles"),
                    original.get("client_ip"),
                    original.get("correlation_id"),
                    original.get("target_type"),
                    original.get("target_id"),
                    original.get("subject_ids").toString(),
                    original.get("purpose"),
                    original.get("details"),
                    original.get("row_hash"));
            su.execute("SET session_replication_role = origin");
        }
        assertThat(verifier.verify().problems())
                .as("intact again once restored")
                .isEmpty();
    }

    @Test
    void theVerifierFindsARemovedSeal() throws Exception {
        mvc.perform(get("/api/v1/users/" + actors.user("qs.yl").id()).with(actors.as("sysadmin")));
        sealer.sealNow();
        mvc.perform(get("/api/v1/users/" + actors.user("qs.xk").id()).with(actors.as("sysadmin")));
        sealer.sealNow();
        JdbcTemplate su = superuser();
        Map<String, Object> seal = su.queryForMap("SELECT * FROM audit_seal ORDER BY id DESC OFFSET 1 LIMIT 1");
        su.execute("SET session_replication_role = replica");
        try {
            su.update("DELETE FROM audit_seal WHERE id = ?", seal.get("id"));
            AuditVerification result = verifier.verify();
            assertThat(result.problems())
                    .extracting(AuditVerification.Problem::kind)
                    .contains(AuditVerification.Kind.SEAL_GAP, AuditVerification.Kind.SEAL_BROKEN);
        } finally {
            su.update(
                    """
                    INSERT INTO audit_seal (id, sealed_at, txid_from, txid_to, record_count, record_ids, batch_hash, previous_hash, seal_hash)
                    VALUES (?, ?, ?, ?, ?, ?::bigint[], ?, ?, ?)\
                    """,
                    seal.get("id"),
                    seal.get("sealed_at"),
                    seal.get("txid_from"),
                    seal.get("txid_to"),
                    seal.get("record_count"),
                    seal.get("record_ids").toString(),
                    seal.get("batch_hash"),
                    seal.get("previous_hash"),
                    seal.get("seal_hash"));
            su.execute("SET session_replication_role = origin");
        }
        assertThat(verifier.verify().problems()).isEmpty();
    }

    @Test
    void ifTheAuditLogCannotBeWrittenTheReadFailsWithNothingShown() throws Exception {
        // Revoking needs the owner of the table; the superuser acts for it here.
        JdbcTemplate su = superuser();
        su.execute("REVOKE INSERT ON audit_record FROM " + EmbeddedDatabase.APP_ROLE);
        try {
            mvc.perform(get("/api/v1/users/" + actors.user("cd.nh").id()).with(actors.as("sysadmin")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.code").value("AUDIT_UNAVAILABLE"))
                    .andExpect(jsonPath("$.username").doesNotExist());
        } finally {
            su.execute("GRANT INSERT ON audit_record TO " + EmbeddedDatabase.APP_ROLE);
        }
    }

    @Test
    void onlyTheAuditAdministratorSearchesAndVerifies() throws Exception {
        mvc.perform(get("/api/v1/audit/records?action=login.&size=5").with(actors.as("auditadmin")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/audit/verifications")
                        .with(actors.as("auditadmin"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems").isArray());
        for (String other : List.of("sysadmin", "secadmin", "cd.county")) {
            mvc.perform(get("/api/v1/audit/records").with(actors.as(other))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'audit.search' AND actor_username ="
                                + " 'auditadmin'")
                        .query(Long.class)
                        .single())
                .as("searching the audit log is itself audited")
                .isPositive();
    }
}
