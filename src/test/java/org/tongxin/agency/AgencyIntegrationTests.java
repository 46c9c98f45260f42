package org.tongxin.agency;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Agencies through the API: the hierarchy rules, validation, optimistic locking, and who may change them. */
@IntegrationTest
class AgencyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    AgencyDirectory directory;

    @Autowired
    JsonMapper json;

    String idOf(String code) {
        return directory.findByCode(code).orElseThrow().id().toString();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    String office(String code, String parentId, String division) {
        return """
            {"code": "%s", "nameZh": "测试司法所", "nameEn": "Test Judicial Office", "type": "JUDICIAL_OFFICE",
             "level": "TOWNSHIP", "parentId": %s, "divisionCode": "%s"}\
            """.formatted(code, parentId == null ? "null" : "\"" + parentId + "\"", division);
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void theCityADemoHasEveryKindOfOrganInFourDistricts() {
        for (String district : new String[] {"CD", "CX", "QS", "BH"}) {
            for (String organ : new String[] {"COURT", "PROC", "PSB", "JB", "CCA"}) {
                assertThat(directory.findByCode(district + "-" + organ))
                        .as(district + "-" + organ)
                        .isPresent();
            }
            long offices = directory
                    .children(directory
                            .findByCode(district + "-CCA")
                            .orElseThrow()
                            .id())
                    .stream()
                    .filter(a ->
                            a.type() == AgencyType.JUDICIAL_OFFICE && a.code().startsWith(district + "-SO-"))
                    .count();
            assertThat(offices).isBetween(3L, 5L);
        }
        for (AgencyType type : AgencyType.values()) {
            assertThat(directory
                            .search(
                                    new AgencyQuery(null, type, null, null, "369900", true),
                                    org.tongxin.shared.web.PageQuery.of(0, 1, null, AgencyDirectory.SORTABLE, "code"))
                            .total())
                    .as("City A has a %s", type)
                    .isPositive();
        }
    }

    @Test
    void aSystemAdministratorRegistersAJudicialOfficeUnderItsCountyAgency() throws Exception {
        String code = unique("TST");
        MvcResult created = mvc.perform(post("/api/v1/agencies")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(office(code, idOf("CD-CCA"), "369902002")))
                .andExpect(status().isCreated())
                .andReturn();
        assertThat(created.getResponse().getHeader("Location")).contains("/api/v1/agencies/");
        JsonNode agency = body(created);
        assertThat(agency.get("code").asString()).isEqualTo(code);
        assertThat(agency.get("jurisdictions").get(0).asString()).isEqualTo("369902002");
        assertThat(agency.get("version").asInt()).isZero();
    }

    @Test
    void aJudicialOfficeMustSitUnderACountyCommunityCorrectionAgency() throws Exception {
        mvc.perform(post("/api/v1/agencies")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(office(unique("CD-SO"), idOf("CD-COURT"), "369902002")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("parentId"))
                .andExpect(jsonPath("$.errors[0].code").value("officeUnderCountyAgency"))
                .andExpect(jsonPath("$.errors[0].message").value("司法所必须隶属于县级社区矫正机构。"));
        mvc.perform(post("/api/v1/agencies")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content(office(unique("CD-SO"), null, "369902002")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("A judicial office must sit under a county community correction agency."));
    }

    @Test
    void codesAndCreditCodesAreUniqueAndCreditCodesAreChecked() throws Exception {
        String taken = """
            {"code": "CD-COURT", "nameZh": "重复", "type": "BASIC_COURT", "level": "COUNTY", "divisionCode": "369902",
             "creditCode": "91350100M000100Y4Z"}\
            """;
        MvcResult result = mvc.perform(post("/api/v1/agencies")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(taken))
                .andExpect(status().isBadRequest())
                .andReturn();
        assertThat(body(result).get("errors").toString())
                .contains(
                        "\"field\":\"code\"",
                        "\"code\":\"taken\"",
                        "\"field\":\"creditCode\"",
                        "\"code\":\"creditCode\"");
    }

    @Test
    void theHierarchyCannotFormACycle() throws Exception {
        JsonNode city =
                body(mvc.perform(get("/api/v1/agencies/" + idOf("A-PROC")).with(actors.as("sysadmin")))
                        .andReturn());
        String request = """
            {"code": "A-PROC", "nameZh": "A市人民检察院", "type": "PROCURATORATE", "level": "CITY",
             "parentId": "%s", "divisionCode": "369900", "version": %d}\
            """.formatted(idOf("CD-PROC"), city.get("version").asInt());
        mvc.perform(put("/api/v1/agencies/" + idOf("A-PROC"))
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"))
                .andExpect(jsonPath("$.errors[0].code").value("cycle"));
    }

    @Test
    void aStaleEditIsRefusedWith409AndChangesNothing() throws Exception {
        String code = unique("TST");
        JsonNode created = body(mvc.perform(post("/api/v1/agencies")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(office(code, idOf("QS-CCA"), "369921100")))
                .andReturn());
        String id = created.get("id").asString();
        String edit = """
            {"code": "%s", "nameZh": "%s", "type": "JUDICIAL_OFFICE", "level": "TOWNSHIP", "parentId": "%s",
             "divisionCode": "369921100", "version": 0}\
            """;
        mvc.perform(put("/api/v1/agencies/" + id)
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(edit.formatted(code, "第一次修改", idOf("QS-CCA"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/agencies/" + id)
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(edit.formatted(code, "过期的修改", idOf("QS-CCA"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        assertThat(directory.get(AgencyId.of(id)).nameZh()).isEqualTo("第一次修改");
    }

    @Test
    void anAgencyWithActiveChildrenStaysActive() throws Exception {
        JsonNode cca =
                body(mvc.perform(get("/api/v1/agencies/" + idOf("BH-CCA")).with(actors.as("sysadmin")))
                        .andReturn());
        mvc.perform(post("/api/v1/agencies/" + idOf("BH-CCA") + "/deactivate")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + cca.get("version").asInt() + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("AGENCY_HAS_ACTIVE_CHILDREN"));
    }

    @Test
    void everyoneReadsTheDirectoryButOnlyTheSystemAdministratorChangesIt() throws Exception {
        mvc.perform(get("/api/v1/agencies?type=JUDICIAL_OFFICE&division=369922&q=BH-SO&size=10")
                        .with(actors.as("cd.county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4));
        mvc.perform(post("/api/v1/agencies")
                        .with(actors.as("secadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(office(unique("TST"), idOf("CD-CCA"), "369902002")))
                .andExpect(status().isForbidden());
    }

    @Test
    void unknownAndMalformedIdsAreRefusedCleanly() throws Exception {
        mvc.perform(get("/api/v1/agencies/" + UUID.randomUUID()).with(actors.as("cd.county")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/agencies/not-a-uuid").with(actors.as("cd.county")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void townshipsAreAddedInsideTheirCounty() throws Exception {
        mvc.perform(post("/api/v1/divisions")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"369903004\", \"nameZh\": \"新城街道\", \"parentCode\": \"369903\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value("TOWNSHIP"));
        mvc.perform(post("/api/v1/divisions")
                        .with(actors.as("sysadmin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"369902099\", \"nameZh\": \"错位街道\", \"parentCode\": \"369903\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("outsideDivision"));
        mvc.perform(get("/api/v1/divisions?parent=369900").with(actors.as("cd.county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4));
    }
}
