package org.tongxin.simulation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.tongxin.simulation.SimulationComparison;
import org.tongxin.simulation.SimulationComparison.AgencyLine;
import org.tongxin.simulation.SimulationComparison.Totals;
import org.tongxin.simulation.SimulationFigure;
import org.tongxin.simulation.SimulationView;

/**
 * A run as an Excel workbook (Apache POI): the parameters with the seed, the comparison of the two scenarios per agency
 * with their differences, and every figure per scenario, agency and month. Headings in the reader's language.
 */
public final class SimulationWorkbook {

    private SimulationWorkbook() {}

    private record Column(String key, Function<Totals, Number> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("opened", Totals::opened),
            new Column("fulfilled", Totals::fulfilled),
            new Column("onTimeRate", t -> Math.round(t.onTimeRate() * 1000) / 10.0),
            new Column("breaches", Totals::breaches),
            new Column("backlog", Totals::backlog),
            new Column("officers", Totals::officers),
            new Column("workload", Totals::workloadPerOfficer),
            new Column("entries", Totals::entries),
            new Column("terminations", Totals::terminations),
            new Column("lostContacts", Totals::lostContacts));

    public static byte[] write(
            SimulationView run, List<SimulationFigure> figures, MessageSource messages, Locale locale) {
        SimulationComparison c = SimulationComparison.of(figures);
        Function<String, String> t = key -> messages.getMessage("simulation.column." + key, null, key, locale);
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet about = book.createSheet(messages.getMessage("simulation.sheet.run", null, locale));
            int r = 0;
            r = pair(about, r, t.apply("name"), run.name());
            r = pair(about, r, t.apply("seed"), String.valueOf(run.seed()));
            r = pair(about, r, t.apply("region"), run.region());
            r = pair(about, r, t.apply("firstMonth"), String.valueOf(run.firstMonth()));
            r = pair(about, r, t.apply("months"), String.valueOf(run.months()));
            r = pair(about, r, t.apply("cases"), String.valueOf(run.cases()));
            r = pair(
                    about,
                    r,
                    t.apply("baseline"),
                    String.valueOf(run.parameters().baseline()));
            pair(about, r, t.apply("variant"), String.valueOf(run.parameters().variant()));
            about.setColumnWidth(0, 20 * 256);
            about.setColumnWidth(1, 100 * 256);

            Sheet compare = book.createSheet(messages.getMessage("simulation.sheet.comparison", null, locale));
            Row head = compare.createRow(0);
            int col = 0;
            head.createCell(col++).setCellValue(t.apply("agency"));
            head.createCell(col++).setCellValue(t.apply("district"));
            for (Column column : COLUMNS) {
                for (String scenario : List.of("A", "B", "diff")) {
                    head.createCell(col++).setCellValue(t.apply(column.key()) + " " + t.apply("scenario." + scenario));
                }
            }
            head.forEach(cell -> cell.setCellStyle(bold));
            int row = 1;
            row = line(compare, row, t.apply("city"), "", c.totalA(), c.totalB());
            for (AgencyLine line : c.agencies()) {
                row = line(
                        compare,
                        row,
                        line.agencyName(locale),
                        line.district() == null ? "" : line.district(),
                        line.a(),
                        line.b());
            }
            compare.createFreezePane(2, 1);
            compare.setColumnWidth(0, 36 * 256);

            Sheet all = book.createSheet(messages.getMessage("simulation.sheet.figures", null, locale));
            Row h = all.createRow(0);
            String[] keys = {
                "scenario",
                "agency",
                "district",
                "month",
                "officers",
                "opened",
                "fulfilled",
                "onTime",
                "late",
                "breaches",
                "backlog",
                "entries",
                "terminations",
                "lostContacts"
            };
            for (int i = 0; i < keys.length; i++) {
                h.createCell(i).setCellValue(t.apply(keys[i]));
                h.getCell(i).setCellStyle(bold);
            }
            int n = 1;
            for (SimulationFigure f : figures) {
                Row x = all.createRow(n++);
                x.createCell(0).setCellValue(f.scenario());
                x.createCell(1).setCellValue(f.agencyName(locale));
                x.createCell(2).setCellValue(f.district() == null ? "" : f.district());
                x.createCell(3).setCellValue(f.month().toString().substring(0, 7));
                int[] values = {
                    f.officers(),
                    f.opened(),
                    f.fulfilled(),
                    f.onTime(),
                    f.late(),
                    f.breaches(),
                    f.backlog(),
                    f.entries(),
                    f.terminations(),
                    f.lostContacts()
                };
                for (int i = 0; i < values.length; i++) {
                    x.createCell(4 + i).setCellValue(values[i]);
                }
            }
            all.createFreezePane(0, 1);
            all.setColumnWidth(1, 36 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pair(Sheet sheet, int row, String key, String value) {
        Row r = sheet.createRow(row);
        r.createCell(0).setCellValue(key);
        r.createCell(1).setCellValue(value);
        return row + 1;
    }

    private static int line(Sheet sheet, int row, String name, String district, Totals a, Totals b) {
        Row r = sheet.createRow(row);
        int col = 0;
        r.createCell(col++).setCellValue(name);
        r.createCell(col++).setCellValue(district);
        for (Column column : COLUMNS) {
            double x = column.value().apply(a).doubleValue();
            double y = column.value().apply(b).doubleValue();
            r.createCell(col++).setCellValue(x);
            r.createCell(col++).setCellValue(y);
            r.createCell(col++).setCellValue(Math.round((y - x) * 10) / 10.0);
        }
        return row + 1;
    }
}
