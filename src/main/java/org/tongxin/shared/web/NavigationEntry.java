package org.tongxin.shared.web;

import java.util.Set;

/**
 * One entry of the main navigation, contributed by a module as a bean: message key of its label, target path,
 * position, the roles that see it (empty: every logged-in user) and a short description for the home page.
 */
public record NavigationEntry(String labelKey, String path, int order, Set<String> roles, String descriptionKey) {

    public boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }
}
