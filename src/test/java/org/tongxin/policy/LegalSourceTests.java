package org.tongxin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LegalSourceTests {

    @Test
    void sourcesAreReadWithTheirOwnConfidenceAndWhatTheySupport() {
        List<LegalSource> sources = LegalSource.parse("CCL 32 [V step, organ]; IM 40 [R deadline]", "V/R");
        assertThat(sources).extracting(LegalSource::code).containsExactly("CCL", "IM");
        assertThat(sources.get(0).supports(LegalSource.Aspect.DEADLINE)).isFalse();
        assertThat(sources.get(1).supports(LegalSource.Aspect.DEADLINE)).isTrue();
        assertThat(LegalSource.combined(sources)).isEqualTo("V/R");
        assertThat(LegalSource.explicit("CCL 32 [V step, organ]; IM 40 [R deadline]"))
                .isTrue();
    }

    @Test
    void articlesAreCitedInTheLawsWordsInBothLanguages() {
        LegalSource two = LegalSource.parse("CCL 29, 34 [V]", null).getFirst();
        assertThat(two.citation(Locale.CHINESE)).isEqualTo("《社区矫正法》第二十九条、第三十四条");
        assertThat(two.citation(Locale.ENGLISH)).isEqualTo("Community Correction Law, arts. 29, 34");
        LegalSource range = LegalSource.parse("CCL 35–42 [V]", null).getFirst();
        assertThat(range.citation(Locale.CHINESE)).isEqualTo("《社区矫正法》第三十五条至第四十二条");
        assertThat(range.citation(Locale.ENGLISH)).isEqualTo("Community Correction Law, arts. 35–42");
        assertThat(range.citedArticles()).hasSize(8);
        LegalSource cpl = LegalSource.parse("CPL 105 [V]", null).getFirst();
        assertThat(cpl.citation(Locale.CHINESE)).isEqualTo("《刑事诉讼法》第一百零五条");
        assertThat(cpl.text()).contains("期间的最后一日为节假日的");
        assertThat(ChineseNumerals.of(110)).isEqualTo("一百一十");
        assertThat(ChineseNumerals.of(10)).isEqualTo("十");
        assertThat(ChineseNumerals.of(286)).isEqualTo("二百八十六");
    }

    @Test
    void olderBasesWithoutConfidenceTakeTheStepsAndKeepUnknownTextsAsWritten() {
        List<LegalSource> old = LegalSource.parse("CCL 22; IM 19", "V/R");
        assertThat(old).extracting(LegalSource::confidence).containsExactly("V", "R");
        assertThat(LegalSource.explicit("CCL 22; IM 19")).isFalse();
        LegalSource local = LegalSource.parse("北京市实施细则", "R").getFirst();
        assertThat(local.code()).isNull();
        assertThat(local.citation(Locale.ENGLISH)).isEqualTo("北京市实施细则");
        assertThat(LegalSource.combined(LegalSource.parse("CCL 24 [V step, organ]; CITYA [P deadline]", null)))
                .isEqualTo("P");
    }

    @Test
    void theCommunityCorrectionLawIsShippedWholeWithItsDates() {
        LegalInstrument ccl = LegalTexts.standard().instrument("CCL").orElseThrow();
        assertThat(ccl.articles()).hasSize(63);
        assertThat(ccl.effectiveFrom()).hasToString("2020-07-01");
        assertThat(ccl.text(63)).isEqualTo("本法自2020年7月1日起施行。");
        assertThat(LegalTexts.standard().text("IM", 14)).isNull();
    }
}
