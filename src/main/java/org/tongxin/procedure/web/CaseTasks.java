package org.tongxin.procedure.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tongxin.obligation.ObligationStatus;
import org.tongxin.obligation.ObligationView;
import org.tongxin.procedure.web.CaseWorkspace.Actions;
import org.tongxin.procedure.web.CaseWorkspace.HandoverRow;
import org.tongxin.procedure.web.CaseWorkspace.ObligationRow;

/**
 * The case page as a task list (doc/adr/0040-the-case-page-as-a-task-list.md): each step of the case with where it
 * stands for this reader, who owes it and where its form is; the actions that belong to no step; and the one primary
 * action. Plain values in, plain values out: the workspace gives it the obligations and the reader's actions.
 */
final class CaseTasks {

    /** Where a step stands, as the task list says it (GOV.UK task-list statuses). */
    enum State {
        /** Its legal due time has passed and it is not done. */
        OVERDUE,
        /** The reader's own agency owes it and its clock runs. */
        TO_DO,
        /** Another organ or the subject owes it, or its clock is paused. */
        WAITING,
        /** Its form exists but cannot be used yet (e.g. registration before the documents and the subject are there). */
        NOT_STARTED,
        /** Fulfilled, late or on time, or waived. */
        DONE
    }

    /** The form pages of the case ({@code /cases/{id}/tasks/{task}}), in the order the page offers them. */
    static final List<String> FORMS = List.of(
            "decide",
            "notify",
            "deliver",
            "opinion",
            "transfer",
            "report",
            "office",
            "register",
            "missing",
            "team",
            "plan",
            "announce",
            "withdraw");

    /** The form that fulfils a step, by the step's id (steps without one are done on another page or outside Tongxin). */
    static final Map<String, String> FORM_OF_STEP = Map.ofEntries(
            Map.entry("assess.complete", "opinion"),
            Map.entry("docs.notify", "notify"),
            Map.entry("docs.deliver", "deliver"),
            Map.entry("report.self", "report"),
            Map.entry("report.missed", "missing"),
            Map.entry("intake.register", "register"),
            Map.entry("transfer.court_jwzx", "transfer"),
            Map.entry("transfer.approved_jwzx", "transfer"),
            Map.entry("team.form", "team"),
            Map.entry("plan.make", "plan"),
            Map.entry("intake.announce", "announce"));

    /**
     * Steps done on a page of their own beside the case page (the path under {@code /cases/{id}}): the bureau head
     * approves electronic monitoring, and the county ends or renews it, on the case's monitoring page.
     */
    static final Map<String, String> PAGE_OF_STEP = Map.of(
            "em.approve",
            "/monitoring",
            "em.renew_end",
            "/monitoring",
            "procuratorate.reply",
            "/opinions",
            "procuratorate.opinion",
            "/opinions");

    /** One row of the task list. {@code path} is where the reader does it (null: nothing for them to do there). */
    record Task(ObligationRow row, State state, boolean mine, String path, String form) {

        public ObligationView obligation() {
            return row.obligation();
        }

        public boolean actionable() {
            return path != null && state != State.DONE;
        }
    }

    /** An action of the reader that no open step stands for (assign an office, record a decision …). */
    record Other(String form, String path) {}

    /** The primary action: its label key (or the step it fulfils) and where it leads. */
    record Primary(String form, String path, Task task) {}

    /** The whole list for one reader. */
    record TaskList(
            List<Task> tasks, List<Other> others, List<Task> overdue, Primary primary, boolean registerPending) {

        public long open() {
            return tasks.stream().filter(t -> t.state() != State.DONE).count();
        }
    }

    private CaseTasks() {}

    /** Where a pending or closed step stands for a reader of the agency {@code mine} says whether it owes it. */
    /**
     * Where a step stands for the reader, with what the ledger knows of whose move it is (doc/adr/0039): a step whose
     * trigger has not happened is not started; one that waits for another organ waits, even when the reader owes it.
     */
    static State state(ObligationView o, boolean mine) {
        if (o.status().pending() && o.notStarted()) {
            return State.NOT_STARTED;
        }
        State state = state(o.status(), o.owedBySubject(), mine);
        return state == State.TO_DO && o.waitingReason() != null ? State.WAITING : state;
    }

    static State state(ObligationStatus status, boolean owedBySubject, boolean mine) {
        if (!status.pending()) {
            return State.DONE;
        }
        if (status == ObligationStatus.OVERDUE) {
            return State.OVERDUE;
        }
        if (status == ObligationStatus.PAUSED || owedBySubject || !mine) {
            return State.WAITING;
        }
        return State.TO_DO;
    }

    /** The form keys the reader may use now, in page order. */
    static List<String> forms(Actions a) {
        List<String> forms = new ArrayList<>();
        for (String f : FORMS) {
            if (allowed(a, f)) {
                forms.add(f);
            }
        }
        return forms;
    }

    /** Whether the reader may use the form {@code form} now (the façades check again when it is posted). */
    static boolean allowed(Actions a, String form) {
        return switch (form) {
            case "decide", "withdraw" -> a.decide();
            case "notify" -> a.notifyCounty();
            case "deliver" -> a.deliver();
            case "opinion" -> a.opinion();
            case "transfer" -> a.transfer();
            case "report" -> a.report();
            case "office" -> a.office();
            case "register" -> a.register();
            case "missing" -> a.missing();
            case "team" -> a.team();
            case "plan" -> a.plan();
            case "announce" -> a.announce();
            default -> false;
        };
    }

    /**
     * The task list of a case for one reader: its steps (pending first: overdue, then by due time; then done), the
     * reader's other actions, the overdue steps for the top of the page, and the one primary action — the reader's
     * most urgent step they can do here, else their first other action (never the destructive "not applied").
     */
    static TaskList of(
            UUID caseId, UUID readerAgency, List<ObligationRow> rows, Actions actions, List<HandoverRow> handovers) {
        String base = "/cases/" + caseId;
        List<String> forms = forms(actions);
        String answer = handovers.stream()
                .filter(HandoverRow::toAnswer)
                .findFirst()
                .map(h -> "/handovers/" + h.handover().id())
                .orElse(null);
        String supplement = handovers.stream()
                .filter(HandoverRow::toSupplement)
                .findFirst()
                .map(h -> "/handovers/" + h.handover().id())
                .orElse(null);

        List<Task> tasks = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (ObligationRow row : rows) {
            ObligationView o = row.obligation();
            boolean mine = !o.owedBySubject()
                    && o.owingAgencyId() != null
                    && o.owingAgencyId().value().equals(readerAgency);
            State state = state(o, mine);
            String form = FORM_OF_STEP.get(o.stepId());
            String path = null;
            if (form != null && forms.contains(form)) {
                path = base + "/tasks/" + form;
            } else if (o.stepId().startsWith("docs.receipt") && answer != null) {
                path = answer;
            } else if (o.stepId().startsWith("docs.supplement") && supplement != null) {
                path = supplement;
            } else {
                form = null;
                path = partOf(base, o.stepId(), mine && state != State.DONE);
            }
            if (form != null && path != null && state != State.DONE) {
                used.add(form);
            }
            tasks.add(new Task(row, state, mine, path, form));
        }
        tasks.sort(Comparator.comparing((Task t) -> order(t.state()))
                .thenComparing(t -> t.state() == State.DONE
                        ? t.obligation().startedAt()
                        : (t.obligation().dueAt() == null
                                ? java.time.Instant.MAX
                                : t.obligation().dueAt())));

        // A delivery to answer or a rejection to supplement first: the other side waits for it.
        List<Other> others = new ArrayList<>();
        if (answer != null && tasks.stream().noneMatch(t -> answer.equals(t.path()) && t.state() != State.DONE)) {
            others.add(new Other("answer", answer));
        }
        if (supplement != null
                && tasks.stream().noneMatch(t -> supplement.equals(t.path()) && t.state() != State.DONE)) {
            others.add(new Other("supplement", supplement));
        }
        for (String f : forms) {
            if (!used.contains(f)) {
                others.add(new Other(f, base + "/tasks/" + f));
            }
        }

        List<Task> overdue =
                tasks.stream().filter(t -> t.state() == State.OVERDUE).toList();
        Primary primary = tasks.stream()
                .filter(t -> t.mine() && t.actionable() && (t.state() == State.OVERDUE || t.state() == State.TO_DO))
                .findFirst()
                .map(t -> new Primary(t.form(), t.path(), t))
                .or(() -> tasks.stream()
                        .filter(t -> t.actionable() && t.form() != null && t.state() != State.WAITING)
                        .findFirst()
                        .map(t -> new Primary(t.form(), t.path(), t)))
                .or(() -> others.stream()
                        .filter(o -> !o.form().equals("withdraw"))
                        .findFirst()
                        .map(o -> new Primary(o.form(), o.path(), null)))
                .orElse(null);
        return new TaskList(List.copyOf(tasks), List.copyOf(others), overdue, primary, actions.registerPending());
    }

    private static int order(State s) {
        return switch (s) {
            case OVERDUE -> 0;
            case TO_DO -> 1;
            case WAITING -> 2;
            case NOT_STARTED -> 3;
            case DONE -> 4;
        };
    }

    /** The part of the case a step's work is done on, for the step's owner (null: none in the case's pages). */
    static String partOf(String base, String stepId, boolean owner) {
        if (!owner) {
            return null;
        }
        String area = stepId.substring(0, Math.max(0, stepId.indexOf('.')));
        return switch (area) {
            case "assist" -> base + "/referrals";
            case "leave", "supervise", "em", "report", "missing" -> base + "/supervision";
            case "end", "death" -> base + "/ending";
            case "move" -> base + "/place-change";
            case "sanction", "reward", "revoke", "commutation" -> base + "/assessment";
            case "minors" -> base + "/minors";
            case "procuratorate" -> base + "/opinions";
            default -> null;
        };
    }
}
