package org.tongxin.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseData.AnnouncementData;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.TeamMember;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ProblemKind;
import org.tongxin.obligation.ObligationClock;
import org.tongxin.procedure.Intake;
import org.tongxin.procedure.IntakeRequests.Delivery;
import org.tongxin.procedure.IntakeRequests.Entrustment;
import org.tongxin.procedure.IntakeRequests.MissingNotice;
import org.tongxin.procedure.IntakeRequests.Opinion;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.time.LegalTime;

/**
 * Plays the caseload script on the demo clock: day by day from the first step to yesterday, the obligation clock
 * scans at the start of each day (warnings, overdue, escalation as the scheduled scan would have made them), then the
 * day's steps run in order as their demo accounts through the modules' own commands. Before a case's next step, and
 * before every scan, the reactions in flight settle (the listeners of the event publication registry), so each step
 * meets the obligations its predecessors opened. At the end the clock returns to the present and scans once more.
 * A step the application refuses is logged and ends its case's story; the others go on. One instance per replay.
 */
@Component
@Scope("prototype")
@ConditionalOnExpression(CityACaseload.ENABLED)
class CaseloadReplay {

    private static final Logger log = LoggerFactory.getLogger(CaseloadReplay.class);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);
    private static final LocalTime SCAN_TIME = LocalTime.of(0, 0, 1);

    /** What a replay did. */
    record Outcome(int cases, int steps, int refused, int days, LocalDate firstDay, boolean stopped) {}

    /** The ids a case's later steps need. */
    private static final class CaseRun {
        CaseId caseId;
        HandoverId documents;
        HandoverId transfer;
        boolean refused;
    }

    private final DemoClock clock;
    private final DemoUsers users;
    private final Intake intake;
    private final CaseManagement caseManagement;
    private final CaseDirectory cases;
    private final Handovers handovers;
    private final AgencyDirectory agencies;
    private final ObligationClock obligationClock;
    private final EventQuiescence events;
    private final Map<CaseloadScript.Story, CaseRun> runs = new HashMap<>();
    private int steps;
    private int refused;

    CaseloadReplay(
            DemoClock clock,
            DemoUsers users,
            Intake intake,
            CaseManagement caseManagement,
            CaseDirectory cases,
            Handovers handovers,
            AgencyDirectory agencies,
            ObligationClock obligationClock,
            EventQuiescence events) {
        this.clock = clock;
        this.users = users;
        this.intake = intake;
        this.caseManagement = caseManagement;
        this.cases = cases;
        this.handovers = handovers;
        this.agencies = agencies;
        this.obligationClock = obligationClock;
        this.events = events;
    }

    /** Replays the stories up to {@code today}; {@code stopping} ends it early (the application is shutting down). */
    Outcome replay(List<CaseloadScript.Story> stories, LocalDate today, BooleanSupplier stopping) {
        List<CaseloadScript.Step> timeline = CaseloadScript.timeline(stories);
        LocalDate first = timeline.getFirst().at().toLocalDate();
        boolean[] stopped = {false};
        int[] days = {0};
        clock.startReplayAt(instant(first.atStartOfDay()));
        obligationClock.holdScheduledScans(() -> {
            try {
                int next = 0;
                for (LocalDate day = first; day.isBefore(today) && !stopped[0]; day = day.plusDays(1)) {
                    days[0]++;
                    advanceTo(day.atTime(SCAN_TIME));
                    scan();
                    Set<CaseloadScript.Story> unsettled = new HashSet<>();
                    while (next < timeline.size()
                            && timeline.get(next).at().toLocalDate().equals(day)) {
                        if (stopping.getAsBoolean()) {
                            stopped[0] = true;
                            break;
                        }
                        CaseloadScript.Step step = timeline.get(next++);
                        if (unsettled.contains(step.story())) {
                            settle();
                            unsettled.clear();
                        }
                        advanceTo(step.at());
                        run(step);
                        unsettled.add(step.story());
                    }
                    settle();
                }
            } finally {
                clock.returnToPresent();
            }
            scan();
        });
        return new Outcome(
                (int) runs.values().stream().filter(r -> r.caseId != null).count(),
                steps,
                refused,
                days[0],
                first,
                stopped[0]);
    }

    private void scan() {
        settle();
        obligationClock.scanNow();
        settle();
    }

    private void settle() {
        if (!events.awaitAll(SETTLE_LIMIT)) {
            log.warn("City A demo caseload: reactions still running after {}; going on", SETTLE_LIMIT);
        }
    }

    private void advanceTo(LocalDateTime moment) {
        Instant at = instant(moment);
        if (at.isAfter(clock.instant())) {
            clock.travelTo(at);
        }
    }

    private static Instant instant(LocalDateTime moment) {
        return moment.atZone(LegalTime.ZONE).toInstant();
    }

    private void run(CaseloadScript.Step step) {
        CaseRun run = runs.computeIfAbsent(step.story(), s -> new CaseRun());
        if (run.refused) {
            return;
        }
        try {
            users.actAs(step.actor(), () -> perform(step, run));
            steps++;
        } catch (RuntimeException e) {
            run.refused = true;
            refused++;
            // The exception's own text may quote what was entered: only its kind and code go into the log.
            String reason = e instanceof TongxinException t
                    ? t.getMessage()
                    : e.getClass().getSimpleName();
            log.warn(
                    "City A demo case {}: {} by {} on {} was refused ({}); the rest of its story is skipped",
                    step.story().label(),
                    step.action(),
                    step.actor(),
                    step.at().toLocalDate(),
                    reason);
        }
    }

    private void perform(CaseloadScript.Step step, CaseRun run) {
        CaseloadScript.Story story = step.story();
        CaseId id = run.caseId;
        switch (step.action()) {
            case ENTRUST ->
                run.caseId = intake.entrust(new Entrustment(
                        story.subject,
                        story.offence,
                        null,
                        story.spec().has(CaseloadScript.Trait.EXPEDITED),
                        story.caseNumber,
                        users.displayName(step.actor()),
                        story.materials));
            case OPINION ->
                intake.submitOpinion(
                        id,
                        new Opinion(
                                story.findings, story.recommendation, story.reasons, users.displayName(step.actor())));
            case WITHDRAW -> caseManagement.withdraw(id, cases.version(id));
            case DECIDE -> {
                CaseloadScript.Decision d = story.decision;
                DecisionData decision = new DecisionData(
                        d.type(),
                        d.caseNumber(),
                        d.judgmentDate(),
                        d.effectiveDate(),
                        d.termStart(),
                        d.termEnd(),
                        null,
                        d.inCustody(),
                        d.institution() == null ? null : agency(d.institution()));
                if (id == null) {
                    run.caseId = caseManagement.openDecided(new NewDecidedCase(story.subject, story.offence, decision));
                } else {
                    caseManagement.decide(id, cases.version(id), decision);
                }
            }
            case NOTIFY -> intake.notifyCounty(id, new Delivery(null, "先行通知执行，法律文书随后送达"));
            case DELIVER -> run.documents = intake.deliverDocuments(id, new Delivery(story.documents, null));
            case REJECT ->
                handovers.reject(
                        run.documents,
                        handovers.view(run.documents).version(),
                        List.of(new Problem(story.missingItem, null, ProblemKind.MISSING, story.missingNote)),
                        "请于五日内补送");
            case SUPPLEMENT ->
                handovers.supplement(
                        run.documents, handovers.view(run.documents).version(), story.supplement, "补送所缺文书");
            case RECEIPT ->
                handovers.receipt(run.documents, handovers.view(run.documents).version(), null);
            case REPORT_IN -> caseManagement.recordArrival(id, cases.version(id), false, null);
            case MISSING_NOTICE -> intake.notifyMissing(id, new MissingNotice(story.searchRecord, null));
            case TRANSFER ->
                run.transfer = intake.transferSubject(id, new Delivery(story.transferItems, "依法按期移交社区矫正对象"));
            case RECEIVE_TRANSFER ->
                intake.receiveTransfer(
                        run.transfer, handovers.view(run.transfer).version());
            case ASSIGN_OFFICE -> caseManagement.assignOffice(id, cases.version(id), agency(story.township.office()));
            case REGISTER -> caseManagement.register(id, cases.version(id));
            case TEAM ->
                caseManagement.formTeam(
                        id,
                        cases.version(id),
                        story.team.stream()
                                .map(s -> new TeamMember(
                                        s.name(), s.role(), s.gender(), s.agency() == null ? null : agency(s.agency())))
                                .toList());
            case PLAN -> caseManagement.makePlan(id, cases.version(id), story.plan);
            case ANNOUNCE ->
                caseManagement.announce(
                        id,
                        cases.version(id),
                        new AnnouncementData(clock.instant(), story.announcementPlace, story.announcementAttendees));
        }
    }

    private AgencyId agency(String code) {
        return agencies.findByCode(code)
                .orElseThrow(() -> new IllegalStateException("No demo agency " + code))
                .id();
    }
}
