package org.tongxin.document.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tongxin.document.internal.DocumentLayout.Block;
import org.tongxin.document.internal.DocumentLayout.Directive;

/**
 * Reads the template format described in {@code document/templates/README.md}: {@code directive: text} lines, a
 * {@code keys:} line first, {@code #} comments. A template that names an undeclared key, declares a key it never
 * uses, has no title or an unknown directive is refused with the line at fault, so a broken template stops the
 * application at start-up rather than printing a wrong document.
 */
public final class TemplateParser {

    private TemplateParser() {}

    public static DocumentLayout parse(String name, String source) {
        Set<String> declared = null;
        Set<String> used = new LinkedHashSet<>();
        List<Block> blocks = new ArrayList<>();
        String title = null;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw problem(name, i, "expected 'directive: text'");
            }
            String word = line.substring(0, colon).strip();
            String text = line.substring(colon + 1).strip();
            if (word.equals("keys")) {
                if (declared != null) {
                    throw problem(name, i, "a second keys: line");
                }
                declared = new LinkedHashSet<>();
                for (String key : text.split(",")) {
                    if (!key.isBlank() && !key.strip().matches("[A-Za-z][A-Za-z0-9]*")) {
                        throw problem(name, i, "not a key: " + key.strip());
                    }
                    if (!key.isBlank()) {
                        declared.add(key.strip());
                    }
                }
                continue;
            }
            if (declared == null) {
                throw problem(name, i, "the first directive must be keys:");
            }
            boolean optional = word.startsWith("?");
            Directive directive = Directive.of(optional ? word.substring(1) : word);
            if (directive == null) {
                throw problem(name, i, "unknown directive '" + word + "'");
            }
            if (text.contains("${") && TemplateText.keys(text).isEmpty()) {
                throw problem(name, i, "malformed placeholder");
            }
            List<String> cells = null;
            if (directive == Directive.ROW) {
                cells = Arrays.stream(text.split("\\|", -1)).map(String::strip).toList();
                if (cells.size() != 2 && cells.size() != 4) {
                    throw problem(name, i, "row: needs 'label | value' or 'label | value | label | value'");
                }
            }
            if (directive == Directive.TITLE) {
                if (title != null || !TemplateText.keys(text).isEmpty() || text.isEmpty()) {
                    throw problem(name, i, "exactly one title: of plain text");
                }
                title = text;
            }
            for (String key : TemplateText.keys(text)) {
                if (!declared.contains(key)) {
                    throw problem(name, i, "placeholder ${" + key + "} is not declared in keys:");
                }
                used.add(key);
            }
            blocks.add(new Block(directive, text, cells, optional));
        }
        if (title == null) {
            throw new IllegalStateException("Template " + name + " has no title:");
        }
        Set<String> unused = new TreeSet<>(declared);
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalStateException("Template " + name + " declares keys it never uses: " + unused);
        }
        return new DocumentLayout(name, title, declared, blocks);
    }

    private static IllegalStateException problem(String name, int index, String what) {
        return new IllegalStateException("Template " + name + ", line " + (index + 1) + ": " + what);
    }
}
