package org.tongxin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.support.IntegrationTest;

/**
 * Every rule with its source and confidence (issue 11), checked over every step of every model in force on the models'
 * first day and on a recent day — so a step another process adds to the catalogue is checked the same way: its legal
 * basis names each source with its own confidence, the sources cover the step, the organ that owes it and its deadline,
 * the step's confidence is the one its sources give, no source is a text repealed on that day, every cited article of a
 * law whose text is shipped exists in it, and a variant's own rows cite the region's rule instead of inheriting the
 * baseline's article.
 */
@IntegrationTest
class PolicySourcesIntegrationTests {

    @Autowired
    PolicyModels policies;

    static final List<LocalDate> DAYS = List.of(LocalDate.of(2020, 7, 1), LocalDate.of(2026, 3, 2));

    @Test
    void everyStepOfEveryModelInForceNamesItsSourcesWithTheirConfidence() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (PolicyModels.ModelView model : policies.models()) {
            for (LocalDate day : DAYS) {
                ResolvedPolicy policy = policies.inForce(model.region(), day);
                ResolvedPolicy parent = model.parentId() == null
                        ? null
                        : policies.models().stream()
                                .filter(m -> m.id().equals(model.parentId()))
                                .findFirst()
                                .map(m -> policies.inForce(m.region(), day))
                                .orElseThrow();
                for (ProcedureStep step : policy.steps()) {
                    checked++;
                    String where = model.region() + " " + day + " " + step.id() + " (" + step.legalBasis() + "): ";
                    if (!LegalSource.explicit(step.legalBasis())) {
                        problems.add(where + "not every source names a known instrument and its confidence");
                        continue;
                    }
                    List<LegalSource> sources = step.sources();
                    for (LegalSource.Aspect aspect : LegalSource.Aspect.values()) {
                        if (aspect == LegalSource.Aspect.DEADLINE
                                && step.deadline().kind() == DeadlineKind.NONE) {
                            continue;
                        }
                        if (sources.stream().noneMatch(s -> s.supports(aspect))) {
                            problems.add(where + "no source for " + aspect);
                        }
                    }
                    if (!LegalSource.combined(sources).equals(step.confidence())) {
                        problems.add(where + "confidence " + step.confidence() + " but its sources give "
                                + LegalSource.combined(sources));
                    }
                    for (LegalSource source : sources) {
                        if (!source.inForce(day)) {
                            problems.add(where + source.code() + " is not in force on " + day);
                        }
                        LegalInstrument instrument = source.instrument();
                        if (instrument.kind() == LegalInstrument.Kind.LAW && !"V".equals(source.confidence())) {
                            problems.add(
                                    where + "an article of a law shipped in full is cited as " + source.confidence());
                        }
                        if (instrument.kind() != LegalInstrument.Kind.LAW && "V".equals(source.confidence())) {
                            problems.add(where + source.code() + " has no full text to check against, yet claims V");
                        }
                        if (instrument.hasText()) {
                            source.citedArticles().stream()
                                    .filter(a -> a.text() == null)
                                    .forEach(a -> problems.add(where + a.citationEn() + " has no shipped text"));
                        }
                    }
                    if (parent != null
                            && (step.origin() == ProcedureStep.Origin.OVERRIDDEN
                                    || step.origin() == ProcedureStep.Origin.ADDED)) {
                        boolean own = sources.stream()
                                .map(LegalSource::instrument)
                                .anyMatch(i -> i.kind() == LegalInstrument.Kind.PROVINCIAL
                                        || i.kind() == LegalInstrument.Kind.LOCAL);
                        if (!own) {
                            problems.add(where + "a region's own row cites no rule of the region");
                        }
                        parent.step(step.id())
                                .filter(p -> p.legalBasis().equals(step.legalBasis()))
                                .ifPresent(p -> problems.add(where + "an override inherits the baseline's basis"));
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(4 * 2 * 60);
        assertThat(problems).isEmpty();
    }

    @Test
    void cityAsOwnPeriodsAreLocalPolicyAndNeverClaimTheBaselinesArticle() {
        ResolvedPolicy cityA = policies.inForce("369900", LocalDate.of(2026, 3, 2));
        Stream.of("plan.make", "procuratorate.reply").map(cityA::require).forEach(step -> {
            assertThat(step.confidence()).isEqualTo("P");
            assertThat(step.sources())
                    .filteredOn(s -> s.supports(LegalSource.Aspect.DEADLINE))
                    .extracting(LegalSource::code)
                    .containsExactly("CITYA");
        });
        assertThat(cityA.require("plan.make").deadline()).isEqualTo(DeadlineRule.of(DeadlineKind.MONTHS, 1));
    }

    @Test
    void beijingsPeriodsFromTheRepealedMeasuresNoLongerApply() {
        ResolvedPolicy beijing = policies.inForce("110000", LocalDate.of(2026, 3, 2));
        ResolvedPolicy baseline = policies.inForce(PolicyModels.NATIONAL, LocalDate.of(2026, 3, 2));
        for (String id : List.of("move.reply", "move.transfer")) {
            assertThat(beijing.require(id).deadline())
                    .isEqualTo(baseline.require(id).deadline());
            assertThat(beijing.require(id).origin()).isEqualTo(ProcedureStep.Origin.INHERITED);
        }
        assertThat(LegalTexts.standard().instrument("BJ2012").orElseThrow().inForce(LocalDate.of(2020, 7, 1)))
                .isFalse();
        assertThat(LegalTexts.standard().instrument("M2012").orElseThrow().inForce(LocalDate.of(2019, 7, 1)))
                .isTrue();
    }

    @Test
    void aStepCitesTheArticleInTheLawsWordsWithItsText() {
        ProcedureStep announce = policies.inForce(PolicyModels.NATIONAL, LocalDate.of(2026, 3, 2))
                .require("intake.announce");
        assertThat(announce.confidence()).isEqualTo("V/R");
        LegalSource ccl = announce.sources().getFirst();
        assertThat(ccl.citation(java.util.Locale.CHINESE)).isEqualTo("《社区矫正法》第二十二条");
        assertThat(ccl.citation(java.util.Locale.ENGLISH)).isEqualTo("Community Correction Law, art. 22");
        assertThat(ccl.citedArticles().getFirst().text()).startsWith("社区矫正机构应当依法接收社区矫正对象");
        LegalSource im = announce.sources().get(1);
        assertThat(im.confidence()).isEqualTo("R");
        assertThat(im.citedArticles().getFirst().text()).isNull();
        assertThat(im.citation(java.util.Locale.CHINESE)).isEqualTo("《社区矫正法实施办法》第十九条");
    }
}
