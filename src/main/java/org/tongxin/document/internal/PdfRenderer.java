package org.tongxin.document.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.draw.DottedLineSeparator;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.tongxin.document.internal.DocumentLayout.Block;
import org.tongxin.document.internal.DocumentLayout.Directive;
import org.tongxin.shared.time.LegalTime;

/**
 * Turns a template and its values into an A4 PDF laid out like a Chinese legal document (after GB/T 9704): organ
 * and title centred, the number line on the right, body paragraphs indented two characters, tables for the
 * particulars, the signature block (organ, seal placeholder over the date) on the right, the copy-to line between rules,
 * and "第 X 页 共 Y 页" at the foot of every page. Text is set in the bundled Noto Serif SC, embedded as a subset
 * (Identity-H), so the PDF shows the same on every machine. A document longer than one page is rendered twice, the second
 * time with its page total.
 */
@Component
public class PdfRenderer {

    static final String FONT = "document/fonts/NotoSerifSC-Regular.ttf";
    /** The PostScript name of the bundled font, as it appears (after a subset prefix) in every PDF. */
    public static final String FONT_NAME = "NotoSerifSC-Regular";

    private static final float BODY = 14f;
    private static final float LEADING = 24f;
    private static final float SMALL = 12f;
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color LABEL_BACKGROUND = new Color(0xF0, 0xF0, 0xF0);
    /**
     * Flush left: full-width characters fill a line almost exactly anyway, and justifying a line before a long
     * unbreakable number (an identity or telephone number) would spread its characters far apart.
     */
    private static final int BODY_ALIGNMENT = Element.ALIGN_LEFT;

    private static final Pattern OWN_NUMBERING = Pattern.compile("^(\\d{1,3}[.、．)）]|[（(]\\d{1,3}[)）])\\s*");

    private final BaseFont font;
    private final Clock clock;

    public PdfRenderer(Clock clock) {
        this.clock = clock;
        this.font = loadFont();
    }

    private static BaseFont loadFont() {
        try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
            return BaseFont.createFont(
                    FONT_NAME + ".ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("The document font " + FONT + " is missing from the application", e);
        }
    }

    public byte[] render(DocumentLayout layout, Map<String, String> values) {
        TemplateValues filled = new TemplateValues(values);
        // Most documents fill one page: rendered as "of 1 page" first, and again only when they came out longer (the
        // footer sits below the text, so its total never moves the text). Half the CPU of issuing a document.
        Rendering first = renderOnce(layout, filled, 1);
        return first.pages() == 1
                ? first.bytes()
                : renderOnce(layout, filled, first.pages()).bytes();
    }

    /** A report of tables on landscape A4: title, subtitle, then each table under its caption, headings repeated. */
    public byte[] renderTables(org.tongxin.document.TabularDocument report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4.rotate(), 36f, 36f, 40f, 56f);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
            writer.setPageEvent(new PageFooter(font(9f, Font.NORMAL, GREY), 0));
            document.addTitle(report.title());
            document.addCreator("Tongxin 同心");
            document.addCreationDate(
                    new PdfDate(GregorianCalendar.from(clock.instant().atZone(LegalTime.ZONE))));
            document.setDocumentLanguage("zh-CN");
            document.open();
            document.add(centred(report.title(), font(18f, Font.BOLD, null), 0f, 4f));
            if (report.subtitle() != null && !report.subtitle().isBlank()) {
                document.add(centred(report.subtitle(), font(10.5f, Font.NORMAL, GREY), 0f, 8f));
            }
            Font heading = font(9f, Font.BOLD, null);
            Font body = font(9f, Font.NORMAL, null);
            for (org.tongxin.document.TabularDocument.Table t : report.tables()) {
                Paragraph caption = paragraph(t.caption(), font(12f, Font.BOLD, null), Element.ALIGN_LEFT, 0f);
                caption.setSpacingBefore(10f);
                caption.setSpacingAfter(4f);
                document.add(caption);
                int columns = Math.max(1, t.headers().size());
                PdfPTable table = new PdfPTable(columns);
                table.setWidthPercentage(100f);
                table.setWidths(columnWidths(t, columns));
                table.setHeaderRows(1);
                for (String h : t.headers()) {
                    PdfPCell cell = cell(h, heading);
                    cell.setBackgroundColor(LABEL_BACKGROUND);
                    table.addCell(cell);
                }
                for (List<String> row : t.rows()) {
                    for (int c = 0; c < columns; c++) {
                        PdfPCell cell = cell(c < row.size() && row.get(c) != null ? row.get(c) : "", body);
                        cell.setMinimumHeight(16f);
                        if (c > 0) {
                            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                        }
                        table.addCell(cell);
                    }
                }
                if (t.rows().isEmpty()) {
                    PdfPCell none = cell("—", body);
                    none.setColspan(columns);
                    table.addCell(none);
                }
                document.add(table);
            }
            if (!report.closing().isEmpty()) {
                // The closing line of an official form: 填报单位, 负责人 and 填报日期 side by side under the tables.
                PdfPTable closing = new PdfPTable(report.closing().size());
                closing.setWidthPercentage(100f);
                closing.setSpacingBefore(18f);
                closing.setKeepTogether(true);
                for (String part : report.closing()) {
                    PdfPCell cell = new PdfPCell(new Phrase(15f, chunk(part, font(10.5f, Font.NORMAL, null))));
                    cell.setBorder(PdfPCell.NO_BORDER);
                    cell.setPaddingTop(6f);
                    closing.addCell(cell);
                }
                document.add(closing);
            }
            document.close();
            return out.toByteArray();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render the report " + report.title(), e);
        }
    }

    /**
     * Relative column widths from the longest text of each column (a CJK character counts twice a Latin one), the first
     * column — the labels — at least a fifth of the page, none narrower than a number needs or wider than two fifths.
     */
    static float[] columnWidths(org.tongxin.document.TabularDocument.Table t, int columns) {
        float[] widths = new float[columns];
        for (int c = 0; c < columns; c++) {
            int longest =
                    c < t.headers().size() ? Math.min(textWidth(t.headers().get(c)), 16) : 0;
            for (List<String> row : t.rows()) {
                if (c < row.size() && row.get(c) != null) {
                    longest = Math.max(longest, textWidth(row.get(c)));
                }
            }
            widths[c] = Math.max(longest, 6);
        }
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        for (int c = 0; c < columns; c++) {
            float share = widths[c] / total;
            float min = c == 0 && columns > 2 ? 0.2f : 0.05f;
            widths[c] = Math.max(min, Math.min(0.4f, share));
        }
        return widths;
    }

    private static int textWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += Character.UnicodeScript.of(text.codePointAt(i)) == Character.UnicodeScript.HAN
                            || text.charAt(i) > 0x2E80
                    ? 2
                    : 1;
        }
        return width;
    }

    private record Rendering(byte[] bytes, int pages) {}

    private Rendering renderOnce(DocumentLayout layout, TemplateValues values, int totalPages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, 79f, 74f, 68f, 72f);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
            PageFooter footer = new PageFooter(font(10.5f, Font.NORMAL, GREY), totalPages);
            writer.setPageEvent(footer);
            document.addTitle(layout.title());
            document.addCreator("Tongxin 同心");
            document.addCreationDate(
                    new PdfDate(GregorianCalendar.from(clock.instant().atZone(LegalTime.ZONE))));
            document.setDocumentLanguage("zh-CN");
            document.open();
            for (Element element : elements(layout, values)) {
                document.add(element);
            }
            document.close();
            return new Rendering(out.toByteArray(), footer.pages);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render " + layout.name(), e);
        }
    }

    List<Element> elements(DocumentLayout layout, TemplateValues values) {
        List<Element> elements = new ArrayList<>();
        List<Block> blocks = layout.blocks();
        int number = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.optional() && !TemplateText.complete(block.text(), values)) {
                continue;
            }
            Directive d = block.directive();
            if (d != Directive.ITEM && d != Directive.LIST) {
                number = 0;
            }
            String text = TemplateText.fill(block.text(), values);
            switch (d) {
                case ORGAN -> elements.add(centred(text, font(18f, Font.BOLD, null), 0f, 2f));
                case TITLE -> elements.add(centred(text, font(24f, Font.BOLD, null), 4f, 8f));
                case NUMBER -> {
                    Paragraph p = paragraph(text, font(SMALL, Font.NORMAL, null), Element.ALIGN_CENTER, 0f);
                    p.setSpacingAfter(14f);
                    elements.add(p);
                }
                case TO -> elements.add(paragraph(text, body(), Element.ALIGN_LEFT, 0f));
                case HEADING -> {
                    Paragraph p = paragraph(text, font(BODY, Font.BOLD, null), Element.ALIGN_LEFT, 2 * BODY);
                    p.setSpacingBefore(4f);
                    elements.add(p);
                }
                case PARAGRAPH ->
                    lines(text).forEach(line -> elements.add(paragraph(line, body(), BODY_ALIGNMENT, 2 * BODY)));
                case ITEM -> elements.add(paragraph(++number + "．" + text, body(), BODY_ALIGNMENT, 2 * BODY));
                case LIST -> {
                    List<String> items = lines(text).stream()
                            .map(l -> OWN_NUMBERING.matcher(l).replaceFirst(""))
                            .toList();
                    boolean numbered = number > 0 || items.size() > 1;
                    for (String item : items) {
                        elements.add(
                                paragraph(numbered ? ++number + "．" + item : item, body(), BODY_ALIGNMENT, 2 * BODY));
                    }
                }
                case ROW -> {
                    List<Block> rows = new ArrayList<>();
                    while (i < blocks.size() && blocks.get(i).directive() == Directive.ROW) {
                        Block row = blocks.get(i++);
                        if (!row.optional() || TemplateText.complete(row.text(), values)) {
                            rows.add(row);
                        }
                    }
                    i--;
                    elements.add(table(rows, values));
                }
                case SEAL, SIGN, DATE -> {
                    List<Block> parts = new ArrayList<>();
                    while (i < blocks.size() && isSignature(blocks.get(i).directive())) {
                        parts.add(blocks.get(i++));
                    }
                    i--;
                    elements.add(signature(parts, values));
                }
                case SPACE -> elements.add(paragraph(" ", body(), Element.ALIGN_LEFT, 0f));
                case CUT -> elements.add(cut(text));
                case CC -> elements.add(copyTo(text));
                case NOTE -> elements.add(paragraph(text, font(10.5f, Font.NORMAL, GREY), Element.ALIGN_LEFT, 0f));
            }
        }
        return elements;
    }

    private static boolean isSignature(Directive d) {
        return d == Directive.SEAL || d == Directive.SIGN || d == Directive.DATE;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private Font body() {
        return font(BODY, Font.NORMAL, null);
    }

    private Font font(float size, int style, Color color) {
        return new Font(font, size, style, color);
    }

    /** Text with Chinese line breaking (no line starts with a comma, numbers stay whole). */
    private static Chunk chunk(String text, Font f) {
        Chunk chunk = new Chunk(text, f);
        chunk.setSplitCharacter(ChineseLineBreaks.INSTANCE);
        return chunk;
    }

    private static Paragraph paragraph(String text, Font f, int alignment, float indent) {
        Paragraph p = new Paragraph(f.getSize() >= BODY ? LEADING : f.getSize() * 1.6f, chunk(text, f));
        p.setAlignment(alignment);
        p.setFirstLineIndent(indent);
        return p;
    }

    private static Paragraph centred(String text, Font f, float before, float after) {
        Paragraph p = new Paragraph(f.getSize() * 1.5f, chunk(text, f));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    private PdfPTable table(List<Block> rows, TemplateValues values) {
        boolean paired = rows.stream().anyMatch(r -> r.cells().size() == 4);
        PdfPTable table = new PdfPTable(paired ? new float[] {1.9f, 2.8f, 2.5f, 3.2f} : new float[] {3f, 7f});
        table.setWidthPercentage(100f);
        table.setSpacingBefore(6f);
        table.setSpacingAfter(8f);
        Font f = font(SMALL, Font.NORMAL, null);
        for (Block row : rows) {
            List<String> cells = row.cells();
            for (int c = 0; c < cells.size(); c += 2) {
                PdfPCell label = cell(TemplateText.fill(cells.get(c), values), f);
                label.setBackgroundColor(LABEL_BACKGROUND);
                table.addCell(label);
                String value = TemplateText.fill(cells.get(c + 1), values);
                PdfPCell cell = cell(value, f);
                if (value.isEmpty()) {
                    cell.setMinimumHeight(40f);
                }
                if (paired && cells.size() == 2) {
                    cell.setColspan(3);
                }
                table.addCell(cell);
            }
        }
        return table;
    }

    private static PdfPCell cell(String text, Font f) {
        PdfPCell cell = new PdfPCell(new Phrase(f.getSize() * 1.5f, chunk(text, f)));
        cell.setPadding(4f);
        cell.setPaddingLeft(6f);
        cell.setMinimumHeight(23f);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setUseAscender(true);
        cell.setBorderWidth(0.6f);
        return cell;
    }

    /**
     * The signature block at the bottom right (GB/T 9704 7.3.5.1): the issuing organ, then the seal placeholder
     * "（印章）" right over the date where the seal is pressed, each line centred on the others. The seal always sits
     * directly above the date, whatever the order of the template's lines.
     */
    private PdfPTable signature(List<Block> parts, TemplateValues values) {
        List<Block> ordered = new ArrayList<>(
                parts.stream().filter(b -> b.directive() == Directive.SIGN).toList());
        parts.stream().filter(b -> b.directive() == Directive.SEAL).forEach(ordered::add);
        parts.stream().filter(b -> b.directive() == Directive.DATE).forEach(ordered::add);
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(42f);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(16f);
        table.setKeepTogether(true);
        for (Block line : ordered) {
            String text = TemplateText.fill(line.text(), values);
            boolean seal = line.directive() == Directive.SEAL;
            Font f = seal ? font(BODY, Font.NORMAL, GREY) : body();
            PdfPCell cell = new PdfPCell(new Phrase(LEADING, chunk(seal && text.isEmpty() ? "（印章）" : text, f)));
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setPaddingBottom(2f);
            table.addCell(cell);
        }
        return table;
    }

    private Paragraph cut(String label) {
        DottedLineSeparator dots = new DottedLineSeparator();
        dots.setGap(3f);
        dots.setLineWidth(0.8f);
        dots.setOffset(4f);
        Paragraph p = new Paragraph(LEADING);
        p.add(new Chunk(dots));
        p.add(new Chunk("　" + label + "　", font(BODY, Font.BOLD, null)));
        p.add(new Chunk(dots));
        p.setSpacingBefore(18f);
        p.setSpacingAfter(6f);
        return p;
    }

    /** The copy-to line between two rules, as GB/T 9704 places it at the end of the document. */
    private PdfPTable copyTo(String text) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100f);
        table.setSpacingBefore(14f);
        table.setKeepTogether(true);
        PdfPCell cell = new PdfPCell(new Phrase(SMALL * 1.5f, chunk(text, font(SMALL, Font.NORMAL, null))));
        cell.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
        cell.setBorderWidth(0.8f);
        cell.setPadding(4f);
        cell.setPaddingLeft(SMALL);
        cell.setUseAscender(true);
        table.addCell(cell);
        return table;
    }

    /** "第 X 页 共 Y 页" centred under the text of every page; counts the pages for the second rendering. */
    private static final class PageFooter extends PdfPageEventHelper {

        private final Font font;
        private final int total;
        private int pages;

        PageFooter(Font font, int total) {
            this.font = font;
            this.total = total;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            pages = writer.getPageNumber();
            String text = total > 0 ? "第 " + pages + " 页 共 " + total + " 页" : "第 " + pages + " 页";
            float x = (document.left() + document.right()) / 2;
            ColumnText.showTextAligned(
                    writer.getDirectContent(),
                    Element.ALIGN_CENTER,
                    new Phrase(text, font),
                    x,
                    document.bottom() - 32f,
                    0);
        }
    }
}
