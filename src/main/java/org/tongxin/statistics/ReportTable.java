package org.tongxin.statistics;

import java.util.List;

/**
 * One table of a report as it is shown, exported to Excel and printed: a caption, column headings and rows of cells,
 * each a text (a label) or a number. Labels are already in the reader's language.
 */
public record ReportTable(String key, String caption, List<String> headers, List<List<Object>> rows) {

    public ReportTable {
        headers = List.copyOf(headers);
        rows = rows.stream()
                .map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)))
                .toList();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
