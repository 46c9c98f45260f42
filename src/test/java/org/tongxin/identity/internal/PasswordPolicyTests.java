package org.tongxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** doc/security-requirements.md S1. */
class PasswordPolicyTests {

    static final PasswordPolicy POLICY = new PasswordPolicy();

    @Test
    void acceptsALongPasswordWithThreeClasses() {
        assertThat(POLICY.problems("river-Lantern-42", "cd.county")).isEmpty();
        assertThat(POLICY.problems("Correct horse 7 battery", "cd.county")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(POLICY.problems("Ab1!xyzq", "u")).contains("password.tooShort");
    }

    @Test
    void refusesPasswordsWithFewerThanThreeClasses() {
        assertThat(POLICY.problems("lowercaseonly-letters", "zz")).contains("password.classes");
        assertThat(POLICY.problems("ALLUPPERCASE123-", "zz")).isEmpty();
        assertThat(POLICY.problems("alllowercase1234", "zz")).contains("password.classes");
    }

    @Test
    void refusesPasswordsFromTheBreachedList() {
        // On the bundled list of common passwords and long enough to pass the other rules.
        assertThat(POLICY.problems("1qaz2wsx3edc", "u")).contains("password.common");
        assertThat(POLICY.problems("Qwertyuiop123", "u")).contains("password.common");
    }

    @Test
    void refusesPasswordsContainingTheUsername() {
        assertThat(POLICY.problems("xx-Cd.County-2026", "cd.county")).contains("password.containsUsername");
    }

    @Test
    void hashesWithArgon2idAtOwaspStrength() {
        String hash = POLICY.hash("river-Lantern-42");
        Matcher m = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$[^$]+\\$[^$]+$")
                .matcher(hash);
        assertThat(m.matches()).as("PHC string of argon2id: %s", hash).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as("memory KiB").isGreaterThanOrEqualTo(19 * 1024);
        assertThat(Integer.parseInt(m.group(2))).as("iterations").isGreaterThanOrEqualTo(2);
        assertThat(Integer.parseInt(m.group(3))).as("parallelism").isEqualTo(1);
        assertThat(POLICY.matches("river-Lantern-42", hash)).isTrue();
        assertThat(POLICY.matches("river-Lantern-43", hash)).isFalse();
    }
}
