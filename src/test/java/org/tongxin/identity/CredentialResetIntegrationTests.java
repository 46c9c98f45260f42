package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.identity.internal.Totp;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import org.tongxin.support.MutableClock;
import org.tongxin.support.TestAccounts;
import org.tongxin.support.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, item 2: one administrator can no longer take over another. An administrator's password or second factor
 * is reset only when one administrator asks and an administrator of another administrator role approves (never the
 * target); the reset ends the target's sessions and tokens and is shown to them at their next login; both steps are
 * audited. Fresh administrator accounts, so the demo's stay as they are.
 */
@IntegrationTest
class CredentialResetIntegrationTests {

    static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Totp totp;

    @Autowired
    MutableClock clock;

    /** Administrator accounts made here: disabled afterwards, so each demo administrator stays the last of its role. */
    final java.util.List<TestAccounts.Account> admins = new java.util.ArrayList<>();

    @AfterEach
    void resetClockAndRetireTheExtraAdministrators() {
        clock.reset();
        admins.forEach(a -> jdbc.sql(
                        "UPDATE identity_user SET status = 'DISABLED', security_stamp = security_stamp + 1 WHERE id ="
                                + " :id")
                .param("id", a.id().value())
                .update());
    }

    TestAccounts.Account admin(Role role) {
        TestAccounts.Account account = accounts.create("A-JB", Set.of(role), false, false, SECRET);
        admins.add(account);
        return account;
    }

    MvcResult call(String user, MockHttpServletRequestBuilder request, Object body) throws Exception {
        request = request.with(actors.as(user)).with(csrf());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    String code() {
        clock.advance(Duration.ofSeconds(31));
        return totp.codeAt(SECRET, clock.instant());
    }

    String credentials(TestAccounts.Account account) {
        return jdbc.sql("SELECT password_hash || coalesce(encode(totp_secret, 'hex'), '-') FROM identity_user WHERE id"
                        + " = :id")
                .param("id", account.id().value())
                .query(String.class)
                .single();
    }

    @Test
    void theSecurityAdministratorNoLongerResetsAnotherAdministratorAlone() throws Exception {
        TestAccounts.Account admin = admin(Role.SYSTEM_ADMIN);
        String before = credentials(admin);
        for (String path : List.of("/password-reset", "/mfa-reset")) {
            MvcResult result = call("secadmin", post("/api/v1/users/" + admin.id() + path), null);
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(403);
            assertThat(body(result).get("code").asString()).isEqualTo("ADMIN_RESET_NEEDS_APPROVAL");
        }
        MvcResult page = call(
                "secadmin", post("/admin/users/" + admin.id() + "/mfa-reset").param("lang", "zh-CN"), null);
        assertThat(page.getResponse().getStatus())
                .as("a refused form comes back with the refusal's status")
                .isEqualTo(403);
        assertThat(page.getResponse().getContentAsString())
                .as("the page says why, and changes nothing")
                .contains("id=\"error-summary\"", "须经两名管理员办理");
        assertThat(credentials(admin)).isEqualTo(before);
    }

    @Test
    void aResetAskedByOneAndApprovedByAnotherRoleEndsTheTargetsSessionsAndTokensAndIsShownToThem() throws Exception {
        TestAccounts.Account target = admin(Role.SYSTEM_ADMIN);
        TestAccounts.Account colleague = admin(Role.SECURITY_ADMIN);
        WebSession session = new WebSession(port).login(target.username(), TestAccounts.PASSWORD, code());
        assertThat(session.get("/admin/users").statusCode()).isEqualTo(200);
        String token = body(call(target.username(), post("/api/v1/me/tokens"), Map.of("name", "运维脚本")))
                .get("token")
                .asString();
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        MvcResult requested = call(
                "secadmin",
                post("/api/v1/credential-resets"),
                Map.of("userId", target.id().toString(), "kind", "BOTH", "reason", "本人遗失手机，已电话核实"));
        assertThat(requested.getResponse().getStatus()).isEqualTo(201);
        String id = body(requested).get("id").asString();
        for (String wrong : List.of("secadmin", colleague.username(), target.username())) {
            MvcResult refused =
                    call(wrong, post("/api/v1/credential-resets/" + id + "/approval"), Map.of("version", 0));
            assertThat(refused.getResponse().getStatus()).as(wrong).isEqualTo(403);
        }
        assertThat(call(
                                "auditadmin",
                                post("/api/v1/credential-resets"),
                                Map.of("userId", target.id().toString(), "kind", "PASSWORD", "reason", "再次申请"))
                        .getResponse()
                        .getStatus())
                .as("one open request per account")
                .isEqualTo(409);
        assertThat(session.get("/admin/users").statusCode())
                .as("nothing happened yet")
                .isEqualTo(200);

        MvcResult approved =
                call("auditadmin", post("/api/v1/credential-resets/" + id + "/approval"), Map.of("version", 0));
        assertThat(approved.getResponse().getStatus()).isEqualTo(200);
        String oneTime = body(approved).get("oneTimePassword").asString();
        assertThat(body(approved).get("reset").get("state").asString()).isEqualTo("DONE");

        assertThat(session.get("/admin/users").statusCode())
                .as("the target's session ended")
                .isEqualTo(302);
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("and their tokens")
                .isEqualTo(401);

        WebSession next = new WebSession(port);
        assertThat(next.submitLogin(target.username(), oneTime).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/password"));
        next.get("/login/password");
        next.post("/login/password", Map.of("newPassword", "Lantern-Harbour-47", "confirmation", "Lantern-Harbour-47"));
        HttpResponse<String> enrol = next.get("/login/mfa/enrol");
        Matcher secret = Pattern.compile("id=\"totpSecret\">([A-Z2-7 ]+)<").matcher(enrol.body());
        assertThat(secret.find())
                .as("the second factor was removed: enrol again")
                .isTrue();
        HttpResponse<String> done = next.post(
                "/login/mfa/enrol", Map.of("code", totp.codeAt(secret.group(1).replace(" ", ""), clock.instant())));
        assertThat(done.headers().firstValue("Location"))
                .as("told at the next login")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account/resets"));
        assertThat(next.get("/account/resets?lang=zh-CN").body()).contains("本人遗失手机，已电话核实", "安全管理员", "审计管理员");
        assertThat(jdbc.sql("SELECT shown_to_target_at IS NOT NULL FROM identity_credential_reset WHERE id = :id")
                        .param("id", java.util.UUID.fromString(id))
                        .query(Boolean.class)
                        .single())
                .isTrue();

        List<String> audited = jdbc.sql(
                        "SELECT action || ':' || actor_username FROM audit_record WHERE details LIKE :id ORDER BY id")
                .param("id", "%" + id + "%")
                .query(String.class)
                .list();
        assertThat(audited).contains("credential-reset.request:secadmin", "credential-reset.approve:auditadmin");
    }

    @Test
    void theRequesterMayWithdrawAndAnotherRoleMayRefuseWithAReason() throws Exception {
        TestAccounts.Account target = admin(Role.AUDIT_ADMIN);
        String before = credentials(target);
        String first = body(call(
                        "sysadmin",
                        post("/api/v1/credential-resets"),
                        Map.of("userId", target.id().toString(), "kind", "PASSWORD", "reason", "忘记密码")))
                .get("id")
                .asString();
        assertThat(call("secadmin", post("/api/v1/credential-resets/" + first + "/withdrawal"), Map.of("version", 0))
                        .getResponse()
                        .getStatus())
                .as("only the requester withdraws")
                .isEqualTo(403);
        assertThat(body(call(
                                "sysadmin",
                                post("/api/v1/credential-resets/" + first + "/withdrawal"),
                                Map.of("version", 0)))
                        .get("state")
                        .asString())
                .isEqualTo("WITHDRAWN");
        String second = body(call(
                        "sysadmin",
                        post("/api/v1/credential-resets"),
                        Map.of("userId", target.id().toString(), "kind", "SECOND_FACTOR", "reason", "更换手机")))
                .get("id")
                .asString();
        assertThat(call("secadmin", post("/api/v1/credential-resets/" + second + "/refusal"), Map.of("version", 0))
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        assertThat(body(call(
                                "secadmin",
                                post("/api/v1/credential-resets/" + second + "/refusal"),
                                Map.of("version", 0, "reason", "未经本人确认")))
                        .get("state")
                        .asString())
                .isEqualTo("REFUSED");
        assertThat(credentials(target)).isEqualTo(before);
        assertThat(call("cd.county", get("/api/v1/credential-resets"), null)
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void aStaffMembersResetStaysOneStepAndIsShownToThemToo() throws Exception {
        TestAccounts.Account staff = accounts.countyOfficer();
        MvcResult reset = call("sysadmin", post("/api/v1/users/" + staff.id() + "/password-reset"), null);
        assertThat(reset.getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("""
            SELECT count(*) FROM identity_credential_reset
             WHERE target_user_id = :id AND state = 'DONE' AND shown_to_target_at IS NULL\
            """)
                        .param("id", staff.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(call(staff.username(), get("/api/v1/me/credential-resets"), null)
                        .getResponse()
                        .getContentAsString())
                .contains("PASSWORD", "SYSTEM_ADMIN");
    }
}
