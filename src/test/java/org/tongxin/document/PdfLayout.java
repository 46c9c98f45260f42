package org.tongxin.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: the text lines of a PDF with their positions, by poppler's {@code pdftotext -bbox-layout} (as
 * {@link PdfText}, an independent reader of what was rendered). Coordinates are PDF points from the top left of the
 * page; {@link Line#text} has no spaces, so Chinese text compares as written.
 */
public final class PdfLayout {

    private static final Pattern PAGE =
            Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">(.*?)</page>", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile(
            "<line xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">(.*?)</line>",
            Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("<word[^>]*>(.*?)</word>", Pattern.DOTALL);

    /** One line of text: its page (from 1), box and words joined without spaces. */
    public record Line(int page, double xMin, double yMin, double xMax, double yMax, String text, double pageWidth) {

        public double centre() {
            return (xMin + xMax) / 2;
        }

        /** Whether the line sits in the middle of the page (its centre within 12 pt of the page's). */
        public boolean centred() {
            return Math.abs(centre() - pageWidth / 2) < 12;
        }

        /** Whether the line comes before another in reading order (page, then height). */
        public boolean above(Line other) {
            return page < other.page || page == other.page && yMax <= other.yMin + 0.5;
        }
    }

    private final List<Line> lines;

    private PdfLayout(List<Line> lines) {
        this.lines = lines;
    }

    public static PdfLayout of(byte[] pdf) {
        try {
            Path file = Files.createTempFile("tongxin-layout", ".pdf");
            try {
                Files.write(file, pdf);
                return parse(PdfText.run("pdftotext", "-bbox-layout", "-enc", "UTF-8", file.toString(), "-"));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new AssertionError("pdftotext could not run (apt-get install poppler-utils)", e);
        }
    }

    static PdfLayout parse(String xhtml) {
        List<Line> lines = new ArrayList<>();
        Matcher page = PAGE.matcher(xhtml);
        int number = 0;
        while (page.find()) {
            number++;
            double width = Double.parseDouble(page.group(1));
            Matcher line = LINE.matcher(page.group(3));
            while (line.find()) {
                StringBuilder text = new StringBuilder();
                Matcher word = WORD.matcher(line.group(5));
                while (word.find()) {
                    text.append(unescape(word.group(1)));
                }
                lines.add(new Line(
                        number,
                        Double.parseDouble(line.group(1)),
                        Double.parseDouble(line.group(2)),
                        Double.parseDouble(line.group(3)),
                        Double.parseDouble(line.group(4)),
                        text.toString().replaceAll("\\s+", ""),
                        width));
            }
        }
        lines.sort(Comparator.comparingInt(Line::page)
                .thenComparingDouble(Line::yMin)
                .thenComparingDouble(Line::xMin));
        return new PdfLayout(List.copyOf(lines));
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** Every line in reading order, the page numbers at the foot of each page (第1页共2页) left out. */
    public List<Line> lines() {
        return lines.stream().filter(l -> !l.text().matches("第\\d+页共\\d+页")).toList();
    }

    /** The first line (in reading order) whose text starts with the given text (spaces ignored). */
    public Optional<Line> first(String start) {
        String s = start.replaceAll("\\s+", "");
        return lines().stream().filter(l -> l.text().startsWith(s)).findFirst();
    }

    public Line line(String start) {
        return first(start)
                .orElseThrow(() -> new AssertionError("No line starts with \"" + start + "\" in " + texts()));
    }

    /** The lines strictly between two lines in reading order. */
    public List<Line> between(Line a, Line b) {
        return lines().stream().filter(l -> a.above(l) && l.above(b)).toList();
    }

    public List<String> texts() {
        return lines().stream().map(Line::text).toList();
    }
}
