package org.tongxin.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.tongxin.document.DocumentTemplate;

/** The templates of every {@link DocumentTemplate}, read and checked once at start-up. */
@Component
public class TemplateLibrary {

    static final String LOCATION = "document/templates/";

    private final Map<DocumentTemplate, DocumentLayout> layouts = new EnumMap<>(DocumentTemplate.class);

    public TemplateLibrary() {
        for (DocumentTemplate template : DocumentTemplate.values()) {
            layouts.put(template, TemplateParser.parse(fileName(template), read(fileName(template))));
        }
    }

    public DocumentLayout layout(DocumentTemplate template) {
        return layouts.get(template);
    }

    /** {@code ENTRUSTMENT_LETTER} → {@code entrustment-letter.txt}. */
    static String fileName(DocumentTemplate template) {
        return template.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
    }

    private static String read(String file) {
        try (InputStream in = new ClassPathResource(LOCATION + file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing document template " + LOCATION + file, e);
        }
    }
}
