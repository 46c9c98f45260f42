package org.tongxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.obligation.LedgerScans;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * The case pages as the agencies of the demo use them: the court opens a case through the form, the county finds it
 * in its inbox with the legal due date, refusals come back by the fields in the reader's language, a stale version
 * is a message, and each page and document is there only for the agencies the law gives a role (S7, S10, S17).
 */
@IntegrationTest
class CasePagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    CaseSamples samples;

    @Autowired
    ObligationLedger ledger;

    @Autowired
    Handovers handovers;

    @Autowired
    CaseDirectory cases;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    LedgerScans ledgerClock;

    @Autowired
    Clock clock;

    @Test
    void aCourtClerkEntrustsAnAssessmentThroughTheFormAndTheCountyFindsItInItsInboxWithTheLegalDueDate()
            throws Exception {
        LocalDate birth = LocalDate.of(1991, 7, 9);
        String idNumber = IdentityNumbers.compose("369902", birth, 41, Gender.MALE);
        MvcResult created = mvc.perform(post("/cases/new")
                        .with(csrf())
                        .with(actors.as("cd.court.clerk"))
                        .param("subject.name", "吴建国")
                        .param("subject.gender", "MALE")
                        .param("subject.ethnicity", "01")
                        .param("subject.idType", "RESIDENT_ID")
                        .param("subject.idNumber", idNumber)
                        .param("subject.birthDate", birth.toString())
                        .param("subject.residenceDivision", "369902002")
                        .param("offence.category", "FRAUD")
                        .param("offence.offenceDate", "2025-03-01")
                        .param("offence.charges", "诈骗罪")
                        .param("caseNumber", "（2025）城东刑初7001号")
                        .param("expedited", "true")
                        .param("contact", "王书记员")
                        .param("materials[0].code", "CASE_MATERIALS")
                        .param("materials[0].title", "起诉书副本")
                        .param("materials[1].code", "")
                        .param("materials[1].title", ""))
                .andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/cases/");
        CaseId caseId = CaseId.of(UUID.fromString(location.substring("/cases/".length())));

        ObligationView assess = ledger.find(caseId, "assess.complete", "").orElseThrow();
        assertThat(assess.deadlineAmount()).as("expedited: 5 working days").isEqualTo(5);
        // Other tests leave work in the same county's inbox: the county narrows it to the case, as its filter offers.
        String inbox = page(get("/inbox?case=" + caseId.value() + "&lang=zh-CN"), "cd.county");
        assertThat(inbox).contains("（2025）城东刑初7001号", "吴建国", "完成调查评估并提交意见", chinese(assess.dueDate()));
        String workspace = page(get(location + "?lang=en"), "cd.court.clerk");
        assertThat(workspace)
                .contains(
                        "Assessing",
                        "Complete the assessment",
                        english(assess.dueDate()),
                        "Implementation Measures, art. 14",
                        "/policy/" + assess.policyRegion() + "/steps/assess.complete");
    }

    @Test
    void refusalsComeBackByTheirFieldsInTheReadersLanguage() throws Exception {
        String wrongCheck = IdentityNumbers.compose("369902", LocalDate.of(1990, 1, 1), 7, Gender.MALE);
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.endsWith("0") ? "1" : "0");
        MvcResult result = mvc.perform(post("/cases/new?lang=en")
                        .with(csrf())
                        .with(actors.as("cd.court.clerk"))
                        .param("subject.name", "吴建国")
                        .param("subject.gender", "MALE")
                        .param("subject.idType", "RESIDENT_ID")
                        .param("subject.idNumber", wrongCheck)
                        .param("subject.birthDate", "1990-01-01")
                        .param("subject.residenceDivision", "369902001"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String html = result.getResponse().getContentAsString();
        assertThat(html)
                .contains(
                        "id=\"subject.idNumber-error\"",
                        "check character is wrong",
                        "id=\"offence.category-error\"",
                        "There is a problem",
                        "href=\"#subject.idNumber\"",
                        "href=\"#offence.category\"",
                        "id=\"offence.charges-error\"",
                        "Choose at least one charge",
                        "href=\"#offence.charges\"");
        assertThat(html).doesNotContain("Exception", "系统内部错误");

        MvcResult badDate = mvc.perform(post("/cases/new?lang=en")
                        .with(csrf())
                        .with(actors.as("cd.court.clerk"))
                        .param("offence.offenceDate", "31/02/2025")
                        .param("subject.gender", "NEITHER"))
                .andReturn();
        assertThat(badDate.getResponse().getStatus()).isEqualTo(400);
        assertThat(badDate.getResponse().getContentAsString())
                .contains("id=\"offence.offenceDate-error\"", "Enter a valid date", "id=\"subject.gender-error\"");

        // A charge not in the list comes back chosen, with its message; the picker offers the list to search.
        MvcResult unknownCharge = mvc.perform(post("/cases/new/decided?lang=zh-CN")
                        .with(csrf())
                        .with(actors.as("cd.court.clerk"))
                        .param("offence.charges", "盗窃罪")
                        .param("offence.charges", "偷东西罪"))
                .andReturn();
        assertThat(unknownCharge.getResponse().getStatus()).isEqualTo(400);
        assertThat(unknownCharge.getResponse().getContentAsString())
                .contains(
                        "“偷东西罪”不是最高人民法院、最高人民检察院确定的罪名",
                        "<option value=\"盗窃罪\" selected=\"selected\">盗窃罪</option>",
                        "data-search-options=\"offence.charges\"",
                        "搜索罪名，如：盗窃");

        MvcResult chinese = mvc.perform(post("/cases/new?lang=zh-CN")
                        .with(csrf())
                        .with(actors.as("cd.court.clerk"))
                        .param("subject.name", ""))
                .andReturn();
        assertThat(chinese.getResponse().getContentAsString())
                .contains("id=\"subject.name-error\"", "请输入矫正对象的姓名", "有错误", "href=\"#subject.name\"");
    }

    @Test
    void aStaleVersionIsToldInWordsAndThePageShowsTheCurrentCase() throws Exception {
        CaseId caseId = samples.entrusted(CaseSamples.subject("郑晓东", Gender.MALE, LocalDate.of(1985, 2, 2)), null);
        MvcResult result = mvc.perform(post("/cases/" + caseId + "/decide?lang=en")
                        .with(csrf())
                        .with(actors.as("cd.court.clerk"))
                        .param("version", "99")
                        .param("decision.correctionType", "PROBATION"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        String html = result.getResponse().getContentAsString();
        assertThat(html)
                .contains("Someone else changed this case", "name=\"version\" value=\"" + cases.version(caseId) + "\"")
                .doesNotContain("Exception");
    }

    @Test
    void onlyTheCasesPartiesSeeItAndOnlyTheRightRoleActsOnIt() throws Exception {
        CaseSamples.Sample sample = samples.assessedCase();
        String path = "/cases/" + sample.caseId();
        assertThat(status(get(path), "cx.county"))
                .as("another county: no lawful role")
                .isEqualTo(404);
        assertThat(status(get(path), "cd.nh"))
                .as("an office the case is not assigned to")
                .isEqualTo(404);
        assertThat(status(get(path), "cd.proc"))
                .as("the procuratorate copied on the opinion")
                .isEqualTo(200);
        assertThat(status(get(path), "sysadmin"))
                .as("administrators never read cases")
                .isEqualTo(403);
        assertThat(status(post(path + "/decide").param("version", "0"), "cd.proc"))
                .isEqualTo(403);
        assertThat(status(post(path + "/deliver"), "cd.county"))
                .as("a lawful role without the right")
                .isEqualTo(403);
        assertThat(status(get("/handovers/" + sample.entrustment()), "cd.proc"))
                .as("not copied on the letter")
                .isEqualTo(404);
        assertThat(status(get("/handovers/" + sample.opinion()), "cd.proc")).isEqualTo(200);
    }

    @Test
    void eachFormHasItsOwnPageForTheReaderWhoMayUseItNowAndARefusalComesBackThere() throws Exception {
        CaseSamples.Sample sample = samples.assessedCase();
        String path = "/cases/" + sample.caseId();
        String court = page(get(path), "cd.court.clerk");
        assertThat(court)
                .as("the decision is a task of the court's, on its own page; the opinion to receipt comes first")
                .contains("href=\"" + path + "/tasks/decide\"", "id=\"primary-action\" href=\"/handovers/")
                .doesNotContain("action=\"" + path + "/decide\"");
        String decide = page(get(path + "/tasks/decide"), "cd.court.clerk");
        assertThat(decide).contains("id=\"task-title\"", "action=\"" + path + "/decide\"", "href=\"" + path + "\"");
        assertThat(page(get(path + "/tasks/withdraw"), "cd.court.clerk"))
                .contains("action=\"" + path + "/withdraw\"", "data-confirm");

        assertThat(status(get(path + "/tasks/decide"), "cd.proc"))
                .as("a lawful role without the right")
                .isEqualTo(403);
        assertThat(status(get(path + "/tasks/register"), "cd.county"))
                .as("not the county's to do now")
                .isEqualTo(403);
        assertThat(status(get(path + "/tasks/decide"), "cx.county"))
                .as("no lawful role in the case")
                .isEqualTo(404);
        assertThat(status(get(path + "/tasks/nothing"), "cd.court.clerk"))
                .as("no such form")
                .isEqualTo(404);

        MvcResult refused = mvc.perform(post(path + "/decide")
                        .with(csrf())
                        .with(actors.as("cd.court.clerk"))
                        .param("version", "0"))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isBetween(400, 422);
        assertThat(refused.getResponse().getContentAsString())
                .as("the refused form on its own page, with its messages")
                .contains("id=\"task-title\"", "id=\"error-summary\"", "action=\"" + path + "/decide\"");
    }

    @Test
    void documentsDownloadForTheirReadersOnlyAndAreNeverCached() throws Exception {
        CaseSamples.Sample sample = samples.assessedCase();
        String letter = "/cases/" + sample.caseId() + "/documents/" + sample.letter();
        MvcResult pdf = mvc.perform(get(letter).with(actors.as("cd.county"))).andReturn();
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(pdf.getResponse().getContentAsByteArray()).startsWith("%PDF".getBytes());
        assertThat(status(get(letter), "cx.county")).isEqualTo(404);
        assertThat(status(get(letter), "cd.proc"))
                .as("the letter is not copied to the procuratorate")
                .isEqualTo(404);
        assertThat(status(get("/handovers/" + sample.entrustment() + "/documents/" + sample.letter()), "cd.county"))
                .isEqualTo(200);
    }

    @Test
    void theSearchIsPostedFindsByIdentityNumberAndMasksAMinorForThoseOutsideTheirTeam() throws Exception {
        LocalDate birth = LocalDate.of(2008, 4, 4);
        var minor = CaseSamples.minor("孙小雨", birth);
        CaseId caseId = samples.entrusted(minor, "（2025）城东刑初7002号");
        actors.call("cd.county", () -> samples.opinion(caseId));

        String court = page(post("/cases").with(csrf()).param("idNumber", minor.idNumber()), "cd.court.clerk");
        assertThat(court).contains("孙小雨", "（2025）城东刑初7002号");
        String procuratorate = page(post("/cases").with(csrf()).param("caseNumber", "（2025）城东刑初7002号"), "cd.proc");
        assertThat(procuratorate).contains("孙**", "（2025）城东刑初7002号").doesNotContain("孙小雨");
        assertThat(procuratorate).contains("id=\"casePaging\"").contains("method=\"post\"");
        String other = page(post("/cases").with(csrf()).param("idNumber", minor.idNumber()), "cx.county");
        assertThat(other).doesNotContain("孙小雨").doesNotContain("7002号");
    }

    @Test
    void aRejectionNamesWhatIsWrongByItsFieldsAndStopsTheClock() throws Exception {
        CaseId caseId = samples.entrusted(CaseSamples.subject("冯立", Gender.MALE, LocalDate.of(1979, 9, 9)), null);
        HandoverView letter =
                actors.call("cd.county", () -> handovers.ofCase(caseId)).getFirst();
        String reject = "/cases/" + caseId + "/handovers/" + letter.id() + "/reject";
        MvcResult refused = mvc.perform(post(reject + "?lang=en")
                        .with(csrf())
                        .with(actors.as("cd.county"))
                        .param("version", Integer.toString(letter.version()))
                        .param(
                                "problems[0].what",
                                "DEFECTIVE:" + letter.items().getFirst().id()))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString())
                .contains(
                        "id=\"reject-" + letter.id() + "-problems[0].note-error\"", "Say what is wrong with the item.");

        MvcResult done = mvc.perform(post(reject)
                        .with(csrf())
                        .with(actors.as("cd.county"))
                        .param("version", Integer.toString(letter.version()))
                        .param("problems[0].what", "MISSING:CASE_MATERIALS")
                        .param("problems[0].note", "缺起诉书副本"))
                .andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(ledger.find(caseId, "assess.complete", "").orElseThrow().status())
                .isEqualTo(ObligationStatus.PAUSED);
        assertThat(page(get("/cases/" + caseId + "?lang=zh-CN"), "cd.court.clerk"))
                .contains("已退回待补正", "缺少", "缺起诉书副本", "暂停计时", "补正：调查评估委托");
    }

    @Test
    void takingAnItemPutsItIntoMyOwnInboxAndTheNavigationCountsWhatTheAgencyOwes() throws Exception {
        CaseId caseId =
                samples.entrusted(CaseSamples.subject("褚明", Gender.MALE, LocalDate.of(1982, 3, 3)), "（2025）城东刑初7003号");
        ObligationView assess = ledger.find(caseId, "assess.complete", "").orElseThrow();
        MvcResult taken = mvc.perform(post("/inbox/" + assess.id() + "/take")
                        .with(csrf())
                        .with(actors.as("cd.county2"))
                        .param("returnTo", "/inbox?mine=true"))
                .andReturn();
        assertThat(taken.getResponse().getRedirectedUrl()).isEqualTo("/inbox?mine=true");
        assertThat(page(get("/inbox?mine=true"), "cd.county2")).contains("（2025）城东刑初7003号", "我已认领");
        assertThat(page(get("/inbox?mine=true"), "cd.county")).doesNotContain("（2025）城东刑初7003号");
        assertThat(status(post("/inbox/" + assess.id() + "/take").with(csrf()), "cx.county"))
                .isEqualTo(404);

        assertThat(page(get("/"), "cd.county")).contains("待办事项数：");
        assertThat(page(get("/"), "sysadmin")).doesNotContain("待办事项数：");
        MvcResult elsewhere = mvc.perform(post("/inbox/" + assess.id() + "/take")
                        .with(csrf())
                        .with(actors.as("cd.county"))
                        .param("returnTo", "//elsewhere.example/"))
                .andReturn();
        assertThat(elsewhere.getResponse().getRedirectedUrl())
                .as("never back to another site")
                .isEqualTo("/inbox");
    }

    @Test
    void aTemporaryExecutionDecidedByTheCourtIsHandedOverByTheDetentionCentreAndReceivedByTheCounty() throws Exception {
        LocalDate today = LegalTime.today(clock);
        String detentionCentre = agencies.findByCode("A-DC").orElseThrow().id().toString();
        CaseId caseId = decided(
                "钟平",
                "（2025）城东刑初7004号",
                "TEMPORARY_EXECUTION",
                today.minusDays(2),
                today.minusDays(1),
                detentionCentre);
        ObligationView transfer = ledger.find(caseId, "transfer.court_jwzx", "").orElseThrow();
        assertThat(transfer.owingAgencyId().toString()).isEqualTo(detentionCentre);
        assertThat(page(get("/inbox"), "detention.officer")).contains("（2025）城东刑初7004号", chinese(transfer.dueDate()));

        assertThat(page(get("/cases/" + caseId), "detention.officer")).contains("移交社区矫正对象");
        MvcResult handedOver = mvc.perform(post("/cases/" + caseId + "/transfer")
                        .with(csrf())
                        .with(actors.as("detention.officer"))
                        .param("items[0].code", "DECISION_DOCUMENT")
                        .param("items[0].title", "暂予监外执行决定书")
                        .param("items[1].code", "MEDICAL_ASSESSMENT"))
                .andReturn();
        assertThat(handedOver.getResponse().getStatus()).isEqualTo(302);

        HandoverView h = actors.call("cd.county", () -> handovers.ofCase(caseId)).stream()
                .filter(v -> v.kind() == HandoverKind.SUBJECT_TRANSFER)
                .findFirst()
                .orElseThrow();
        String countyPage = page(get("/cases/" + caseId), "cd.county");
        assertThat(countyPage)
                .as("the case's task leads to the handover's page, where its form is")
                .contains("id=\"primary-action\" href=\"/handovers/" + h.id() + "\"");
        assertThat(page(get("/handovers/" + h.id()), "cd.county"))
                .contains("接收移交的社区矫正对象", "/handovers/" + h.id() + "/receive");
        MvcResult received = mvc.perform(post("/cases/" + caseId + "/handovers/" + h.id() + "/receipt")
                        .with(csrf())
                        .with(actors.as("cd.county"))
                        .param("version", Integer.toString(h.version())))
                .andReturn();
        assertThat(received.getResponse().getStatus()).isEqualTo(302);
        assertThat(cases.facts(caseId).orElseThrow().arrivalState())
                .as("receiving is the arrival")
                .isEqualTo(ArrivalState.TRANSFERRED);
        assertThat(ledger.find(caseId, "transfer.court_jwzx", "").orElseThrow().status())
                .isEqualTo(ObligationStatus.FULFILLED);
        assertThat(page(get("/copies"), "cd.proc")).contains("（2025）城东刑初7004号", "移交社区矫正对象");
    }

    @Test
    void aSubjectWhoDidNotReportIsReportedToTheCourtFromTheCasePage() throws Exception {
        LocalDate today = LegalTime.today(clock);
        CaseId caseId = decided("钱多", "（2025）城东刑初7005号", "PROBATION", today.minusDays(16), today.minusDays(15), "");
        ledgerClock.scanNow();
        samples.settle();
        assertThat(cases.facts(caseId).orElseThrow().arrivalState()).isEqualTo(ArrivalState.MISSING);
        // The subject's lateness is the subject's: the county agency watches it under "waiting for others" (ADR 0039)
        // and
        // owes the notice to the court at once.
        assertThat(page(get("/inbox?step=report.self"), "cd.county")).doesNotContain("（2025）城东刑初7005号");
        String inbox = page(get("/inbox?step=report.self&show=waiting"), "cd.county");
        assertThat(inbox).contains("（2025）城东刑初7005号", "已逾期", "等待社区矫正对象报到");
        assertThat(page(get("/inbox?step=report.missed"), "cd.county")).contains("（2025）城东刑初7005号", "钱多");

        assertThat(page(get("/cases/" + caseId), "cd.county"))
                .contains("通报未按时报到", "/cases/" + caseId + "/tasks/missing");
        assertThat(page(get("/cases/" + caseId + "/tasks/missing"), "cd.county"))
                .contains("通报未按时报到", "name=\"searchRecord\"");
        MvcResult refused = mvc.perform(post("/cases/" + caseId + "/missing")
                        .with(csrf())
                        .with(actors.as("cd.county"))
                        .param("searchRecord", "短"))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString())
                .as("the refused form comes back on its own page")
                .contains("id=\"missing-searchRecord-error\"", "id=\"task-title\"");
        MvcResult sent = mvc.perform(post("/cases/" + caseId + "/missing")
                        .with(csrf())
                        .with(actors.as("cd.county"))
                        .param("searchRecord", "电话联系不上，走访居住地未见本人，已请派出所协助查找。"))
                .andReturn();
        assertThat(sent.getResponse().getStatus()).isEqualTo(302);
        assertThat(ledger.find(caseId, "report.missed", "").orElseThrow().status())
                .isEqualTo(ObligationStatus.FULFILLED);
        assertThat(page(get("/copies"), "cd.proc")).contains("（2025）城东刑初7005号", "未报到通报");
        String court = page(get("/cases/" + caseId), "cd.court.clerk");
        HandoverView notice = actors.call("cd.court.clerk", () -> handovers.ofCase(caseId)).stream()
                .filter(v -> v.kind() == HandoverKind.MISSING_NOTICE)
                .findFirst()
                .orElseThrow();
        assertThat(court)
                .as("the notice to answer is a task of the court's")
                .contains("未报到通报", "href=\"/handovers/" + notice.id() + "\"");
        assertThat(page(get("/handovers/" + notice.id()), "cd.court.clerk")).contains("回执：未报到通报");
    }

    /** A case the court records as decided, through the page; {@code institution} empty for none. */
    private CaseId decided(
            String name, String caseNumber, String type, LocalDate judgment, LocalDate effective, String institution)
            throws Exception {
        LocalDate birth = LocalDate.of(1980, 8, 8);
        var subject = CaseSamples.subject(name, Gender.MALE, birth);
        MvcResult result = mvc.perform(post("/cases/new/decided")
                        .with(csrf())
                        .with(actors.as("cd.court.clerk"))
                        .param("subject.name", name)
                        .param("subject.gender", "MALE")
                        .param("subject.ethnicity", "01")
                        .param("subject.idType", "RESIDENT_ID")
                        .param("subject.idNumber", subject.idNumber())
                        .param("subject.birthDate", birth.toString())
                        .param("subject.residenceDivision", "369902001")
                        .param("offence.category", "THEFT")
                        .param("offence.offenceDate", "2024-05-01")
                        .param("offence.charges", "盗窃罪")
                        .param("decision.correctionType", type)
                        .param("decision.caseNumber", caseNumber)
                        .param("decision.judgmentDate", judgment.toString())
                        .param("decision.effectiveDate", effective.toString())
                        .param("decision.termStart", effective.toString())
                        .param("decision.termEnd", effective.plusYears(1).toString())
                        .param("decision.countyAgencyId", "")
                        .param("decision.handoverInstitutionId", institution))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(302);
        samples.settle();
        String location = result.getResponse().getRedirectedUrl();
        return CaseId.of(UUID.fromString(location.substring("/cases/".length())));
    }

    private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
        MvcResult result = mvc.perform(request.with(actors.as(username))).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getRequest().getRequestURI())
                .isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private int status(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(csrf()).with(actors.as(username)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** English pages write dates in the ISO order (2026-01-05), which no reader misreads. */
    private static String english(LocalDate date) {
        return date.toString();
    }
}
