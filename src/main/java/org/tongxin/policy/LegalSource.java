package org.tongxin.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.shared.web.Languages;

/**
 * One source of a step: an instrument of {@link LegalTexts} (by code), the articles cited, the source's own confidence
 * (V checked against the full text, R from secondary sources, P local policy) and what of the step it supports (the step
 * itself, the organ that owes it, its deadline). A step's legal basis lists its sources separated by ";", each written
 * {@code CODE [articles] [confidence aspects]}: {@code CCL 22 [V step, organ]; IM 19 [R deadline]}. A source without
 * aspects supports all three. Older versions wrote only {@code CCL 22; IM 19}: their sources' confidence is then read
 * from the step's (V/R: a law's article V, the rest R) and a text that names no known instrument is kept as written.
 */
// The derived properties come after the components in the order they are declared: without the annotation their order
// is the order reflection happens to list the methods in, which a change elsewhere in the class can reshuffle.
@JsonPropertyOrder({
    "code",
    "written",
    "numbers",
    "range",
    "confidence",
    "aspects",
    "repealedOn",
    "articles",
    "citation",
    "citationEn"
})
public record LegalSource(
        String code, String written, List<Integer> numbers, boolean range, String confidence, Set<Aspect> aspects) {

    /** What of a step a source supports. */
    public enum Aspect {
        STEP,
        ORGAN,
        DEADLINE
    }

    private static final Pattern SOURCE = Pattern.compile(
            "^\\s*([A-Z][A-Z0-9]*)(?:\\s+(\\d+(?:\\s*[–-]\\s*\\d+|(?:\\s*[,，、]\\s*\\d+)*)))?\\s*(?:\\[\\s*(V|R|P)((?:\\s*["
                + " ,]\\s*(?:step|organ|deadline))*)\\s*])?\\s*$");

    public LegalSource {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        aspects = aspects == null || aspects.isEmpty() ? EnumSet.allOf(Aspect.class) : EnumSet.copyOf(aspects);
    }

    /** The sources of a legal basis as written in a step; {@code stepConfidence} fills in what older versions left out. */
    public static List<LegalSource> parse(String legalBasis, String stepConfidence) {
        List<LegalSource> sources = new ArrayList<>();
        if (legalBasis == null || legalBasis.isBlank()) {
            return sources;
        }
        for (String part : legalBasis.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = SOURCE.matcher(part);
            if (!m.matches() || LegalTexts.standard().instrument(m.group(1)).isEmpty()) {
                sources.add(new LegalSource(null, part.trim(), List.of(), false, fallback(null, stepConfidence), null));
                continue;
            }
            String code = m.group(1);
            List<Integer> articles = new ArrayList<>();
            boolean range = false;
            if (m.group(2) != null) {
                String written = m.group(2);
                if (written.matches(".*[–-].*")) {
                    String[] ends = written.split("[–-]");
                    int from = Integer.parseInt(ends[0].trim());
                    int to = Integer.parseInt(ends[1].trim());
                    for (int a = from; a <= to; a++) {
                        articles.add(a);
                    }
                    range = true;
                } else {
                    for (String a : written.split("[,，、]")) {
                        articles.add(Integer.parseInt(a.trim()));
                    }
                }
            }
            Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
            if (m.group(4) != null) {
                for (String a : m.group(4).trim().split("[ ,]+")) {
                    if (!a.isBlank()) {
                        aspects.add(Aspect.valueOf(a.toUpperCase(Locale.ROOT)));
                    }
                }
            }
            String confidence = m.group(3) != null ? m.group(3) : fallback(code, stepConfidence);
            sources.add(new LegalSource(code, part.trim(), articles, range, confidence, aspects));
        }
        return sources;
    }

    /** Whether a legal basis is written in the form with each source's own confidence (what new versions must use). */
    public static boolean explicit(String legalBasis) {
        if (legalBasis == null || legalBasis.isBlank()) {
            return false;
        }
        for (String part : legalBasis.split(";")) {
            Matcher m = SOURCE.matcher(part);
            if (!m.matches()
                    || m.group(3) == null
                    || LegalTexts.standard().instrument(m.group(1)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A step's confidence from its sources: V, R or V/R from the statutory and secondary sources; P as soon as any part of
     * the rule is local policy or the model's own setting (the rule as applied is then not the law's, whatever articles it
     * also cites; each source keeps its own confidence next to its citation).
     */
    public static String combined(List<LegalSource> sources) {
        Set<String> kinds = new LinkedHashSet<>();
        sources.forEach(s -> kinds.add(s.confidence()));
        if (kinds.contains("P")) {
            return "P";
        }
        if (kinds.contains("V") && kinds.contains("R")) {
            return "V/R";
        }
        return kinds.contains("V") ? "V" : kinds.contains("R") ? "R" : null;
    }

    private static String fallback(String code, String stepConfidence) {
        if (stepConfidence == null || stepConfidence.isBlank()) {
            return "R";
        }
        if (!stepConfidence.contains("/")) {
            return stepConfidence;
        }
        boolean law = code != null
                && LegalTexts.standard()
                        .instrument(code)
                        .map(i -> i.kind() == LegalInstrument.Kind.LAW)
                        .orElse(false);
        return law ? "V" : "R";
    }

    @JsonIgnore
    public LegalInstrument instrument() {
        return LegalTexts.standard().instrument(code).orElse(null);
    }

    /** Whether the source's text applies on {@code day} (a text repealed before it does not). */
    public boolean inForce(LocalDate day) {
        LegalInstrument i = instrument();
        return i == null || i.inForce(day);
    }

    /** The day its text was repealed, or null. */
    @JsonProperty("repealedOn")
    public LocalDate repealedOn() {
        LegalInstrument i = instrument();
        return i == null ? null : i.repealedOn();
    }

    public boolean supports(Aspect aspect) {
        return aspects.contains(aspect);
    }

    /** The citation in words: 《社区矫正法》第二十二条, "Community Correction Law, art. 22". */
    public String citation(Locale locale) {
        LegalInstrument i = instrument();
        if (i == null) {
            return written;
        }
        boolean en = Languages.english(locale);
        String name = en ? i.shortEn() : "《" + i.shortZh() + "》";
        if (i.kind() == LegalInstrument.Kind.MODEL) {
            name = en ? i.shortEn() : i.shortZh();
        }
        if (numbers.isEmpty()) {
            return name;
        }
        if (en) {
            String list = range
                    ? numbers.getFirst() + "–" + numbers.getLast()
                    : String.join(", ", numbers.stream().map(String::valueOf).toList());
            return name + ", " + (numbers.size() > 1 ? "arts. " : "art. ") + list;
        }
        if (range) {
            return name + "第" + ChineseNumerals.of(numbers.getFirst()) + "条至第" + ChineseNumerals.of(numbers.getLast())
                    + "条";
        }
        return name
                + String.join(
                        "、",
                        numbers.stream()
                                .map(a -> "第" + ChineseNumerals.of(a) + "条")
                                .toList());
    }

    /** One cited article with its citation and verbatim text (null when the text is not shipped). */
    public record Article(String code, int number, String citation, String citationEn, String text) {}

    /** The articles cited, each with its text where it is shipped. */
    @JsonProperty("articles")
    public List<Article> citedArticles() {
        LegalInstrument i = instrument();
        if (i == null) {
            return List.of();
        }
        return numbers.stream()
                .map(a -> {
                    LegalSource one = new LegalSource(code, code + " " + a, List.of(a), false, confidence, aspects);
                    return new Article(code, a, one.citation(Locale.CHINESE), one.citation(Locale.ENGLISH), i.text(a));
                })
                .toList();
    }

    @JsonProperty("citation")
    public String citationZh() {
        return citation(Locale.CHINESE);
    }

    @JsonProperty("citationEn")
    public String citationEn() {
        return citation(Locale.ENGLISH);
    }

    /** The texts of the cited articles joined for a tooltip, or null when none is shipped. */
    public String text() {
        List<String> texts = citedArticles().stream()
                .filter(a -> a.text() != null)
                .map(a -> a.citation() + "：" + a.text())
                .toList();
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    /** Whether this source cites {@code article} of the instrument {@code code}. */
    public boolean cites(String instrumentCode, int article) {
        return instrumentCode.equals(code) && numbers.contains(article);
    }
}
