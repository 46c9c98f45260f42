package org.tongxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.ReferralViews.NewReferral;
import org.tongxin.assistance.Referrals;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.identity.Role;
import org.tongxin.identity.internal.CredentialReset;
import org.tongxin.identity.internal.CredentialResets;
import org.tongxin.identity.internal.SystemTokenRequests;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * The work page ({@code /}) for every role of the application, with its demo account: it renders in both languages, shows
 * no internal code (no step id, no UUID), puts each role's work first with the way to its form, and shows nobody a case
 * they may not see. Prints how long the page takes ({@code workpage.*} lines).
 */
@IntegrationTest
class WorkPageIntegrationTests {

    /** A step id as the policy model writes it (intake.register, assist.answer …): never on the page's text. */
    static final Pattern STEP_ID =
            Pattern.compile("\\b(intake|docs|assess|report|plan|team|assist|leave|handover|conflict|decision"
                    + "|notify|deliver|custody|revoke|terminate|search|monitor)\\.[a-z][a-z-]*\\b");

    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    CaseManagement management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Autowired
    Referrals referrals;

    @Autowired
    SystemTokenRequests tokenRequests;

    @Autowired
    CredentialResets resets;

    @Autowired
    EventQuiescence events;

    @Autowired
    org.tongxin.shared.crypto.DataKeys keys;

    @Autowired
    org.tongxin.supervision.missing.LostContacts lostContacts;

    /** One demo account per role of {@link Role}: the table of the README's "Who logs in as whom". */
    @ParameterizedTest(name = "{1} as {0}")
    @CsvSource({
        "cd.dm, OFFICE_OFFICER",
        "cd.dm.head, OFFICE_HEAD",
        "cd.county, COUNTY_OFFICER",
        "cd.county.head, COUNTY_HEAD",
        "cd.bureau.head, BUREAU_HEAD",
        "city.coord, CITY_COORDINATOR",
        "cd.court.clerk, COURT_CLERK",
        "cd.court.judge, JUDGE",
        "cd.proc, PROSECUTOR",
        "cd.police, POLICE_OFFICER",
        "prison.officer, PRISON_OFFICER",
        "civil.worker, ASSISTANCE_CASEWORKER",
        "sw.sunshine, SOCIAL_WORKER",
        "sysadmin, SYSTEM_ADMIN",
        "secadmin, SECURITY_ADMIN",
        "auditadmin, AUDIT_ADMIN",
        "city.court.head, AGENCY_HEAD",
        "moj.policy, NATIONAL_POLICY_EDITOR"
    })
    void everyRoleHasAWorkPageInBothLanguagesWithoutInternalCodes(String username, Role role) throws Exception {
        assertThat(actors.user(username).roles()).contains(role);
        for (Map.Entry<String, String> language :
                Map.of("zh-CN", "工作台", "en", "My work").entrySet()) {
            String html = page(username, language.getKey());
            assertThat(html)
                    .contains("<title>" + language.getValue())
                    .contains("id=\"work-overdue\"", "id=\"most-urgent\"")
                    .doesNotContain("??", "Exception");
            String text = text(html);
            assertThat(STEP_ID.matcher(text).results().map(m -> m.group()).toList())
                    .as("step ids on %s", username)
                    .isEmpty();
            assertThat(UUID_TEXT.matcher(text).find())
                    .as("a UUID in the text of %s", username)
                    .isFalse();
        }
    }

    @Test
    void theCaseworkerAnswersAReferralFromTheWorkPageAndAnotherCountySeesNothingOfIt() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult("闻工作台", Gender.FEMALE));
        String referral = actors.call(
                        "cd.county",
                        () -> referrals.refer(
                                caseId,
                                new NewReferral(
                                        AssistanceService.SUBSISTENCE_ALLOWANCE,
                                        agencies.findByCode("A-CIVIL")
                                                .orElseThrow()
                                                .id(),
                                        "对象失业，请审核最低生活保障。")))
                .toString();
        assertThat(events.awaitAll(Duration.ofSeconds(20))).isTrue();

        String civil = page("civil.worker", "zh-CN");
        assertThat(civil).contains("href=\"/referrals/" + referral + "\"").contains("答复帮扶转介");
        assertThat(page("cx.county", "zh-CN"))
                .as("another county never sees it")
                .doesNotContain("闻工作台");
        assertThat(page("hrss.worker", "zh-CN"))
                .as("another department never sees it")
                .doesNotContain(referral);
    }

    @Test
    void theSecurityAdministratorDecidesTokenRequestsAndASecondAdministratorApprovesAReset() throws Exception {
        SystemTokenRequests.View asked = actors.call(
                "cx.county.head",
                () -> tokenRequests.request(new SystemTokenRequests.NewRequest(
                        "工作台测试系统", "同步待办", java.util.Set.of(Role.COUNTY_OFFICER), java.util.Set.of("getInbox"), 30)));
        String request = asked.id().toString();
        assertThat(page("secadmin", "zh-CN"))
                .contains("href=\"/token-requests/" + request + "\"")
                .contains("工作台测试系统");
        assertThat(page("cx.county.head", "zh-CN"))
                .as("the head follows its own request")
                .contains("工作台测试系统")
                .contains("href=\"/token-requests/new\"");
        assertThat(page("city.court.head", "zh-CN"))
                .as("another agency's head does not")
                .doesNotContain("工作台测试系统");
        actors.run("cx.county.head", () -> tokenRequests.withdraw(asked.id(), asked.version()));

        CredentialResets.View reset = actors.call(
                "secadmin",
                () -> resets.request(actors.user("auditadmin").id().value(), CredentialReset.Kind.PASSWORD, "工作台测试"));
        try {
            assertThat(page("sysadmin", "zh-CN"))
                    .as("the second administrator")
                    .contains("href=\"/admin/credential-resets/" + reset.id() + "\"");
            assertThat(page("secadmin", "zh-CN"))
                    .as("not the one who asked")
                    .doesNotContain("/admin/credential-resets/" + reset.id());
            assertThat(page("auditadmin", "zh-CN"))
                    .as("never the target")
                    .doesNotContain("/admin/credential-resets/" + reset.id());
        } finally {
            actors.run("secadmin", () -> resets.withdraw(reset.id(), reset.version()));
        }
    }

    @Test
    void theAuditAdministratorSeesTheChainAndThePolicyEditorTheBaseline() throws Exception {
        assertThat(page("auditadmin", "en")).contains("id=\"work-audit\"").contains("href=\"/audit/verify\"");
        assertThat(page("moj.policy", "en"))
                .contains("id=\"work-policy\"")
                .containsPattern("href=\"/policy(/drafts/[0-9a-f-]+|\\?region=CN)\"");
        assertThat(page("cd.county", "en"))
                .doesNotContain("id=\"work-audit\"", "id=\"work-policy\"", "id=\"work-token-requests\"");
    }

    @Test
    void withNothingToDoThePageSaysWhatThereIsToDo() throws Exception {
        assertThat(page("edu.head", "en")).contains("id=\"work-nothing\"");
        assertThat(text(page("edu.head", "en")))
                .contains("Nothing needs you right now")
                .contains("ask for a token under Token requests");
        assertThat(text(page("edu.head", "zh-CN"))).contains("目前没有需要您办理的事项").contains("可在“令牌申请”中提出申请");
    }

    /**
     * "To receipt" counts every delivery the agency must receipt, not only those among the first hundred it may answer:
     * 120 deliveries of legal documents to receipt behind 30 older notices that need none.
     */
    @Test
    void toReceiptCountsEveryDeliveryBeyondTheFirstHundred() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult("闻回执数", Gender.MALE));
        assertThat(events.awaitAll(Duration.ofSeconds(20))).isTrue();
        long before = receiptsBadge(page("cd.county", "zh-CN"));
        long otherCounty = receiptsBadge(page("cx.county", "zh-CN"));
        String insert = """
            INSERT INTO exchange_handover (id, case_id, kind, step_id, sender_agency_id, receiver_agency_id, status, round, audience,
                                           created_at, first_delivered_at, last_delivered_at, updated_at)
            SELECT gen_random_uuid(), c.id, :kind, 'docs.deliver', c.decision_organ_id, c.county_agency_id, 'DELIVERED', 1, 'EXECUTING_AGENCY',
                   TIMESTAMPTZ '2001-01-01 00:00:00+00', now() - make_interval(days => :days, mins => g), now() - make_interval(days => :days, mins => g), now()
              FROM casefile_case c, generate_series(1, :n) g WHERE c.id = :case\
            """;
        jdbc.sql(insert)
                .param("kind", "TERMINATION_NOTICE")
                .param("days", 400)
                .param("n", 30)
                .param("case", caseId.value())
                .update();
        jdbc.sql(insert)
                .param("kind", "LEGAL_DOCUMENTS")
                .param("days", 300)
                .param("n", 120)
                .param("case", caseId.value())
                .update();
        try {
            String html = page("cd.county", "zh-CN");
            assertThat(receiptsBadge(html)).isEqualTo(before + 120);
            assertThat(receiptsBadge(page("cx.county", "zh-CN")))
                    .as("another county counts none of them")
                    .isEqualTo(otherCounty);
        } finally {
            jdbc.sql("DELETE FROM exchange_handover WHERE case_id = :case AND created_at = TIMESTAMPTZ"
                            + " '2001-01-01 00:00:00+00'")
                    .param("case", caseId.value())
                    .update();
        }
    }

    /**
     * Work that arrives from others is one click away: the police's request to assist a search has its own section with
     * the handover's page as its button (another police force sees nothing of it), and the bureau head's approval of
     * electronic monitoring leads to the case's monitoring page.
     */
    @Test
    void requestsToAssistASearchAndMonitoringApprovalsAreOneClickAway() throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        CaseId caseId = fixtures.underCorrection(fixtures.adult("闻协查", Gender.MALE));
        actors.call(
                "cd.county",
                () -> lostContacts.report(caseId, clock.instant().minus(Duration.ofHours(30)), "连续两日联系不上。"));
        assertThat(events.awaitAll(Duration.ofSeconds(20))).isTrue();
        String handover = jdbc.sql(
                        "SELECT id FROM exchange_handover WHERE case_id = :c AND kind = 'LOST_CONTACT_ASSISTANCE'")
                .param("c", caseId.value())
                .query(java.util.UUID.class)
                .single()
                .toString();
        String police = page("cd.police", "zh-CN");
        assertThat(police).contains("id=\"work-requests\"").contains("href=\"/handovers/" + handover + "\"");
        assertThat(text(police)).contains("待答复的协查请求").contains("答复协查");
        assertThat(page("cx.police", "zh-CN")).doesNotContain(handover);

        MvcResult step = mvc.perform(
                        get("/cases/" + caseId + "/steps/em.approve").with(actors.as("cd.bureau.head")))
                .andReturn();
        assertThat(step.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseId + "/monitoring");
    }

    /** The number in the badge of the "to receipt" section (0 when the section is not shown). */
    static long receiptsBadge(String html) {
        java.util.regex.Matcher m = Pattern.compile(
                        "(?s)id=\"work-receipts\".*?<span class=\"badge[^\"]*\"[^>]*>(\\d+)</span>")
                .matcher(html);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * The system and security administrators see the data key's age, with a warning once it is older than the operations
     * guide allows, and the last rotation (when, by whom, how many values, how it ended); nobody else does.
     */
    @Test
    void theAdministratorsSeeTheKeysAgeAndTheLastRotation() throws Exception {
        String suite = keys.suite().name();
        int version = keys.writeVersion();
        jdbc.sql("""
            INSERT INTO platform_data_key_version (suite, key_version, first_used_at) VALUES (:s, :v, now())
            ON CONFLICT (suite, key_version) DO NOTHING\
            """).param("s", suite).param("v", version).update();
        java.sql.Timestamp since = jdbc.sql(
                        "SELECT first_used_at FROM platform_data_key_version WHERE suite = :s AND key_version = :v")
                .param("s", suite)
                .param("v", version)
                .query(java.sql.Timestamp.class)
                .single();
        java.util.UUID run = java.util.UUID.randomUUID();
        try {
            jdbc.sql("UPDATE platform_data_key_version SET first_used_at = :at WHERE suite = :s AND key_version = :v")
                    .param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(400))))
                    .param("s", suite)
                    .param("v", version)
                    .update();
            jdbc.sql("""
                INSERT INTO platform_key_rotation_run (id, started_at, finished_at, run_by, suite, key_version, resealed, remaining, outcome)
                VALUES (:id, :at, :at, 'ops-keytest@db1', :s, :v, 1234, 7, 'INCOMPLETE')\
                """)
                    .param("id", run)
                    .param("at", java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(3650))))
                    .param("s", suite)
                    .param("v", version)
                    .update();
            for (String admin : List.of("sysadmin", "secadmin")) {
                String zh = text(page(admin, "zh-CN"));
                assertThat(page(admin, "zh-CN"))
                        .contains("id=\"work-key-rotation\"")
                        .contains("href=\"/admin/key-rotations\"");
                assertThat(zh)
                        .contains("已使用 400 天")
                        .contains("已超过轮换期限，请轮换密钥")
                        .contains("ops-keytest@db1")
                        .contains("重新加密 1,234 个值")
                        .contains("未完成，需再次运行");
                assertThat(text(page(admin, "en")))
                        .contains("In use for 400 days")
                        .contains("Older than the rotation period")
                        .contains("run by ops-keytest@db1");
            }
            assertThat(page("auditadmin", "zh-CN")).doesNotContain("work-key-rotation");
            assertThat(page("cd.county", "zh-CN")).doesNotContain("work-key-rotation");

            MvcResult history = mvc.perform(
                            get("/admin/key-rotations?lang=zh-CN").with(actors.as("secadmin")))
                    .andReturn();
            assertThat(history.getResponse().getStatus()).isEqualTo(200);
            assertThat(history.getResponse().getContentAsString())
                    .contains("id=\"key-too-old\"")
                    .contains("ops-keytest@db1")
                    .contains("--tongxin.keys.rotate");
            assertThat(mvc.perform(get("/admin/key-rotations").with(actors.as("auditadmin")))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(403);

            // A young key: no warning.
            jdbc.sql("UPDATE platform_data_key_version SET first_used_at = :at WHERE suite = :s AND key_version = :v")
                    .param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(30))))
                    .param("s", suite)
                    .param("v", version)
                    .update();
            assertThat(text(page("sysadmin", "zh-CN"))).contains("已使用 30 天").doesNotContain("已超过轮换期限");
        } finally {
            jdbc.sql("UPDATE platform_data_key_version SET first_used_at = :at WHERE suite = :s AND key_version = :v")
                    .param("at", since)
                    .param("s", suite)
                    .param("v", version)
                    .update();
            jdbc.sql("DELETE FROM platform_key_rotation_run WHERE id = :id")
                    .param("id", run)
                    .update();
        }
    }

    /** How long the page takes for the busiest readers (printed, not asserted: the machine is shared). */
    @Test
    void measuresTheWorkPage() throws Exception {
        for (String username : List.of("cd.county", "city.coord", "civil.worker", "secadmin")) {
            page(username, "zh-CN");
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                long start = System.nanoTime();
                page(username, "zh-CN");
                times.add((System.nanoTime() - start) / 1_000_000);
            }
            times.sort(Long::compare);
            System.out.println("workpage." + username + ".p50_ms=" + times.get(times.size() / 2) + " workpage."
                    + username + ".max_ms=" + times.getLast());
            assertThat(times).isNotEmpty();
        }
    }

    String page(String username, String language) throws Exception {
        MvcResult result =
                mvc.perform(get("/?lang=" + language).with(actors.as(username))).andReturn();
        assertThat(result.getResponse().getStatus()).as("/ as %s", username).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    /** The text a reader sees: the main part without tags and attributes. */
    static String text(String html) {
        int main = html.indexOf("<main");
        String body = main < 0 ? html : html.substring(main);
        return body.replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ");
    }
}
