package org.tongxin.simulation.web;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.shared.web.NavigationEntry;

/** What-if simulation in the navigation, for the city coordinator and the national policy editor. */
@Configuration(proxyBeanMethods = false)
class SimulationNavigation {

    @Bean
    NavigationEntry simulationEntry() {
        return new NavigationEntry(
                "nav.simulations",
                "/simulations",
                7,
                Set.of("CITY_COORDINATOR", "NATIONAL_POLICY_EDITOR"),
                "home.tile.simulations");
    }
}
