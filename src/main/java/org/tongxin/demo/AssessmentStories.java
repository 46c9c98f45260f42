package org.tongxin.demo;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyId;
import org.tongxin.assessment.AssessmentResult;
import org.tongxin.assessment.AssessmentViews.NewDecision;
import org.tongxin.assessment.AssessmentViews.NewPeriodicAssessment;
import org.tongxin.assessment.AssessmentViews.NewProposal;
import org.tongxin.assessment.Assessments;
import org.tongxin.assessment.PeriodicAssessments;
import org.tongxin.assessment.ProposalId;
import org.tongxin.assessment.ReasonCode;
import org.tongxin.assessment.ResponseKind;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.LevelChangeReason;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.obligation.ObligationClock;
import org.tongxin.policy.SupervisionLevel;
import org.tongxin.shared.jdbc.EventQuiescence;

/**
 * Four City A stories of the graduated response (doc/adr/0035-graduated-responses.md), played after the coordination
 * stories on the demo clock through the real commands as the demo users, on 城东区 probation cases of their own:
 * <ol>
 * <li>a subject reprimanded twice for late reports and then warned (the warning decision is a PDF on the case);</li>
 * <li>a subject warned twice, for whom the county agency proposed revocation with an arrest request yesterday: the
 * court's 48-hour arrest decision is pending (log in as {@code cd.court.judge});</li>
 * <li>a subject warned twice, proposed for revocation with arrest, arrested by the police on the court's decision,
 * revoked by the court and delivered to City A Prison by the police;</li>
 * <li>the first subject's periodic assessment moves it to strict supervision with a revised plan; another subject's
 * good assessment moves it to lenient supervision, and a sentence reduction proposed to City A's intermediate court
 * awaits the court's ruling (log in as {@code city.court.judge}).</li>
 * </ol>
 */
@Component
@ConditionalOnExpression(CityACaseload.ENABLED)
class AssessmentStories {

    private static final Logger log = LoggerFactory.getLogger(AssessmentStories.class);
    /** The stories start this many days before the day of loading. */
    static final int DAYS_BACK = 20;

    /** What the stories made. */
    record Outcome(int cases, int refused) {}

    private static final class Story extends DemoIntake.StoryCase {
        ProposalId proposal;
    }

    private final DemoUsers users;
    private final DemoIntake intake;
    private final Assessments assessments;
    private final PeriodicAssessments periodicAssessments;
    private final StoryScript script;
    private LocalDate start;
    private int refused;

    AssessmentStories(
            DemoClock clock,
            DemoUsers users,
            DemoIntake intake,
            Assessments assessments,
            PeriodicAssessments periodicAssessments,
            ObligationClock obligationClock,
            EventQuiescence events) {
        this.periodicAssessments = periodicAssessments;
        this.users = users;
        this.intake = intake;
        this.assessments = assessments;
        this.script = new StoryScript("City A demo assessment", clock, obligationClock, events);
    }

    /** Plays the stories from {@link #DAYS_BACK} days before {@code today} up to the present, in the order of time. */
    Outcome play(LocalDate today) {
        start = script.begin(today.minusDays(DAYS_BACK));
        List<Story> stories = List.of(warned(), pendingArrestDecision(), revokedAndDelivered(), commutationProposed());
        refused = script.play();
        int made = (int) stories.stream().filter(s -> s.caseId != null).count();
        log.info("City A demo assessment: {} cases, {} refused steps", made, refused);
        return new Outcome(made, refused);
    }

    /** Story 1: two reprimands for late reports, then a warning. */
    private Story warned() {
        Story s = underCorrection(
                "（" + start.getYear() + "）城东刑初7101号",
                subject("马晓东", LocalDate.of(1993, 4, 8), 1, "城东区东门街道新街 30 号"),
                new OffenceData(OffenceCategory.THEFT, "盗窃超市财物", start.minusMonths(6), List.of("盗窃罪")));
        step(
                6,
                10,
                0,
                () -> decide(s, ResponseKind.REPRIMAND, ReasonCode.LATE_REPORT, "未按规定时间到司法所报告，迟到两日，经谈话承认错误。", "谈话笔录"));
        step(10, 10, 0, () -> decide(s, ResponseKind.REPRIMAND, ReasonCode.LATE_REPORT, "再次未按规定时间报告，迟到三日。", "谈话笔录"));
        step(
                15,
                10,
                0,
                () -> decide(
                        s,
                        ResponseKind.WARNING,
                        ReasonCode.REPRIMANDED_NOT_CORRECTED,
                        "两次训诫后仍未按规定时间报告，本月第三次迟报。",
                        "训诫决定书两份\n谈话笔录"));
        step(
                17,
                10,
                0,
                () -> assess(
                        s,
                        2,
                        16,
                        AssessmentResult.POOR,
                        "考核期内三次未按规定时间报告，受到两次训诫和一次警告。",
                        SupervisionLevel.STRICT,
                        LevelChangeReason.VIOLATION,
                        "受到警告，调整为严管，加强报告和走访。",
                        "调整为严管：每周到司法所当面报告一次；司法所每半月走访一次；每月参加一次法治教育；矫正小组每月谈话一次。"));
        return s;
    }

    /** Story 2: two warnings, then yesterday a revocation proposal with an arrest request; the court has 48 hours. */
    private Story pendingArrestDecision() {
        Story s = underCorrection(
                "（" + start.getYear() + "）城东刑初7102号",
                subject("邓国平", LocalDate.of(1985, 9, 17), 2, "城东区南湖街道湖滨路 88 号"),
                new OffenceData(OffenceCategory.FRAUD, "电信网络诈骗", start.minusMonths(8), List.of("诈骗罪")));
        step(
                5,
                9,
                30,
                () -> decide(
                        s, ResponseKind.WARNING, ReasonCode.SERIOUS_BREACH, "未经批准擅自离开所居住的市、县，前往外省五日。", "行程记录\n谈话笔录"));
        step(
                11,
                9,
                30,
                () -> decide(s, ResponseKind.WARNING, ReasonCode.SERIOUS_BREACH, "警告后再次未经批准外出，拒不说明去向。", "行程记录\n谈话笔录"));
        step(DAYS_BACK - 1, 15, 0, () -> propose(s, "受到两次警告仍不改正，多次未经批准离开居住地。", "警告决定书两份\n行程记录\n谈话笔录", "已购买出境机票，可能逃跑。"));
        return s;
    }

    /** Story 3: two warnings, a proposal with arrest, the arrest, the revocation and the delivery to prison. */
    private Story revokedAndDelivered() {
        Story s = underCorrection(
                "（" + start.getYear() + "）城东刑初7103号",
                subject("韩志勇", LocalDate.of(1982, 1, 26), 3, "城东区新华街道建设路 12 号"),
                new OffenceData(OffenceCategory.INTENTIONAL_INJURY, "酒后持械伤人", start.minusMonths(10), List.of("故意伤害罪")));
        step(
                3,
                10,
                0,
                () -> decide(s, ResponseKind.WARNING, ReasonCode.SERIOUS_BREACH, "违反禁止令进入酒吧，并与他人发生冲突。", "派出所出警记录"));
        step(
                5,
                10,
                0,
                () -> decide(s, ResponseKind.WARNING, ReasonCode.SERIOUS_BREACH, "警告后再次违反禁止令，饮酒后滋事。", "派出所出警记录\n谈话笔录"));
        step(6, 9, 0, () -> propose(s, "受到两次警告仍不改正，多次违反禁止令饮酒滋事。", "警告决定书两份\n派出所出警记录", "多次酒后滋事，可能发生社会危险。"));
        step(
                7,
                10,
                0,
                () -> users.actAs("cd.court.judge", () -> {
                    assessments.decideArrest(
                            s.proposal, assessments.proposal(s.proposal).version(), true);
                    return null;
                }));
        step(
                7,
                16,
                0,
                () -> users.actAs("cd.police", () -> {
                    assessments.executeArrest(
                            s.proposal, assessments.proposal(s.proposal).version(), script.at(7, 15, 30));
                    return null;
                }));
        step(
                12,
                11,
                0,
                () -> users.actAs("cd.court.judge", () -> {
                    assessments.rule(
                            s.proposal,
                            assessments.proposal(s.proposal).version(),
                            true,
                            script.local(12, 0, 0).toLocalDate(),
                            "（" + start.getYear() + "）城东刑执字第 31 号裁定：撤销缓刑，执行原判刑罚。");
                    return null;
                }));
        step(
                14,
                10,
                0,
                () -> users.actAs("cd.police", () -> {
                    assessments.commit(
                            s.proposal,
                            assessments.proposal(s.proposal).version(),
                            agency("A-PRISON"),
                            script.at(14, 9, 0));
                    return null;
                }));
        return s;
    }

    /**
     * Story 4: a subject who did well: the periodic assessment moves the level to lenient supervision and revises the
     * plan; the county agency then proposes a sentence reduction to City A's intermediate court, which has 30 days.
     */
    private Story commutationProposed() {
        Story s = underCorrection(
                "（" + start.getYear() + "）城东刑初7104号",
                subject("冯建华", LocalDate.of(1979, 11, 3), 4, "城东区东门街道光明巷 6 号"),
                new OffenceData(OffenceCategory.TRAFFIC_ACCIDENT, "交通肇事", start.minusMonths(12), List.of("交通肇事罪")));
        step(
                16,
                10,
                0,
                () -> assess(
                        s,
                        2,
                        15,
                        AssessmentResult.GOOD,
                        "按时报告，参加公益活动和职业培训，协助社区调解纠纷。",
                        SupervisionLevel.LENIENT,
                        LevelChangeReason.PERIODIC_ASSESSMENT,
                        "考核表现良好，调整为宽管。",
                        "调整为宽管：每月电话报告一次；司法所每两个月走访一次；继续参加职业培训。"));
        step(
                18,
                15,
                0,
                () -> s.proposal = users.actAs(
                        "cd.county",
                        () -> assessments.propose(
                                s.caseId,
                                new NewProposal(
                                        ResponseKind.COMMUTATION,
                                        List.of(ReasonCode.MAJOR_MERITORIOUS_SERVICE),
                                        "检举重大犯罪活动并协助公安机关抓获重大案件在逃人员，经查证属实。",
                                        "公安机关出具的立功证明\n考核记录",
                                        null,
                                        false,
                                        null))));
        return s;
    }

    private void assess(
            Story s,
            int fromDay,
            int toDay,
            AssessmentResult result,
            String facts,
            SupervisionLevel level,
            LevelChangeReason reason,
            String reasonText,
            String plan) {
        users.actAs(
                "cd.county",
                () -> periodicAssessments.record(
                        s.caseId,
                        new NewPeriodicAssessment(
                                start.plusDays(fromDay),
                                start.plusDays(toDay),
                                result,
                                facts,
                                level,
                                reason,
                                reasonText,
                                plan)));
    }

    /** Decided by the court on day 1, documents delivered and receipted, reported and registered on day 2. */
    private Story underCorrection(String number, SubjectData subject, OffenceData offence) {
        Story s = new Story();
        intake.underCorrection(script, s, new NewDecidedCase(subject, offence, intake.probation(number, start, 2)));
        return s;
    }

    private void decide(Story s, ResponseKind kind, ReasonCode reason, String facts, String evidence) {
        users.actAs(
                "cd.county",
                () -> assessments.decide(s.caseId, new NewDecision(kind, List.of(reason), facts, evidence, null)));
    }

    private void propose(Story s, String facts, String evidence, String arrestReason) {
        s.proposal = users.actAs(
                "cd.county",
                () -> assessments.propose(
                        s.caseId,
                        new NewProposal(
                                ResponseKind.REVOCATION,
                                List.of(ReasonCode.WARNED_TWICE_NOT_CORRECTED),
                                facts,
                                evidence,
                                null,
                                true,
                                arrestReason)));
    }

    private void step(int day, int hour, int minute, Runnable action) {
        script.step(day, hour, minute, action);
    }

    private static SubjectData subject(String name, LocalDate birth, int sequence, String address) {
        return DemoIntake.subject(
                name, Gender.MALE, birth, 710 + sequence, "13900017" + sequence + "00", "369902001", address);
    }

    private AgencyId agency(String code) {
        return intake.agency(code);
    }
}
