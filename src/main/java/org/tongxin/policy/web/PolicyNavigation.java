package org.tongxin.policy.web;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.shared.web.NavigationEntry;

/** The policy models in the navigation (every logged-in user: who owes what is everybody's business). */
@Configuration(proxyBeanMethods = false)
class PolicyNavigation {

    @Bean
    NavigationEntry policyModelsEntry() {
        return new NavigationEntry("nav.policy", "/policy", 30, Set.of(), "home.tile.policy");
    }
}
