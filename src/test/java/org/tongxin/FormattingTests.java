package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javaformat.java.Formatter;
import com.palantir.javaformat.java.FormatterException;
import com.palantir.javaformat.java.JavaFormatterOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Style is never discussed: every Java file of the project is as palantir-java-format (120 columns, imports ordered, no
 * unused import) writes it (doc/adr/0054-the-formatter-runs-in-the-tests.md). The formatter runs in the tests' JVM, the
 * toolchain's JDK, so it reads every construct the code may use. To format the tree:
 * {@code ./mvnw test -Dtest=FormattingTests -Dtongxin.format.write=true}.
 */
class FormattingTests {

    static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("src/test/java"));
    /** Flyway's Java migrations stay byte for byte as they were applied. */
    static final Path MIGRATIONS = Path.of("src/main/java/db/migration");

    static final boolean WRITE = Boolean.getBoolean("tongxin.format.write");

    @Test
    void everyJavaFileIsFormatted() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java") && !p.startsWith(MIGRATIONS))
                        .forEach(files::add);
            }
        }
        // Both cores: a formatter per file, nothing shared between the threads.
        List<String> unformatted = files.parallelStream()
                .filter(FormattingTests::reformatted)
                .map(Path::toString)
                .sorted()
                .toList();
        assertThat(unformatted)
                .as("format with ./mvnw test -Dtest=FormattingTests -Dtongxin.format.write=true")
                .isEmpty();
    }

    /** Whether the formatter changes the file; with the write switch, writes the change and says no. */
    static boolean reformatted(Path file) {
        try {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            String formatted = Formatter.createFormatter(JavaFormatterOptions.builder()
                            .style(JavaFormatterOptions.Style.PALANTIR)
                            .build())
                    .formatSourceAndFixImports(source);
            if (formatted.equals(source)) {
                return false;
            }
            if (WRITE) {
                Files.writeString(file, formatted, StandardCharsets.UTF_8);
                return false;
            }
            return true;
        } catch (IOException | FormatterException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
