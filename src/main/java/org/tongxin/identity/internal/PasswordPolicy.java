package org.tongxin.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.passay.DefaultPasswordValidator;
import org.passay.PasswordData;
import org.passay.RuleResultDetail;
import org.passay.ValidationResult;
import org.passay.data.EnglishCharacterData;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.rule.CharacterCharacteristicsRule;
import org.passay.rule.CharacterRule;
import org.passay.rule.DictionaryRule;
import org.passay.rule.LengthRule;
import org.passay.rule.UsernameRule;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * doc/security-requirements.md S1: at least 12 characters with 3 of the 4 character classes, not one of the ~49,000 most common
 * passwords (bundled list), not containing the username; hashed with argon2id at the OWASP recommendation
 * (19 MiB, 2 iterations, parallelism 1).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    private final DefaultPasswordValidator validator;
    private final PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);

    PasswordPolicy() {
        this.validator = new DefaultPasswordValidator(
                new LengthRule(MIN_LENGTH, MAX_LENGTH),
                new CharacterCharacteristicsRule(
                        3,
                        new CharacterRule(EnglishCharacterData.UpperCase, 1),
                        new CharacterRule(EnglishCharacterData.LowerCase, 1),
                        new CharacterRule(EnglishCharacterData.Digit, 1),
                        new CharacterRule(EnglishCharacterData.Special, 1)),
                new DictionaryRule(new WordListDictionary(new ArrayWordList(commonPasswords(), false))),
                new UsernameRule(true, true));
    }

    /** Problem codes (validation.password.*), empty when the password is acceptable. */
    public List<String> problems(String password, String username) {
        if (password == null || password.isEmpty()) {
            return List.of("password.required");
        }
        ValidationResult result = validator.validate(new PasswordData(username == null ? "" : username, password));
        if (result.isValid()) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (RuleResultDetail detail : result.getDetails()) {
            String code = detail.getErrorCode();
            if (code.startsWith("TOO_SHORT")) {
                codes.add("password.tooShort");
            } else if (code.startsWith("TOO_LONG")) {
                codes.add("password.tooLong");
            } else if (code.startsWith("ILLEGAL_WORD")) {
                codes.add("password.common");
            } else if (code.startsWith("ILLEGAL_USERNAME")) {
                codes.add("password.containsUsername");
            } else {
                codes.add("password.classes");
            }
        }
        return new ArrayList<>(codes);
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    private static String[] commonPasswords() {
        ClassPathResource list = new ClassPathResource("identity/common-passwords.txt");
        List<String> words = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The bundled common-password list is missing", e);
        }
        String[] array = words.toArray(String[]::new);
        java.util.Arrays.sort(array, String.CASE_INSENSITIVE_ORDER);
        return array;
    }
}
