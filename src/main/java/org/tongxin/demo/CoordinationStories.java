package org.tongxin.demo;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyId;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.ReferralId;
import org.tongxin.assistance.ReferralViews.NewReferral;
import org.tongxin.assistance.Referrals;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.coordination.ConflictId;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.ConflictViews.NewConflict;
import org.tongxin.coordination.Conflicts;
import org.tongxin.coordination.DecisionId;
import org.tongxin.coordination.MeetingDecisions;
import org.tongxin.coordination.MeetingId;
import org.tongxin.coordination.MeetingViews.AgendaInput;
import org.tongxin.coordination.MeetingViews.AgendaKind;
import org.tongxin.coordination.MeetingViews.NewDecision;
import org.tongxin.coordination.MeetingViews.NewMeeting;
import org.tongxin.coordination.Meetings;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.exchange.ProblemKind;
import org.tongxin.obligation.ObligationClock;
import org.tongxin.procedure.Intake;
import org.tongxin.procedure.IntakeRequests.MissingNotice;
import org.tongxin.shared.jdbc.EventQuiescence;

/**
 * Three typical City A coordination stories, played after the caseload on the demo clock through the real commands as
 * the demo users, each with its conflict points marked on the case's timeline (doc/architecture.md §2):
 * <ol>
 * <li>城西区's court delivers late and incomplete documents for a subject of 城东区 who has already reported in; the
 * county agency rejects the receipt and nobody knows who may act (communication, daily operation);</li>
 * <li>a subject loses contact; the missing notice to the court and police sits unanswered because each side thinks the
 * search is the other's duty (responsibility, cognition);</li>
 * <li>an unemployed subject needs job training and subsistence assistance; HRSS and civil affairs each decline, until
 * the coordination office takes it to a joint meeting whose decisions name both (capacity, incentive).</li>
 * </ol>
 * Before them, an earlier joint meeting whose decision for the county agency was carried out and whose decision for
 * the police is still pending; the later meeting reviews both. Takes a second or two.
 */
@Component
@ConditionalOnExpression(CityACaseload.ENABLED)
class CoordinationStories {

    private static final Logger log = LoggerFactory.getLogger(CoordinationStories.class);
    /** The stories start this many days before the day of loading. */
    static final int DAYS_BACK = 16;

    /** What the stories made. */
    record Outcome(int cases, int conflicts, int meetings, int refused) {}

    private final DemoUsers users;
    private final DemoIntake intake;
    private final Intake procedure;
    private final Handovers handovers;
    private final Conflicts conflicts;
    private final Meetings meetings;
    private final MeetingDecisions decisions;

    private LocalDate start;
    private int conflictCount;
    private int refused;
    private int meetingCount;

    CoordinationStories(
            DemoClock clock,
            DemoUsers users,
            DemoIntake intake,
            Intake procedure,
            Handovers handovers,
            Conflicts conflicts,
            Meetings meetings,
            MeetingDecisions decisions,
            ObligationClock obligationClock,
            EventQuiescence events,
            ObjectProvider<Referrals> referrals) {
        this.referrals = referrals;
        this.users = users;
        this.intake = intake;
        this.procedure = procedure;
        this.handovers = handovers;
        this.conflicts = conflicts;
        this.meetings = meetings;
        this.decisions = decisions;
        this.script = new StoryScript("City A demo coordination", clock, obligationClock, events);
    }

    /** The ids a story's later steps need. */
    private static final class Story extends DemoIntake.StoryCase {
        HandoverId notice;
        ConflictId conflict;
        MeetingId meeting;
        DecisionId decision;
        ReferralId training;
        ReferralId allowance;
    }

    private final ObjectProvider<Referrals> referrals;
    private final StoryScript script;

    /** Plays the stories from {@link #DAYS_BACK} days before {@code today} up to the present, in the order of time. */
    Outcome play(LocalDate today) {
        start = script.begin(today.minusDays(DAYS_BACK));
        earlierMeeting();
        Story late = lateAndIncompleteDocuments();
        Story missing = missingSubject();
        Story unemployed = declinedAssistance();
        refused = script.play();
        int made =
                (late.caseId == null ? 0 : 1) + (missing.caseId == null ? 0 : 1) + (unemployed.caseId == null ? 0 : 1);
        log.info(
                "City A demo coordination: {} cases, {} conflicts, {} joint meetings",
                made,
                conflictCount,
                meetingCount);
        return new Outcome(made, conflictCount, meetingCount, refused);
    }

    private void step(int day, int hour, int minute, Runnable action) {
        script.step(day, hour, minute, action);
    }

    /** Day 2: a meeting on missing subjects; the county agency's decision is done on day 6, the police's is pending. */
    private void earlierMeeting() {
        Story s = new Story();
        step(2, 8, 30, () -> {
            s.meeting = users.actAs(
                    "city.coord",
                    () -> meetings.convene(new NewMeeting(
                            "失联社区矫正对象协查机制联席会议",
                            script.local(2, 9, 30),
                            "A市司法局三楼会议室",
                            List.of(agency("CD-CCA").value(), agency("CD-PSB").value()),
                            List.of(new AgendaInput(AgendaKind.TOPIC, "社区矫正对象失联后的协查分工和通报时限", null, null)))));
            meetingCount++;
        });
        step(
                2,
                11,
                30,
                () -> s.decision = users.actAs("city.coord", () -> {
                    MeetingId id = s.meeting;
                    meetings.recordMinutes(
                            id,
                            meetings.view(id).version(),
                            "会议通报了今年以来社区矫正对象失联情况。城东区社区矫正管理局介绍了查找经过，" + "城东区公安分局介绍了协查流程。会议议定建立失联人员协查联络人制度。");
                    DecisionId d = decisions.record(
                            id,
                            meetings.view(id).version(),
                            new NewDecision(
                                    "确定一名失联人员协查联络人，并将名单报市社区矫正委员会办公室",
                                    agency("CD-CCA").value(),
                                    null,
                                    null));
                    decisions.record(
                            id,
                            meetings.view(id).version(),
                            new NewDecision(
                                    "明确接到失联通报后启动查找的责任民警和反馈时限", agency("CD-PSB").value(), null, null));
                    meetings.close(id, meetings.view(id).version());
                    return d;
                }));
        step(
                6,
                10,
                0,
                () -> users.actAs(
                        "cd.county",
                        () -> decisions.reportDone(
                                s.decision,
                                decisions.decision(s.decision).version(),
                                "已确定社区矫正科科长为协查联络人，名单已报市社区矫正委员会办公室。")));
    }

    /** Story 1: the court of another district delivers late and incomplete; the subject reported in first. */
    private Story lateAndIncompleteDocuments() {
        Story s = new Story();
        String number = "（" + start.getYear() + "）城西刑初7001号";
        step(
                3,
                9,
                0,
                () -> s.caseId = intake.open(
                        "cx.court.clerk",
                        new NewDecidedCase(
                                subject("周海涛", LocalDate.of(1991, 7, 14), 1, "369902001", "城东区东门街道新街 12 号"),
                                new OffenceData(
                                        OffenceCategory.DANGEROUS_DRIVING,
                                        "醉酒驾驶机动车",
                                        start.minusMonths(4),
                                        List.of("危险驾驶罪")),
                                decision(number))));
        step(4, 10, 0, () -> intake.arrive("cd.county", s.caseId));
        step(
                11,
                15,
                0,
                () -> s.documents = intake.deliver(
                        "cx.court.clerk",
                        s.caseId,
                        List.of(
                                new NewItem(ItemCode.DECISION_DOCUMENT, number + "刑事判决书", null),
                                new NewItem(ItemCode.EXECUTION_NOTICE, "执行通知书", null))));
        step(
                12,
                9,
                30,
                () -> users.actAs(
                        "cd.county",
                        () -> handovers.reject(
                                s.documents,
                                handovers.view(s.documents).version(),
                                List.of(new Problem(ItemCode.GUARANTEE, null, ProblemKind.MISSING, "缺少接受社区矫正保证书")),
                                "请于五日内补送")));
        step(12, 10, 0, () -> {
            s.conflict = raise(
                    "cd.county",
                    s.caseId,
                    ConflictType.COMMUNICATION,
                    List.of("CX-COURT"),
                    "城西区人民法院在判决生效八天后才送达法律文书，且缺少接受社区矫正保证书，本机构已退回补正。",
                    "docs.deliver",
                    List.of(s.documents));
            raise(
                    "cd.county",
                    s.caseId,
                    ConflictType.DAILY_OPERATION,
                    List.of("CX-COURT", "CD-PROC"),
                    "社区矫正对象已于判决生效后次日先行报到，而法律文书被退回补正：在文书补齐之前由谁登记、谁开展监管教育，各方说法不一。",
                    "report.self",
                    List.of());
        });
        step(
                13,
                14,
                0,
                () -> users.actAs(
                        "city.coord",
                        () -> conflicts.respond(
                                s.conflict,
                                conflicts.view(s.conflict, "demo").version(),
                                "已联系城西区人民法院，要求三日内补送保证书；补齐前由城东区社区矫正管理局先行接收并开展教育。")));
        return s;
    }

    /** Story 2: the subject never reports; the missing notice to the court and police goes unanswered. */
    private Story missingSubject() {
        Story s = new Story();
        String number = "（" + start.getYear() + "）城东刑初7002号";
        step(
                3,
                10,
                0,
                () -> s.caseId = intake.open(
                        "cd.court.clerk",
                        new NewDecidedCase(
                                subject("黄志强", LocalDate.of(1987, 2, 3), 2, "369902002", "城东区南湖街道湖滨路 45 号"),
                                new OffenceData(OffenceCategory.THEFT, "多次盗窃电动车", start.minusMonths(5), List.of("盗窃罪")),
                                decision(number))));
        step(
                4,
                11,
                0,
                () -> s.documents = intake.deliver("cd.court.clerk", s.caseId, DemoIntake.fullDocuments(number)));
        step(5, 9, 0, () -> intake.receipt("cd.county", s.documents));
        // Ten days after the judgment took effect nobody has come: the day's scan turned the report overdue.
        step(
                14,
                9,
                0,
                () -> s.notice = users.actAs(
                        "cd.county",
                        () -> procedure.notifyMissing(
                                s.caseId, new MissingNotice("报到期限届满后多次拨打本人及家属电话均无人接听，到居住地走访未见本人，邻居称其已外出务工。", null))));
        step(
                15,
                16,
                0,
                () -> raise(
                        "cd.county",
                        s.caseId,
                        ConflictType.RESPONSIBILITY,
                        List.of("CD-PSB", "CD-COURT"),
                        "失联通报送达后两天没有任何回复：公安分局认为查找应由社区矫正机构负责，本机构认为需要公安机关协查，法院认为已完成交付。",
                        "report.missed",
                        List.of(s.notice)));
        return s;
    }

    /** Story 3: HRSS and civil affairs each decline; the coordination office takes it to a joint meeting. */
    private Story declinedAssistance() {
        Story s = new Story();
        String number = "（" + start.getYear() + "）城东刑初7003号";
        step(
                3,
                11,
                0,
                () -> s.caseId = intake.open(
                        "cd.court.clerk",
                        new NewDecidedCase(
                                subject("刘建国", LocalDate.of(1979, 11, 21), 3, "369902001", "城东区东门街道光明里 3 号"),
                                new OffenceData(
                                        OffenceCategory.FRAUD, "以介绍工作为名骗取他人财物", start.minusMonths(6), List.of("诈骗罪")),
                                decision(number))));
        step(4, 14, 0, () -> {
            intake.arrive("cd.county", s.caseId);
            s.documents = intake.deliver("cd.court.clerk", s.caseId, DemoIntake.fullDocuments(number));
        });
        step(5, 10, 0, () -> intake.receipt("cd.county", s.documents));
        step(6, 10, 0, () -> referBoth(s));
        step(7, 15, 0, () -> decline("hrss.worker", s.training, "对象目前无生活来源，应先由民政部门保障基本生活，再安排职业技能培训。"));
        step(8, 11, 0, () -> decline("civil.worker", s.allowance, "对象有劳动能力，应先由人社部门安排就业培训和岗位，不符合最低生活保障条件。"));
        step(
                9,
                10,
                0,
                () -> s.conflict = raise(
                        "cd.county",
                        s.caseId,
                        ConflictType.CAPACITY,
                        List.of("A-HRSS", "A-CIVIL"),
                        "社区矫正对象失业且无生活来源，转介职业技能培训和最低生活保障后，人社部门认为应先由民政部门保障基本生活，民政部门认为其有劳动能力应先就业，双方均退回转介。",
                        null,
                        List.of()));
        step(10, 9, 0, () -> {
            s.meeting = users.actAs(
                    "city.coord",
                    () -> meetings.convene(new NewMeeting(
                            "失业社区矫正对象就业和救助衔接联席会议",
                            script.local(13, 9, 30),
                            "A市司法局三楼会议室",
                            List.of(agency("CD-CCA").value()),
                            List.of(
                                    new AgendaInput(AgendaKind.CONFLICT, null, null, s.conflict.value()),
                                    new AgendaInput(AgendaKind.TOPIC, "就业困难社区矫正对象的帮扶责任分工", null, null)))));
            meetingCount++;
        });
        // As the meeting agreed, the county refers the subject to both departments again: a declined referral gave
        // them no lasting role in the case, the new ones do, and the meeting's decisions name them on the case.
        step(13, 11, 0, () -> referBothAgain(s));
        step(
                13,
                11,
                30,
                () -> users.actAs("city.coord", () -> {
                    MeetingId meeting = s.meeting;
                    meetings.recordMinutes(
                            meeting,
                            meetings.view(meeting).version(),
                            "会议听取了城东区社区矫正管理局关于该对象就业和生活困难的情况介绍，"
                                    + "人社、民政部门分别说明了各自政策，会议回顾了上次会议决定的落实情况。会议议定：职业技能培训和最低生活保障审核同步开展，"
                                    + "不以一方办结作为另一方受理的前提。");
                    decisions.record(
                            meeting,
                            meetings.view(meeting).version(),
                            new NewDecision(
                                    "为该社区矫正对象安排职业技能培训并推荐就业岗位", agency("A-HRSS").value(), s.caseId.value(), null));
                    decisions.record(
                            meeting,
                            meetings.view(meeting).version(),
                            new NewDecision(
                                    "受理并审核该社区矫正对象的最低生活保障申请，审核期间给予临时救助",
                                    agency("A-CIVIL").value(),
                                    s.caseId.value(),
                                    null));
                }));
        return s;
    }

    /**
     * The two referrals of story 3, through the assistance module's own commands: job training to HRSS and subsistence
     * assistance to civil affairs, each declined with the other department named. The referrals give both departments
     * lawful role (ASSISTING) only until they decline.
     */
    private void referBoth(Story s) {
        Referrals assistance = referrals.getObject();
        s.training = users.actAs(
                "cd.county",
                () -> assistance.refer(
                        s.caseId,
                        new NewReferral(
                                AssistanceService.JOB_TRAINING,
                                agency("A-HRSS"),
                                "对象失业半年，有意学习电工技能，请安排职业技能培训并推荐就业岗位。")));
        s.allowance = users.actAs(
                "cd.county",
                () -> assistance.refer(
                        s.caseId,
                        new NewReferral(
                                AssistanceService.SUBSISTENCE_ALLOWANCE,
                                agency("A-CIVIL"),
                                "对象失业，家庭无固定收入，请审核最低生活保障。")));
    }

    private void referBothAgain(Story s) {
        Referrals assistance = referrals.getObject();
        users.actAs(
                "cd.county",
                () -> assistance.refer(
                        s.caseId,
                        new NewReferral(
                                AssistanceService.JOB_TRAINING,
                                agency("A-HRSS"),
                                "经联席会议议定，职业技能培训与最低生活保障审核同步开展，请安排电工技能培训。")));
        users.actAs(
                "cd.county",
                () -> assistance.refer(
                        s.caseId,
                        new NewReferral(
                                AssistanceService.SUBSISTENCE_ALLOWANCE,
                                agency("A-CIVIL"),
                                "经联席会议议定，请受理最低生活保障申请，审核期间给予临时救助。")));
    }

    private void decline(String user, ReferralId id, String reason) {
        Referrals assistance = referrals.getObject();
        users.actAs(user, () -> assistance.decline(id, assistance.view(id).version(), reason));
    }

    // Helpers

    private ConflictId raise(
            String user,
            CaseId caseId,
            ConflictType type,
            List<String> parties,
            String point,
            String step,
            List<HandoverId> evidence) {
        ConflictId id = users.actAs(
                user,
                () -> conflicts.raise(new NewConflict(
                        caseId == null ? null : caseId.value(),
                        type,
                        parties.stream().map(p -> agency(p).value()).toList(),
                        point,
                        step,
                        evidence.stream().map(HandoverId::value).toList(),
                        List.of())));
        conflictCount++;
        return id;
    }

    /** A one-year probation that took effect on day 2 (the third day of the stories). */
    private DecisionData decision(String caseNumber) {
        return intake.probation(caseNumber, start.plusDays(2), 1);
    }

    private static SubjectData subject(String name, LocalDate birth, int sequence, String division, String address) {
        return DemoIntake.subject(
                name, Gender.MALE, birth, 700 + sequence, "13900007" + sequence + "00", division, address);
    }

    private AgencyId agency(String code) {
        return intake.agency(code);
    }
}
