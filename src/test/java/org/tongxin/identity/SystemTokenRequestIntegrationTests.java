package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, item 1: the security administrator alone no longer gets a token that reads case data. A system token whose
 * roles read personal data is requested by a head of its agency and issued by the security administrator, both
 * audited; it is scoped to its agency, its operations and at most a year, and only the requester ever sees it.
 */
@IntegrationTest
class SystemTokenRequestIntegrationTests {

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

    long tokens() {
        return jdbc.sql("SELECT count(*) FROM identity_token WHERE kind = 'SYSTEM'")
                .query(Long.class)
                .single();
    }

    @Test
    void theSecurityAdministratorAloneCannotIssueATokenThatReadsTheCountysCases() throws Exception {
        long before = tokens();
        String county = agencies.findByCode("CD-CCA").orElseThrow().id().toString();
        MvcResult result = call(
                "secadmin",
                post("/api/v1/system-tokens"),
                Map.of("name", "矫正业务系统", "agencyId", county, "roles", List.of("COUNTY_OFFICER")));
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(result).get("code").asString()).isEqualTo("SYSTEM_TOKEN_NEEDS_REQUEST");
        assertThat(tokens()).as("nothing issued").isEqualTo(before);
        MvcResult page = call(
                "secadmin",
                post("/admin/tokens")
                        .param("name", "矫正业务系统")
                        .param("agencyId", county)
                        .param("roles", "COUNTY_OFFICER")
                        .param("lang", "zh-CN"),
                null);
        assertThat(page.getResponse().getContentAsString())
                .as("the page says why")
                .contains("须由该单位负责人申请")
                .doesNotContain("txs_");
        assertThat(tokens()).isEqualTo(before);
    }

    @Test
    void aHeadRequestsTheSecurityAdministratorIssuesAndOnlyTheRequesterCollectsAScopedToken() throws Exception {
        MvcResult created = call(
                "cd.county.head",
                post("/api/v1/system-token-requests"),
                Map.of(
                        "name",
                        "城东矫正业务系统",
                        "purpose",
                        "矫正业务系统每日同步待办事项",
                        "roles",
                        List.of("COUNTY_OFFICER"),
                        "operations",
                        List.of("getInbox"),
                        "lifetimeDays",
                        30));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode request = body(created);
        String id = request.get("id").asString();
        assertThat(request.get("state").asString()).isEqualTo("REQUESTED");

        assertThat(call("cx.county.head", get("/api/v1/system-token-requests/" + id), null)
                        .getResponse()
                        .getStatus())
                .as("another agency's head: the request does not exist for them")
                .isEqualTo(404);
        assertThat(call("cd.county", get("/api/v1/system-token-requests/" + id), null)
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(call("cd.county.head", post("/api/v1/system-token-requests/" + id + "/token"), Map.of("version", 0))
                        .getResponse()
                        .getStatus())
                .as("not issued yet")
                .isEqualTo(409);
        assertThat(call("cd.county.head", post("/api/v1/system-token-requests/" + id + "/issue"), Map.of("version", 0))
                        .getResponse()
                        .getStatus())
                .as("a head cannot issue")
                .isEqualTo(403);

        MvcResult issued =
                call("secadmin", post("/api/v1/system-token-requests/" + id + "/issue"), Map.of("version", 0));
        assertThat(issued.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(issued).get("state").asString()).isEqualTo("ISSUED");
        assertThat(body(issued).has("token"))
                .as("the issuer never sees the token")
                .isFalse();
        assertThat(call("secadmin", post("/api/v1/system-token-requests/" + id + "/token"), Map.of("version", 1))
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        MvcResult collected =
                call("cd.county.head", post("/api/v1/system-token-requests/" + id + "/token"), Map.of("version", 1));
        assertThat(collected.getResponse().getStatus()).isEqualTo(200);
        String token = body(collected).get("token").asString();
        assertThat(token).startsWith("txs_");
        assertThat(call("cd.county.head", post("/api/v1/system-token-requests/" + id + "/token"), Map.of("version", 2))
                        .getResponse()
                        .getStatus())
                .as("collected once")
                .isEqualTo(409);

        assertThat(mvc.perform(get("/api/v1/inbox").header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("an operation it was issued for")
                .isEqualTo(200);
        MvcResult other = mvc.perform(get("/api/v1/cases/00000000-0000-0000-0000-000000000000")
                        .header("Authorization", "Bearer " + token))
                .andReturn();
        assertThat(other.getResponse().getStatus()).as("any other operation").isEqualTo(403);
        assertThat(other.getResponse().getContentAsString()).contains("TOKEN_OPERATION_NOT_ALLOWED");
        assertThat(mvc.perform(get("/inbox").header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("never a page")
                .isEqualTo(403);

        assertThat(jdbc.sql("""
            SELECT (r.expires_at - r.decided_at)::text || '/' || (t.expires_at = r.expires_at) || '/' || t.operations
              FROM identity_token t JOIN identity_token_request r ON r.id = t.request_id WHERE r.id = :id\
            """)
                        .param("id", java.util.UUID.fromString(id))
                        .query(String.class)
                        .single())
                .as("a year at most, counted from the issue; scoped to its operations")
                .isEqualTo("30 days/true/getInbox");
        List<String> audited = jdbc.sql("""
            SELECT action || ':' || actor_username FROM audit_record WHERE target_id = :id OR details LIKE :request ORDER BY id\
            """)
                .param("id", id)
                .param("request", "%" + id + "%")
                .query(String.class)
                .list();
        assertThat(audited)
                .contains(
                        "token.request:cd.county.head", "token.request.issue:secadmin", "token.create:cd.county.head");
    }

    @Test
    void theSecurityAdministratorRefusesWithAReasonAndAHeadMayWithdraw() throws Exception {
        String id = body(call(
                        "cd.dm.head",
                        post("/api/v1/system-token-requests"),
                        Map.of(
                                "name",
                                "司法所台账",
                                "purpose",
                                "台账导出",
                                "roles",
                                List.of("OFFICE_OFFICER"),
                                "operations",
                                List.of("getInbox"))))
                .get("id")
                .asString();
        MvcResult noReason =
                call("secadmin", post("/api/v1/system-token-requests/" + id + "/refusal"), Map.of("version", 0));
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        MvcResult refused = call(
                "secadmin",
                post("/api/v1/system-token-requests/" + id + "/refusal"),
                Map.of("version", 0, "reason", "用途不需要个人信息"));
        assertThat(body(refused).get("state").asString()).isEqualTo("REFUSED");
        assertThat(body(refused).get("refusalReason").asString()).isEqualTo("用途不需要个人信息");

        String second = body(call(
                        "city.court.head",
                        post("/api/v1/system-token-requests"),
                        Map.of(
                                "name",
                                "审判系统",
                                "purpose",
                                "送达法律文书",
                                "roles",
                                List.of("COURT_CLERK"),
                                "operations",
                                List.of("deliverLegalDocuments"),
                                "lifetimeDays",
                                365)))
                .get("id")
                .asString();
        assertThat(body(call(
                                "city.court.head",
                                post("/api/v1/system-token-requests/" + second + "/withdrawal"),
                                Map.of("version", 0)))
                        .get("state")
                        .asString())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void aRequestIsCheckedFieldByFieldAndAtMostAYear() throws Exception {
        MvcResult bad = call(
                "city.court.head",
                post("/api/v1/system-token-requests"),
                Map.of(
                        "name",
                        "",
                        "roles",
                        List.of("PROSECUTOR"),
                        "operations",
                        List.of("noSuchOperation"),
                        "lifetimeDays",
                        730));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        List<String> fields = new java.util.ArrayList<>();
        body(bad).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name", "purpose", "roles", "operations", "lifetimeDays");
        assertThat(call("city.court.judge", post("/api/v1/system-token-requests"), Map.of("name", "x"))
                        .getResponse()
                        .getStatus())
                .as("not a head")
                .isEqualTo(403);
    }

    @Test
    void theHeadsAndTheSecurityAdministratorsPagesCarryTheRequestThrough() throws Exception {
        assertThat(call("city.proc.head", get("/token-requests/new?lang=zh-CN"), null)
                        .getResponse()
                        .getContentAsString())
                .contains("getInbox", "检察官");
        MvcResult invalid = call("city.proc.head", post("/token-requests").param("name", "检察业务系统"), null);
        assertThat(invalid.getResponse().getStatus())
                .as("a refused form comes back with the refusal's status")
                .isEqualTo(400);
        assertThat(invalid.getResponse().getContentAsString())
                .contains("is-invalid", "id=\"error-summary\"", "href=\"#purpose\"");
        MvcResult created = call(
                "city.proc.head",
                post("/token-requests")
                        .param("name", "检察业务系统")
                        .param("purpose", "接收抄送文书")
                        .param("roles", "PROSECUTOR")
                        .param("operations", "listCopiesToMe")
                        .param("lifetimeDays", "180"),
                null);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/token-requests/");
        assertThat(call("secadmin", get("/token-requests?lang=zh-CN"), null)
                        .getResponse()
                        .getContentAsString())
                .contains("检察业务系统", "待签发");
        MvcResult issued = call("secadmin", post(location + "/issue").param("version", "0"), null);
        assertThat(issued.getResponse().getRedirectedUrl()).isEqualTo(location);
        MvcResult collected = call("city.proc.head", post(location + "/collect").param("version", "1"), null);
        assertThat(collected.getResponse().getContentAsString()).contains("txs_");
        assertThat(call("city.proc.head", get(location + "?lang=zh-CN"), null)
                        .getResponse()
                        .getContentAsString())
                .contains("已领取")
                .doesNotContain("txs_");
    }
}
