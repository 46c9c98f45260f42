package org.tongxin.policy;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.tongxin.shared.web.Languages;

/**
 * A text a rule rests on: a law (社区矫正法, 刑事诉讼法), the Implementation Measures, a provincial implementing rule, a
 * city's local policy, or the policy model's own setting. {@code articles} holds the verbatim text of each article the
 * project ships (paragraphs in order), empty when the text is not shipped; {@code repealedOn} is the first day on which
 * the text no longer applies. The catalogue is data: {@code src/main/resources/law/instruments.json}.
 */
public record LegalInstrument(
        String code,
        Kind kind,
        String titleZh,
        String shortZh,
        String titleEn,
        String shortEn,
        String issuer,
        String documentNumber,
        LocalDate adopted,
        LocalDate effectiveFrom,
        LocalDate repealedOn,
        String source,
        Map<Integer, java.util.List<String>> articles) {

    /** What sort of text it is; it decides how an article is cited. */
    public enum Kind {
        LAW,
        MEASURES,
        PROVINCIAL,
        LOCAL,
        MODEL
    }

    public LegalInstrument {
        articles = articles == null ? Map.of() : Map.copyOf(articles);
    }

    /** Whether the text applies on {@code day}: in force and not yet repealed. */
    public boolean inForce(LocalDate day) {
        return (effectiveFrom == null || !day.isBefore(effectiveFrom))
                && (repealedOn == null || day.isBefore(repealedOn));
    }

    /** The verbatim text of an article (paragraphs joined by a line break), or null when it is not shipped. */
    public String text(int article) {
        java.util.List<String> paragraphs = articles.get(article);
        return paragraphs == null ? null : String.join("\n", paragraphs);
    }

    /** Whether the article's text is shipped. */
    public boolean hasText() {
        return !articles.isEmpty();
    }

    public String shortName(Locale locale) {
        return Languages.pick(locale, shortZh, shortEn);
    }
}
