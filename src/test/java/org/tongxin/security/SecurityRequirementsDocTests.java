package org.tongxin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * doc/security-requirements.md names, for each of S1–S22, the tests that prove it. This reads the page and fails when a
 * named test class or method does not exist, when a requirement has neither a test nor a stated gap (missing, or pending
 * on a branch not yet merged), when a file it names outside those gaps does not exist, or when the page is
 * no longer linked from the README and doc/development.md — so the page cannot drift from the code.
 */
class SecurityRequirementsDocTests {

    static final Path PAGE = Path.of("doc/security-requirements.md");
    static final Pattern TEST = Pattern.compile("`([A-Z][A-Za-z0-9]*Tests)(?:#([a-zA-Z0-9_]+))?`");
    /** "**Proven in CI:** `path`": a script run by .ci/run. */
    static final Pattern CI_STEP = Pattern.compile("\\*\\*Proven in CI:\\*\\* `([^`]+)`");

    static final Pattern FILE = Pattern.compile("`((?:doc|src|bench|\\.ci)/[^`]+)`");

    @Test
    void everyRequirementNamesTestsThatExistOrSaysWhatIsMissing() throws IOException {
        Map<String, String> sections = sections(Files.readString(PAGE));
        assertThat(sections.keySet())
                .as("S1–S22, in order")
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 22)
                        .mapToObj(i -> "S" + i)
                        .toList());
        List<String> problems = new ArrayList<>();
        int named = 0;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            String text = section.getValue();
            Matcher m = TEST.matcher(text);
            boolean any = false;
            while (m.find()) {
                any = true;
                named++;
                Class<?> type = testClass(m.group(1));
                if (type == null) {
                    problems.add(section.getKey() + ": no test class " + m.group(1));
                } else if (m.group(2) != null
                        && Arrays.stream(type.getDeclaredMethods())
                                .map(Method::getName)
                                .noneMatch(m.group(2)::equals)) {
                    problems.add(section.getKey() + ": no method " + m.group(1) + "#" + m.group(2));
                }
            }
            // A requirement proven by a CI step names the script, which must exist and be run by .ci/run.
            Matcher ci = CI_STEP.matcher(text);
            while (ci.find()) {
                any = true;
                if (!Files.exists(Path.of(ci.group(1)))
                        || !Files.readString(Path.of(".ci/run")).contains(ci.group(1))) {
                    problems.add(section.getKey() + ": " + ci.group(1) + " is not a script that .ci/run runs");
                }
            }
            if (!any && !text.contains("**Missing:**") && !text.contains("**Pending merge:**")) {
                problems.add(section.getKey() + " names no test and says neither what is missing nor what is pending");
            }
            for (String line : text.split("\n- ")) {
                Matcher f = FILE.matcher(line);
                while (f.find()) {
                    if (!line.contains("**Pending merge:**") && !Files.exists(Path.of(f.group(1)))) {
                        problems.add(section.getKey() + ": no file " + f.group(1));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(named).isGreaterThan(60);
    }

    @Test
    void thePageIsLinkedFromTheReadmeAndTheDevelopmentGuide() throws IOException {
        assertThat(Files.readString(Path.of("README.md"))).contains("doc/security-requirements.md");
        assertThat(Files.readString(Path.of("doc/development.md"))).contains("security-requirements.md");
    }

    /** The sections "### S<n> …" with their text up to the next heading. */
    static Map<String, String> sections(String page) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = Pattern.compile("^### (S\\d+)\\b.*$", Pattern.MULTILINE).matcher(page);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : page.length();
            String text = page.substring(starts.get(i)[1], end);
            int nextHeading = text.indexOf("\n## ");
            result.put(names.get(i), nextHeading < 0 ? text : text.substring(0, nextHeading));
        }
        return result;
    }

    /** The test class of that simple name under src/test/java, or null. */
    static Class<?> testClass(String simpleName) throws IOException {
        Path root = Path.of("src/test/java");
        try (Stream<Path> files = Files.walk(root)) {
            Path file = files.filter(p -> p.getFileName().toString().equals(simpleName + ".java"))
                    .findFirst()
                    .orElse(null);
            if (file == null) {
                return null;
            }
            String name = root.relativize(file)
                    .toString()
                    .replace(java.io.File.separatorChar, '.')
                    .replaceAll("\\.java$", "");
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
    }
}
