package org.tongxin;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Tongxin (同心): the platform on which every agency of community correction works one case together.
 * With a command option it runs that command without the web server and exits.
 */
@SpringBootApplication
@EnableScheduling
public class TongxinApplication {

    /** One-off commands: verify the audit log; create the first administrators of a production install; rotate the keys. */
    static final List<String> COMMANDS =
            List.of("--tongxin.audit.verify", "--tongxin.bootstrap-admins", "--tongxin.keys.rotate");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TongxinApplication.class);
        if (Arrays.stream(args).anyMatch(a -> COMMANDS.stream().anyMatch(a::startsWith))) {
            application.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
