package org.tongxin.demo;

import static org.tongxin.casefile.CorrectionType.PAROLE;
import static org.tongxin.casefile.CorrectionType.PROBATION;
import static org.tongxin.casefile.CorrectionType.PUBLIC_SURVEILLANCE;
import static org.tongxin.casefile.CorrectionType.TEMPORARY_EXECUTION;
import static org.tongxin.casefile.OffenceCategory.CORRUPTION_BRIBERY;
import static org.tongxin.casefile.OffenceCategory.DANGEROUS_DRIVING;
import static org.tongxin.casefile.OffenceCategory.DRUGS;
import static org.tongxin.casefile.OffenceCategory.DUTY_CRIME;
import static org.tongxin.casefile.OffenceCategory.ENVIRONMENT;
import static org.tongxin.casefile.OffenceCategory.FRAUD;
import static org.tongxin.casefile.OffenceCategory.GAMBLING;
import static org.tongxin.casefile.OffenceCategory.INTENTIONAL_INJURY;
import static org.tongxin.casefile.OffenceCategory.PICKING_QUARRELS;
import static org.tongxin.casefile.OffenceCategory.THEFT;
import static org.tongxin.casefile.OffenceCategory.TRAFFIC_ACCIDENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseData.TeamRole;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.ItemCode;
import org.tongxin.procedure.IntakeRequests.Recommendation;

/**
 * The City A caseload as a script: about fifty fictitious cases across the four districts and counties and the four
 * kinds of correction, each with a fate (where its intake stands today) and the dated steps that lead there, acted by
 * the demo accounts of the right agencies. Dates are counted back from the day the demo is loaded on the working
 * calendar, so there is always work due soon and overdue; people and numbers come from one seeded random source.
 */
final class CaseloadScript {

    /** The seed of every random choice (names, numbers, addresses, times of day). */
    static final long SEED = 20_260_401L;
    /** City A's division: its working calendar, where it has regional extras. */
    static final String CITY_A = "369900";

    // Places and agencies

    /** The demo's districts and counties, with the codes and account prefixes of their organs. */
    enum County {
        CD("369902", "城东区", "A0102", "cd"),
        CX("369903", "城西区", "A0103", "cx"),
        QS("369921", "青山县", "A0121", "qs"),
        BH("369922", "白河县", "A0122", "bh");

        private final String division;
        private final String nameZh;
        private final String courtCode;
        private final String accounts;

        County(String division, String nameZh, String courtCode, String accounts) {
            this.division = division;
            this.nameZh = nameZh;
            this.courtCode = courtCode;
            this.accounts = accounts;
        }

        String division() {
            return division;
        }

        String nameZh() {
            return nameZh;
        }

        /** The court's code in case numbers (（2026）A0102刑初123号). */
        String courtCode() {
            return courtCode;
        }

        String countyOfficer(int turn) {
            return accounts + (turn % 2 == 0 ? ".county" : ".county2");
        }

        Organ court() {
            return new Organ(name() + "-COURT", accounts + ".court.judge", accounts + ".court.clerk", courtCode);
        }

        Institution police() {
            return new Institution(name() + "-PSB", accounts + ".police", false);
        }
    }

    /** A decision organ: its agency code, who decides, who sends its documents, its code in case numbers. */
    record Organ(String agency, String decider, String clerk, String numberCode) {
        static final Organ CITY_COURT = new Organ("A-COURT", "city.court.judge", "city.court.clerk", "A01");
        static final Organ CITY_POLICE = new Organ("A-PSB", "city.police", "city.police", "A公");
    }

    /** Who hands a temporary-execution subject over (CCL art. 21), and whether the subject is in custody until then. */
    record Institution(String agency, String officer, boolean custody) {
        static final Institution PRISON = new Institution("A-PRISON", "prison.officer", true);
        static final Institution DETENTION_CENTRE = new Institution("A-DC", "detention.officer", true);
    }

    /** A street or town with its judicial office, the office's officer, and its streets or villages. */
    record Township(
            County county,
            String division,
            String nameZh,
            String office,
            String officeUser,
            boolean urban,
            List<String> places) {}

    static final List<Township> TOWNSHIPS = List.of(
            new Township(
                    County.CD, "369902001", "东门街道", "CD-SO-DM", "cd.dm", true, List.of("和平路", "东门大街", "建设巷", "文昌路")),
            new Township(County.CD, "369902002", "南湖街道", "CD-SO-NH", "cd.nh", true, List.of("南湖路", "湖滨北路", "柳岸巷")),
            new Township(County.CD, "369902003", "新华街道", "CD-SO-XH", "cd.xh", true, List.of("新华路", "人民东路", "工农巷")),
            new Township(County.CD, "369902101", "龙泉镇", "CD-SO-LQ", "cd.lq", false, List.of("龙泉", "泉口", "石门")),
            new Township(County.CX, "369903001", "西关街道", "CX-SO-XG", "cx.xg", true, List.of("西关大街", "鼓楼巷", "兴隆路")),
            new Township(County.CX, "369903002", "北苑街道", "CX-SO-BY", "cx.by", true, List.of("北苑路", "育才路", "安居巷")),
            new Township(County.CX, "369903003", "翠屏街道", "CX-SO-CP", "cx.cp", true, List.of("翠屏路", "望江路", "桂花巷")),
            new Township(County.QS, "369921100", "青山镇", "QS-SO-QS", "qs.qs", false, List.of("青山", "河西", "竹林")),
            new Township(County.QS, "369921101", "石桥镇", "QS-SO-SQ", "qs.sq", false, List.of("石桥", "上坪", "大湾")),
            new Township(County.QS, "369921200", "云岭乡", "QS-SO-YL", "qs.yl", false, List.of("云岭", "高坡")),
            new Township(County.QS, "369921201", "杨柳乡", "QS-SO-YLX", "qs.ylx", false, List.of("杨柳", "柳溪")),
            new Township(County.QS, "369921202", "溪口乡", "QS-SO-XK", "qs.xk", false, List.of("溪口", "下河")),
            new Township(County.BH, "369922100", "白河镇", "BH-SO-BH", "bh.bh", false, List.of("白河", "河东", "新街")),
            new Township(County.BH, "369922101", "柳林镇", "BH-SO-LL", "bh.ll", false, List.of("柳林", "北坡")),
            new Township(County.BH, "369922200", "桃花乡", "BH-SO-TH", "bh.th", false, List.of("桃花", "杏林")),
            new Township(County.BH, "369922201", "马坊乡", "BH-SO-MF", "bh.mf", false, List.of("马坊", "东岗")));

    static Township township(String division) {
        return TOWNSHIPS.stream()
                .filter(t -> t.division().equals(division))
                .findFirst()
                .orElseThrow();
    }

    // Fates

    /** Where a case's intake stands on the day the demo is loaded; each fate is the history that leads there. */
    enum Fate {
        /** 调查评估中: entrusted, not yet due. */
        ASSESSMENT_OPEN,
        /** Entrusted; the opinion is due within two working days. */
        ASSESSMENT_DUE_SOON,
        /** Entrusted; the opinion is overdue and escalated. */
        ASSESSMENT_OVERDUE,
        /** The opinion went to the court, which has not decided yet. */
        OPINION_SUBMITTED,
        /** The opinion came late, after the escalation. */
        OPINION_LATE,
        /** Assessed as unsuitable; the court applied no community correction. */
        WITHDRAWN,
        /** Decided, execution notice sent, documents due within days; the subject reported. */
        DOCUMENTS_DUE_SOON,
        /** Decided, notice sent, documents overdue; the subject reported. */
        DOCUMENTS_OVERDUE,
        /** Decided, neither notice nor documents sent; the subject reported. */
        DOCUMENTS_AND_NOTICE_OVERDUE,
        /** Documents delivered, the county agency's receipt due. */
        DELIVERED,
        /** Documents delivered, the receipt overdue. */
        RECEIPT_OVERDUE,
        /** Documents rejected (guarantee missing), the supplement due within days. */
        REJECTED,
        /** Documents rejected, the supplement overdue. */
        SUPPLEMENT_OVERDUE,
        /** Documents receipted, the subject's reporting period running. */
        RECEIPTED,
        /** Documents receipted and the subject reported: registration pending. */
        RECEIPTED_AND_REPORTED,
        /** The subject did not report; the county agency told the court and searches. */
        MISSING_NOTIFIED,
        /** The subject did not report; the notice to the court is still owed. */
        MISSING,
        /** Missing for a while, then reported late and registered. */
        MISSING_THEN_REPORTED,
        /** Temporary execution: documents receipted, the institution's handover due within days. */
        TRANSFER_DUE_SOON,
        /** Temporary execution: the handover overdue. */
        TRANSFER_OVERDUE,
        /** Temporary execution just decided: handover and documents pending. */
        TRANSFER_PENDING,
        /** Temporary execution: handed over, documents receipted, registration pending. */
        TRANSFERRED,
        /** Temporary execution handed over, registered and the intake completed. */
        TRANSFERRED_REGISTERED,
        /** Registered; team, plan and announcement pending at the judicial office. */
        REGISTERED,
        /** Registered; team formed and announcement held, the plan pending. */
        REGISTERED_PARTLY,
        /** The whole intake done. */
        COMPLETE,
        /** Rejected, supplemented, receipted, and the whole intake done. */
        REJECTED_THEN_COMPLETE;

        boolean decided() {
            return ordinal() >= DOCUMENTS_DUE_SOON.ordinal();
        }
    }

    enum Trait {
        WOMAN,
        MINOR,
        ASSESSED,
        EXPEDITED
    }

    /** One line of the caseload table. */
    record Spec(
            County county,
            String division,
            Fate fate,
            CorrectionType type,
            OffenceCategory offence,
            Organ organ,
            Institution institution,
            Set<Trait> traits) {

        Spec by(Organ decisionOrgan) {
            return new Spec(county, division, fate, type, offence, decisionOrgan, institution, traits);
        }

        Spec handedOverBy(Institution by) {
            return new Spec(county, division, fate, type, offence, organ, by, traits);
        }

        boolean has(Trait trait) {
            return traits.contains(trait);
        }
    }

    static Spec spec(
            County county, String division, Fate fate, CorrectionType type, OffenceCategory offence, Trait... traits) {
        Set<Trait> set = EnumSet.noneOf(Trait.class);
        set.addAll(List.of(traits));
        return new Spec(county, division, fate, type, offence, county.court(), null, set);
    }

    private static final Trait WOMAN = Trait.WOMAN;
    private static final Trait MINOR = Trait.MINOR;
    private static final Trait ASSESSED = Trait.ASSESSED;

    /** The caseload: every fate at least once, in every county, for every kind of correction. */
    static final List<Spec> CASELOAD = List.of(
            spec(County.CD, "369902001", Fate.ASSESSMENT_DUE_SOON, PROBATION, DANGEROUS_DRIVING),
            spec(County.CD, "369902002", Fate.ASSESSMENT_OVERDUE, PROBATION, THEFT),
            spec(County.CD, "369902003", Fate.OPINION_SUBMITTED, PUBLIC_SURVEILLANCE, PICKING_QUARRELS),
            spec(County.CD, "369902101", Fate.WITHDRAWN, PROBATION, FRAUD),
            spec(County.CD, "369902001", Fate.DOCUMENTS_DUE_SOON, PROBATION, TRAFFIC_ACCIDENT, WOMAN, ASSESSED),
            spec(County.CD, "369902002", Fate.DOCUMENTS_OVERDUE, PROBATION, GAMBLING),
            spec(County.CD, "369902001", Fate.REJECTED, PROBATION, INTENTIONAL_INJURY, ASSESSED),
            spec(County.CD, "369902003", Fate.MISSING, PROBATION, THEFT),
            spec(County.CD, "369902001", Fate.REGISTERED, PROBATION, DANGEROUS_DRIVING, WOMAN, ASSESSED),
            spec(County.CD, "369902001", Fate.REGISTERED_PARTLY, PAROLE, FRAUD).by(Organ.CITY_COURT),
            spec(County.CD, "369902101", Fate.COMPLETE, PUBLIC_SURVEILLANCE, THEFT, MINOR, ASSESSED),
            spec(County.CD, "369902002", Fate.TRANSFER_PENDING, TEMPORARY_EXECUTION, FRAUD, WOMAN)
                    .handedOverBy(County.CD.police()),
            spec(County.CD, "369902003", Fate.TRANSFER_DUE_SOON, TEMPORARY_EXECUTION, DRUGS)
                    .by(Organ.CITY_COURT)
                    .handedOverBy(Institution.PRISON),
            spec(County.CD, "369902101", Fate.ASSESSMENT_OPEN, PROBATION, FRAUD),
            spec(County.CX, "369903001", Fate.ASSESSMENT_DUE_SOON, PROBATION, DANGEROUS_DRIVING, Trait.EXPEDITED),
            spec(County.CX, "369903002", Fate.ASSESSMENT_OVERDUE, PUBLIC_SURVEILLANCE, INTENTIONAL_INJURY),
            spec(County.CX, "369903003", Fate.OPINION_LATE, PROBATION, FRAUD, WOMAN),
            spec(County.CX, "369903001", Fate.OPINION_SUBMITTED, PROBATION, THEFT, MINOR),
            spec(County.CX, "369903002", Fate.DOCUMENTS_AND_NOTICE_OVERDUE, PROBATION, DANGEROUS_DRIVING),
            spec(County.CX, "369903003", Fate.DELIVERED, PAROLE, THEFT).by(Organ.CITY_COURT),
            spec(County.CX, "369903001", Fate.RECEIPT_OVERDUE, PROBATION, GAMBLING),
            spec(County.CX, "369903002", Fate.SUPPLEMENT_OVERDUE, PROBATION, TRAFFIC_ACCIDENT, WOMAN),
            spec(County.CX, "369903003", Fate.RECEIPTED, PUBLIC_SURVEILLANCE, PICKING_QUARRELS),
            spec(County.CX, "369903001", Fate.MISSING_NOTIFIED, PROBATION, FRAUD),
            spec(County.CX, "369903002", Fate.TRANSFERRED, TEMPORARY_EXECUTION, DRUGS)
                    .handedOverBy(Institution.DETENTION_CENTRE),
            spec(County.CX, "369903001", Fate.COMPLETE, PROBATION, CORRUPTION_BRIBERY, WOMAN),
            spec(County.CX, "369903003", Fate.REGISTERED, PAROLE, DRUGS).by(Organ.CITY_COURT),
            spec(County.QS, "369921101", Fate.ASSESSMENT_DUE_SOON, PROBATION, ENVIRONMENT),
            spec(County.QS, "369921200", Fate.ASSESSMENT_OPEN, PUBLIC_SURVEILLANCE, PICKING_QUARRELS),
            spec(County.QS, "369921100", Fate.OPINION_SUBMITTED, PROBATION, INTENTIONAL_INJURY, WOMAN),
            spec(County.QS, "369921202", Fate.WITHDRAWN, PROBATION, THEFT),
            spec(County.QS, "369921201", Fate.DOCUMENTS_DUE_SOON, PROBATION, DANGEROUS_DRIVING),
            spec(County.QS, "369921100", Fate.DELIVERED, PROBATION, TRAFFIC_ACCIDENT, ASSESSED),
            spec(County.QS, "369921101", Fate.REJECTED, PUBLIC_SURVEILLANCE, THEFT, MINOR),
            spec(County.QS, "369921200", Fate.RECEIPTED_AND_REPORTED, PROBATION, GAMBLING),
            spec(County.QS, "369921100", Fate.MISSING_THEN_REPORTED, PROBATION, FRAUD),
            spec(County.QS, "369921201", Fate.TRANSFER_OVERDUE, TEMPORARY_EXECUTION, DUTY_CRIME)
                    .by(Organ.CITY_POLICE)
                    .handedOverBy(Institution.DETENTION_CENTRE),
            spec(County.QS, "369921202", Fate.REGISTERED_PARTLY, PROBATION, ENVIRONMENT, WOMAN, ASSESSED),
            spec(County.QS, "369921100", Fate.COMPLETE, PAROLE, CORRUPTION_BRIBERY)
                    .by(Organ.CITY_COURT),
            spec(County.QS, "369921101", Fate.REJECTED_THEN_COMPLETE, PROBATION, INTENTIONAL_INJURY),
            spec(County.BH, "369922101", Fate.ASSESSMENT_DUE_SOON, PROBATION, THEFT),
            spec(County.BH, "369922200", Fate.ASSESSMENT_OVERDUE, PROBATION, GAMBLING, WOMAN),
            spec(County.BH, "369922201", Fate.OPINION_SUBMITTED, PROBATION, ENVIRONMENT),
            spec(County.BH, "369922100", Fate.WITHDRAWN, PUBLIC_SURVEILLANCE, INTENTIONAL_INJURY),
            spec(County.BH, "369922101", Fate.DOCUMENTS_OVERDUE, PUBLIC_SURVEILLANCE, PICKING_QUARRELS),
            spec(County.BH, "369922100", Fate.DELIVERED, PROBATION, DANGEROUS_DRIVING),
            spec(County.BH, "369922200", Fate.SUPPLEMENT_OVERDUE, PROBATION, THEFT, ASSESSED),
            spec(County.BH, "369922201", Fate.RECEIPTED, PAROLE, DRUGS).by(Organ.CITY_COURT),
            spec(County.BH, "369922100", Fate.MISSING, PROBATION, FRAUD),
            spec(County.BH, "369922101", Fate.TRANSFER_PENDING, TEMPORARY_EXECUTION, DUTY_CRIME)
                    .by(Organ.CITY_COURT)
                    .handedOverBy(Institution.PRISON),
            spec(County.BH, "369922200", Fate.TRANSFERRED_REGISTERED, TEMPORARY_EXECUTION, FRAUD, WOMAN)
                    .by(Organ.CITY_COURT)
                    .handedOverBy(Institution.PRISON),
            spec(County.BH, "369922100", Fate.REGISTERED, PROBATION, THEFT, MINOR),
            spec(County.BH, "369922201", Fate.COMPLETE, PROBATION, DANGEROUS_DRIVING, ASSESSED));

    // The script's output

    /** What the demo does, in the order it happened. */
    enum Action {
        ENTRUST,
        OPINION,
        WITHDRAW,
        DECIDE,
        NOTIFY,
        DELIVER,
        REJECT,
        SUPPLEMENT,
        RECEIPT,
        REPORT_IN,
        MISSING_NOTICE,
        TRANSFER,
        RECEIVE_TRANSFER,
        ASSIGN_OFFICE,
        REGISTER,
        TEAM,
        PLAN,
        ANNOUNCE
    }

    /** One step of one case: when, what, and the demo account that does it. */
    record Step(Story story, int order, LocalDateTime at, Action action, String actor) {}

    /** A decision as the organ records it (the county agency is the residence's; the institution by its agency code). */
    record Decision(
            CorrectionType type,
            String caseNumber,
            LocalDate judgmentDate,
            LocalDate effectiveDate,
            LocalDate termStart,
            LocalDate termEnd,
            boolean inCustody,
            String institution) {}

    /** A member of the correction team, the office's own staff named by the office's agency code. */
    record Seat(String name, TeamRole role, Gender gender, String agency) {}

    /** One case of the caseload: the person, the offence, the decision and texts its steps use, and the steps. */
    static final class Story {
        final String label;
        final Spec spec;
        final Township township;
        final SubjectData subject;
        final OffenceData offence;
        final String caseNumber;
        Decision decision;
        Recommendation recommendation = Recommendation.SUITABLE;
        String findings;
        String reasons;
        List<NewItem> materials = List.of();
        List<NewItem> documents = List.of();
        List<NewItem> supplement = List.of();
        ItemCode missingItem;
        String missingNote;
        List<NewItem> transferItems = List.of();
        String searchRecord;
        List<Seat> team = List.of();
        String plan;
        String announcementPlace;
        String announcementAttendees;
        final String countyOfficer;
        final List<Step> steps = new ArrayList<>();

        Story(
                String label,
                Spec spec,
                SubjectData subject,
                OffenceData offence,
                String caseNumber,
                String countyOfficer) {
            this.label = label;
            this.spec = spec;
            this.township = township(spec.division());
            this.subject = subject;
            this.offence = offence;
            this.caseNumber = caseNumber;
            this.countyOfficer = countyOfficer;
        }

        String label() {
            return label;
        }

        Spec spec() {
            return spec;
        }

        List<Step> steps() {
            return steps;
        }
    }

    // Writing the script for a given day

    private final Days days;
    private final CaseloadPeople people;
    private final CaseloadTexts texts;
    private final Set<String> caseNumbers = new HashSet<>();

    CaseloadScript(LocalDate today, WorkingCalendar calendar, Set<String> staffNames) {
        String region = calendar.isKnownRegion(CITY_A) ? CITY_A : WorkingCalendar.NATIONAL;
        this.days = new Days(today, calendar, region);
        this.people = new CaseloadPeople(SEED, staffNames);
        this.texts = new CaseloadTexts(people);
    }

    /** The stories, numbered per county (CD-01 …), with their steps dated back from today. */
    List<Story> stories() {
        List<Story> stories = new ArrayList<>();
        int[] perCounty = new int[County.values().length];
        for (Spec spec : CASELOAD) {
            int n = ++perCounty[spec.county().ordinal()];
            stories.add(write(String.format("%s-%02d", spec.county().name(), n), spec, stories.size()));
        }
        return stories;
    }

    /** Every step of every story, in the order the demo replays them. */
    static List<Step> timeline(List<Story> stories) {
        return stories.stream()
                .flatMap(s -> s.steps().stream())
                .sorted(Comparator.comparing(Step::at)
                        .thenComparing(s -> s.story().label())
                        .thenComparingInt(Step::order))
                .toList();
    }

    LocalDate today() {
        return days.today;
    }

    private Story write(String label, Spec spec, int turn) {
        Timeline t = new Timeline(people.between(8 * 60 + 30, 10 * 60 + 20));
        Fate fate = spec.fate();
        boolean assessment = !fate.decided() || spec.has(ASSESSED);
        // When the story starts: the entrustment (assessment fates, and decided cases assessed first) or the decision.
        LocalDate effective = null;
        LocalDate decisionDay = null;
        if (fate.decided()) {
            effective = days.today.minusDays(effectiveDaysAgo(fate));
            decisionDay = days.firstWorkingDayFrom(effective);
            if (!decisionDay.isBefore(days.today)) {
                effective = days.daysAgo(1);
                decisionDay = effective;
            }
        }
        LocalDate entrusted = switch (fate) {
            case ASSESSMENT_OPEN -> days.workingDaysAgo(3);
            case ASSESSMENT_DUE_SOON -> days.workingDaysAgo(spec.has(Trait.EXPEDITED) ? 4 : 9);
            case ASSESSMENT_OVERDUE -> days.workingDaysAgo(15);
            case OPINION_SUBMITTED -> days.workingDaysAgo(12);
            case OPINION_LATE -> days.workingDaysAgo(18);
            case WITHDRAWN -> days.workingDaysAgo(24);
            default -> assessment ? days.onOrBefore(effective.minusDays(32)) : null;
        };
        LocalDate judgment = effective == null ? null : judgmentDate(spec, effective);
        LocalDate offenceDate = (entrusted != null ? entrusted : judgment).minusDays(people.between(45, 160));
        boolean minor = spec.has(MINOR);
        boolean woman = spec.has(WOMAN);
        Gender gender = woman ? Gender.FEMALE : Gender.MALE;
        LocalDate birth = minor
                ? offenceDate.minusYears(16).minusDays(people.between(20, 330))
                : people.adultBirth(offenceDate, spec.type() == PAROLE ? 30 : 21, spec.type() == PAROLE ? 55 : 62);
        String health = spec.type() == TEMPORARY_EXECUTION ? texts.health(woman) : null;
        SubjectData subject = people.subject(gender, birth, township(spec.division()), minor, health);
        String summary = texts.offence(spec.offence());
        OffenceData offence =
                new OffenceData(spec.offence(), summary, offenceDate, CaseloadTexts.charges(spec.offence(), summary));
        Story story = new Story(
                label,
                spec,
                subject,
                offence,
                caseNumber(spec, entrusted != null ? entrusted : judgment),
                spec.county().countyOfficer(turn));
        if (effective != null) {
            story.decision = decision(spec, story.caseNumber, judgment, effective);
        }
        texts.fill(story);

        String county = story.countyOfficer;
        String office = story.township.officeUser();
        Organ organ = spec.organ();
        if (assessment) {
            t.on(entrusted).act(Action.ENTRUST, organ.clerk());
        }
        switch (fate) {
            case ASSESSMENT_OPEN, ASSESSMENT_DUE_SOON, ASSESSMENT_OVERDUE -> {}
            case OPINION_SUBMITTED -> t.on(days.workingDaysAgo(5)).act(Action.OPINION, county);
            case OPINION_LATE -> t.on(days.workingDaysAgo(4)).act(Action.OPINION, county);
            case WITHDRAWN -> {
                story.recommendation = Recommendation.UNSUITABLE;
                texts.unsuitable(story);
                t.on(days.workingDaysAgo(15)).act(Action.OPINION, county);
                t.on(days.workingDaysAgo(9)).act(Action.WITHDRAW, organ.decider());
            }
            default -> {
                if (assessment) {
                    t.on(days.onOrBefore(effective.minusDays(24))).act(Action.OPINION, county);
                }
                t.on(decisionDay).act(Action.DECIDE, organ.decider());
                decided(story, t, county, office);
            }
        }
        story.steps.addAll(t.steps(story));
        return story;
    }

    /** The steps after the decision, by fate. Days are counted back from today (a working day on or before). */
    private void decided(Story story, Timeline t, String county, String office) {
        String clerk = story.spec.organ().clerk();
        Institution institution = story.spec.institution();
        switch (story.spec.fate()) {
            case DOCUMENTS_DUE_SOON -> {
                t.on(days.daysAgo(7)).act(Action.NOTIFY, clerk);
                t.on(days.daysAgo(5)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
            }
            case DOCUMENTS_OVERDUE -> {
                t.on(days.daysAgo(15)).act(Action.NOTIFY, clerk);
                t.on(days.daysAgo(13)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
            }
            case DOCUMENTS_AND_NOTICE_OVERDUE ->
                t.on(days.daysAgo(10)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
            case DELIVERED -> {
                t.on(days.daysAgo(6)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
                t.on(days.daysAgo(3)).act(Action.DELIVER, clerk);
            }
            case RECEIPT_OVERDUE -> {
                t.on(days.daysAgo(17)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
                t.on(days.daysAgo(14)).act(Action.DELIVER, clerk);
            }
            case REJECTED -> {
                rejecting(story);
                t.on(days.daysAgo(8)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
                t.on(days.daysAgo(6)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(3)).act(Action.REJECT, county);
            }
            case SUPPLEMENT_OVERDUE -> {
                rejecting(story);
                t.on(days.daysAgo(19)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
                t.on(days.daysAgo(16)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(13)).act(Action.REJECT, county);
            }
            case RECEIPTED -> {
                t.on(days.daysAgo(7)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(5)).act(Action.RECEIPT, county);
            }
            case RECEIPTED_AND_REPORTED -> {
                t.on(days.daysAgo(10)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(8)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
                t.on(days.daysAgo(6)).act(Action.RECEIPT, county);
            }
            case MISSING_NOTIFIED -> {
                t.on(days.daysAgo(33)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(30)).act(Action.RECEIPT, county);
                t.on(days.daysAgo(14)).act(Action.MISSING_NOTICE, county);
            }
            case MISSING -> {
                t.on(days.daysAgo(22)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(20)).act(Action.RECEIPT, county);
            }
            case MISSING_THEN_REPORTED -> {
                t.on(days.daysAgo(43)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(40)).act(Action.RECEIPT, county);
                t.on(days.daysAgo(22)).act(Action.MISSING_NOTICE, county);
                t.on(days.daysAgo(18))
                        .act(Action.REPORT_IN, county)
                        .act(Action.ASSIGN_OFFICE, county)
                        .act(Action.REGISTER, county);
                t.on(days.daysAgo(17)).act(Action.TEAM, office).act(Action.ANNOUNCE, office);
                t.on(days.daysAgo(12)).act(Action.PLAN, office);
            }
            case TRANSFER_DUE_SOON -> {
                t.on(days.daysAgo(6)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(4)).act(Action.RECEIPT, county);
            }
            case TRANSFER_OVERDUE -> {
                t.on(days.daysAgo(15)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(12)).act(Action.RECEIPT, county);
            }
            case TRANSFER_PENDING -> {}
            case TRANSFERRED -> {
                t.on(days.daysAgo(12)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(10)).act(Action.TRANSFER, institution.officer());
                t.on(days.daysAgo(9)).act(Action.RECEIVE_TRANSFER, county).act(Action.ASSIGN_OFFICE, county);
                t.on(days.daysAgo(7)).act(Action.RECEIPT, county);
            }
            case TRANSFERRED_REGISTERED -> {
                t.on(days.daysAgo(30)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(27)).act(Action.TRANSFER, institution.officer());
                t.on(days.daysAgo(26)).act(Action.RECEIVE_TRANSFER, county).act(Action.ASSIGN_OFFICE, county);
                t.on(days.daysAgo(25)).act(Action.RECEIPT, county).act(Action.REGISTER, county);
                t.on(days.daysAgo(24)).act(Action.TEAM, office).act(Action.ANNOUNCE, office);
                t.on(days.daysAgo(20)).act(Action.PLAN, office);
            }
            case REGISTERED -> {
                t.on(days.daysAgo(14)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(12)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
                t.on(days.daysAgo(11)).act(Action.RECEIPT, county);
                t.on(days.daysAgo(3)).act(Action.REGISTER, county);
            }
            case REGISTERED_PARTLY -> {
                t.on(days.daysAgo(23)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(21)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
                t.on(days.daysAgo(20)).act(Action.RECEIPT, county).act(Action.REGISTER, county);
                t.on(days.daysAgo(19)).act(Action.TEAM, office);
                t.on(days.daysAgo(18)).act(Action.ANNOUNCE, office);
            }
            case COMPLETE -> {
                t.on(days.daysAgo(46)).act(Action.NOTIFY, clerk);
                t.on(days.daysAgo(44)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(41)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
                t.on(days.daysAgo(40)).act(Action.RECEIPT, county).act(Action.REGISTER, county);
                t.on(days.daysAgo(39)).act(Action.TEAM, office).act(Action.ANNOUNCE, office);
                t.on(days.daysAgo(30)).act(Action.PLAN, office);
            }
            case REJECTED_THEN_COMPLETE -> {
                rejecting(story);
                t.on(days.daysAgo(52)).act(Action.DELIVER, clerk);
                t.on(days.daysAgo(50)).act(Action.REJECT, county);
                t.on(days.daysAgo(48)).act(Action.REPORT_IN, county).act(Action.ASSIGN_OFFICE, county);
                t.on(days.daysAgo(47)).act(Action.SUPPLEMENT, clerk);
                t.on(days.daysAgo(45)).act(Action.RECEIPT, county).act(Action.REGISTER, county);
                t.on(days.daysAgo(44)).act(Action.TEAM, office);
                t.on(days.daysAgo(43)).act(Action.ANNOUNCE, office);
                t.on(days.daysAgo(35)).act(Action.PLAN, office);
            }
            default -> throw new IllegalStateException("No decided history for " + story.spec.fate());
        }
    }

    /** How many days ago the decision took effect, by fate (margins keep "overdue" overdue across long holidays). */
    private static int effectiveDaysAgo(Fate fate) {
        return switch (fate) {
            case DOCUMENTS_DUE_SOON, RECEIPTED, TRANSFER_DUE_SOON -> 8;
            case DOCUMENTS_OVERDUE -> 17;
            case DOCUMENTS_AND_NOTICE_OVERDUE -> 14;
            case DELIVERED -> 10;
            case RECEIPT_OVERDUE -> 22;
            case REJECTED, RECEIPTED_AND_REPORTED -> 12;
            case SUPPLEMENT_OVERDUE, MISSING -> 24;
            case MISSING_NOTIFIED -> 35;
            case MISSING_THEN_REPORTED -> 45;
            case TRANSFER_OVERDUE -> 18;
            case TRANSFER_PENDING -> 5;
            case TRANSFERRED, REGISTERED -> 16;
            case TRANSFERRED_REGISTERED -> 32;
            case REGISTERED_PARTLY -> 25;
            case COMPLETE -> 48;
            case REJECTED_THEN_COMPLETE -> 55;
            default -> throw new IllegalArgumentException(fate + " has no decision");
        };
    }

    /** A judgment takes effect after the 10-day appeal period; a parole ruling on delivery; an approval at once. */
    private static LocalDate judgmentDate(Spec spec, LocalDate effective) {
        if (spec.organ() == Organ.CITY_POLICE) {
            return effective;
        }
        return spec.type() == PAROLE || spec.organ() == Organ.CITY_COURT
                ? effective.minusDays(3)
                : effective.minusDays(11);
    }

    private Decision decision(Spec spec, String number, LocalDate judgment, LocalDate effective) {
        int months = switch (spec.type()) {
            case PROBATION -> people.pick(List.of(12, 18, 24, 36));
            case PUBLIC_SURVEILLANCE -> people.pick(List.of(6, 8, 12, 18));
            case PAROLE -> people.between(8, 30);
            case TEMPORARY_EXECUTION -> people.between(10, 24);
        };
        Institution institution = spec.institution();
        return new Decision(
                spec.type(),
                number,
                judgment,
                effective,
                effective,
                effective.plusMonths(months).minusDays(1),
                institution != null && institution.custody(),
                institution == null ? null : institution.agency());
    }

    /** （2026）A0102刑初123号 for a trial, 刑更 for parole and changes of execution, 监外字 for a police approval. */
    private String caseNumber(Spec spec, LocalDate day) {
        String kind = spec.organ() == Organ.CITY_POLICE ? "监外字" : spec.organ() == Organ.CITY_COURT ? "刑更" : "刑初";
        while (true) {
            String number =
                    "（" + day.getYear() + "）" + spec.organ().numberCode() + kind + people.between(101, 989) + "号";
            if (caseNumbers.add(number)) {
                return number;
            }
        }
    }

    /** The court's bundle lacks the guarantee (or the medical or custody record); the county agency asks for it. */
    private static void rejecting(Story story) {
        story.missingItem = ItemCode.GUARANTEE;
        story.missingNote = "缺接受社区矫正保证书";
        story.documents = story.documents.stream()
                .filter(i -> i.code() != ItemCode.GUARANTEE)
                .toList();
        story.supplement = List.of(new NewItem(ItemCode.GUARANTEE, "接受社区矫正保证书", null));
    }

    /** The steps of one story as it is written: days only move forwards; several steps on one day get later hours. */
    private final class Timeline {

        private final int startMinute;
        private final List<LocalDate> stepDays = new ArrayList<>();
        private final List<Action> actions = new ArrayList<>();
        private final List<String> actors = new ArrayList<>();
        private LocalDate day;

        Timeline(int startMinute) {
            this.startMinute = startMinute;
        }

        Timeline on(LocalDate date) {
            day = day == null || date.isAfter(day) ? date : day;
            return this;
        }

        Timeline act(Action action, String actor) {
            stepDays.add(day);
            actions.add(action);
            actors.add(actor);
            return this;
        }

        List<Step> steps(Story story) {
            List<Step> steps = new ArrayList<>();
            LocalDate previous = null;
            int minute = startMinute;
            for (int i = 0; i < actions.size(); i++) {
                LocalDate d = stepDays.get(i);
                minute = d.equals(previous) ? minute + people.between(35, 70) : startMinute + people.between(0, 25);
                previous = d;
                steps.add(new Step(
                        story,
                        i,
                        d.atTime(LocalTime.of(Math.min(minute / 60, 17), minute % 60)),
                        actions.get(i),
                        actors.get(i)));
            }
            return steps;
        }
    }

    /** Days counted back from today on the working calendar. */
    static final class Days {

        final LocalDate today;
        private final WorkingCalendar calendar;
        private final String region;

        Days(LocalDate today, WorkingCalendar calendar, String region) {
            this.today = today;
            this.calendar = calendar;
            this.region = region;
        }

        boolean working(LocalDate date) {
            return calendar.isWorkingDay(region, date);
        }

        /** The n-th working day before today. */
        LocalDate workingDaysAgo(int n) {
            LocalDate d = today;
            int counted = 0;
            while (counted < n) {
                d = d.minusDays(1);
                if (working(d)) {
                    counted++;
                }
            }
            return d;
        }

        /** The working day on or before {@code n} calendar days ago (before today in any case). */
        LocalDate daysAgo(int n) {
            return onOrBefore(today.minusDays(Math.max(1, n)));
        }

        LocalDate onOrBefore(LocalDate date) {
            LocalDate d = date;
            while (!working(d)) {
                d = d.minusDays(1);
            }
            return d;
        }

        LocalDate firstWorkingDayFrom(LocalDate date) {
            LocalDate d = date;
            while (!working(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
    }
}
