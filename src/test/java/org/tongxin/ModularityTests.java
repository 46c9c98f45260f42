package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure of doc/architecture.md §4 holds, and the module map in doc/modules (component diagrams and one
 * canvas per module with the events it publishes and listens to) is generated from the code and checked in: a change
 * of modules, their dependencies or their events without regenerating it fails here. Regenerate with
 * {@code ./mvnw test -Dtest=ModularityTests -Dtongxin.module-docs.write=true}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(TongxinApplication.class);
    static final Path CHECKED_IN = Path.of("doc/modules");

    @Test
    void modulesDependOnlyOnWhatTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void everyModuleOfTheFoundationExists() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains(
                        "shared",
                        "platform",
                        "agency",
                        "identity",
                        "audit",
                        "demo",
                        "calendar",
                        "policy",
                        "casefile",
                        "obligation",
                        "document",
                        "exchange",
                        "procedure");
    }

    @Test
    void theCheckedInModuleMapIsCurrent() throws IOException {
        boolean write = Boolean.getBoolean("tongxin.module-docs.write");
        Path folder = write ? CHECKED_IN : Path.of("target/module-docs");
        document(folder);
        if (write) {
            return;
        }
        Map<String, String> generated = read(folder);
        Map<String, String> checkedIn = read(CHECKED_IN);
        List<String> stale = new ArrayList<>();
        // The Documenter lists a module's relations and listeners in no fixed order: the same lines, in any order, are
        // current.
        generated.forEach((name, text) -> {
            if (checkedIn.get(name) == null || !lines(text).equals(lines(checkedIn.get(name)))) {
                stale.add(name);
            }
        });
        checkedIn.keySet().stream()
                .filter(name -> !generated.containsKey(name))
                .forEach(name -> stale.add(name + " (no such module)"));
        assertThat(stale)
                .as("doc/modules is stale: regenerate it with ./mvnw test -Dtest=ModularityTests"
                        + " -Dtongxin.module-docs.write=true")
                .isEmpty();
    }

    static void document(Path folder) {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString())).writeDocumentation();
    }

    /** The lines in order, a table cell's first list item ("|* …") read as any other item of the list. */
    static List<String> lines(String text) {
        return text.lines()
                .map(line -> line.startsWith("|* ") ? line.substring(1) : line)
                .sorted()
                .toList();
    }

    static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p).replace("\r\n", "\n"));
            }
        }
        return files;
    }
}
