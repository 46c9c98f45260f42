package org.tongxin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tongxin.calendar.PeriodUnit;
import org.tongxin.calendar.TestCalendars;
import org.tongxin.calendar.WorkingCalendar;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.casefile.internal.CaseRules;
import org.tongxin.demo.CaseloadScript.Action;
import org.tongxin.demo.CaseloadScript.Fate;
import org.tongxin.demo.CaseloadScript.Step;
import org.tongxin.demo.CaseloadScript.Story;
import org.tongxin.shared.error.FieldProblems;

/**
 * The caseload script on its own (no database): the same day always gives the same caseload; its people and numbers
 * pass the case file's rules; and on every day of four years, holidays included, each story's steps lie in the past in
 * an order the application accepts, with the deadlines falling where the fate says.
 */
class CaseloadScriptTests {

    static final WorkingCalendar CALENDAR = TestCalendars.official();
    static final Set<String> STAFF = Set.of("王伟", "胡华", "杨丽", "余刚");
    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    static final LocalDate A_WEDNESDAY = LocalDate.of(2026, 11, 25);

    @Test
    void theSameDayAlwaysGivesTheSameCaseload() {
        assertThat(fingerprint(A_WEDNESDAY)).isEqualTo(fingerprint(A_WEDNESDAY));
    }

    @Test
    void everyFateCountyAndKindOfCorrectionIsInTheTable() {
        List<CaseloadScript.Spec> table = CaseloadScript.CASELOAD;
        assertThat(table).hasSizeBetween(40, 60);
        assertThat(table.stream().map(CaseloadScript.Spec::fate).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Fate.values());
        assertThat(table.stream().map(CaseloadScript.Spec::county).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(CaseloadScript.County.values());
        assertThat(table.stream().map(CaseloadScript.Spec::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(CorrectionType.values());
        assertThat(table)
                .filteredOn(s -> s.type() == CorrectionType.TEMPORARY_EXECUTION)
                .allSatisfy(s -> assertThat(s.institution()).isNotNull());
    }

    @Test
    void peopleAndNumbersPassTheCaseFileRules() {
        List<Story> stories = new CaseloadScript(A_WEDNESDAY, CALENDAR, STAFF).stories();
        Set<String> ids = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (Story story : stories) {
            SubjectData s = story.subject;
            assertThat(IdentityNumbers.problem(s.idType(), s.idNumber()))
                    .as(story.label())
                    .isNull();
            assertThat(IdentityNumbers.birthDate(s.idNumber())).isEqualTo(s.birthDate());
            assertThat(IdentityNumbers.gender(s.idNumber())).isEqualTo(s.gender());
            assertThat(s.idNumber()).startsWith(story.township.county().division());
            assertThat(ids.add(s.idNumber())).as("identity numbers are unique").isTrue();
            assertThat(STAFF).doesNotContain(s.name());
            if (s.phone() != null) {
                assertThat(s.phone()).matches(MOBILE);
            }
            boolean minor = story.offence.offenceDate().isBefore(s.birthDate().plusYears(18));
            assertThat(minor)
                    .as(story.label() + " minor")
                    .isEqualTo(story.spec().has(CaseloadScript.Trait.MINOR));
            if (minor) {
                assertThat(s.guardianName()).isNotBlank();
                assertThat(s.guardianPhone()).matches(MOBILE);
            }
            assertThat(s.residenceAddress())
                    .startsWith(story.township.county().nameZh() + story.township.nameZh())
                    .hasSizeLessThan(200);
            FieldProblems problems = new FieldProblems();
            CaseRules.caseNumber(story.caseNumber, "caseNumber", true, problems);
            assertThat(problems.isEmpty()).as(story.caseNumber).isTrue();
            assertThat(numbers.add(story.caseNumber))
                    .as("case numbers are unique")
                    .isTrue();
            if (s.gender() == Gender.FEMALE) {
                assertThat(story.team).as("a woman's team has a woman").anyMatch(m -> m.gender() == Gender.FEMALE);
            }
            assertThat(story.plan.length()).isGreaterThan(20);
        }
        assertThat(stories.stream().map(Story::label))
                .contains("CD-01", "CX-13", "QS-13", "BH-13")
                .doesNotHaveDuplicates();
    }

    @Test
    void onEveryDayOfFourYearsEachStoryHoldsTogether() {
        List<String> problems = new ArrayList<>();
        for (LocalDate today = LocalDate.of(2024, 1, 1);
                today.isBefore(LocalDate.of(2028, 1, 1));
                today = today.plusDays(1)) {
            for (Story story : new CaseloadScript(today, CALENDAR, STAFF).stories()) {
                check(today, story, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(LocalDate today, Story story, List<String> problems) {
        String at = today + " " + story.label() + " " + story.spec().fate() + ": ";
        LocalDateTime previous = null;
        Set<Action> done = EnumSet.noneOf(Action.class);
        for (Step step : story.steps()) {
            LocalDate day = step.at().toLocalDate();
            if (!day.isBefore(today)) {
                problems.add(at + step.action() + " is not in the past");
            }
            if (!CALENDAR.isWorkingDay(WorkingCalendar.NATIONAL, day)) {
                problems.add(at + step.action() + " falls on a day off");
            }
            if (previous != null && !step.at().isAfter(previous)) {
                problems.add(at + step.action() + " does not follow the step before");
            }
            previous = step.at();
            switch (step.action()) {
                case DECIDE -> {
                    CaseloadScript.Decision d = story.decision;
                    if (d.judgmentDate().isAfter(d.effectiveDate())
                            || d.effectiveDate().isAfter(day)) {
                        problems.add(at + "decided before its judgment took effect");
                    }
                }
                case MISSING_NOTICE -> {
                    LocalDate reportBy = CALENDAR.due(
                                    WorkingCalendar.NATIONAL,
                                    story.decision.effectiveDate().atStartOfDay(),
                                    10,
                                    PeriodUnit.CALENDAR_DAYS,
                                    false)
                            .lastDay();
                    if (!reportBy.isBefore(day)) {
                        problems.add(at + "the missing notice comes before the reporting period lapsed");
                    }
                }
                case OPINION, WITHDRAW, NOTIFY, DELIVER, TRANSFER -> {
                    if (step.action() != Action.OPINION
                            && !done.contains(Action.DECIDE)
                            && step.action() != Action.WITHDRAW) {
                        problems.add(at + step.action() + " before the decision");
                    }
                }
                case REGISTER -> {
                    if (!done.contains(Action.RECEIPT)
                            || !(done.contains(Action.REPORT_IN) || done.contains(Action.RECEIVE_TRANSFER))) {
                        problems.add(at + "registered before documents and subject were there");
                    }
                }
                default -> {}
            }
            done.add(step.action());
        }
        Fate fate = story.spec().fate();
        if (fate == Fate.ASSESSMENT_DUE_SOON || fate == Fate.ASSESSMENT_OVERDUE || fate == Fate.ASSESSMENT_OPEN) {
            LocalDateTime entrusted = story.steps().getFirst().at();
            LocalDate due = CALENDAR.due(
                            WorkingCalendar.NATIONAL,
                            entrusted,
                            story.spec().has(CaseloadScript.Trait.EXPEDITED) ? 5 : 10,
                            PeriodUnit.WORKING_DAYS,
                            false)
                    .lastDay();
            int ahead = workingDaysAfter(today, due);
            boolean right = switch (fate) {
                case ASSESSMENT_DUE_SOON -> !due.isBefore(today) && ahead <= 2;
                case ASSESSMENT_OVERDUE -> due.isBefore(today);
                default -> ahead > 2;
            };
            if (!right) {
                problems.add(at + "the opinion is due on " + due);
            }
        }
    }

    /** Working days after {@code today} up to and including {@code day}. */
    private static int workingDaysAfter(LocalDate today, LocalDate day) {
        int n = 0;
        for (LocalDate d = today.plusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
            if (CALENDAR.isWorkingDay(WorkingCalendar.NATIONAL, d)) {
                n++;
            }
        }
        return n;
    }

    private static List<String> fingerprint(LocalDate today) {
        return new CaseloadScript(today, CALENDAR, STAFF)
                .stories().stream()
                        .map(s -> s.label()
                                + s.subject
                                + s.offence
                                + s.caseNumber
                                + s.team
                                + s.steps().stream()
                                        .map(step -> step.at() + step.action().name() + step.actor())
                                        .toList())
                        .toList();
    }
}
