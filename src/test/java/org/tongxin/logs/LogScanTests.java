package org.tongxin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tongxin.support.DemoAccounts;
import org.tongxin.support.TestAccounts;

/**
 * doc/security-requirements.md S14: after every other test of the build has run (failsafe, last), the logs they wrote hold no
 * password, token, second-factor secret, ID-card number or mobile phone number.
 */
class LogScanTests {

    static final List<Path> LOG_PLACES = List.of(
            Path.of("target/test-logs"), Path.of("target/surefire-reports"), Path.of("target/failsafe-reports"));
    static final List<String> SECRETS = List.of(
            DemoAccounts.PASSWORD,
            TestAccounts.PASSWORD,
            DemoAccounts.ADMIN_TOTP_SECRET,
            "Harbour-Lights-19",
            "Wrong-Password-",
            "Not-The-Password-1",
            "river-Lantern-42");
    static final Pattern TOKEN = Pattern.compile("tx[ps]_[A-Za-z0-9_-]{43}");
    static final Pattern ID_CARD =
            Pattern.compile("\\b[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]\\b");
    static final Pattern MOBILE = Pattern.compile("(?<![\\d.])1[3-9]\\d{9}(?![\\d.])");
    /** Identifiers are written in logs on purpose; their hex digits can spell eleven digits that look like a mobile. */
    static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static List<Path> logFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path place : LOG_PLACES) {
            if (Files.isDirectory(place)) {
                try (Stream<Path> walk = Files.walk(place)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.toString().endsWith(".log")
                                    || p.toString().endsWith(".txt")
                                    || p.toString().endsWith(".xml"))
                            .filter(p -> !p.getFileName().toString().contains("LogScanTests"))
                            .forEach(files::add);
                }
            }
        }
        return files;
    }

    @Test
    void theTestRunWroteLogs() throws IOException {
        assertThat(Files.size(Path.of("target/test-logs/tongxin-test.log")))
                .as("the scan below must have something to read")
                .isGreaterThan(10_000);
    }

    @Test
    void noSecretOrPersonalNumberIsInAnyLog() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path file : logFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (String secret : SECRETS) {
                if (text.contains(secret)) {
                    findings.add(file + ": a password or secret (" + secret.substring(0, 4) + "…)");
                }
            }
            find(file, text, TOKEN, "an API token", findings);
            String numbers = withoutIdentifiers(text);
            Matcher id = ID_CARD.matcher(numbers);
            while (id.find()) {
                if (validIdCard(id.group())) {
                    findings.add(file + ": an ID-card number");
                }
            }
            find(file, numbers, MOBILE, "a mobile number", findings);
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void anIdentifierIsNotTakenForAMobileNumberButANumberIsFound() {
        // A request id from a run whose log failed this scan: "15766638032" inside it.
        assertThat(MOBILE.matcher(withoutIdentifiers("drafts/5244ab52-09fc-4d96-b948-15766638032a/settings"))
                        .find())
                .isFalse();
        assertThat(MOBILE.matcher(withoutIdentifiers("phone=13812345678 case 5244ab52-09fc-4d96-b948-15766638032a"))
                        .find())
                .isTrue();
    }

    static String withoutIdentifiers(String text) {
        return UUID.matcher(text).replaceAll("<id>");
    }

    private static void find(Path file, String text, Pattern pattern, String what, List<String> findings) {
        if (pattern.matcher(text).find()) {
            findings.add(file + ": " + what);
        }
    }

    /** GB 11643 check digit, so that other 18-digit numbers are not mistaken for identity numbers. */
    static boolean validIdCard(String id) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String checks = "10X98765432";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        return Character.toUpperCase(id.charAt(17)) == checks.charAt(sum % 11);
    }
}
