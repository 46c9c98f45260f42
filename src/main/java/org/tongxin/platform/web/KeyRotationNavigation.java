package org.tongxin.platform.web;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.shared.web.NavigationEntry;

/** The data key and its rotations in the navigation of the system and security administrators. */
@Configuration(proxyBeanMethods = false)
class KeyRotationNavigation {

    @Bean
    NavigationEntry keyRotationEntry() {
        return new NavigationEntry(
                "nav.keyRotations",
                KeyRotationWork.PAGE,
                79,
                Set.of("SYSTEM_ADMIN", "SECURITY_ADMIN"),
                "home.tile.keyRotations");
    }
}
