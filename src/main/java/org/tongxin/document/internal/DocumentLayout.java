package org.tongxin.document.internal;

import java.util.List;
import java.util.Set;

/**
 * A parsed template: its title (which also names the PDF), the value keys it declares and its blocks in order.
 * Texts still hold their placeholders; {@link PdfRenderer} fills them.
 */
public record DocumentLayout(String name, String title, Set<String> keys, List<Block> blocks) {

    public DocumentLayout {
        keys = Set.copyOf(keys);
        blocks = List.copyOf(blocks);
    }

    public String fileName() {
        return title + ".pdf";
    }

    /** What a template line asks for. */
    public enum Directive {
        ORGAN("organ"),
        TITLE("title"),
        NUMBER("number"),
        TO("to"),
        HEADING("h"),
        PARAGRAPH("p"),
        ITEM("item"),
        LIST("list"),
        ROW("row"),
        SEAL("seal"),
        SIGN("sign"),
        DATE("date"),
        SPACE("space"),
        CUT("cut"),
        CC("cc"),
        NOTE("note");

        private final String word;

        Directive(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Directive of(String word) {
            for (Directive d : values()) {
                if (d.word.equals(word)) {
                    return d;
                }
            }
            return null;
        }
    }

    /**
     * One line of a template. {@code cells} are the cells of a {@link Directive#ROW} (label, value and optionally a
     * second label and value); {@code optional} blocks are left out when one of their placeholders has no value.
     */
    public record Block(Directive directive, String text, List<String> cells, boolean optional) {

        public Block {
            cells = cells == null ? List.of() : List.copyOf(cells);
        }
    }
}
