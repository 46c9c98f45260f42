package org.tongxin.statistics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongxin.document.Documents;
import org.tongxin.document.TabularDocument;
import org.tongxin.statistics.ReportTable;

/** Reports as files: an Excel workbook (a sheet per table, numbers as numbers) and a PDF through the document module. */
@Component
public class ReportExports {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";

    private final Documents documents;
    private final MessageSource messages;

    ReportExports(Documents documents, MessageSource messages) {
        this.documents = documents;
        this.messages = messages;
    }

    /**
     * The workbook: one sheet per table, named by the table's short name ({@code statistics.sheet.<key>}: a sheet name
     * holds at most 31 characters, so a long caption would be cut), with the report's title and the table's caption above
     * the headings.
     */
    public byte[] xlsx(String title, String subtitle, List<ReportTable> tables, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            CellStyle captionStyle = workbook.createCellStyle();
            captionStyle.setFont(bold);
            Set<String> names = new HashSet<>();
            for (ReportTable table : tables) {
                Sheet sheet = workbook.createSheet(sheetName(
                        messages.getMessage("statistics.sheet." + table.key(), null, table.caption(), locale), names));
                int r = 0;
                Cell titleCell = sheet.createRow(r++).createCell(0);
                titleCell.setCellValue(title);
                titleCell.setCellStyle(captionStyle);
                sheet.createRow(r++).createCell(0).setCellValue(subtitle == null ? "" : subtitle);
                Cell caption = sheet.createRow(r++).createCell(0);
                caption.setCellValue(table.caption());
                caption.setCellStyle(captionStyle);
                Row head = sheet.createRow(r++);
                for (int c = 0; c < table.headers().size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(table.headers().get(c));
                    cell.setCellStyle(header);
                }
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (v != null) {
                            row.createCell(c).setCellValue(v.toString());
                        }
                    }
                }
                sheet.setColumnWidth(0, 34 * 256);
                for (int c = 1; c < table.headers().size(); c++) {
                    sheet.setColumnWidth(c, 14 * 256);
                }
                sheet.createFreezePane(1, 4);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report printed; {@code closing}: the lines an official form ends with (填报单位, 负责人, 填报日期), or none. */
    public byte[] pdf(String title, String subtitle, List<ReportTable> tables, List<String> closing) {
        List<TabularDocument.Table> printed = tables.stream()
                .map(t -> new TabularDocument.Table(
                        t.caption(),
                        t.headers(),
                        t.rows().stream()
                                .map(row ->
                                        row.stream().map(ReportExports::text).toList())
                                .toList()))
                .toList();
        return documents.renderTables(new TabularDocument(title, subtitle, printed, closing));
    }

    static String text(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    private static String sheetName(String caption, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(caption == null || caption.isBlank() ? "Sheet" : caption);
        if (base.length() > 28) {
            // Only a caption without a short name gets here; it is cut where Excel would refuse it.
            base = base.substring(0, 28);
        }
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + " " + i;
        }
        return name;
    }
}
