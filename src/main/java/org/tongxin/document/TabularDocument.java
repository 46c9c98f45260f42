package org.tongxin.document;

import java.util.List;

/**
 * A report of tables to print (statistics, assessments): a title, a subtitle line (period, area, when made), tables
 * each with a caption, headings and rows of texts, and the lines an official form closes with (填报单位 / 负责人 /
 * 填报日期, already in the reader's language; none for a report without them). Rendered landscape with the document
 * font, so Chinese prints; each column is as wide as its longest text needs, within limits.
 */
public record TabularDocument(String title, String subtitle, List<Table> tables, List<String> closing) {

    public TabularDocument {
        closing = closing == null ? List.of() : List.copyOf(closing);
    }

    public TabularDocument(String title, String subtitle, List<Table> tables) {
        this(title, subtitle, tables, List.of());
    }

    public record Table(String caption, List<String> headers, List<List<String>> rows) {}
}
