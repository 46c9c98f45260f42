package org.tongxin.identity.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongxin.shared.web.NavigationBadge;
import org.tongxin.shared.web.NavigationBadge.Count;

/**
 * The navigation's counts for one page: each badge is asked at most once, and only when the layout renders the entry
 * it belongs to. Templates call {@code ${navBadges.of(entry.path)}}.
 */
public final class NavigationBadges {

    private final List<NavigationBadge> badges;
    private final Map<String, Optional<Count>> counted = new HashMap<>();

    NavigationBadges(List<NavigationBadge> badges) {
        this.badges = badges;
    }

    /** The count beside the entry with this path, or null when it has none. */
    public Count of(String path) {
        return counted.computeIfAbsent(
                        path,
                        p -> badges.stream()
                                .filter(b -> b.path().equals(p))
                                .findFirst()
                                .flatMap(NavigationBadge::count))
                .orElse(null);
    }
}
