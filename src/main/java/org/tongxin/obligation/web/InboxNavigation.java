package org.tongxin.obligation.web;

import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.identity.Role;
import org.tongxin.obligation.Inboxes;
import org.tongxin.shared.web.NavigationBadge;
import org.tongxin.shared.web.NavigationEntry;

/**
 * The inbox in the navigation, for every role that works on cases, with its open and overdue counts — the agency's own
 * and those escalated to it, which its inbox lists too.
 */
@Configuration(proxyBeanMethods = false)
class InboxNavigation {

    static final Set<String> CASE_ROLES = Role.names(Role.CASE_ROLES);

    @Bean
    NavigationEntry inboxEntry() {
        return new NavigationEntry("nav.inbox", "/inbox", 2, CASE_ROLES, "home.tile.inbox");
    }

    @Bean
    NavigationBadge inboxBadge(Inboxes inboxes) {
        return new NavigationBadge() {
            @Override
            public String path() {
                return "/inbox";
            }

            /** What the agency can act on now and what was escalated to it (the coordination office's work is mostly the latter); never the subject's own steps nor what waits for another organ (ADR 0039). */
            @Override
            public Optional<Count> count() {
                Inboxes.InboxCounts counts = inboxes.counts();
                long pending = counts.toDo() + counts.escalated();
                return pending == 0
                        ? Optional.empty()
                        : Optional.of(new Count(pending, counts.overdue() + counts.escalatedOverdue()));
            }
        };
    }
}
