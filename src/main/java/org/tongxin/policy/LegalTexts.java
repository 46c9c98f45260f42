package org.tongxin.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts the policy models cite (issue 11, "the law's own words"): the Community Correction Law in full and the
 * cited articles of the Criminal Procedure Law, verbatim and dated, and the other instruments by title, document number
 * and dates only. Laws are not subject to copyright in China (Copyright Law art. 5). The catalogue is read once from
 * {@code law/instruments.json} and the article files it names; it is immutable data shipped with the application, like
 * the templates, so every module may read it without a bean.
 */
public final class LegalTexts {

    private static final LegalTexts STANDARD = load("law/instruments.json");

    private final Map<String, LegalInstrument> instruments;

    private LegalTexts(Map<String, LegalInstrument> instruments) {
        this.instruments = instruments;
    }

    /** The catalogue shipped with the application. */
    public static LegalTexts standard() {
        return STANDARD;
    }

    public Optional<LegalInstrument> instrument(String code) {
        return Optional.ofNullable(code == null ? null : instruments.get(code));
    }

    public List<LegalInstrument> instruments() {
        return List.copyOf(instruments.values());
    }

    /** The verbatim text of an article, or null when the instrument or its text is not shipped. */
    public String text(String code, int article) {
        return instrument(code).map(i -> i.text(article)).orElse(null);
    }

    private static LegalTexts load(String resource) {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode root = read(json, resource);
        Map<String, LegalInstrument> map = new LinkedHashMap<>();
        for (JsonNode entry : root.path("instruments")) {
            JsonNode data = entry;
            Map<Integer, List<String>> articles = new TreeMap<>();
            if (entry.hasNonNull("articles")) {
                data = read(json, entry.get("articles").asString());
                for (Map.Entry<String, JsonNode> a : data.path("articles").properties()) {
                    List<String> paragraphs = new ArrayList<>();
                    a.getValue().forEach(p -> paragraphs.add(p.asString()));
                    articles.put(Integer.parseInt(a.getKey()), List.copyOf(paragraphs));
                }
            }
            String code = entry.get("code").asString();
            map.put(
                    code,
                    new LegalInstrument(
                            code,
                            LegalInstrument.Kind.valueOf(entry.get("kind").asString()),
                            text(data, "titleZh"),
                            text(data, "shortZh"),
                            text(data, "titleEn"),
                            text(data, "shortEn"),
                            text(data, "issuer"),
                            text(data, "documentNumber"),
                            date(data, "adopted"),
                            date(data, "effectiveFrom"),
                            date(data, "repealedOn"),
                            text(data, "source"),
                            articles));
        }
        return new LegalTexts(java.util.Collections.unmodifiableMap(map));
    }

    private static JsonNode read(JsonMapper json, String resource) {
        try (InputStream in = LegalTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static LocalDate date(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : LocalDate.parse(v);
    }
}
