package org.tongxin.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tongxin.shared.web.Languages;

/**
 * The charges (罪名) a case may name: the offences of the Criminal Law by the names the Supreme People's Court and the
 * Supreme People's Procuratorate determine, shipped as data ({@code casefile/charges.txt}, its origin and coverage in
 * doc/charges.md). A case names one or more of them exactly; documents say "涉嫌盗窃罪一案" with them, never the
 * free-text offence summary.
 */
public final class Charges {

    /** Shown where a case opened before charges were recorded has none. */
    public static final String NOT_RECORDED_ZH = "未录入";

    /** At most this many charges per case (a joint sentence for several offences names each one). */
    public static final int MAX_PER_CASE = 10;

    private static final Charges STANDARD = load("casefile/charges.txt");

    /**
     * One charge: its name and the articles of the Criminal Law it rests on (e.g. {@code 264}, {@code 133之一}), or, for a
     * charge a separate decision of the NPC Standing Committee defines, that decision's year and article
     * ({@code 1998决定第1条}).
     */
    public record Charge(String name, String articles) {}

    private final Map<String, Charge> byName;

    private Charges(Map<String, Charge> byName) {
        this.byName = byName;
    }

    /** The shipped list. */
    public static Charges standard() {
        return STANDARD;
    }

    /** Every charge, in the order of the Criminal Law's articles. */
    public List<Charge> all() {
        return List.copyOf(byName.values());
    }

    public boolean known(String name) {
        return name != null && byName.containsKey(name.strip());
    }

    public Optional<Charge> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name.strip()));
    }

    /**
     * The charges as a document or page names them: joined with "、" (盗窃罪、诈骗罪), or "未录入" / "Not recorded" for a
     * case that has none.
     */
    public static String display(Collection<String> charges, Locale locale) {
        if (charges == null || charges.isEmpty()) {
            return Languages.english(locale) ? "Not recorded" : NOT_RECORDED_ZH;
        }
        return String.join("、", charges);
    }

    /** The names given, stripped, blanks and repetitions left out, in the order given. */
    public static List<String> normalise(Collection<String> names) {
        List<String> result = new ArrayList<>();
        if (names != null) {
            for (String name : names) {
                if (name != null && !name.isBlank() && !result.contains(name.strip())) {
                    result.add(name.strip());
                }
            }
        }
        return List.copyOf(result);
    }

    static Charges load(String resource) {
        try (InputStream in = Charges.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            Map<String, Charge> map = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\|", -1);
                if (parts.length != 2 || !parts[0].endsWith("罪") || map.containsKey(parts[0])) {
                    throw new IllegalStateException("Bad or repeated charge line in " + resource + ": " + l);
                }
                map.put(parts[0], new Charge(parts[0], parts[1]));
            }
            return new Charges(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
