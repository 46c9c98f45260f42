package org.tongxin.document;

import java.util.List;

/**
 * A report of tables to print (statistics, assessments): a title, a subtitle line (period, area, when made), and
 * tables each with a caption, headings and rows of texts. Rendered landscape with the document font, so Chinese prints.
 */
public record TabularDocument(String title, String subtitle, List<Table> tables) {

    public record Table(String caption, List<String> headers, List<List<String>> rows) {
    }
}
