package org.tongxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * A refused form comes back with the refusal's status, its fields marked and described, and the error summary at the
 * top (有错误 / There is a problem) linking to every field that has a message — on every kind of form the application
 * has: a page that shows a field's message without its line in the summary fails here.
 */
@IntegrationTest
class FormErrorSummaryIntegrationTests {

    private static final Pattern FIELD_MESSAGE =
            Pattern.compile("class=\"invalid-feedback d-block\" id=\"([^\"]+)-error\"");
    private static final Pattern SUMMARY =
            Pattern.compile("<div class=\"tx-error-summary\" id=\"error-summary\"(.*?)</ul>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    CaseSamples samples;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    CaseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
    }

    /** The page as refused: its status, and every field message linked from the summary. Returns the page. */
    private String refused(String user, MockHttpServletRequestBuilder request, int status, String... expectedFields)
            throws Exception {
        var response = mvc.perform(request.with(csrf()).with(actors.as(user)))
                .andReturn()
                .getResponse();
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("status of %s", request).isEqualTo(status);
        Matcher summary = SUMMARY.matcher(html);
        assertThat(summary.find()).as("the error summary on %s", request).isTrue();
        String box = summary.group(1);
        Set<String> fields = new LinkedHashSet<>();
        Matcher m = FIELD_MESSAGE.matcher(html);
        while (m.find()) {
            fields.add(m.group(1));
        }
        assertThat(fields).as("fields with a message on %s", request).contains(expectedFields);
        for (String field : fields) {
            assertThat(box).as("the summary links to %s", field).contains("href=\"#" + field + "\"");
            assertThat(html)
                    .as("the control %s exists and names its message", field)
                    .containsPattern("id=\"" + Pattern.quote(field) + "\"[^>]*aria-describedby=\"[^\"]*"
                            + Pattern.quote(field) + "-error");
        }
        return html;
    }

    @Test
    void theCourtsCaseFormsSummariseEveryProblemInEitherLanguage() throws Exception {
        String zh = refused(
                "cd.court.clerk",
                post("/cases/new"),
                400,
                "subject.name",
                "subject.gender",
                "subject.idNumber",
                "subject.birthDate",
                "subject.residenceDivision",
                "offence.category",
                "offence.offenceDate");
        assertThat(zh).contains("有错误", "请输入矫正对象的姓名", "请选择居住地所在的区（县）和乡镇（街道）");
        String en = refused(
                "cd.court.clerk",
                post("/cases/new/decided").param("lang", "en").param("subject.idNumber", "12345"),
                400,
                "subject.idNumber",
                "decision.correctionType",
                "decision.judgmentDate");
        assertThat(en)
                .contains(
                        "There is a problem",
                        "Enter the 18-character ID card number; the last character may be X.",
                        "Choose the kind of community correction");
    }

    @Test
    void administrationFormsSummariseTheirProblems() throws Exception {
        refused("sysadmin", post("/admin/users"), 400, "username", "displayName", "agencyId");
        refused("sysadmin", post("/admin/agencies"), 400, "code", "nameZh", "type", "level");
        refused(
                "sysadmin",
                post("/admin/calendar/entry")
                        .param("year", "2043")
                        .param("region", "CN")
                        .param("holidays[0].from", "2043-01-01")
                        .param("workingDays[0]", "2043-01-07"),
                400,
                "holidays[0].nameZh",
                "workingDays[0]");
        refused("cd.county", post("/account/password"), 400, "currentPassword");
        refused("cd.county", post("/account/tokens"), 400, "name");
    }

    @Test
    void coordinationFormsSummariseTheirProblems() throws Exception {
        refused("city.coord", post("/meetings"), 400, "title", "scheduledAt", "place");
        refused("cd.county", post("/conflicts").param("point", "短"), 400, "type", "parties", "point");
        refused("cd.county", post("/conflicts/search").param("type", "NOT_A_TYPE"), 400, "type");
        refused("cd.county", post("/cases").param("status", "NOT_A_STATUS"), 400, "status");
    }

    @Test
    void aFormOnAPageOfManyFormsIsSummarisedWithItsOwnIds() throws Exception {
        CaseId underCorrection = fixtures.underCorrection(fixtures.adult("闻一多", Gender.FEMALE));
        String referral = refused(
                "cd.county",
                post("/cases/" + underCorrection + "/referrals").param("note", "短"),
                400,
                "service",
                "toAgencyId");
        assertThat(referral)
                .as("the receiving agencies follow the service chosen")
                .contains("data-filter-by=\"service\"");
        String team = refused(
                "cd.county",
                post("/cases/" + underCorrection + "/team")
                        .param("version", String.valueOf(fixtures.version(underCorrection)))
                        .param("members[0].name", "李")
                        .param("members[0].gender", "MALE"),
                400,
                "team-members[0].role");
        assertThat(team)
                .as("the refused form's fields carry its key")
                .contains("id=\"team-members[0].name\"", "请选择成员身份")
                .as("a woman in a female subject's team")
                .contains("女性成员");
        assertThat(team).as("with script, rows are added one by one").contains("data-rows=\"members\"", "data-add-row");
    }

    @Test
    void thePageShowsNoSummaryWhenNothingWasRefused() throws Exception {
        String page = mvc.perform(get("/cases/new").with(actors.as("cd.court.clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("error-summary", "is-invalid", "aria-invalid");
        assertThat(page)
                .as("the residence is picked, not typed")
                .contains("name=\"tx-district\"", "hx-get=\"/divisions/townships")
                .doesNotContain("inputmode=\"numeric\" autocomplete=\"off\" aria-describedby=\"residenceHelp");
    }

    @Test
    void theTownshipsOfADistrictComeAsOptionsAndAnUnknownDistrictIsRefused() throws Exception {
        String district = agencies.findByCode("CD-CCA").orElseThrow().divisionCode();
        String options = mvc.perform(get("/divisions/townships")
                        .param("tx-district", district)
                        .param("selected", district)
                        .with(actors.as("cd.court.clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(options).contains("<option", "东门街道").containsPattern("value=\"" + district + "\"[^>]*selected");
        assertThat(mvc.perform(get("/divisions/townships")
                                .param("tx-district", "999999")
                                .with(actors.as("cd.court.clerk")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        assertThat(mvc.perform(get("/divisions/townships")
                                .param("tx-district", "")
                                .with(actors.as("cd.court.clerk")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("请先选择区（县）");
    }
}
