package org.tongxin.identity.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.tongxin.shared.web.WorkSection.Item;
import org.tongxin.shared.web.WorkSection.Kind;
import org.tongxin.shared.web.WorkSection.Part;

/**
 * The work page as it is shown: the sections in page order ({@link Kind}, then each module's order; a section with nothing
 * and nothing to say is left out), the counts of overdue and due-today work across the sections that ask for the reader's
 * action, and the five most urgent of their items (overdue before due today before due soon, then by due time).
 */
record WorkPage(List<Part> sections, long overdue, long dueToday, List<Item> mostUrgent) {

    /** How many actions the top of the page lists. */
    static final int MOST_URGENT = 5;

    private static final Comparator<Item> URGENCY = Comparator.comparing(Item::urgency)
            .thenComparing(Item::due, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));

    /** From the sections as the modules gave them, in the modules' order. */
    static WorkPage of(List<Part> parts) {
        List<Part> shown = parts.stream()
                .filter(p -> !p.isEmpty() || p.emptyText() != null)
                .sorted(Comparator.comparing(Part::kind))
                .toList();
        List<Part> actionable =
                shown.stream().filter(p -> p.kind() != Kind.WAITING).toList();
        return new WorkPage(
                shown,
                actionable.stream().mapToLong(Part::overdue).sum(),
                actionable.stream().mapToLong(Part::dueToday).sum(),
                actionable.stream()
                        .flatMap(p -> p.items().stream())
                        .filter(i -> i.urgency().actionable())
                        .sorted(URGENCY)
                        .limit(MOST_URGENT)
                        .toList());
    }

    public boolean nothingUrgent() {
        return mostUrgent.isEmpty();
    }

    /** A section's items that the "most urgent" list does not already show (each item is listed once on the page). */
    public List<Item> rest(Part part) {
        return part.items().stream()
                .filter(i -> mostUrgent.stream().noneMatch(u -> u == i))
                .toList();
    }
}
