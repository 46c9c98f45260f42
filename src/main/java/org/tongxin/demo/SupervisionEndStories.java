package org.tongxin.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.casefile.SealedQueries;
import org.tongxin.casefile.SealedQueryBasis;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.exchange.HandoverId;
import org.tongxin.procedure.Termination;
import org.tongxin.procuratorial.OpinionKind;
import org.tongxin.procuratorial.ProcuratorialSupervision;
import org.tongxin.procuratorial.ProcuratorialSupervision.NewOpinion;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.time.LegalTime;

/**
 * City A cases at the end of correction and under procuratorial supervision, in 城东区, made at today's time through the
 * real commands as the demo users after the caseload (issue 10's demo): a term that ended today (announced, certificate
 * issued, court, procuratorate and police notified), a minor's case terminated and sealed with a lawful query awaiting the
 * county agency head (`cd.county.head`), a death awaiting its notice, and two procuratorial opinions — one replied, one
 * awaiting the county agency's reply. The terms end today because a commutation ruling (减刑裁定) brought them forward.
 */
@Component
@ConditionalOnExpression(CityACaseload.ENABLED)
class SupervisionEndStories {

    private static final Logger log = LoggerFactory.getLogger(SupervisionEndStories.class);

    /** What the stories made. */
    record Outcome(int cases, int refused) {}

    private final DemoUsers users;
    private final CaseManagement caseManagement;
    private final CaseDirectory cases;
    private final DemoIntake intake;
    private final Termination termination;
    private final SealedQueries sealedQueries;
    private final ProcuratorialSupervision procuratorial;
    private final EventQuiescence reactions;
    private final java.time.Clock clock;
    private int refused;

    SupervisionEndStories(
            DemoUsers users,
            CaseManagement caseManagement,
            CaseDirectory cases,
            DemoIntake intake,
            Termination termination,
            SealedQueries sealedQueries,
            ProcuratorialSupervision procuratorial,
            EventQuiescence reactions,
            java.time.Clock clock) {
        this.users = users;
        this.caseManagement = caseManagement;
        this.cases = cases;
        this.intake = intake;
        this.termination = termination;
        this.sealedQueries = sealedQueries;
        this.procuratorial = procuratorial;
        this.reactions = reactions;
        this.clock = clock;
    }

    Outcome play() {
        refused = 0;
        LocalDate today = LegalTime.today(clock);
        int made = 0;
        CaseId ended = underCorrection(
                "郑志远", Gender.MALE, LocalDate.of(1984, 3, 9), 1, "（" + today.getYear() + "）城东刑初7101号", today);
        if (ended != null) {
            made++;
            endToday(ended, today);
        }
        CaseId minor = underCorrection(
                "孙小雨",
                Gender.FEMALE,
                today.minusYears(17).minusMonths(2),
                2,
                "（" + today.getYear() + "）城东刑初7102号",
                today);
        if (minor != null) {
            made++;
            endToday(minor, today);
            step(() -> users.actAs(
                    "cd.court.clerk",
                    () -> sealedQueries.request(
                            minor,
                            new SealedQueries.QueryRequest(
                                    SealedQueryBasis.JUDICIAL_NEED, "审理另案需要核实被告人前科情况（《刑事诉讼法》第二百八十六条）", 7))));
        }
        CaseId died = underCorrection(
                "钱国庆", Gender.MALE, LocalDate.of(1951, 8, 30), 3, "（" + today.getYear() + "）城东刑初7103号", today);
        if (died != null) {
            made++;
            step(() -> users.actAs(
                    "cd.county", () -> termination.recordDeath(died, cases.version(died), today.minusDays(1))));
        }
        CaseId supervised = underCorrection(
                "冯卫东", Gender.MALE, LocalDate.of(1990, 12, 1), 4, "（" + today.getYear() + "）城东刑初7104号", today);
        if (supervised != null) {
            made++;
            AgencyId county = agency("CD-CCA");
            step(() -> {
                java.util.UUID replied = users.actAs(
                        "cd.proc",
                        () -> procuratorial.issue(
                                supervised,
                                new NewOpinion(
                                        OpinionKind.CORRECTION_OPINION,
                                        county,
                                        "intake.announce",
                                        null,
                                        "社区矫正对象登记后未及时组织入矫宣告，违反《社区矫正法实施办法》第十九条，请依法纠正并书面回复。")));
                reactions.awaitAll(java.time.Duration.ofSeconds(10));
                users.actAs(
                        "cd.county",
                        () -> procuratorial.reply(supervised, replied, 0, true, "已于次日组织入矫宣告，并建立登记后三日内宣告的提醒。"));
            });
            step(() -> users.actAs(
                    "cd.proc",
                    () -> procuratorial.issue(
                            supervised,
                            new NewOpinion(
                                    OpinionKind.PROCURATORIAL_SUGGESTION,
                                    county,
                                    null,
                                    null,
                                    "建议对本辖区缓刑人员的走访记录统一格式，并每季度向本院通报一次监管情况。"))));
        }
        reactions.awaitAll(java.time.Duration.ofSeconds(10));
        log.info("City A demo supervision end: {} cases, {} refused steps", made, refused);
        return new Outcome(made, refused);
    }

    /** The court's commutation ruling brings the term's end to today; the county agency terminates and certifies. */
    private void endToday(CaseId id, LocalDate today) {
        step(() -> caseManagement.changeTermEnd(id, today, agency("CD-COURT")));
        step(() -> users.actAs(
                "cd.county", () -> termination.terminate(id, cases.version(id), TerminationReason.EXPIRY, today)));
        step(() -> users.actAs("cd.county", () -> termination.certify(id)));
    }

    /** Decided by the Chengdong court twenty days ago, documents delivered and receipted, reported in and registered. */
    private CaseId underCorrection(
            String name, Gender gender, LocalDate birth, int sequence, String number, LocalDate today) {
        LocalDate effective = today.minusDays(20);
        boolean minor = birth.isAfter(effective.minusMonths(3).minusYears(18));
        SubjectData subject = DemoIntake.subject(
                name,
                gender,
                birth,
                760 + sequence,
                "13900076" + sequence + "00",
                "369902001",
                "城东区东门街道和平路 " + (20 + sequence) + " 号",
                minor ? "孙建华" : null,
                minor ? "父亲" : null,
                minor ? "13900076900" : null);
        OffenceData offence =
                new OffenceData(OffenceCategory.THEFT, "盗窃他人财物，数额较大", effective.minusMonths(3), List.of("盗窃罪"));
        DecisionData decision = intake.probation(number, effective, 1);
        CaseId id = attempt(() -> intake.open(DemoIntake.COURT_CLERK, new NewDecidedCase(subject, offence, decision)));
        if (id == null) {
            return null;
        }
        HandoverId documents =
                attempt(() -> intake.deliver(DemoIntake.COURT_CLERK, id, DemoIntake.fullDocuments(number)));
        reactions.awaitAll(java.time.Duration.ofSeconds(10));
        if (documents != null) {
            step(() -> intake.receipt(DemoIntake.COUNTY, documents));
        }
        step(() -> intake.arrive(DemoIntake.COUNTY, id));
        step(() -> intake.register(DemoIntake.COUNTY, id));
        return id;
    }

    private void step(Runnable action) {
        attempt(() -> {
            action.run();
            return Boolean.TRUE;
        });
    }

    private <T> T attempt(Supplier<T> action) {
        try {
            T result = action.get();
            reactions.awaitAll(java.time.Duration.ofSeconds(10));
            return result;
        } catch (RuntimeException e) {
            // As in the caseload: a refused step is logged (its kind and code only) and the others go on.
            refused++;
            log.warn(
                    "City A demo supervision end: a step was refused ({})",
                    e instanceof org.tongxin.shared.error.TongxinException t
                            ? t.getMessage()
                            : e.getClass().getSimpleName());
            return null;
        }
    }

    private AgencyId agency(String code) {
        return intake.agency(code);
    }
}
