package org.tongxin.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: what a reader sees in a PDF, by poppler's {@code pdftotext} (Debian poppler-utils; .ci/run installs
 * it). The tests shell out on purpose: an independent PDF reader proves the text is really there, in the embedded
 * font. A missing tool fails the test: it is never skipped.
 */
public final class PdfText {

    private PdfText() {}

    /** The text of the PDF (pages separated by form feeds), or a failure when poppler cannot read it. */
    public static String of(byte[] pdf) {
        try {
            Path file = Files.createTempFile("tongxin-pdf", ".pdf");
            try {
                Files.write(file, pdf);
                return run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new AssertionError("pdftotext could not run (apt-get install poppler-utils)", e);
        }
    }

    /** The output of {@code pdffonts}: name, type, encoding, embedded, subset. */
    public static String fonts(Path pdf) {
        return run("pdffonts", pdf.toString());
    }

    /** Renders the first page to a PNG beside the PDF and returns its path. */
    public static Path firstPagePng(Path pdf, int dpi) {
        String base = pdf.toString().replaceAll("\\.pdf$", "");
        run("pdftoppm", "-png", "-r", String.valueOf(dpi), "-f", "1", "-l", "1", "-singlefile", pdf.toString(), base);
        return Path.of(base + ".png");
    }

    static String run(String... command) {
        Path errors = null;
        try {
            // Errors go to a file: on a file that is not a PDF poppler writes more complaints than a pipe holds, and
            // would block on them while we wait for its output.
            errors = Files.createTempFile("tongxin-poppler", ".err");
            Process process =
                    new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                String err = Files.readString(errors, StandardCharsets.UTF_8);
                throw new PopplerRefused(command[0] + " failed (" + process.exitValue() + "): "
                        + err.strip().substring(0, Math.min(2000, err.strip().length())));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is not installed (apt-get install poppler-utils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException e) {
                    // a temporary file; nothing depends on it
                }
            }
        }
    }

    /** Poppler ran and said the input is no PDF it can read. */
    public static final class PopplerRefused extends RuntimeException {
        PopplerRefused(String message) {
            super(message);
        }
    }
}
