package org.tongxin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * The policy pages as a county officer reads them: the responsibility matrix with the right deadlines in words,
 * filtered by organ and stage, a step's detail with its origin, the difference of two catalogues, the versions.
 */
@IntegrationTest
class PolicyPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    String page(String user, String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(actors.as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    /** The matrix row of a step: from its id to the end of its table row. */
    static String row(String html, String stepId) {
        int at = html.indexOf("data-step=\"" + stepId + "\"");
        assertThat(at).as("row of %s", stepId).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    @Test
    void theMatrixShowsEachStepsDeadlineInWordsAndItsArticle() throws Exception {
        String zh = page("cd.county", "/policy?region=369900&date=2025-10-01&lang=zh-CN");
        assertThat(row(zh, "docs.receipt"))
                .contains("5 日", "《社区矫正法实施办法》第十六条", "据二手资料", "可中止计算")
                .doesNotContain(">R<", "IM 16", "<code>");
        assertThat(row(zh, "assess.complete")).contains("10 个工作日（速裁 5）");
        assertThat(row(zh, "plan.make")).contains("1 个月", "本地调整");
        assertThat(row(zh, "report.missed")).as("City A: 2 hours for 立即").contains("立即：须马上办理，2 小时未办即提醒");
        assertThat(row(zh, "team.form")).as("24 hours for 及时").contains("及时：须尽快办理，24 小时未办即提醒");
        assertThat(row(zh, "revoke.arrest.decide"))
                .contains("48 小时", "《社区矫正法》第四十七条", "已核对全文", "人民法院应当在四十八小时内作出是否逮捕的决定");
        assertThat(row(zh, "procuratorate.reply")).contains("15 日", "地方政策", "《A市社区矫正工作协调机制规定》", "本地调整");
        assertThat(zh).contains("A市：2025年10月1日 施行的步骤，共 70 个");

        String en = page("cd.county", "/policy?region=369900&date=2025-10-01&lang=en");
        assertThat(row(en, "assess.complete")).contains("10 working days (5 expedited)");
        assertThat(row(en, "docs.receipt")).contains("5 days", "Return the receipt");
        assertThat(row(en, "plan.make")).contains("1 month", "changed here");
        assertThat(row(en, "place.determine"))
                .contains("at the event", "Community Correction Law, art. 17", "checked against the full text");
    }

    /** The settings row of the matrix page for a key: from its id to the end of its row. */
    static String setting(String html, String key) {
        int at = html.indexOf("id=\"setting-" + key + "\"");
        assertThat(at).as("setting %s", key).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    @Test
    void theVersionInForceShowsItsSettingsEachWithItsSource() throws Exception {
        String zh = page("cd.county", "/policy?region=369900&date=2025-10-01&lang=zh-CN");
        assertThat(zh).contains("本版本的设置", "请假审批", "分级报告与联系");
        assertThat(setting(zh, "immediateAlertHours")).contains("2 小时", "由 A市 设定（地方政策）");
        assertThat(setting(zh, "leaveOfficeEntrusted")).contains("委托司法所审批短期请假", ">是<", "由 A市 设定");
        assertThat(setting(zh, "leaveCountyMaxDays"))
                .as("inherited: the baseline's article, never City A's")
                .contains("30 日", "全国基线：《社区矫正法实施办法》第二十六条（据二手资料）");
        assertThat(setting(zh, "reportIntervalDaysStrict")).contains("严管：报告间隔（日）", "7 日", "地方政策");
        String baseline = page("cd.county", "/policy?region=CN&date=2025-10-01&lang=en");
        assertThat(setting(baseline, "leaveOfficeEntrusted"))
                .contains(">No<", "National baseline: Implementation Measures, art. 26");
        assertThat(setting(baseline, "contactIntervalDaysLenient")).contains("60 days", "a policy setting, not law");
        assertThat(setting(baseline, "frequentTravelMaxMonths"))
                .contains("6 months", "Implementation Measures, art. 27");
    }

    @Test
    void eachCellSaysInWordsWhetherTheOrganOwesIsOwedGetsACopyOrWatches() throws Exception {
        String html = page("cd.county", "/policy?region=CN&date=2025-10-01&stage=documents&lang=zh-CN");
        String deliver = row(html, "docs.deliver");
        assertThat(deliver).contains("tx-part-owes\">履行", "tx-part-owed\">接收", "tx-part-copy\">抄送");
        String report = page("cd.county", "/policy?region=CN&date=2025-10-01&stage=reporting&lang=en");
        assertThat(row(report, "report.self")).contains(">owes<", ">owed<", ">watches<");
        assertThat(html).contains("阅读说明", "负有该步骤的义务");
    }

    @Test
    void aCountyOfficerSeesTheirOwnRegionByDefaultAndCanFilterByOrganAndStage() throws Exception {
        assertThat(page("cd.county", "/policy?lang=zh-CN")).contains("职责矩阵 · A市");
        String county = page("cd.county", "/policy?region=CN&organ=COUNTY_AGENCY&date=2025-10-01&lang=zh-CN");
        assertThat(county)
                .contains("data-step=\"docs.receipt\"", "data-step=\"missing.search\"")
                .doesNotContain(
                        "data-step=\"assess.entrust\"",
                        "data-step=\"assess.complete\"",
                        "data-step=\"place.determine\"")
                .contains("共 48 个")
                .contains("organ-selected");
        String prison = page("cd.county", "/policy?region=CN&organ=PRISON&date=2025-10-01&lang=zh-CN");
        assertThat(prison)
                .contains("data-step=\"transfer.approved_jwzx\"", "data-step=\"revoke.commit\"")
                .doesNotContain("data-step=\"docs.receipt\"");
        String stage = page("cd.county", "/policy?region=CN&stage=move&date=2025-10-01&lang=zh-CN");
        assertThat(stage)
                .contains("data-step=\"move.consult\"", "data-step=\"move.forward\"")
                .doesNotContain("data-step=\"docs.receipt\"")
                .contains("共 7 个");
        assertThat(page("cd.county", "/policy?region=CN&organ=PRISON&stage=assessment&lang=zh-CN"))
                .contains("没有符合条件的步骤");
    }

    @Test
    void theSearchBoxFindsTheStepsRestingOnAnArticle() throws Exception {
        String zh = page("cd.county", "/policy?region=369900&date=2025-10-01&law=CCL&article=27&lang=zh-CN");
        assertThat(zh)
                .contains("依据 《社区矫正法》第二十七条 的步骤：", "data-step=\"leave.approve\"", "data-step=\"move.forward\"")
                .doesNotContain("data-step=\"docs.receipt\"", "data-step=\"intake.register\"");
        String range = page("cd.county", "/policy?region=369900&date=2025-10-01&law=CCL&article=38&lang=en");
        assertThat(range).as("a range of articles holds each of them").contains("data-step=\"assist.answer\"");
        assertThat(page("cd.county", "/policy?region=CN&date=2025-10-01&law=CCL&article=1&lang=en"))
                .contains("No step rests on Community Correction Law, art. 1.");
        assertThat(page("cd.county", "/policy?region=CN&date=2025-10-01&law=CCL&article=abc&lang=en"))
                .as("not a number: no filter")
                .contains("data-step=\"docs.receipt\"");
    }

    @Test
    void regionsDifferInTheirOwnSteps() throws Exception {
        assertThat(page("cd.county", "/policy?region=110000&date=2025-10-01&lang=zh-CN"))
                .contains("data-step=\"intake.education\"", "本地新增");
        String shanghai =
                page("cd.county", "/policy?region=310000&organ=SOCIAL_ORGANISATION&date=2025-10-01&lang=zh-CN");
        assertThat(row(shanghai, "supervise.verify")).contains("履行", "本地调整");
        assertThat(page("cd.county", "/policy?region=CN&date=2019-12-31&lang=zh-CN"))
                .contains("全国基线 在 2019年12月31日 没有施行中的版本");
        assertThat(mvc.perform(get("/policy?region=440300").with(actors.as("cd.county")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aStepShowsAllItsFieldsItsOriginAndWhatTheParentSays() throws Exception {
        String plan = page("cd.county", "/policy/369900/steps/plan.make?date=2025-10-01&lang=zh-CN");
        assertThat(plan)
                .contains(
                        "制定矫正方案",
                        "本地调整",
                        "与 全国基线 的不同之处",
                        "<del>及时</del>",
                        "<ins>1 个月</ins>",
                        "《社区矫正法》第二十四条",
                        "已核对全文",
                        "《A市社区矫正工作协调机制规定》",
                        "地方政策",
                        "社区矫正机构应当根据裁判内容",
                        "/policy/CN/steps/plan.make?date=2025-10-01",
                        "/policy/110000/steps/plan.make");
        String receipt = page("cd.county", "/policy/369900/steps/docs.receipt?date=2025-10-01&lang=en");
        assertThat(receipt)
                .contains(
                        "Return the receipt",
                        "inherited",
                        "5 days",
                        "The clock may pause",
                        "County correction agency",
                        "Decision organ",
                        "Implementation Measures, art. 16",
                        "from secondary sources",
                        "citation only: the text of this article is not shipped",
                        "司发通〔2020〕59号")
                .doesNotContain("What differs from");
        String education = page("cd.county", "/policy/110000/steps/intake.education?date=2025-10-01&lang=zh-CN");
        assertThat(education).contains("本地新增", "北京市社区矫正工作实践").contains("该地区没有此步骤");
        for (String missing :
                new String[] {"/policy/369900/steps/intake.education", "/policy/440300/steps/docs.receipt"}) {
            assertThat(mvc.perform(get(missing).with(actors.as("cd.county")))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(missing)
                    .isEqualTo(404);
        }
    }

    @Test
    void theDiffOfTheBaselineAndCityAShowsTheTwoChangedSteps() throws Exception {
        String zh = page("cd.county", "/policy/diff?from=CN&to=369900&date=2025-10-01&lang=zh-CN");
        assertThat(zh).contains("全国基线 v3 → A市 v3", "新增 5 个步骤，删除 0 个，修改 2 个", "设置的变化");
        String plan = zh.substring(zh.indexOf("id=\"change-plan.make\""));
        assertThat(plan.substring(0, plan.indexOf("</table>"))).contains("期限", "<del>及时</del>", "<ins>1 个月</ins>");
        String reply = zh.substring(zh.indexOf("id=\"change-procuratorate.reply\""));
        assertThat(reply.substring(0, reply.indexOf("</table>"))).contains("<del>无法定期限</del>", "<ins>15 日</ins>");
        String settings = zh.substring(zh.indexOf("id=\"setting-change-leaveOfficeEntrusted\""));
        assertThat(settings.substring(0, settings.indexOf("</tr>"))).contains("<del>否</del>", "<ins>是</ins>");
        String en = page("cd.county", "/policy/diff?from=CN&to=310000&date=2025-10-01&lang=en");
        assertThat(en)
                .as("a step by its name: its id only for those who write policy (issue 13)")
                .contains("Steps added (1)", "The judicial office reviews the leave application")
                .doesNotContain(">leave.review<");
        assertThat(page("city.coord", "/policy/diff?from=CN&to=310000&date=2025-10-01&lang=en"))
                .contains(">leave.review<");
        String leave = en.substring(en.indexOf("id=\"change-leave.approve\""));
        assertThat(leave.substring(0, leave.indexOf("</table>")))
                .as("the agency approving is the baseline's default now")
                .contains("Shanghai implementing rules, art. 3")
                .doesNotContain("Owes it");
        assertThat(page("cd.county", "/policy/diff?from=369900&to=369900&lang=en"))
                .contains("The two catalogues do not differ.");
    }

    @Test
    void theVersionsPageListsNumberStatusEffectiveDateAndNote() throws Exception {
        String html = page("cd.county", "/policy/369900/versions?lang=zh-CN");
        assertThat(html).contains("A市：版本", "v1", "v2", "已发布", "2020年7月1日", "依据法律法规载入的初始版本", "依法律载入", "随全国基线的更正重新发布");
        assertThat(html).doesNotContain("新建草稿");
        assertThat(page("city.coord", "/policy/369900/versions?lang=zh-CN")).containsAnyOf("新建草稿", "打开草稿");
    }

    @Test
    void onlyAModelsEditorsSeeItsDraftingButtons() throws Exception {
        assertThat(page("cd.county", "/policy?region=CN&lang=zh-CN")).doesNotContain("新建草稿", "继续编辑草稿");
        assertThat(page("city.coord", "/policy?region=CN&lang=zh-CN")).doesNotContain("新建草稿", "继续编辑草稿");
        assertThat(page("moj.policy", "/policy?region=CN&lang=zh-CN")).containsAnyOf("新建草稿", "继续编辑草稿");
        assertThat(page("city.coord", "/policy?region=369900&lang=zh-CN")).containsAnyOf("新建草稿", "继续编辑草稿");
        assertThat(page("moj.policy", "/policy/369900/versions?lang=zh-CN")).doesNotContain("新建草稿", "打开草稿");
    }
}
