package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Separation of the three administrator duties (doc/security-requirements.md S5) and the account rules. */
@IntegrationTest
class AccountAdministrationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    JsonNode createAccount(String agencyCode) throws Exception {
        String username = "acct" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
            {"username": "%s", "displayName": "新同事", "agencyId": "%s"}\
            """.formatted(
                        username, agencies.findByCode(agencyCode).orElseThrow().id());
        return json.readTree(mvc.perform(post("/api/v1/users")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    int version(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/users/" + id).with(actors.as("secadmin")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("version")
                .asInt();
    }

    @Test
    void theSystemAdministratorCreatesAnAccountWithoutRolesAndAOneTimePassword() throws Exception {
        JsonNode created = createAccount("CD-SO-DM");
        assertThat(created.get("oneTimePassword").asString()).hasSizeGreaterThanOrEqualTo(12);
        mvc.perform(get("/api/v1/users/" + created.get("id").asString()).with(actors.as("sysadmin")))
                .andExpect(jsonPath("$.roles.length()").value(0))
                .andExpect(jsonPath("$.mustChangePassword").value(true));
    }

    @Test
    void theSystemAdministratorCannotGrantRoles() throws Exception {
        JsonNode created = createAccount("CD-SO-DM");
        mvc.perform(put("/api/v1/users/" + created.get("id").asString() + "/roles")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"OFFICE_OFFICER\"], \"version\": 0}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSecurityAdministratorGrantsRolesThatFitTheAgency() throws Exception {
        String id = createAccount("CD-SO-DM").get("id").asString();
        mvc.perform(put("/api/v1/users/" + id + "/roles")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"JUDGE\"], \"version\": " + version(id) + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("roleForAgency"));
        mvc.perform(put("/api/v1/users/" + id + "/roles")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"roles\": [\"OFFICE_OFFICER\", \"OFFICE_HEAD\"], \"version\": " + version(id) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.length()").value(2));
    }

    @Test
    void administratorRolesExcludeEveryOtherRole() throws Exception {
        String id = createAccount("A-JB").get("id").asString();
        mvc.perform(put("/api/v1/users/" + id + "/roles")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"SYSTEM_ADMIN\", \"AUDIT_ADMIN\"], \"version\": " + version(id) + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("adminRoleExclusive"));
        mvc.perform(put("/api/v1/users/" + id + "/roles")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"CITY_COORDINATOR\", \"AUDIT_ADMIN\"], \"version\": " + version(id)
                                + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("adminRoleExclusive"));
    }

    @Test
    void nobodyChangesTheirOwnRolesOrSecondFactor() throws Exception {
        String secadmin = actors.user("secadmin").id().toString();
        mvc.perform(put("/api/v1/users/" + secadmin + "/roles")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [], \"version\": " + version(secadmin) + "}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OWN_ACCOUNT"));
        mvc.perform(post("/api/v1/users/" + secadmin + "/mfa-reset")
                        .with(actors.as("secadmin"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void administratorAccountsAreTheSecurityAdministratorsNotTheSystemAdministrators() throws Exception {
        String auditadmin = actors.user("auditadmin").id().toString();
        mvc.perform(post("/api/v1/users/" + auditadmin + "/disable")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version(auditadmin) + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/" + auditadmin + "/password-reset")
                        .with(actors.as("sysadmin"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theLastActiveAuditAdministratorCannotBeDisabled() throws Exception {
        String auditadmin = actors.user("auditadmin").id().toString();
        mvc.perform(post("/api/v1/users/" + auditadmin + "/disable")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version(auditadmin) + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("LAST_ADMIN"));
    }

    @Test
    void administratorsHaveNoCaseRoleSoTheCaseAccessComponentHidesEveryCase() {
        for (String admin : new String[] {"sysadmin", "secadmin", "auditadmin"}) {
            UserView user = actors.user(admin);
            TongxinPrincipal principal = new TongxinPrincipal(
                    TongxinPrincipal.Kind.SESSION,
                    user.id().value(),
                    admin,
                    admin,
                    user.agencyId().value(),
                    user.roles(),
                    null,
                    0);
            CaseAccessDecision decision = CaseAccess.decide(
                    principal, java.util.List.of(new LawfulRole(user.agencyId(), Participation.EXECUTING_AGENCY)));
            assertThat(decision.visible()).as(admin).isFalse();
        }
    }

    @Test
    void everyChangeOfAnAccountIsAudited() throws Exception {
        String id = createAccount("CX-SO-XG").get("id").asString();
        mvc.perform(put("/api/v1/users/" + id + "/roles")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"OFFICE_OFFICER\"], \"version\": " + version(id) + "}"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE target_id = :id ORDER BY id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .contains("user.create", "user.roles");
    }
}
