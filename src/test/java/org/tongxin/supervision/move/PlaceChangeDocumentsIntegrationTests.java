package org.tongxin.supervision.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.document.PdfLayout;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents of a change of the place of execution (IM art. 30): the consultation letter is issued when the new agency
 * is consulted and the new agency opens it; the decision notice is issued with the decision, names the period to report,
 * reaches the decision organ, travels as the decision document of the file's handover and of the new agency's forwarding
 * to its procuratorate; each opened under the case's one document rule, nobody else's.
 */
@IntegrationTest
class PlaceChangeDocumentsIntegrationTests {

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

    @Autowired
    CaseManagement management;

    @Autowired
    Handovers handovers;

    @Autowired
    Clock clock;

    JsonNode ok(String user, String path, Object body) throws Exception {
        MvcResult r = mvc.perform(post(path)
                        .with(actors.as(user))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn();
        assertThat(r.getResponse().getStatus())
                .as(path + " " + r.getResponse().getContentAsString())
                .isBetween(200, 201);
        return json.readTree(r.getResponse().getContentAsString());
    }

    MvcResult open(String user, CaseId id, String documentId) throws Exception {
        return mvc.perform(
                        get("/api/v1/cases/" + id + "/documents/" + documentId).with(actors.as(user)))
                .andReturn();
    }

    String text(MvcResult pdf) {
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        return String.join(
                "", PdfLayout.of(pdf.getResponse().getContentAsByteArray()).texts());
    }

    @Test
    void theConsultationLetterAndTheDecisionNoticeAreIssuedAndTravelWithTheMove() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId id = fixtures.underCorrection(fixtures.adult("梁文书", Gender.MALE));
        String change = ok(
                        "cd.county",
                        "/api/v1/cases/" + id + "/place-changes",
                        Map.of(
                                "newCountyAgencyId",
                                fixtures.agency("CX-CCA").toString(),
                                "intendedMoveOn",
                                LocalDate.now(clock).plusMonths(1).toString(),
                                "reason",
                                "随子女迁居城西区"))
                .get("id")
                .asString();
        assertThat(ok("cd.county", "/api/v1/place-changes/" + change + "/consultation", Map.of("version", 0))
                        .get("consultationDocumentId")
                        .isNull())
                .isFalse();
        String letter = jdbc.sql(
                        "SELECT consultation_document_id::text FROM supervision_place_change WHERE id = ?::uuid")
                .param(change)
                .query(String.class)
                .single();

        String letterText = text(open("cx.county", id, letter));
        assertThat(letterText)
                .as("the new agency opens the letter addressed to it")
                .contains("社区矫正对象变更执行地征求意见函")
                .contains("城西区社区矫正管理局：")
                .contains("梁文书")
                .contains("随子女迁居城西区")
                .contains("5日内")
                .contains("城东矫〔");
        assertThat(text(open("cd.county", id, letter))).as("its sender").contains("征求意见函");
        assertThat(open("cd.proc", id, letter).getResponse().getStatus())
                .as("not sent to the procuratorate")
                .isEqualTo(404);
        assertThat(open("cx.proc", id, letter).getResponse().getStatus())
                .as("no lawful role")
                .isEqualTo(404);

        ok("cx.county", "/api/v1/place-changes/" + change + "/reply", Map.of("version", 1, "accepted", true));
        JsonNode decided = ok(
                "cd.county", "/api/v1/place-changes/" + change + "/decision", Map.of("version", 2, "approved", true));
        String notice = decided.get("decisionDocumentId").asString();
        String noticeText = text(open("cd.court.clerk", id, notice));
        assertThat(noticeText)
                .as("the decision organ is notified")
                .contains("社区矫正对象变更执行地决定通知书")
                .contains("社区矫正对象梁文书：")
                .contains("同意将你的社区矫正执行地变更为城西区社区矫正管理局所在地")
                .contains("7日内到城西区社区矫正管理局报到")
                .contains("抄送：城东区人民法院、城西区社区矫正管理局");
        assertThat(text(open("cx.county", id, notice))).contains("决定通知书");

        ok("cd.county", "/api/v1/place-changes/" + change + "/transfer", Map.of("version", 3));
        HandoverView file = actors.call("cd.county", () -> handovers.ofCase(id)).stream()
                .filter(h -> h.kind() == HandoverKind.PLACE_CHANGE_FILE)
                .findFirst()
                .orElseThrow();
        assertThat(file.items()).anySatisfy(item -> {
            assertThat(item.code()).isEqualTo(ItemCode.DECISION_DOCUMENT);
            assertThat(item.documentId()).as("the notice travels with the file").hasToString(notice);
        });
        ok("cx.county", "/api/v1/place-changes/" + change + "/receipt", Map.of("version", 4));
        ok("cx.county", "/api/v1/place-changes/" + change + "/forwarding", Map.of("version", 5));
        assertThat(text(open("cx.proc", id, notice)))
                .as("forwarded to the new place's procuratorate")
                .contains("决定通知书");
        assertThat(text(open("cd.county", id, letter)))
                .as("the former county still reads what it produced")
                .contains("征求意见函");
    }
}
