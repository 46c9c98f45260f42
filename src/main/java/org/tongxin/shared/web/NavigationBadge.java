package org.tongxin.shared.web;

import java.util.Optional;

/**
 * A count shown beside one navigation entry (the inbox's open and overdue obligations), contributed by a module as a
 * bean. The layout asks for it lazily, at most once per rendered page, and only for users who work on cases.
 */
public interface NavigationBadge {

    /** The path of the navigation entry the count belongs to. */
    String path();

    /** The current user's count, or empty when there is nothing to show; at most one cheap query. */
    Optional<Count> count();

    /** Pending items and, among them, the overdue ones. */
    record Count(long pending, long overdue) {}
}
