package org.tongxin.policy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.tongxin.policy.DeadlineKind;
import org.tongxin.policy.DeadlineRule;
import org.tongxin.policy.Organ;

/** Deadlines and organs in words, as a new staff member reads them, in Chinese and English. */
class PolicyTextsTests {

    final PolicyTexts texts = new PolicyTexts(messages(), null);

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/policy");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void immediatelyAndPromptlyAreTwoAlertsSaidInWordsWithTheirHours() {
        org.tongxin.policy.PolicySettings settings =
                org.tongxin.policy.PolicySettings.of(2, 24, 2, 2, org.tongxin.policy.PolicySettings.BUILT_IN);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.IMMEDIATELY, null), settings))
                .isEqualTo("立即：须马上办理，2 小时未办即提醒");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.PROMPTLY, null), settings))
                .isEqualTo("及时：须尽快办理，24 小时未办即提醒");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 5), settings))
                .isEqualTo("5 日");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.IMMEDIATELY, null), settings))
                .isEqualTo("Immediately: at once, alert after 2 hours");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.PROMPTLY, null), settings))
                .isEqualTo("Promptly: without delay, alert after 24 hours");
    }

    @Test
    void aLegalBasisReadsInTheLawsWords() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.basis("CCL 22 [V step, organ]; IM 19 [R deadline]")).isEqualTo("《社区矫正法》第二十二条；《社区矫正法实施办法》第十九条");
        assertThat(texts.basis(null)).isEqualTo("—");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.basis("CCL 22; IM 19"))
                .isEqualTo("Community Correction Law, art. 22; Implementation Measures, art. 19");
    }

    @Test
    void deadlinesInChinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 5)))
                .isEqualTo("5 日");
        assertThat(texts.deadline(new DeadlineRule(DeadlineKind.WORKING_DAYS, 10, 5)))
                .isEqualTo("10 个工作日（速裁 5）");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.MONTHS, 1))).isEqualTo("1 个月");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.HOURS, 48))).isEqualTo("48 小时");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.IMMEDIATELY, null)))
                .isEqualTo("立即");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.PROMPTLY, null))).isEqualTo("及时");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.AT_EVENT, null))).isEqualTo("事件发生时");
        assertThat(texts.organs(List.of(Organ.PROCURATORATE, Organ.POLICE))).isEqualTo("人民检察院、公安机关");
        assertThat(texts.organ(Organ.COUNTY_AGENCY)).isEqualTo("社区矫正机构");
    }

    @Test
    void deadlinesInEnglishWithSingularAndPlural() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 5)))
                .isEqualTo("5 days");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.CALENDAR_DAYS, 1)))
                .isEqualTo("1 day");
        assertThat(texts.deadline(new DeadlineRule(DeadlineKind.WORKING_DAYS, 10, 5)))
                .isEqualTo("10 working days (5 expedited)");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.MONTHS, 1))).isEqualTo("1 month");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.IMMEDIATELY, null)))
                .isEqualTo("immediately");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.PROMPTLY, null))).isEqualTo("promptly");
        assertThat(texts.deadline(DeadlineRule.of(DeadlineKind.AT_EVENT, null))).isEqualTo("at the event");
        assertThat(texts.organs(List.of(Organ.PROCURATORATE, Organ.POLICE)))
                .isEqualTo("Procuratorate, Public security");
    }

    @Test
    void everyOrganAndDeadlineKindHasWordsInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            LocaleContextHolder.setLocale(locale);
            for (Organ organ : Organ.values()) {
                assertThat(texts.organ(organ)).doesNotStartWith("policy.");
            }
            for (DeadlineKind kind : DeadlineKind.values()) {
                assertThat(texts.deadline(new DeadlineRule(kind, kind.counted() ? 2 : null, null)))
                        .doesNotStartWith("policy.");
            }
        }
    }
}
