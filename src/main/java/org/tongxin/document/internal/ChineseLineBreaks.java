package org.tongxin.document.internal;

import org.openpdf.text.SplitCharacter;
import org.openpdf.text.pdf.PdfChunk;

/**
 * Where a line of Chinese text may break (after GB/T 15834 and the usual 避头尾 rules): between any two Chinese
 * characters, but never so that a line starts with closing punctuation (，。、；：？！）》” ...) or ends with an
 * opening one (（《“ ...); Latin words and numbers (identity numbers, telephone numbers, dates) stay whole and break
 * only at spaces.
 */
final class ChineseLineBreaks implements SplitCharacter {

    static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

    private static final String NO_LINE_START = "，。、；：？！）」』】〕〉》”’％‰…—·．,.;:?!)]}%";
    private static final String NO_LINE_END = "（「『【〔〈《“‘([{";

    private ChineseLineBreaks() {}

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char here = character(current, cc, ck);
        if (NO_LINE_END.indexOf(here) >= 0) {
            return false;
        }
        if (current + 1 >= end) {
            return wide(here) || here == ' ';
        }
        char next = character(current + 1, cc, ck);
        if (NO_LINE_START.indexOf(next) >= 0) {
            return false;
        }
        return here == ' ' || wide(here) || wide(next);
    }

    private static char character(int index, char[] cc, PdfChunk[] ck) {
        if (ck == null) {
            return cc[index];
        }
        return (char) ck[Math.min(index, ck.length - 1)].getUnicodeEquivalent(cc[index]);
    }

    /** Chinese characters, CJK punctuation and full-width forms: a line may break beside them. */
    static boolean wide(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= '\u3000' && c <= '\u303F')
                || (c >= '\uFF00' && c <= '\uFFEF')
                || (c >= '\u2014' && c <= '\u201D')
                || c == '\u2026';
    }
}
