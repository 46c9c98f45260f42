package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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

/** API callers: personal tokens act as their user; system tokens for one agency and named roles; only hashes kept. */
@IntegrationTest
class TokenIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgencyDirectory agencies;

    JsonNode read(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
        return json.readTree(actions.andReturn().getResponse().getContentAsString());
    }

    @Test
    void aPersonalTokenActsAsItsUserUntilRevoked() throws Exception {
        JsonNode issued = read(mvc.perform(post("/api/v1/me/tokens")
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"科室对接\", \"lifetimeDays\": 30}"))
                .andExpect(status().isCreated()));
        String token = issued.get("token").asString();
        assertThat(token).startsWith("txp_").hasSize(47);
        org.springframework.test.web.servlet.MvcResult me = mvc.perform(
                        get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("cd.county"))
                .andExpect(jsonPath("$.kind").value("PERSONAL_TOKEN"))
                .andExpect(jsonPath("$.roles[0]").value("COUNTY_OFFICER"))
                .andReturn();
        // A system calling with a token holds no session: nothing to store, expire or hijack.
        assertThat(me.getRequest().getSession(false))
                .as("session of a bearer call")
                .isNull();
        assertThat(me.getResponse().getHeader("Set-Cookie")).isNull();
        for (String path : List.of("/api/v1/inbox", "/api/v1/cases/00000000-0000-0000-0000-000000000000")) {
            org.springframework.test.web.servlet.MvcResult call = mvc.perform(
                            get(path).header("Authorization", "Bearer " + token))
                    .andReturn();
            assertThat(call.getRequest().getSession(false))
                    .as("session of a bearer call to %s", path)
                    .isNull();
        }
        // No CSRF token needed with a bearer token (browsers never send one by themselves).
        mvc.perform(post("/api/v1/me/tokens")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("TOKEN_NEEDS_LOGIN"));
        mvc.perform(delete("/api/v1/me/tokens/" + issued.get("id").asString())
                        .with(actors.as("cd.county"))
                        .with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_TOKEN"));
    }

    @Test
    void tokensAreStoredOnlyAsHashes() throws Exception {
        JsonNode issued = read(mvc.perform(post("/api/v1/me/tokens")
                .with(actors.as("cx.county"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"hash check\"}")));
        String token = issued.get("token").asString();
        List<String> columns = jdbc.sql("SELECT row_to_json(t)::text FROM identity_token t")
                .query(String.class)
                .list();
        assertThat(columns).noneMatch(row -> row.contains(token.substring(4)));
    }

    @Test
    void aSystemTokenActsForOneAgencyWithItsRolesOnly() throws Exception {
        String court = agencies.findByCode("CD-COURT").orElseThrow().id().toString();
        mvc.perform(post("/api/v1/system-tokens")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"法院审判系统\", \"agencyId\": \"" + court
                                + "\", \"roles\": [\"SYSTEM_ADMIN\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("noAdminRoleForToken"));
        mvc.perform(post("/api/v1/system-tokens")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"name\": \"法院审判系统\", \"agencyId\": \"" + court + "\", \"roles\": [\"PROSECUTOR\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("roleForAgency"));
        // A court clerk reads the court's cases: such a token takes the court's head and the security administrator.
        mvc.perform(post("/api/v1/system-tokens")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"法院审判系统\", \"agencyId\": \"" + court
                                + "\", \"roles\": [\"COURT_CLERK\"]}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("SYSTEM_TOKEN_NEEDS_REQUEST"));
        String ministry = agencies.findByCode("MOJ-CCB").orElseThrow().id().toString();
        JsonNode issued = read(mvc.perform(post("/api/v1/system-tokens")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"全国规则库同步\", \"agencyId\": \"" + ministry
                                + "\", \"roles\": [\"NATIONAL_POLICY_EDITOR\"]}"))
                .andExpect(status().isCreated()));
        String token = issued.get("token").asString();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("SYSTEM_TOKEN"))
                .andExpect(jsonPath("$.agencyId").value(ministry))
                .andExpect(jsonPath("$.roles[0]").value("NATIONAL_POLICY_EDITOR"));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/system-tokens/" + issued.get("id").asString())
                        .with(actors.as("secadmin"))
                        .with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void malformedOrUnknownTokensGet401() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer txp_unknown"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_TOKEN"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + "txp_" + "A".repeat(43)))
                .andExpect(status().isUnauthorized());
    }
}
