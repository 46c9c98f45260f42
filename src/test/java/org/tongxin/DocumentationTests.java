package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The design lives in the repository: no text points at a document outside it, every decision record is in the index
 * of doc/adr, and every relative link of the README and of doc/ leads to a file that exists.
 */
class DocumentationTests {

    static final List<Path> ROOTS = List.of(
            Path.of("src"), Path.of("doc"), Path.of("bench"), Path.of(".ci"), Path.of("README.md"), Path.of("pom.xml"));
    /** The names of design documents that once lived beside the project, spelt so that this file does not match itself. */
    static final Pattern OUTSIDE =
            Pattern.compile("\\.\\./" + "shared|\\b(?:DESIGN|PROCEDURES|SECURITY|STYLE|STACK-NOTES)\\." + "md\\b");

    static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

    @Test
    void noTextCitesADocumentOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files()) {
            String[] lines = Files.readString(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (OUTSIDE.matcher(lines[i]).find()) {
                    found.add(file + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertThat(found)
                .as("cite the doc/ page that says it in the project's words")
                .isEmpty();
    }

    @Test
    void theDecisionIndexListsEveryDecision() throws IOException {
        String index = Files.readString(Path.of("doc/adr/README.md"));
        try (Stream<Path> adrs = Files.list(Path.of("doc/adr"))) {
            List<String> missing = adrs.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{4}-.*\\.md"))
                    .filter(n -> !index.contains("(" + n + ")"))
                    .sorted()
                    .toList();
            assertThat(missing).as("decisions missing from doc/adr/README.md").isEmpty();
        }
    }

    @Test
    void everyRelativeLinkOfTheDocumentationLeadsToAFile() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("doc"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                Path resolved = (page.getParent() == null ? Path.of(".") : page.getParent())
                        .resolve(target)
                        .normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + " → " + target);
                }
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    /** The README is one page: what Tongxin is, the two commands, the accounts, where to go next; the manual is in doc/. */
    @Test
    void theReadmeIsOnePage() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        assertThat(lines).as("README.md lines").hasSizeLessThanOrEqualTo(90);
        assertThat(String.join("\n", lines)).contains("./mvnw spring-boot:run", "./mvnw verify", "doc/user-guide.md");
    }

    static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : ROOTS) {
            if (Files.isRegularFile(root)) {
                files.add(root);
                continue;
            }
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p ->
                                p.toString().matches(".*\\.(java|md|html|properties|yml|sql|sh|txt|json|adoc|puml)$")
                                        || p.getFileName().toString().equals("run"))
                        .forEach(files::add);
            }
        }
        return files;
    }
}
