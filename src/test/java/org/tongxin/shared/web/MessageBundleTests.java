package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** doc/style.md 15: every text in Chinese and English, and every key a page uses exists. */
class MessageBundleTests {

    static final Path I18N = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern COLUMNS = Pattern.compile("(?:lists :: columns\\(|listColumns=)\\$\\{ \\{([^}]*)}");
    static final Pattern QUOTED_KEY = Pattern.compile("'([a-zA-Z0-9_.]+)'");

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Set<String> allKeys(String suffix) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path f : files.filter(f -> suffix.isEmpty()
                            ? !f.getFileName().toString().contains("_")
                            : f.getFileName().toString().endsWith(suffix))
                    .toList()) {
                keys.addAll(load(f).stringPropertyNames());
            }
        }
        return keys;
    }

    /**
     * All bundles form one message source, so a key defined in two modules' bundles is answered by whichever loads
     * first: an error code's text would depend on the class path. Each key lives in one bundle.
     */
    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        java.util.Map<String, java.util.List<String>> owners = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path f : files.sorted().toList()) {
                String bundle = f.getFileName().toString();
                String language = bundle.endsWith("_en.properties") ? "en" : "zh";
                load(f).stringPropertyNames()
                        .forEach(k -> owners.computeIfAbsent(language + ":" + k, x -> new java.util.ArrayList<>())
                                .add(bundle));
            }
        }
        assertThat(owners.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .map(Object::toString)
                        .toList())
                .isEmpty();
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(allKeys("_en.properties")).containsExactlyInAnyOrderElementsOf(allKeys(""));
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = allKeys("");
        Pattern literal = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");
        Set<String> missing = new HashSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(f);
                Matcher m = literal.matcher(text);
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
                // A table's headings given to fragments/lists :: columns as a list of message keys.
                Matcher columns = COLUMNS.matcher(text);
                while (columns.find()) {
                    Matcher key = QUOTED_KEY.matcher(columns.group(1));
                    while (key.find()) {
                        if (!keys.contains(key.group(1))) {
                            missing.add(f.getFileName() + ": " + key.group(1));
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRoleAgencyTypeAndLevelHasANameInBothLanguages() throws IOException {
        Set<String> zh = allKeys("");
        for (var role : org.tongxin.identity.Role.values()) {
            assertThat(zh).contains("role." + role.name(), "role." + role.name() + ".does");
        }
        for (var type : org.tongxin.agency.AgencyType.values()) {
            assertThat(zh).contains("agency.type." + type.name());
        }
        for (var level : org.tongxin.agency.AgencyLevel.values()) {
            assertThat(zh).contains("agency.level." + level.name());
        }
    }
}
