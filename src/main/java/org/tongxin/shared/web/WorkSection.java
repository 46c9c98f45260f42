package org.tongxin.shared.web;

import java.time.Instant;
import java.util.List;

/**
 * A module's part of the work page ({@code /}), contributed as a bean like {@link NavigationEntry}: what the current user
 * has to do there, what waits for others, what only needs watching. The work page asks every bean once per request,
 * inside one read-only transaction, and merges their items into "the most urgent". A section reads only through its
 * module's own services, under the same access rules as the module's list pages (row-level security included), and
 * returns texts already in the user's language: the step's name, the case as the reader may see it, never an internal
 * code.
 */
public interface WorkSection {

    /** Position on the page among the sections of the same {@link Kind}. */
    int order();

    /** The sections for the current user; empty when nothing of this module concerns their roles. */
    List<Part> sections();

    /** Where a section sits on the page, in this order. */
    enum Kind {
        /** The user's agency owes it now. */
        TO_DO,
        /** Deliveries the user's agency must receipt or reject. */
        RECEIPTS,
        /** Overdue work of others escalated to the user's agency, which it oversees. */
        OVERSIGHT,
        /** Steps the user's agency watches that another organ or the subject owes. */
        WAITING,
        /** What a role without case work looks after (requests of others, checks, drafts). */
        DUTIES
    }

    /** How urgent an item is, most urgent first. */
    enum Urgency {
        OVERDUE,
        DUE_TODAY,
        DUE_SOON,
        OPEN,
        WAITING,
        INFO;

        /** Whether the item needs the reader's action (it may go into the "most urgent" list). */
        public boolean actionable() {
            return this != WAITING && this != INFO;
        }
    }

    /**
     * One line: what it is ({@code label}: the step's or request's name), about what ({@code context}: the case as the
     * reader may see it), when it is due ({@code due} for sorting, {@code dueText} to show; both may be null), its state
     * in words, and the one action with its button text.
     */
    record Item(
            String label,
            String context,
            Instant due,
            String dueText,
            Urgency urgency,
            String stateText,
            String actionPath,
            String actionText) {}

    /**
     * One section: a stable {@code id} (the HTML anchor), its title and a sentence of what it holds, how many items there
     * are in all, of them overdue and due today, up to five items (most urgent first), the page with all of them, and
     * what to do when there is nothing ({@code emptyText}; a section with nothing and no empty text is left out).
     */
    record Part(
            String id,
            Kind kind,
            String title,
            String intro,
            long total,
            long overdue,
            long dueToday,
            List<Item> items,
            String allPath,
            String allText,
            String emptyText) {

        public static final int MAX_ITEMS = 5;

        public Part {
            items = List.copyOf(items.size() > MAX_ITEMS ? items.subList(0, MAX_ITEMS) : items);
        }

        public boolean isEmpty() {
            return total == 0 && items.isEmpty();
        }
    }
}
