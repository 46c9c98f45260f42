package org.tongxin.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The shipped list of charges (罪名) and how pages and documents name a case's charges. */
class ChargesTests {

    @Test
    void theListHoldsTheCriminalLawsChargesByTheirDeterminedNames() {
        List<Charges.Charge> all = Charges.standard().all();
        assertThat(all).hasSize(483);
        assertThat(all)
                .extracting(Charges.Charge::name)
                .doesNotHaveDuplicates()
                .allMatch(n -> n.endsWith("罪"))
                .contains("盗窃罪", "诈骗罪", "危险驾驶罪", "帮助信息网络犯罪活动罪", "袭警罪", "高空抛物罪", "走私、贩卖、运输、制造毒品罪", "骗购外汇罪")
                // Not charges: a category, a summary's words, a form of conviction under another charge.
                .doesNotContain("侵犯财产罪", "盗窃", "转化的抢劫罪");
        // Articles of the Criminal Law, or the year and article of a separate decision of the NPC Standing Committee.
        assertThat(all)
                .extracting(Charges.Charge::articles)
                .allMatch(a -> a.matches("\\d{3}(之[一二三四五六])?(、\\d{3}(之[一二三四五六])?)*") || a.matches("\\d{4}决定第\\d+条"));
        // The 1998 decision on fraudulent purchase of foreign exchange, beside the Criminal Law's evasion of foreign
        // exchange.
        List<String> names = all.stream().map(Charges.Charge::name).toList();
        assertThat(names.indexOf("骗购外汇罪")).isEqualTo(names.indexOf("逃汇罪") + 1);
        assertThat(Charges.standard().find("骗购外汇罪"))
                .map(Charges.Charge::articles)
                .hasValue("1998决定第1条");
        assertThat(Charges.standard().find("危险驾驶罪"))
                .map(Charges.Charge::articles)
                .hasValue("133之一");
        assertThat(Charges.standard().known(" 盗窃罪 ")).isTrue();
        assertThat(Charges.standard().known("盗窃罪罪")).isFalse();
        assertThat(Charges.standard().known(null)).isFalse();
    }

    @Test
    void aCaseWithoutChargesShowsThatNoneWereRecorded() {
        assertThat(Charges.display(List.of(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("未录入");
        assertThat(Charges.display(null, Locale.ENGLISH)).isEqualTo("Not recorded");
        assertThat(Charges.display(List.of("盗窃罪", "诈骗罪"), Locale.ENGLISH)).isEqualTo("盗窃罪、诈骗罪");
        assertThat(Charges.normalise(java.util.Arrays.asList(" 盗窃罪", null, "", "盗窃罪", "诈骗罪")))
                .containsExactly("盗窃罪", "诈骗罪");
    }
}
