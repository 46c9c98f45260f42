package org.tongxin.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholders: values, blanks to fill in by hand, fallbacks, yes/no choices; values are only ever text. */
class TemplateTextTests {

    static String fill(String template, Map<String, String> values) {
        return TemplateText.fill(template, new TemplateValues(values));
    }

    @Test
    void fillsPlaceholdersWithTheirValues() {
        assertThat(fill("被告人${subjectName}涉嫌${offence}一案", Map.of("subjectName", "李明轩", "offence", "危险驾驶罪")))
                .isEqualTo("被告人李明轩涉嫌危险驾驶罪一案");
    }

    @Test
    void aMissingOrBlankValuePrintsAVisibleBlankLine() {
        Map<String, String> values = new HashMap<>();
        values.put("gender", "   ");
        values.put("address", null);
        assertThat(fill("性别：${gender}；住址：${address}；姓名：${subjectName}", values))
                .isEqualTo("性别：________；住址：________；姓名：________");
        assertThat(TemplateText.BLANK).contains("____");
    }

    @Test
    void unknownKeysAreIgnoredAndANullMapIsNoValues() {
        assertThat(fill("${a}", Map.of("b", "x", "c", "y"))).isEqualTo(TemplateText.BLANK);
        assertThat(fill("${a|无}", null)).isEqualTo("无");
    }

    @Test
    void aFallbackTextStandsInForAMissingValue() {
        assertThat(fill("${missingItems|无}", Map.of())).isEqualTo("无");
        assertThat(fill("${missingItems|无}", Map.of("missingItems", "判决书"))).isEqualTo("判决书");
        assertThat(fill("${documentNumber|（　　）　字第　号}", Map.of())).isEqualTo("（　　）　字第　号");
    }

    @Test
    void aChoicePrintsOneTextWhenTheValueSaysYesAndTheOtherOtherwise() {
        String t = "${expedited?五:十}个工作日";
        assertThat(fill(t, Map.of("expedited", "true"))).isEqualTo("五个工作日");
        assertThat(fill(t, Map.of("expedited", "是"))).isEqualTo("五个工作日");
        assertThat(fill(t, Map.of("expedited", "false"))).isEqualTo("十个工作日");
        assertThat(fill(t, Map.of("expedited", "否"))).isEqualTo("十个工作日");
        assertThat(fill(t, Map.of())).isEqualTo("十个工作日");
        assertThat(fill("${x?有:}", Map.of())).isEmpty();
    }

    @Test
    void valuesAreTextNeverPlaceholdersOrMarkup() {
        Map<String, String> values = Map.of(
                "subjectName", "${idNumber}", "idNumber", "369902198805123410", "address", "$1 \\ <b>x</b> %s {0}");
        assertThat(fill("${subjectName}", values)).isEqualTo("${idNumber}");
        assertThat(fill("${address}", values)).isEqualTo("$1 \\ <b>x</b> %s {0}");
    }

    @Test
    void controlAndInvisibleCharactersAreRemovedLineBreaksKept() {
        assertThat(fill("${a}", Map.of("a", "张\u0000三\u202E\u200B\r\n第二行\t末"))).isEqualTo("张三\n第二行 末");
    }

    @Test
    void isoDatesAndTimesPrintTheChineseWay() {
        assertThat(fill("${d}", Map.of("d", "2025-03-10"))).isEqualTo("2025年3月10日");
        assertThat(fill("${d}", Map.of("d", "2025-04-02T10:30"))).isEqualTo("2025年4月2日10时30分");
        assertThat(fill("${d}", Map.of("d", "2025-13-45"))).isEqualTo("2025-13-45");
        assertThat(fill("${d}", Map.of("d", "2025年3月10日"))).isEqualTo("2025年3月10日");
    }

    @Test
    void namesTheKeysALineUsesAndWhetherAllHaveValues() {
        String line = "抄送：${copyTo}、${other|无}、${flag?是:否}";
        assertThat(TemplateText.keys(line)).containsExactly("copyTo", "other", "flag");
        assertThat(TemplateText.complete(line, new TemplateValues(Map.of("copyTo", "x", "other", "y"))))
                .isFalse();
        assertThat(TemplateText.complete(line, new TemplateValues(Map.of("copyTo", "x", "other", "y", "flag", "1"))))
                .isTrue();
    }
}
