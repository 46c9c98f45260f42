package org.tongxin.shared.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.identity.Role;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, item 11: the inputs that once answered 500 now get a coded 4xx and change nothing. A NUL character in any JSON
 * string or query or form parameter is refused before it reaches PostgreSQL (400 {@code INVALID_CHARACTER}); a date no
 * calendar holds (+999999999-12-31) is refused where it is read (400 {@code DATE_OUT_OF_RANGE}); a system token, which has no
 * person behind it, may not raise conflicts or convene meetings (403 {@code PERSON_REQUIRED}).
 */
@IntegrationTest
class BadInputIntegrationTests {

    static final String NUL = "\u0000";

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    JsonNode refused(MockHttpServletRequestBuilder request, RequestPostProcessor who, int status, String code)
            throws Exception {
        long before = rows();
        MvcResult result = mvc.perform(request.with(who).with(csrf())).andReturn();
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(rows()).as("nothing changed").isEqualTo(before);
        return problem;
    }

    long rows() {
        return jdbc.sql("""
            SELECT (SELECT count(*) FROM casefile_case) + (SELECT count(*) FROM coordination_conflict)
                 + (SELECT count(*) FROM coordination_meeting) + (SELECT count(*) FROM identity_token)\
            """).query(Long.class).single();
    }

    static MockHttpServletRequestBuilder postJson(String path, Object body, JsonMapper json) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    @Test
    void aNulCharacterInAJsonStringIsRefusedWithTheFieldAtFault() throws Exception {
        JsonNode search = refused(
                postJson("/api/v1/cases/search", Map.of("name", "张" + NUL), json),
                actors.as("cd.county"),
                400,
                "INVALID_CHARACTER");
        assertThat(search.get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(search.get("errors").get(0).get("code").asString()).isEqualTo("character");
        refused(
                postJson("/api/v1/conflicts/search", Map.of("text", NUL), json),
                actors.as("cd.county"),
                400,
                "INVALID_CHARACTER");
        JsonNode meeting = refused(
                postJson(
                        "/api/v1/meetings",
                        Map.of(
                                "title",
                                "联席会议" + NUL,
                                "scheduledAt",
                                "2030-01-10T09:30",
                                "place",
                                "会议室",
                                "attendees",
                                java.util.List.of()),
                        json),
                actors.as("city.coord"),
                400,
                "INVALID_CHARACTER");
        assertThat(meeting.get("errors").get(0).get("field").asString()).isEqualTo("title");
        refused(
                postJson("/api/v1/me/tokens", Map.of("name", "脚本" + NUL, "lifetimeDays", 30), json),
                actors.as("cd.county"),
                400,
                "INVALID_CHARACTER");
        JsonNode nested = refused(
                postJson("/api/v1/cases", Map.of("subject", Map.of("name", "李" + NUL + "明")), json),
                actors.as("cd.court.clerk"),
                400,
                "INVALID_CHARACTER");
        assertThat(nested.get("errors").get(0).get("field").asString()).isEqualTo("subject.name");
        refused(
                postJson("/api/v1/cases/search", Map.of("name", java.util.List.of()), json),
                actors.as("cd.county"),
                400,
                "INVALID_VALUE");
    }

    @Test
    void aNulCharacterInAQueryOrFormParameterIsRefused() throws Exception {
        JsonNode agencies = refused(
                get("/api/v1/agencies").param("q", "东" + NUL), actors.as("cd.county"), 400, "INVALID_CHARACTER");
        assertThat(agencies.get("errors").get(0).get("field").asString()).isEqualTo("q");
        refused(get("/api/v1/staff").param("q", NUL), actors.as("cd.county"), 400, "INVALID_CHARACTER");
        // A page: the error page, in the user's language, with the same status.
        MvcResult page = mvc.perform(post("/cases")
                        .param("name", "王" + NUL)
                        .with(actors.as("cd.county"))
                        .with(csrf()))
                .andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        MvcResult english = mvc.perform(
                        get("/agencies").param("q", NUL).param("lang", "en").with(actors.as("cd.county")))
                .andReturn();
        assertThat(english.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aDateNoCalendarHoldsIsRefusedWhereItIsRead() throws Exception {
        LocalDate birth = LocalDate.of(1990, 1, 1);
        String body = """
            {"subject": {"name": "周日期", "gender": "MALE", "ethnicity": "01", "idType": "RESIDENT_ID", "idNumber": "%s",
                         "birthDate": "+999999999-12-31", "residenceDivision": "369902001"},
             "offence": {"category": "THEFT", "offenceDate": "2025-01-01", "charges": ["盗窃罪"]},
             "decision": {"correctionType": "PROBATION", "caseNumber": "（2025）城东刑初999号", "judgmentDate": "2025-03-01",
                          "effectiveDate": "2025-03-10", "termStart": "2025-03-10", "termEnd": "2026-03-09", "inCustody": false}}\
            """.formatted(IdentityNumbers.compose("369902", birth, 97, Gender.MALE));
        JsonNode problem = refused(
                post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(body),
                actors.as("cd.court.clerk"),
                400,
                "DATE_OUT_OF_RANGE");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("subject.birthDate");
        refused(
                get("/api/v1/calendar/due")
                        .param("region", "CN")
                        .param("from", "+999999999-12-31")
                        .param("amount", "10")
                        .param("unit", "WORKING_DAYS"),
                r -> r,
                400,
                "VALIDATION_FAILED");
        assertThat(org.tongxin.casefile.internal.CaseRules.minorAt(LocalDate.MAX, LocalDate.MAX))
                .as("no overflow")
                .isFalse();
    }

    @Test
    void aSystemTokenMayNotRaiseConflictsOrConveneMeetings() throws Exception {
        String county = jdbc.sql("SELECT id FROM agency WHERE code = 'CD-PSB'")
                .query(String.class)
                .single();
        refused(
                postJson(
                        "/api/v1/conflicts",
                        Map.of("type", "RESPONSIBILITY", "parties", java.util.List.of(county), "point", "失联人员的查找由谁负责"),
                        json),
                actors.asSystemToken("CD-CCA", Role.COUNTY_OFFICER),
                403,
                "PERSON_REQUIRED");
        refused(
                postJson(
                        "/api/v1/meetings",
                        Map.of(
                                "title",
                                "系统召集的联席会议",
                                "scheduledAt",
                                "2030-01-10T09:30",
                                "place",
                                "会议室",
                                "attendees",
                                java.util.List.of()),
                        json),
                actors.asSystemToken("A-COORD", Role.CITY_COORDINATOR),
                403,
                "PERSON_REQUIRED");
    }
}
