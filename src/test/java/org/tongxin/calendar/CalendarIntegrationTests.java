package org.tongxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The working calendar against the real database: the public deadline endpoint as outside systems call it
 * (anonymous, JSON, names in both languages, 400 codes), and a system administrator entering a year through the API
 * and the page (validation, audit record, event, and deadlines that stop being provisional).
 */
@IntegrationTest
@RecordApplicationEvents
class CalendarIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    ApplicationEvents events;

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void anybodyComputesADeadlineWithoutLoggingIn() throws Exception {
        JsonNode answer =
                body(mvc.perform(get("/api/v1/calendar/due?region=CN&from=2025-09-26&amount=10&unit=WORKING_DAYS"))
                        .andExpect(status().isOk())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                        .andReturn());
        assertThat(answer.propertyNames()).containsExactly("due", "provisional", "skipped");
        assertThat(answer.get("due").asString()).isEqualTo("2025-10-16");
        assertThat(answer.get("provisional").asBoolean()).isFalse();
        assertThat(answer.get("skipped")).hasSize(10);
        assertThat(answer.get("skipped").get(0).propertyNames()).containsExactly("date", "reason", "name");
        assertThat(answer.get("skipped").get(0).toString())
                .isEqualTo("{\"date\":\"2025-09-27\",\"reason\":\"WEEKEND\",\"name\":\"周末\"}");
        assertThat(answer.get("skipped").get(1).toString())
                .isEqualTo("{\"date\":\"2025-10-01\",\"reason\":\"HOLIDAY\",\"name\":\"国庆节\"}");
        assertThat(answer.get("skipped").get(9).get("date").asString()).isEqualTo("2025-10-12");
    }

    @Test
    void namesFollowAcceptLanguageAndChineseIsTheDefault() throws Exception {
        String url = "/api/v1/calendar/due?region=CN&from=2025-09-26&amount=10&unit=WORKING_DAYS";
        JsonNode english = body(mvc.perform(get(url).header("Accept-Language", "en-GB,en;q=0.8"))
                .andReturn());
        assertThat(english.get("skipped").get(0).get("name").asString()).isEqualTo("Weekend");
        assertThat(english.get("skipped").get(1).get("name").asString()).isEqualTo("National Day");
        assertThat(english.get("skipped").get(6).get("name").asString()).isEqualTo("Mid-Autumn Festival");
        JsonNode other =
                body(mvc.perform(get(url).header("Accept-Language", "fr")).andReturn());
        assertThat(other.get("skipped").get(1).get("name").asString()).isEqualTo("国庆节");
    }

    @Test
    void hoursCalendarDaysMonthsAndCustody() throws Exception {
        mvc.perform(get("/api/v1/calendar/due?region=CN&from=2025-10-01T10:30:00&amount=48&unit=HOURS"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2025-10-03T11:00:00"))
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.skipped.length()").value(0));
        mvc.perform(get("/api/v1/calendar/due?region=CN&from=2025-10-01T10:00&amount=48&unit=HOURS"))
                .andExpect(jsonPath("$.due").value("2025-10-03T10:00:00"));
        mvc.perform(get("/api/v1/calendar/due?region=CN&from=2025-09-21&amount=10&unit=CALENDAR_DAYS"))
                .andExpect(jsonPath("$.due").value("2025-10-09"))
                .andExpect(jsonPath("$.skipped.length()").value(8));
        mvc.perform(get("/api/v1/calendar/due?region=CN&from=2025-09-21&amount=10&unit=CALENDAR_DAYS&custody=true"))
                .andExpect(jsonPath("$.due").value("2025-10-01"))
                .andExpect(jsonPath("$.skipped.length()").value(0));
        mvc.perform(get("/api/v1/calendar/due?region=CN&from=2025-01-31&amount=1&unit=MONTHS"))
                .andExpect(jsonPath("$.due").value("2025-02-28"));
        mvc.perform(get("/api/v1/calendar/due?region=CN&from=2025-09-26T16:45:00&amount=0&unit=WORKING_DAYS"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2025-09-26"));
        mvc.perform(get("/api/v1/calendar/due?region=CN&from=2030-01-31&amount=3&unit=WORKING_DAYS"))
                .andExpect(jsonPath("$.due").value("2030-02-12"))
                .andExpect(jsonPath("$.provisional").value(true))
                .andExpect(jsonPath("$.skipped[0].name").value("春节"));
    }

    void refused(String query, String code, String field, String fieldCode) throws Exception {
        var result = mvc.perform(get("/api/v1/calendar/due?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code));
        if (field != null) {
            result.andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].code").value(fieldCode))
                    .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        }
    }

    @Test
    void badParametersAre400ProblemsWithACode() throws Exception {
        refused("from=2025-09-26&amount=10&unit=WORKING_DAYS", "MISSING_PARAMETER", "region", "required");
        refused("region=CN&amount=10&unit=WORKING_DAYS", "MISSING_PARAMETER", "from", "required");
        refused("region=CN&from=2025-09-26&unit=WORKING_DAYS", "MISSING_PARAMETER", "amount", "required");
        refused("region=CN&from=2025-09-26&amount=10", "MISSING_PARAMETER", "unit", "required");
        refused("region=CN&from=2025-09-26&amount=ten&unit=WORKING_DAYS", "INVALID_PARAMETER", "amount", "type");
        refused("region=CN&from=2025-09-26&amount=10&unit=WEEKS", "INVALID_PARAMETER", "unit", "type");
        refused(
                "region=CN&from=2025-09-26&amount=10&unit=WORKING_DAYS&custody=maybe",
                "INVALID_PARAMETER",
                "custody",
                "type");
        refused("region=CN&from=2025-09-26&amount=-1&unit=WORKING_DAYS", "VALIDATION_FAILED", "amount", "min");
        refused("region=CN&from=2025-09-26&amount=10001&unit=WORKING_DAYS", "VALIDATION_FAILED", "amount", "max");
        refused(
                "region=XX&from=2025-09-26&amount=10&unit=WORKING_DAYS",
                "VALIDATION_FAILED",
                "region",
                "unknownRegion");
        refused(
                "region=120000&from=2025-09-26&amount=10&unit=WORKING_DAYS",
                "VALIDATION_FAILED",
                "region",
                "unknownRegion");
        refused("region=CN&from=2025-13-01&amount=10&unit=WORKING_DAYS", "VALIDATION_FAILED", "from", "dateFormat");
        refused("region=CN&from=2025-10-01&amount=48&unit=HOURS", "VALIDATION_FAILED", "from", "dateTimeRequired");
        refused("region=CN&from=1999-01-01&amount=1&unit=WORKING_DAYS", "VALIDATION_FAILED", "from", "calendarRange");
        refused(
                "region=CN&from=2099-12-01&amount=10000&unit=CALENDAR_DAYS",
                "VALIDATION_FAILED",
                "amount",
                "calendarRange");
        mvc.perform(get("/api/v1/calendar/due?region=CN&from=2025-10-01&amount=48&unit=HOURS")
                        .header("Accept-Language", "en"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Hours need a time of day, for example 2025-10-01T10:30:00."));
    }

    @Test
    void yearsAndDaysCanBeReadByAnybody() throws Exception {
        mvc.perform(get("/api/v1/calendar/years/2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.days[?(@.date == '2026-02-14')].kind").value("ADJUSTED_WORKING_DAY"))
                .andExpect(jsonPath("$.days[?(@.date == '2026-10-01')].name").value("国庆节"));
        mvc.perform(get("/api/v1/calendar/years/2030?region=CN").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provisional").value(true))
                .andExpect(jsonPath("$.basis").value("official"))
                .andExpect(jsonPath("$.regulation").value("National Holiday Regulation (2024 revision)"))
                .andExpect(jsonPath("$.days[0].name").value("New Year's Day"))
                .andExpect(jsonPath("$.days[0].reason").value("STATUTORY"))
                .andExpect(jsonPath("$.days[?(@.date == '2030-02-06')].reason").value("MAKE_UP"))
                .andExpect(jsonPath("$.days[?(@.date == '2030-01-27')].kind").value("ADJUSTED_WORKING_DAY"));
        mvc.perform(get("/api/v1/calendar/days/2025-10-11"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.working").value(true))
                .andExpect(jsonPath("$.kind").value("ADJUSTED_WORKING_DAY"));
        mvc.perform(get("/api/v1/calendar/days/2025-10-06"))
                .andExpect(jsonPath("$.working").value(false))
                .andExpect(jsonPath("$.name").value("中秋节"));
        mvc.perform(get("/api/v1/calendar/years/1990"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("calendarRange"));
        mvc.perform(get("/api/v1/calendar/days/2025-02-30"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void aYearOnTheRegulationsBasisIsThePredictionEvenWhenItsNoticeIsKnown() throws Exception {
        JsonNode official = body(mvc.perform(get("/api/v1/calendar/years/2026"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(official.propertyNames())
                .containsExactly("region", "year", "basis", "provisional", "notice", "regulation", "days");
        assertThat(official.get("basis").asString()).isEqualTo("official");
        assertThat(official.get("provisional").asBoolean()).isFalse();
        assertThat(official.get("notice").asString()).isEqualTo("国务院办公厅关于2026年部分节假日安排的通知");
        assertThat(official.get("regulation").asString()).isEqualTo("《全国年节及纪念日放假办法》（2024年修订）");
        assertThat(official.get("days").get(0).propertyNames())
                .containsExactly("date", "kind", "working", "name", "provisional", "reason");
        assertThat(official.get("days").get(0).get("reason").isNull())
                .as("a notice's day has no predicted reason")
                .isTrue();

        JsonNode predicted = body(mvc.perform(get("/api/v1/calendar/years/2026?basis=regulation"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(predicted.get("basis").asString()).isEqualTo("regulation");
        assertThat(predicted.get("provisional").asBoolean()).isTrue();
        assertThat(predicted.get("notice").isNull()).isTrue();
        assertThat(predicted.get("days").valueStream())
                .allSatisfy(d -> assertThat(d.get("provisional").asBoolean()).isTrue());
        // Without the notice of 2026, Sunday 15 February is predicted worked; the notice made it part of the break.
        assertThat(kind(official, "2026-02-15")).isEqualTo("HOLIDAY");
        assertThat(kind(predicted, "2026-02-15")).isEqualTo("ADJUSTED_WORKING_DAY");
        assertThat(kind(predicted, "2026-10-01")).isEqualTo("HOLIDAY");

        // A year without a notice is the same prediction on either basis.
        String provisional = mvc.perform(get("/api/v1/calendar/years/2027"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String regulation = mvc.perform(get("/api/v1/calendar/years/2027?basis=regulation"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(regulation).isEqualTo(provisional.replace("\"basis\":\"official\"", "\"basis\":\"regulation\""));
        assertThat(kind(body(mvc.perform(get("/api/v1/calendar/years/2027")).andReturn()), "2027-02-09"))
                .isEqualTo("HOLIDAY");
    }

    @Test
    void theApiBackTestsTheRegulationOnEveryAnnouncedYearAsTheModelDoes() throws Exception {
        int right = 0;
        int listed = 0;
        for (int year = 2020; year <= 2026; year++) {
            Map<String, String> notice = kinds(
                    body(mvc.perform(get("/api/v1/calendar/years/" + year)).andReturn()));
            Map<String, String> predicted =
                    kinds(body(mvc.perform(get("/api/v1/calendar/years/" + year + "?basis=regulation"))
                            .andReturn()));
            java.util.Set<String> dates = new java.util.TreeSet<>(notice.keySet());
            dates.addAll(predicted.keySet());
            listed += dates.size();
            right += (int) dates.stream()
                    .filter(d -> notice.containsKey(d) && notice.get(d).equals(predicted.get(d)))
                    .count();
        }
        assertThat(listed).isEqualTo(259);
        assertThat(right)
                .as("at least the figure of HolidayForecastTests and the README")
                .isGreaterThanOrEqualTo(246);
    }

    static Map<String, String> kinds(JsonNode year) {
        Map<String, String> kinds = new java.util.TreeMap<>();
        year.get("days")
                .valueStream()
                .forEach(d -> kinds.put(d.get("date").asString(), d.get("kind").asString()));
        return kinds;
    }

    @Test
    void theOpenApiDocumentDescribesTheBasis() throws Exception {
        JsonNode api =
                body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn());
        JsonNode operation =
                api.get("paths").get("/api/v1/calendar/years/{year}").get("get");
        assertThat(operation.get("operationId").asString()).isEqualTo("getCalendarYear");
        assertThat(operation.get("description").asString()).contains("basis=regulation", "calendarBasis");
        JsonNode basis = operation
                .get("parameters")
                .valueStream()
                .filter(p -> p.get("name").asString().equals("basis"))
                .findFirst()
                .orElseThrow();
        assertThat(basis.get("in").asString()).isEqualTo("query");
        assertThat(basis.get("required").asBoolean()).isFalse();
        assertThat(basis.get("description").asString()).contains("official (default)", "regulation");
        assertThat(basis.get("schema").get("enum").valueStream().map(JsonNode::asString))
                .containsExactly("official", "regulation");
        assertThat(basis.get("schema").get("default").asString()).isEqualTo("official");
    }

    static String kind(JsonNode year, String date) {
        return year.get("days")
                .valueStream()
                .filter(d -> d.get("date").asString().equals(date))
                .findFirst()
                .map(d -> d.get("kind").asString())
                .orElse(null);
    }

    @Test
    void anyOtherBasisIsACodedProblemInTheCallersLanguage() throws Exception {
        for (String basis : new String[] {"notice", "OFFICIAL", " regulation", "regulation,official"}) {
            mvc.perform(get("/api/v1/calendar/years/2026").param("basis", basis))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("basis"))
                    .andExpect(jsonPath("$.errors[0].code").value("calendarBasis"))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value(org.hamcrest.Matchers.startsWith("basis 只能是 official")));
        }
        mvc.perform(get("/api/v1/calendar/years/2026?basis=guess").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("basis must be official (the notice where there is one, the default) or"
                                + " regulation (predicted from the holiday regulation in force that"
                                + " year)."));
        mvc.perform(get("/api/v1/calendar/years/2026?basis="))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.basis").value("official"));
        mvc.perform(get("/api/v1/calendar/years/1990?basis=guess&region=XX"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3));
    }

    static final String YEAR_2040 = """
        {"notice": "国务院办公厅关于2040年部分节假日安排的通知（测试）",
         "holidays": [{"from": "2040-01-01", "nameZh": "元旦", "nameEn": "New Year's Day"},
                      {"from": "2040-02-11", "to": "2040-02-18", "nameZh": "春节", "nameEn": "Spring Festival"}],
         "workingDays": ["2040-02-19"]}\
        """;

    @Test
    void aSystemAdministratorEntersAYearAndProvisionalDeadlinesBecomeOfficial() throws Exception {
        String url = "/api/v1/calendar/due?region=CN&from=2040-02-16&amount=1&unit=WORKING_DAYS";
        // Provisional 2040: Lunar New Year is Sunday 12 February; predicted, the break runs eight days from New Year's
        // Eve (Saturday 11th) with the make-up days 15 and 16 February and the bridge day 17th: Monday 20th is next.
        mvc.perform(get(url))
                .andExpect(jsonPath("$.provisional").value(true))
                .andExpect(jsonPath("$.due").value("2040-02-20"));
        assertThat(calendar.isProvisional("CN", 2040)).isTrue();

        mvc.perform(put("/api/v1/calendar/years/2040")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(YEAR_2040))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.days.length()").value(10))
                .andExpect(jsonPath("$.days[?(@.date == '2040-02-19')].kind").value("ADJUSTED_WORKING_DAY"));

        // Official (this test's notice): the break runs to 18 February and Sunday 19 February is worked.
        mvc.perform(get(url))
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.due").value("2040-02-19"));
        assertThat(calendar.isProvisional("CN", 2040)).isFalse();
        assertThat(events.stream(CalendarYearPublished.class)).containsExactly(new CalendarYearPublished("CN", 2040));

        Map<String, Object> audit = jdbc.sql("""
            SELECT category, action, outcome, actor_username, details FROM audit_record WHERE target_id = 'CN/2040'\
            """).query().singleRow();
        assertThat(audit)
                .containsEntry("category", "ADMINISTRATION")
                .containsEntry("action", "calendar.publish")
                .containsEntry("outcome", "SUCCESS")
                .containsEntry("actor_username", "sysadmin");
        assertThat(audit.get("details").toString())
                .contains("\"holidays\":\"9\"", "\"workingDays\":\"1\"", "\"year\":\"2040\"");

        // Replacing it through the API (PUT replaces by definition) is audited as a replacement.
        mvc.perform(put("/api/v1/calendar/years/2040")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(YEAR_2040))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE target_id = 'CN/2040' ORDER BY id")
                        .query(String.class)
                        .list())
                .containsExactly("calendar.publish", "calendar.replace");
        assertThat(jdbc.sql("SELECT version FROM calendar_year WHERE region = 'CN' AND year = 2040")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anEntryIsValidatedAsAWholeAndNothingIsSaved() throws Exception {
        String invalid = """
            {"holidays": [{"from": "2041-01-01", "nameZh": "元旦", "nameEn": ""},
                          {"from": "2041-12-31", "to": "2042-01-02", "nameZh": "元旦", "nameEn": "New Year's Day"},
                          {"from": "2041-02-01", "to": "2041-02-07", "nameZh": "春节", "nameEn": "Spring Festival"}],
             "workingDays": ["2041-02-02", "2041-03-06", "2040-12-29"]}\
            """;
        MvcResult result = mvc.perform(put("/api/v1/calendar/years/2041")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(invalid))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andReturn();
        List<String> problems = body(result)
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString())
                .toList();
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "holidays[0].nameEn:required",
                        "holidays[1].to:outsideYear",
                        "workingDays[0]:holidayAndWorkingDay",
                        "workingDays[1]:notWeekend",
                        "workingDays[2]:outsideYear");
        assertThat(calendar.isProvisional("CN", 2041)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM calendar_year WHERE year = 2041")
                        .query(Long.class)
                        .single())
                .isZero();

        mvc.perform(put("/api/v1/calendar/years/2041")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("holidays"));
        mvc.perform(put("/api/v1/calendar/years/2041")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workingDays\": [\"not-a-date\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"));
        mvc.perform(put("/api/v1/calendar/years/2041")
                        .with(actors.as("cd.county"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(YEAR_2040))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/calendar/years/2041")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(YEAR_2040))
                .andExpect(status().isUnauthorized());
        assertThat(events.stream(CalendarYearPublished.class)).isEmpty();
    }

    @Test
    void theRegionsWithTheirOwnPolicyModelsHaveTheirOwnCalendarWithoutLocalExtras() throws Exception {
        String national = mvc.perform(get("/api/v1/calendar/due?region=CN&from=2025-09-26&amount=10&unit=WORKING_DAYS"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String region : new String[] {"110000", "310000"}) {
            mvc.perform(get("/api/v1/calendar/due?region=" + region + "&from=2025-09-26&amount=10&unit=WORKING_DAYS"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.due").value("2025-10-16"))
                    .andExpect(content().json(national));
        }
    }

    @Test
    void regionalExtrasApplyOnlyInTheirRegion() throws Exception {
        mvc.perform(get("/api/v1/calendar/due?region=650000&from=2025-03-28&amount=1&unit=WORKING_DAYS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("unknownRegion"));
        String extras = """
            {"notice": "测试用地区增补（非真实数据）",
             "holidays": [{"from": "2025-03-31", "nameZh": "测试假日", "nameEn": "Test holiday"}],
             "workingDays": ["2025-03-29"]}\
            """;
        mvc.perform(put("/api/v1/calendar/years/2025?region=650000")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(extras))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value("650000"))
                .andExpect(jsonPath("$.provisional").value(false));
        mvc.perform(get("/api/v1/calendar/due?region=650000&from=2025-03-28&amount=1&unit=WORKING_DAYS"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2025-03-29"));
        mvc.perform(get("/api/v1/calendar/due?region=650000&from=2025-03-29&amount=1&unit=WORKING_DAYS"))
                .andExpect(jsonPath("$.due").value("2025-04-01"))
                .andExpect(jsonPath("$.skipped[1].name").value("测试假日"));
        mvc.perform(get("/api/v1/calendar/due?region=CN&from=2025-03-28&amount=1&unit=WORKING_DAYS"))
                .andExpect(jsonPath("$.due").value("2025-03-31"));
        mvc.perform(get("/api/v1/calendar/due?region=650000&from=2025-09-26&amount=10&unit=WORKING_DAYS"))
                .andExpect(jsonPath("$.due").value("2025-10-16"));
        assertThat(calendar.isKnownRegion("650000")).isTrue();
        assertThat(calendar.isKnownRegion("650100"))
                .as("a code inside it has no extras of its own")
                .isFalse();
        assertThat(events.stream(CalendarYearPublished.class))
                .containsExactly(new CalendarYearPublished("650000", 2025));
        mvc.perform(put("/api/v1/calendar/years/2025?region=659999")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(extras))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("unknownDivision"));
    }

    @Test
    void theEntryPageShowsClearMessagesAndAsksBeforeReplacingAnOfficialYear() throws Exception {
        MvcResult rejected = mvc.perform(post("/admin/calendar/entry")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .param("year", "2042")
                        .param("region", "CN")
                        .param("holidays[0].from", "2042-01-01")
                        .param("holidays[0].nameZh", "元旦")
                        .param("holidays[0].nameEn", "New Year's Day")
                        .param("holidays[3].from", "2042-10-01")
                        .param("holidays[3].to", "2042-10-07")
                        .param("holidays[3].nameZh", "国庆节")
                        .param("workingDays[2]", "2042-10-08"))
                .andExpect(status().isBadRequest())
                .andReturn();
        String page = rejected.getResponse().getContentAsString();
        assertThat(page)
                .contains(
                        "有错误",
                        "href=\"#holidays[3].nameEn\"",
                        "id=\"holidays[3].nameEn-error\"",
                        "id=\"workingDays[2]-error\"",
                        "2042年10月8日 不是周六或周日");
        assertThat(calendar.isProvisional("CN", 2042)).isTrue();

        mvc.perform(post("/admin/calendar/entry")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .param("year", "2042")
                        .param("region", "CN")
                        .param("notice", "测试通知")
                        .param("holidays[0].from", "2042-01-01")
                        .param("holidays[0].nameZh", "元旦")
                        .param("holidays[0].nameEn", "New Year's Day")
                        .param("holidays[3].from", "2042-10-01")
                        .param("holidays[3].to", "2042-10-07")
                        .param("holidays[3].nameZh", "国庆节")
                        .param("holidays[3].nameEn", "National Day")
                        .param("workingDays[2]", "2042-10-11"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/calendar?region=CN"))
                .andExpect(flash().attribute("notice", "2042年放假安排已发布。"));
        assertThat(calendar.isProvisional("CN", 2042)).isFalse();
        assertThat(calendar.isWorkingDay("CN", LocalDate.of(2042, 10, 11))).isTrue();

        String replacement = mvc.perform(post("/admin/calendar/entry")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .param("year", "2042")
                        .param("region", "CN")
                        .param("holidays[0].from", "2042-01-01")
                        .param("holidays[0].nameZh", "元旦")
                        .param("holidays[0].nameEn", "New Year's Day"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(replacement).contains("2042年已有正式安排：替换前请勾选确认。", "data-confirm=", "href=\"#replace\"");
        assertThat(calendar.isWorkingDay("CN", LocalDate.of(2042, 10, 11)))
                .as("unchanged")
                .isTrue();

        mvc.perform(post("/admin/calendar/entry")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .param("year", "2042")
                        .param("region", "CN")
                        .param("replace", "true")
                        .param("holidays[0].from", "2042-01-01")
                        .param("holidays[0].nameZh", "元旦")
                        .param("holidays[0].nameEn", "New Year's Day"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "2042年放假安排已替换。"));
        assertThat(calendar.isWorkingDay("CN", LocalDate.of(2042, 10, 11)))
                .as("replaced as a whole")
                .isFalse();
        assertThat(events.stream(CalendarYearPublished.class))
                .containsExactly(new CalendarYearPublished("CN", 2042), new CalendarYearPublished("CN", 2042));
        assertThat(mvc.perform(get("/admin/calendar/entry?year=2042").with(actors.as("sysadmin")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("name=\"replace\"", "value=\"2042-01-01\"");
    }

    @Test
    void theMonthViewShowsHolidaysAdjustedWorkingDaysAndProvisionalYears() throws Exception {
        String october = mvc.perform(
                        get("/calendar?year=2025&month=10&region=CN").with(actors.as("cd.county")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(october)
                .contains(
                        "<caption>2025年10月工作日历（全国）</caption>",
                        "国庆节",
                        "中秋节",
                        "调休上班",
                        "data-date=\"2025-10-11\"",
                        "year=2025&amp;month=9",
                        "year=2025&amp;month=11")
                .doesNotContain("尚未公布");
        String provisional = mvc.perform(
                        get("/calendar?year=2030&month=2&lang=en").with(actors.as("cd.county")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(provisional)
                .contains(
                        "The 2030 holiday schedule has not been published yet",
                        "Spring Festival",
                        "(provisional)",
                        "National Holiday Regulation (2024 revision)",
                        "made up on a working day (art. 6)",
                        "Make-up day",
                        "Bridge day",
                        "no more than 6 consecutive working days");
        String february2027 = mvc.perform(get("/calendar?year=2027&month=2").with(actors.as("cd.county")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(february2027)
                .contains("2027年的放假安排尚未公布", "《全国年节及纪念日放假办法》（2024年修订）", "在工作日补假（第六条）", "补假", "调休放假", "法定节日", "(暂定)");
        assertThat(february2027.substring(february2027.indexOf("data-date=\"2027-02-09\"")))
                .as("the make-up day for Saturday 6 February")
                .startsWith("data-date=\"2027-02-09\"")
                .contains("补假");
        String before2025 = mvc.perform(get("/calendar?year=2024&month=2").with(actors.as("cd.county")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(before2025).doesNotContain("尚未公布", "补假");
        mvc.perform(get("/calendar?year=2025&month=13").with(actors.as("cd.county")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/calendar?year=2025&month=10&region=XX").with(actors.as("cd.county")))
                .andExpect(status().isBadRequest());
    }
}
