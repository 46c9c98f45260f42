package org.tongxin.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.obligation.ObligationClock;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.supervision.ContactKind;
import org.tongxin.supervision.Contacts;
import org.tongxin.supervision.LeaveId;
import org.tongxin.supervision.LeaveKind;
import org.tongxin.supervision.LeaveViews.NewLeave;
import org.tongxin.supervision.Leaves;
import org.tongxin.supervision.custody.Custody;
import org.tongxin.supervision.missing.LostContacts;
import org.tongxin.supervision.monitoring.Monitoring;
import org.tongxin.supervision.monitoring.MonitoringGround;
import org.tongxin.supervision.monitoring.MonitoringPeriodId;
import org.tongxin.supervision.monitoring.MonitoringViews.NewPeriod;
import org.tongxin.supervision.move.PlaceChanges;

/**
 * City A's daily supervision after the entry announcement (issue 10's demo), played over the last {@link #DAYS_BACK} days
 * on the demo clock through the supervision module's commands as the demo users, on 城东区 probation cases of their own:
 * <ol>
 * <li>a subject reporting on schedule (every 14 days under City A's model) and visited at home;</li>
 * <li>a subject who reported late once (the missed report is on the ledger) and is reporting again;</li>
 * <li>a subject on leave now (approved, back in three days);</li>
 * <li>a subject overdue from leave (the return day passed; the judicial office owes the follow-up);</li>
 * <li>a subject who moved to 城西区 (consulted, approved, file handed over and receipted, documents forwarded, reported at the
 * new place: 城西区 executes the case, 城东区 reads its own part);</li>
 * <li>a subject under electronic monitoring approved by the bureau head for one month, its period about to expire;</li>
 * <li>a subject who lost contact and was found three days later;</li>
 * <li>a subject who lost contact two days ago, the search still on (the dashboard's lost-contact figure);</li>
 * <li>a subject held in administrative detention by the 城东区 police since yesterday, the police's notice given;</li>
 * <li>a subject who moved from 城东区 to 上海市徐汇区, another region under the Shanghai-style policy model: consulted (the
 * consultation letter), accepted, approved (the decision notice), file handed over and receipted, documents forwarded to
 * the Xuhui procuratorate, reported there; 徐汇区 executes the case and the steps opened since follow Shanghai's model.</li>
 * </ol>
 */
@Component
@ConditionalOnExpression(CityACaseload.ENABLED)
class SupervisionStories {

    private static final Logger log = LoggerFactory.getLogger(SupervisionStories.class);
    /** The stories start this many days before the day of loading. */
    static final int DAYS_BACK = 40;

    /** What the stories made. */
    record Outcome(int cases, int refused) {}

    private static final class Story extends DemoIntake.StoryCase {
        LeaveId leave;
        UUID record;
        MonitoringPeriodId period;
    }

    private final DemoUsers users;
    private final DemoIntake intake;
    private final Contacts contacts;
    private final Leaves leaves;
    private final PlaceChanges placeChanges;
    private final Monitoring monitoring;
    private final LostContacts lostContacts;
    private final Custody custody;
    private final StoryScript script;
    private LocalDate start;
    private int refused;

    SupervisionStories(
            DemoClock clock,
            DemoUsers users,
            DemoIntake intake,
            Contacts contacts,
            Leaves leaves,
            PlaceChanges placeChanges,
            Monitoring monitoring,
            LostContacts lostContacts,
            Custody custody,
            ObligationClock obligationClock,
            EventQuiescence events) {
        this.users = users;
        this.intake = intake;
        this.contacts = contacts;
        this.leaves = leaves;
        this.placeChanges = placeChanges;
        this.monitoring = monitoring;
        this.lostContacts = lostContacts;
        this.custody = custody;
        this.script = new StoryScript("City A demo supervision", clock, obligationClock, events);
    }

    /** Plays the stories from {@link #DAYS_BACK} days before {@code today} up to the present, in the order of time. */
    Outcome play(LocalDate today) {
        start = script.begin(today.minusDays(DAYS_BACK));
        List<Story> stories = List.of(
                onSchedule(),
                late(),
                onLeave(),
                overdueFromLeave(),
                moved(),
                monitored(),
                foundAgain(),
                stillMissing(),
                inCustody(),
                movedToAnotherRegion());
        refused = script.play();
        int made = (int) stories.stream().filter(s -> s.caseId != null).count();
        log.info("City A demo supervision: {} cases, {} refused steps", made, refused);
        return new Outcome(made, refused);
    }

    /** Story 1: reports every 14 days on time, a home visit. */
    private Story onSchedule() {
        Story s = underCorrection(1, "白云飞", LocalDate.of(1991, 6, 12), "城东区东门街道和平路 41 号");
        report(s, 3, "首次到司法所报告，情况正常");
        visit(s, 12, "入户走访，家属反映对象按时上下班");
        report(s, 16, "按时报告，近期在物流公司上班");
        report(s, 30, "按时报告，思想稳定");
        return s;
    }

    /** Story 2: the second report came six days late; reporting again since. */
    private Story late() {
        Story s = underCorrection(2, "石磊", LocalDate.of(1996, 2, 3), "城东区东门街道新街 17 号");
        report(s, 3, "首次到司法所报告");
        report(s, 23, "逾期六日才来报告，称手机丢失，已谈话教育");
        report(s, 36, "按时报告");
        return s;
    }

    /** Story 3: on leave now, approved, back in three days. */
    private Story onLeave() {
        Story s = underCorrection(3, "林晓", LocalDate.of(1988, 11, 21), "城东区东门街道和平路 77 号");
        report(s, 3, "首次到司法所报告");
        report(s, 17, "按时报告");
        report(s, 31, "按时报告，提出外出申请意向");
        step(
                33,
                10,
                0,
                () -> s.leave = users.actAs(
                        "cd.county",
                        () -> leaves.request(
                                s.caseId,
                                new NewLeave(
                                        LeaveKind.SINGLE,
                                        "浙江省杭州市西湖区",
                                        "参加女儿的大学毕业典礼",
                                        day(DAYS_BACK - 1),
                                        day(DAYS_BACK + 3)))));
        step(
                34,
                15,
                0,
                () -> users.actAs("cd.county", () -> {
                    leaves.approve(s.leave, leaves.view(s.leave, "demo.leave").version());
                    return null;
                }));
        return s;
    }

    /** Story 4: left on approved leave, the return day passed three days ago, no return recorded. */
    private Story overdueFromLeave() {
        Story s = underCorrection(4, "赵强", LocalDate.of(1979, 7, 9), "城东区东门街道文化路 8 号");
        report(s, 3, "首次到司法所报告");
        report(s, 16, "按时报告");
        report(s, 29, "按时报告，次日经批准外出");
        step(
                26,
                10,
                0,
                () -> s.leave = users.actAs(
                        "cd.county",
                        () -> leaves.request(
                                s.caseId,
                                new NewLeave(LeaveKind.SINGLE, "四川省成都市武侯区", "探望病重的父亲", day(30), day(DAYS_BACK - 4)))));
        step(
                27,
                11,
                0,
                () -> users.actAs("cd.county", () -> {
                    leaves.approve(s.leave, leaves.view(s.leave, "demo.leave").version());
                    return null;
                }));
        return s;
    }

    /** Story 5: moved to 城西区 through the whole change of the place of execution. */
    private Story moved() {
        Story s = underCorrection(5, "陈路", LocalDate.of(1990, 3, 15), "城东区东门街道解放路 23 号");
        report(s, 3, "首次到司法所报告");
        changePlace(
                s,
                new PlaceChangeDays(8, 9, 11, 13, 14, 15, 18),
                "cx.county",
                agency("CX-CCA"),
                day(40),
                "在城西区购房，全家迁居",
                "经核实居住地属实，同意接收",
                "新居住地核实无误，准予变更",
                "到城西区社区矫正机构报到，并按期报告");
        step(
                32,
                9,
                30,
                () -> users.actAs(
                        "cx.county", () -> contacts.record(s.caseId, ContactKind.REPORT_IN_PERSON, day(32), "按时报告")));
        return s;
    }

    /**
     * Story 10 (numbered 0: the numbers and phones of the stories have one digit): moved from 城东区 (City A's model) to
     * 上海市徐汇区 (the Shanghai-style model) through the same commands; the new agency's accounts ({@code xh.county},
     * {@code xh.proc}) see the case from the receipt of the file on.
     */
    private Story movedToAnotherRegion() {
        Story s = underCorrection(0, "顾申远", LocalDate.of(1992, 8, 8), "城东区东门街道和平路 58 号");
        report(s, 3, "首次到司法所报告");
        changePlace(
                s,
                new PlaceChangeDays(6, 7, 9, 10, 11, 12, 15),
                "xh.county",
                agency("XH-CCA"),
                day(36),
                "与配偶在上海市徐汇区就业并租房居住，申请变更执行地",
                "经核实租房合同和就业情况属实，同意接收",
                "在新执行地有固定住所和工作，准予变更",
                "到徐汇区社区矫正机构报到，并按期报告");
        return s;
    }

    /** Story 6: one month of electronic monitoring approved by the bureau head 28 days ago; it ends in two or three days. */
    private Story monitored() {
        Story s = underCorrection(6, "吴刚", LocalDate.of(1985, 10, 2), "城东区东门街道和平路 102 号");
        report(s, 3, "首次到司法所报告");
        step(
                11,
                10,
                0,
                () -> s.period = users.actAs(
                        "cd.county",
                        () -> monitoring
                                .propose(
                                        s.caseId,
                                        new NewPeriod(
                                                MonitoringGround.LEFT_AREA_WITHOUT_APPROVAL,
                                                "未经批准离开本市前往邻省三日，经查证属实",
                                                "DEMO-EM-0006",
                                                1,
                                                null))
                                .id()));
        step(
                12,
                9,
                0,
                () -> users.actAs(
                        "cd.bureau.head",
                        () -> monitoring.approve(
                                s.period, monitoring.period(s.period).version())));
        report(s, 17, "按时报告，定位设备佩戴正常");
        report(s, 31, "按时报告");
        return s;
    }

    /** Story 7: lost contact, searched for with the police's help, found three days later. */
    private Story foundAgain() {
        Story s = underCorrection(7, "郭敏", LocalDate.of(1994, 8, 27), "城东区东门街道新街 60 号");
        report(s, 3, "首次到司法所报告");
        report(s, 16, "按时报告");
        step(
                21,
                9,
                0,
                () -> s.record = users.actAs(
                                "cd.county",
                                () -> lostContacts.report(s.caseId, script.at(20, 18, 0), "未按时报告，电话关机，走访住所无人，家属不知去向"))
                        .id());
        step(
                24,
                16,
                0,
                () -> users.actAs(
                        "cd.county",
                        () -> lostContacts.found(
                                s.record,
                                lostContacts.ofCase(s.caseId).getFirst().version(),
                                script.at(24, 11, 0),
                                "经派出所协助在其朋友处找到，系外出打工未请假，已予训诫")));
        report(s, 30, "找回后按时报告");
        return s;
    }

    /** Story 8: lost contact two days ago; the search is on. */
    private Story stillMissing() {
        Story s = underCorrection(8, "蒋涛", LocalDate.of(1998, 1, 30), "城东区东门街道文化路 66 号");
        report(s, 3, "首次到司法所报告");
        report(s, 16, "按时报告");
        step(
                DAYS_BACK - 2,
                10,
                0,
                () -> users.actAs(
                        "cd.county",
                        () -> lostContacts.report(s.caseId, script.at(DAYS_BACK - 3, 20, 0), "逾期未报告，电话无人接听，住所已退租")));
        return s;
    }

    /** Story 9: administrative detention by the 城东区 police since yesterday; the police gave their notice at once. */
    private Story inCustody() {
        Story s = underCorrection(9, "何伟", LocalDate.of(1983, 5, 5), "城东区东门街道和平路 9 号");
        AgencyId police = agency("CD-PSB");
        report(s, 3, "首次到司法所报告");
        report(s, 16, "按时报告");
        report(s, 30, "按时报告");
        step(
                DAYS_BACK - 1,
                11,
                0,
                () -> users.actAs(
                        "cd.police",
                        () -> custody.record(
                                s.caseId,
                                CustodyKind.ADMINISTRATIVE_DETENTION,
                                police.value(),
                                script.at(DAYS_BACK - 1, 9, 30))));
        return s;
    }

    /** Decided by the court on day 1, documents delivered and receipted, reported and registered on day 2. */
    private Story underCorrection(int sequence, String name, LocalDate birth, String address) {
        Story s = new Story();
        String number = "（" + start.getYear() + "）城东刑初72" + String.format("%02d", sequence) + "号";
        SubjectData subject = DemoIntake.subject(
                name, Gender.MALE, birth, 730 + sequence, "13900073" + sequence + "00", "369902001", address);
        OffenceData offence =
                new OffenceData(OffenceCategory.THEFT, "盗窃他人财物，数额较大", start.minusMonths(5), List.of("盗窃罪"));
        intake.underCorrection(script, s, new NewDecidedCase(subject, offence, intake.probation(number, start, 2)));
        return s;
    }

    /** The days of a change of the place of execution's steps (each at its usual hour). */
    private record PlaceChangeDays(
            int apply, int consult, int reply, int decide, int transfer, int receive, int reported) {}

    /**
     * The whole change of the place of execution from 城东区 to {@code to}: 城东区 applies, consults and decides and
     * hands the file over; {@code receiver} (the new agency's officer) replies, receives the file, forwards the
     * documents, records the subject's report at the new place and the first report there.
     */
    private void changePlace(
            Story s,
            PlaceChangeDays days,
            String receiver,
            AgencyId to,
            LocalDate move,
            String reason,
            String reply,
            String decision,
            String reportNote) {
        step(
                days.apply(),
                10,
                0,
                () -> s.record = users.actAs("cd.county", () -> placeChanges.apply(s.caseId, to.value(), move, reason))
                        .id());
        step(days.consult(), 9, 30, () -> users.actAs("cd.county", () -> placeChanges.consult(s.record, version(s))));
        step(
                days.reply(),
                15,
                0,
                () -> users.actAs(receiver, () -> placeChanges.reply(s.record, version(s), true, reply)));
        step(
                days.decide(),
                10,
                0,
                () -> users.actAs("cd.county", () -> placeChanges.decide(s.record, version(s), true, decision)));
        step(days.transfer(), 10, 0, () -> users.actAs("cd.county", () -> placeChanges.transfer(s.record, version(s))));
        step(days.receive(), 9, 0, () -> users.actAs(receiver, () -> placeChanges.receive(s.record, version(s))));
        step(days.receive(), 14, 0, () -> users.actAs(receiver, () -> placeChanges.forward(s.record, version(s))));
        int reported = days.reported();
        step(
                reported,
                10,
                0,
                () -> users.actAs(
                        receiver, () -> placeChanges.reported(s.record, version(s), script.at(reported, 9, 30))));
        step(
                reported,
                10,
                30,
                () -> users.actAs(
                        receiver,
                        () -> contacts.record(s.caseId, ContactKind.REPORT_IN_PERSON, day(reported), reportNote)));
    }

    private void report(Story s, int day, String note) {
        step(
                day,
                9,
                30,
                () -> users.actAs(
                        "cd.county", () -> contacts.record(s.caseId, ContactKind.REPORT_IN_PERSON, day(day), note)));
    }

    private void visit(Story s, int day, String note) {
        step(
                day,
                15,
                0,
                () -> users.actAs(
                        "cd.county", () -> contacts.record(s.caseId, ContactKind.HOME_VISIT, day(day), note)));
    }

    private int version(Story s) {
        return placeChanges.find(s.record).version();
    }

    private void step(int day, int hour, int minute, Runnable action) {
        script.step(day, hour, minute, action);
    }

    private AgencyId agency(String code) {
        return intake.agency(code);
    }

    private LocalDate day(int day) {
        return start.plusDays(day);
    }
}
