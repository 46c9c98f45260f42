package org.tongxin.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.shared.web.WorkSection.Item;
import org.tongxin.shared.web.WorkSection.Kind;
import org.tongxin.shared.web.WorkSection.Part;
import org.tongxin.shared.web.WorkSection.Urgency;

/** The work page's rules, without Spring: what comes first, what is counted, what is left out. */
class WorkPageTests {

    static final Instant MONDAY = Instant.parse("2026-12-07T02:00:00Z");

    static Item item(String label, Urgency urgency, Instant due) {
        return new Item(label, "case", due, null, urgency, "state", "/x", "Do it");
    }

    static Part part(String id, Kind kind, long overdue, long dueToday, Item... items) {
        return new Part(id, kind, id, "intro", items.length, overdue, dueToday, List.of(items), null, null, null);
    }

    static Part counted(String id, Kind kind, long total, long overdue, long dueToday) {
        return new Part(id, kind, id, "intro", total, overdue, dueToday, List.of(), "/all", "All", null);
    }

    @Test
    void overdueComesBeforeDueTodayAndEarlierBeforeLaterAcrossModules() {
        WorkPage page = WorkPage.of(List.of(
                part(
                        "todo",
                        Kind.TO_DO,
                        1,
                        1,
                        item("due today", Urgency.DUE_TODAY, MONDAY),
                        item("overdue late", Urgency.OVERDUE, MONDAY.minusSeconds(60))),
                part("receipts", Kind.RECEIPTS, 0, 0, item("receipt", Urgency.OPEN, null)),
                part("duties", Kind.DUTIES, 0, 0, item("overdue early", Urgency.OVERDUE, MONDAY.minusSeconds(3600)))));

        assertThat(page.mostUrgent())
                .extracting(Item::label)
                .containsExactly("overdue early", "overdue late", "due today", "receipt");
    }

    @Test
    void atMostFiveActionsAndNeverWhatWaitsForOthersOrIsOnlyForInformation() {
        Item[] many = new Item[5];
        for (int i = 0; i < 5; i++) {
            many[i] = item("open " + i, Urgency.OPEN, MONDAY.plusSeconds(i));
        }
        WorkPage page = WorkPage.of(List.of(
                part("todo", Kind.TO_DO, 0, 0, many),
                part("escalated", Kind.OVERSIGHT, 0, 0, item("escalated", Urgency.OPEN, MONDAY.plusSeconds(99))),
                part(
                        "waiting",
                        Kind.WAITING,
                        3,
                        0,
                        item("awaiting the subject", Urgency.OVERDUE, MONDAY.minusSeconds(9999))),
                part("audit", Kind.DUTIES, 0, 0, item("chain intact", Urgency.INFO, MONDAY))));

        assertThat(page.mostUrgent())
                .hasSize(WorkPage.MOST_URGENT)
                .extracting(Item::label)
                .doesNotContain("awaiting the subject", "chain intact", "escalated");
        assertThat(page.overdue())
                .as("what others owe is not the reader's overdue work")
                .isZero();
    }

    @Test
    void countsAddUpOverTheSectionsThatNeedTheReader() {
        WorkPage page = WorkPage.of(List.of(
                counted("todo", Kind.TO_DO, 9, 4, 2),
                counted("leaves", Kind.TO_DO, 1, 0, 1),
                counted("waiting", Kind.WAITING, 7, 7, 7)));

        assertThat(page.overdue()).isEqualTo(4);
        assertThat(page.dueToday()).isEqualTo(3);
    }

    @Test
    void sectionsFollowThePageOrderAndAnEmptySectionWithNothingToSayIsLeftOut() {
        Part waiting = part("waiting", Kind.WAITING, 0, 0, item("x", Urgency.WAITING, null));
        Part emptyButSaysWhatToDo =
                new Part("todo", Kind.TO_DO, "todo", "intro", 0, 0, 0, List.of(), null, null, "Nothing owed.");
        Part silent = new Part("escalated", Kind.OVERSIGHT, "escalated", "intro", 0, 0, 0, List.of(), null, null, null);

        WorkPage page = WorkPage.of(List.of(waiting, silent, emptyButSaysWhatToDo));

        assertThat(page.sections()).extracting(Part::id).containsExactly("todo", "waiting");
        assertThat(page.nothingUrgent()).isTrue();
    }

    @Test
    void aSectionKeepsAtMostFiveItems() {
        List<Item> seven = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> item("i" + i, Urgency.OPEN, null))
                .toList();
        Part part = new Part("todo", Kind.TO_DO, "t", "i", 7, 0, 0, seven, "/inbox", "All", null);

        assertThat(part.items()).hasSize(Part.MAX_ITEMS);
        assertThat(part.total()).isEqualTo(7);
    }
}
