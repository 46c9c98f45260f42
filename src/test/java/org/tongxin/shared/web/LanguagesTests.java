package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTests {

    @Test
    void englishReadersGetTheEnglishNameAndEveryoneElseTheChinese() {
        assertThat(Languages.pick(Locale.ENGLISH, "司法局", "Justice Bureau")).isEqualTo("Justice Bureau");
        assertThat(Languages.pick(Locale.UK, "司法局", "Justice Bureau")).isEqualTo("Justice Bureau");
        assertThat(Languages.pick(Locale.SIMPLIFIED_CHINESE, "司法局", "Justice Bureau"))
                .isEqualTo("司法局");
        assertThat(Languages.pick(Locale.FRENCH, "司法局", "Justice Bureau")).isEqualTo("司法局");
        assertThat(Languages.pick(null, "司法局", "Justice Bureau")).isEqualTo("司法局");
    }

    @Test
    void pickKeepsWhatIsStoredEvenWhenTheEnglishIsMissing() {
        assertThat(Languages.pick(Locale.ENGLISH, "司法局", null)).isNull();
        assertThat(Languages.pick(Locale.ENGLISH, "司法局", "")).isEmpty();
    }

    @Test
    void pickOrChineseFallsBackToTheChineseWhereNoEnglishIsKept() {
        assertThat(Languages.pickOrChinese(Locale.ENGLISH, "司法局", null)).isEqualTo("司法局");
        assertThat(Languages.pickOrChinese(Locale.ENGLISH, "司法局", "  ")).isEqualTo("司法局");
        assertThat(Languages.pickOrChinese(Locale.ENGLISH, "司法局", "Justice Bureau"))
                .isEqualTo("Justice Bureau");
        assertThat(Languages.pickOrChinese(Locale.CHINESE, "司法局", "Justice Bureau"))
                .isEqualTo("司法局");
        assertThat(Languages.pickOrChinese(null, "司法局", "Justice Bureau")).isEqualTo("司法局");
    }

    @Test
    void onlyEnglishCountsAsEnglish() {
        assertThat(Languages.english(Locale.ENGLISH)).isTrue();
        assertThat(Languages.english(Locale.US)).isTrue();
        assertThat(Languages.english(Locale.SIMPLIFIED_CHINESE)).isFalse();
        assertThat(Languages.english(Locale.GERMAN)).isFalse();
        assertThat(Languages.english(null)).isFalse();
    }
}
