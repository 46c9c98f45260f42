package org.tongxin.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The organs' abbreviations (机关代字) in their document numbers, for City A's kinds of organ. */
class AgencyAbbreviationsTests {

    @Test
    void thePlaceWithoutItsSuffixAndAWordForTheKindOfOrgan() {
        assertThat(AgencyAbbreviations.of("城东区社区矫正管理局", AgencyType.CORRECTION_AGENCY))
                .isEqualTo("城东矫");
        assertThat(AgencyAbbreviations.of("白河县社区矫正管理局", AgencyType.CORRECTION_AGENCY))
                .isEqualTo("白河矫");
        assertThat(AgencyAbbreviations.of("城东区人民法院", AgencyType.BASIC_COURT)).isEqualTo("城东法");
        assertThat(AgencyAbbreviations.of("A市中级人民法院", AgencyType.INTERMEDIATE_COURT))
                .isEqualTo("A市中法");
        assertThat(AgencyAbbreviations.of("城西区人民检察院", AgencyType.PROCURATORATE)).isEqualTo("城西检");
        assertThat(AgencyAbbreviations.of("A市社区矫正委员会办公室", AgencyType.COORDINATION_OFFICE))
                .isEqualTo("A市矫委");
        assertThat(AgencyAbbreviations.of("东门街道司法所", AgencyType.JUDICIAL_OFFICE))
                .isEqualTo("东门司所");
        assertThat(AgencyAbbreviations.of("石桥村村民委员会", AgencyType.COMMUNITY_COMMITTEE))
                .isEqualTo("石桥村");
        assertThat(AgencyAbbreviations.of("东门社区居民委员会", AgencyType.COMMUNITY_COMMITTEE))
                .isEqualTo("东门居");
        assertThat(AgencyAbbreviations.of("司法部社区矫正管理局", AgencyType.CORRECTION_AGENCY))
                .isEqualTo("司矫");
        assertThat(AgencyAbbreviations.of("A市人力资源和社会保障局", AgencyType.HRSS_BUREAU))
                .isEqualTo("A市人社");
    }
}
