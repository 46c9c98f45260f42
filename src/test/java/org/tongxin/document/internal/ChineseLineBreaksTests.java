package org.tongxin.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 避头尾: no line starts with closing punctuation or ends with an opening one; numbers stay whole. */
class ChineseLineBreaksTests {

    /** Whether a line may break after the character at {@code index}. */
    static boolean breaksAfter(String text, int index) {
        char[] chars = text.toCharArray();
        return ChineseLineBreaks.INSTANCE.isSplitCharacter(0, index, chars.length, chars, null);
    }

    @Test
    void breaksBetweenChineseCharacters() {
        assertThat(breaksAfter("社区矫正", 1)).isTrue();
        assertThat(breaksAfter("第123号", 0)).isTrue();
        assertThat(breaksAfter("第123号", 3)).isTrue();
    }

    @Test
    void neverBeforeClosingOrAfterOpeningPunctuation() {
        assertThat(breaksAfter("日前，持本", 1)).as("before ，").isFalse();
        assertThat(breaksAfter("决定），对", 1)).as("before ）").isFalse();
        assertThat(breaksAfter("警告。", 1)).as("before 。").isFalse();
        assertThat(breaksAfter("经《中华", 1)).as("after 《").isFalse();
        assertThat(breaksAfter("经（2025）", 1)).as("after （").isFalse();
        assertThat(breaksAfter("日前，持本", 2)).as("after ，").isTrue();
    }

    @Test
    void keepsNumbersAndLatinWordsWholeAndBreaksAtSpaces() {
        String id = "号码369902198805123410。";
        for (int i = 2; i < id.length() - 2; i++) {
            assertThat(breaksAfter(id, i)).as("inside the number at " + i).isFalse();
        }
        assertThat(breaksAfter("0700-8100740", 4)).isFalse();
        assertThat(breaksAfter("Room 502", 4)).isTrue();
        assertThat(breaksAfter("Room 502", 2)).isFalse();
    }
}
