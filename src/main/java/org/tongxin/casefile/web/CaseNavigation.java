package org.tongxin.casefile.web;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.casefile.SubjectChanges;
import org.tongxin.identity.Role;
import org.tongxin.shared.web.NavigationBadge;
import org.tongxin.shared.web.NavigationEntry;

/**
 * The case list in the navigation, for every role that works on cases (not the administrators: S5), and the proposed
 * changes of subjects' records for the county agencies and judicial offices.
 */
@Configuration(proxyBeanMethods = false)
class CaseNavigation {

    @Bean
    NavigationEntry casesEntry() {
        return new NavigationEntry("nav.cases", "/cases", 3, Role.names(Role.CASE_ROLES), "home.tile.cases");
    }

    /** Proposed changes of subjects' records, for the executing agencies and judicial offices that decide or follow them. */
    @Bean
    NavigationEntry subjectChangesEntry() {
        return new NavigationEntry(
                "nav.subjectChanges",
                "/subject-changes",
                4,
                Role.names(Role.CORRECTION_STAFF),
                "home.tile.subjectChanges");
    }

    /** For a county agency's officers: the proposals awaiting their decision. */
    @Bean
    NavigationBadge subjectChangesBadge(SubjectChanges changes) {
        return new NavigationBadge() {
            @Override
            public String path() {
                return "/subject-changes";
            }

            @Override
            public Optional<Count> count() {
                long awaiting = changes.awaitingMyDecision();
                return awaiting == 0 ? Optional.empty() : Optional.of(new Count(awaiting, 0));
            }
        };
    }
}
