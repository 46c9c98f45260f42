package org.tongxin.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongxin.obligation.ObligationClock;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.time.LegalTime;

/**
 * The replay of a set of demo stories on the demo clock (ADR 0011), written once for all of them: each story adds its
 * steps at a day (counted from the start) and a local time; {@link #play()} runs them in the order of time, the
 * ledger's scan once at the start of every day and after the last one, and waits for every reaction after each step.
 * As in the caseload, a refused step is logged (its kind and code only) and the others go on.
 */
final class StoryScript {

    private record Step(int day, LocalTime time, int order, Runnable action) {}

    private static final Logger log = LoggerFactory.getLogger(StoryScript.class);

    private final String name;
    private final DemoClock clock;
    private final ObligationClock obligationClock;
    private final EventQuiescence events;
    private final List<Step> steps = new ArrayList<>();
    private LocalDate start;

    /** {@code name} begins the log lines of the replay ("City A demo supervision"). */
    StoryScript(String name, DemoClock clock, ObligationClock obligationClock, EventQuiescence events) {
        this.name = name;
        this.clock = clock;
        this.obligationClock = obligationClock;
        this.events = events;
    }

    /** A new replay whose day 0 is {@code start}; the steps of an earlier one are forgotten. */
    LocalDate begin(LocalDate start) {
        this.start = start;
        steps.clear();
        return start;
    }

    void step(int day, int hour, int minute, Runnable action) {
        steps.add(new Step(day, LocalTime.of(hour, minute), steps.size(), action));
    }

    /** The local date-time of a day of the stories. */
    LocalDateTime local(int day, int hour, int minute) {
        return start.plusDays(day).atTime(LocalTime.of(hour, minute));
    }

    Instant at(int day, int hour, int minute) {
        return local(day, hour, minute).atZone(LegalTime.ZONE).toInstant();
    }

    /** Plays the steps in the order of time, up to the present; answers how many were refused. */
    int play() {
        steps.sort(Comparator.comparingInt(Step::day).thenComparing(Step::time).thenComparingInt(Step::order));
        int[] refused = {0};
        obligationClock.holdScheduledScans(() -> {
            clock.startReplayAt(at(0, 8, 0));
            try {
                int day = -1;
                for (Step step : steps) {
                    if (step.day() != day) {
                        day = step.day();
                        go(day, 0, 1);
                        settle();
                        obligationClock.scanNow();
                        settle();
                    }
                    go(step.day(), step.time().getHour(), step.time().getMinute());
                    try {
                        step.action().run();
                    } catch (RuntimeException e) {
                        refused[0]++;
                        log.warn(
                                "{}: a step on day {} was refused ({})",
                                name,
                                step.day(),
                                e instanceof TongxinException t
                                        ? t.getMessage()
                                        : e.getClass().getSimpleName());
                    }
                    settle();
                }
            } finally {
                clock.returnToPresent();
            }
            settle();
            obligationClock.scanNow();
            settle();
        });
        return refused[0];
    }

    private void go(int day, int hour, int minute) {
        Instant moment = at(day, hour, minute);
        if (moment.isAfter(clock.instant()) && moment.isBefore(clock.present())) {
            clock.travelTo(moment);
        }
    }

    private void settle() {
        events.awaitAll(Duration.ofSeconds(30));
    }
}
