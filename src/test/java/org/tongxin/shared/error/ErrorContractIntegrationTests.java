package org.tongxin.shared.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/** doc/security-requirements.md S21 and doc/style.md 13: bad input of every kind gets a clear 4xx problem and changes nothing. */
@IntegrationTest
class ErrorContractIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JdbcClient jdbc;

    long agencies() {
        return jdbc.sql("SELECT count(*) FROM agency").query(Long.class).single();
    }

    MockHttpServletRequestBuilder createAgency(String body) {
        return post("/api/v1/agencies")
                .with(actors.as("sysadmin"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    void expectProblem(MockHttpServletRequestBuilder request, int status, String code) throws Exception {
        long before = agencies();
        MvcResult result = mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(
                        header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andReturn();
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain("Exception", "\tat ", "org.springframework");
        assertThat(agencies()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void malformedJson() throws Exception {
        expectProblem(createAgency("{\"code\": \"X-1\", "), 400, "MALFORMED_JSON");
    }

    @Test
    void unknownFields() throws Exception {
        expectProblem(createAgency("""
            {"code": "X-2", "nameZh": "某", "type": "PROCURATORATE", "level": "COUNTY", "divisionCode": "369902", "isAdmin": true}\
            """), 400, "UNKNOWN_FIELD");
    }

    @Test
    void wrongTypesAndUnknownEnumValues() throws Exception {
        expectProblem(createAgency("""
            {"code": "X-3", "nameZh": "某", "type": "SPACE_AGENCY", "level": "COUNTY", "divisionCode": "369902"}\
            """), 400, "INVALID_VALUE");
        expectProblem(createAgency("""
            {"code": "X-3", "nameZh": "某", "type": "PROCURATORATE", "level": "COUNTY", "divisionCode": ["369902"]}\
            """), 400, "INVALID_VALUE");
    }

    @Test
    void missingAndOversizedFields() throws Exception {
        mvc.perform(createAgency("{\"nameZh\": \"" + "长".repeat(101) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'code')].code").value("required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'nameZh')].code").value("size"));
    }

    @Test
    void oversizedBodies() throws Exception {
        expectProblem(createAgency("{\"code\": \"" + "X".repeat(1_100_000) + "\"}"), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void invalidIdsUnknownPathsWrongMethodsAndMediaTypes() throws Exception {
        expectProblem(get("/api/v1/agencies/12345").with(actors.as("cd.county")), 400, "INVALID_PARAMETER");
        expectProblem(get("/api/v1/no-such-thing").with(actors.as("cd.county")), 404, "NOT_FOUND");
        expectProblem(delete("/api/v1/agencies").with(actors.as("sysadmin")).with(csrf()), 405, "METHOD_NOT_ALLOWED");
        expectProblem(
                post("/api/v1/agencies")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("code=X"),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        expectProblem(
                get("/api/v1/agencies?page=-1&size=1000&sort=password").with(actors.as("cd.county")),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void messagesFollowAcceptLanguageAndDefaultToChinese() throws Exception {
        mvc.perform(get("/api/v1/agencies/12345").with(actors.as("cd.county")))
                .andExpect(jsonPath("$.detail").value("参数 id 的值不正确。"));
        mvc.perform(get("/api/v1/agencies/12345")
                        .with(actors.as("cd.county"))
                        .header("Accept-Language", "en-GB,en;q=0.8"))
                .andExpect(jsonPath("$.detail").value("Parameter id has an invalid value."));
        mvc.perform(get("/api/v1/agencies/12345").with(actors.as("cd.county")).header("Accept-Language", "fr-FR"))
                .andExpect(jsonPath("$.detail").value("参数 id 的值不正确。"));
    }

    @Test
    void pagesShowALocalisedErrorPageNotAStackTrace() throws Exception {
        MvcResult result = mvc.perform(
                        get("/agencies/00000000-0000-0000-0000-000000000000").with(actors.as("cd.county")))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        MvcResult forwarded = mvc.perform(get("/error")
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/agencies/x"))
                .andReturn();
        assertThat(forwarded.getResponse().getContentAsString()).contains("未找到").doesNotContain("Exception");
    }
}
