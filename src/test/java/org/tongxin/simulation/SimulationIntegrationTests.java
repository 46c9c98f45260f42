package org.tongxin.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.support.Actors;
import org.tongxin.support.ApiClient;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator's question through the API: "what if the receipt deadline were 3 days and 白河县 had two more officers?"
 * — a run of City A's caseload is queued, executes in the background, and answers with figures per agency and month,
 * the comparison and an Excel workbook; the same seed gives the same figures; a bad request keeps nothing; another
 * agency's run is not found; a run can be cancelled while it waits or runs, not after.
 */
@IntegrationTest
class SimulationIntegrationTests {

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

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc, actors, json);
    }

    Map<String, Object> question(long seed, int activeCases) {
        String baihe = agencies.findByCode("BH-CCA").orElseThrow().id().toString();
        Map<String, Object> population = new java.util.LinkedHashMap<>();
        PopulationSettings p = PopulationSettings.cityADefaults().scaledTo(activeCases);
        population.put("activeCases", p.activeCases());
        population.put("arrivalsPerMonth", p.arrivalsPerMonth());
        population.put("probationPercent", 55);
        population.put("parolePercent", 15);
        population.put("temporaryExecutionPercent", 15);
        population.put("surveillancePercent", 15);
        population.put("minTermMonths", 6);
        population.put("maxTermMonths", 36);
        population.put("minorsPercent", 3.0);
        population.put("reportingCompliancePercent", 92.0);
        population.put("leavesPerYear", 1.0);
        population.put("movesPerYear", 0.05);
        population.put("lostContactsPerYear", 0.02);
        population.put("violationsPerYear", 0.1);
        population.put("reoffendingPerYear", 0.002);
        return Map.of(
                "name",
                "回执 3 日，白河县增加 2 人",
                "region",
                "369900",
                "firstMonth",
                "2025-01",
                "months",
                12,
                "seed",
                seed,
                "population",
                population,
                "baseline",
                Map.of("label", "现行"),
                "variant",
                Map.of("label", "假如", "deadlines", Map.of("docs.receipt", 3), "extraOfficers", Map.of(baihe, 2)));
    }

    JsonNode awaitFinished(String id) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            JsonNode run = api.as("city.coord")
                    .get("/api/v1/simulations/" + id)
                    .expect(200)
                    .body();
            if (List.of("COMPLETED", "CANCELLED", "FAILED")
                    .contains(run.get("status").asString())) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    List<JsonNode> figures(String id) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        api.as("city.coord")
                .get("/api/v1/simulations/" + id + "/figures")
                .expect(200)
                .body()
                .forEach(rows::add);
        return rows;
    }

    @Test
    void theCoordinatorsQuestionIsAnsweredWithFiguresAComparisonAndAWorkbook() throws Exception {
        JsonNode queued = api.as("city.coord")
                .post("/api/v1/simulations", question(4242, 3000))
                .expect(202)
                .body();
        assertThat(queued.get("seed").asLong()).isEqualTo(4242);
        String id = queued.get("id").asString();
        JsonNode run = awaitFinished(id);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(run.get("cases").asInt()).isGreaterThan(3000);

        JsonNode comparison = api.as("city.coord")
                .get("/api/v1/simulations/" + id + "/comparison")
                .expect(200)
                .body();
        assertThat(comparison.get("months")).hasSize(12);
        JsonNode baihe = null;
        for (JsonNode line : comparison.get("agencies")) {
            if (line.get("agencyZh").asString().equals("白河县社区矫正管理局")) {
                baihe = line;
            }
        }
        assertThat(baihe).isNotNull();
        assertThat(baihe.get("b").get("officers").asInt())
                .isEqualTo(baihe.get("a").get("officers").asInt() + 2);
        assertThat(baihe.get("b").get("backlog").asLong())
                .isLessThan(baihe.get("a").get("backlog").asLong());

        List<JsonNode> figures = figures(id);
        assertThat(figures).isNotEmpty();

        byte[] xlsx = mvc.perform(get("/api/v1/simulations/" + id + "/export").with(actors.as("city.coord")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(book.getSheetAt(1).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("全市");
        }

        // The same seed repeats the run exactly.
        String again = api.as("city.coord")
                .post("/api/v1/simulations", question(4242, 3000))
                .expect(202)
                .body()
                .get("id")
                .asString();
        awaitFinished(again);
        List<JsonNode> repeated = figures(again);
        assertThat(repeated.toString()).isEqualTo(figures.toString());

        // The pages show it, with its charts and differences, in both languages.
        String page = mvc.perform(get("/simulations/" + id + "?lang=en").with(actors.as("city.coord")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("data-chart", "Differences per agency", "Baihe County Community Correction Administration");
    }

    @Test
    void aBadRequestIsRefusedAndKeepsNothing() {
        long before = jdbc.sql("SELECT count(*) FROM simulation_run")
                .query(Long.class)
                .single();
        Map<String, Object> bad = new java.util.HashMap<>(question(1, 3000));
        bad.put("months", 99);
        bad.put("variant", Map.of("deadlines", Map.of("intake.announce", 3)));
        JsonNode problem = api.as("city.coord")
                .post("/api/v1/simulations", bad)
                .expect(400)
                .body();
        assertThat(problem.get("code").asString()).isNotBlank();
        assertThat(problem.get("errors").toString()).contains("months");
        JsonNode uncounted = api.as("city.coord")
                .in("en")
                .post(
                        "/api/v1/simulations",
                        Map.of(
                                "name",
                                "x",
                                "region",
                                "369900",
                                "firstMonth",
                                "2025-01",
                                "baseline",
                                Map.of(),
                                "variant",
                                Map.of("deadlines", Map.of("intake.announce", 3))))
                .expect(400)
                .body();
        assertThat(uncounted.get("errors").toString()).contains("has no counted legal period");
        assertThat(jdbc.sql("SELECT count(*) FROM simulation_run")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void onlyTheRunsAgencySeesItAndOnlyRunnersRunAtAll() throws InterruptedException {
        String id = api.as("city.coord")
                .post("/api/v1/simulations", question(7, 300))
                .expect(202)
                .body()
                .get("id")
                .asString();
        api.as("moj.policy").get("/api/v1/simulations/" + id).expect(404);
        api.as("cd.county").get("/api/v1/simulations/" + id).expect(403);
        api.as("cd.county").post("/api/v1/simulations", question(7, 300)).expect(403);
        api.as("moj.policy").get("/api/v1/simulations").expect(200);
        awaitFinished(id);
    }

    @Test
    void aRunIsCancelledWhileItRunsAndNotAfter() throws Exception {
        String id = api.as("city.coord")
                .post("/api/v1/simulations", question(11, 100_000))
                .expect(202)
                .body()
                .get("id")
                .asString();
        api.as("city.coord")
                .post("/api/v1/simulations/" + id + "/cancel", Map.of())
                .expect(200);
        JsonNode run = awaitFinished(id);
        assertThat(run.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(figures(id)).isEmpty();
        api.as("city.coord")
                .post("/api/v1/simulations/" + id + "/cancel", Map.of())
                .expect(409);
        // the page's cancel button answers the same refusal, as a page
        int status = mvc.perform(
                        post("/simulations/" + id + "/cancel").with(csrf()).with(actors.as("city.coord")))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(409);
    }
}
