package org.tongxin.document.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file types an upload may have (the allow-list picks from these): the extensions that name them, the content
 * types a client may declare for them, and the content type Tongxin records and serves.
 */
public enum FileFormat {
    PDF("application/pdf", List.of("pdf"), Set.of("application/pdf", "application/x-pdf")),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), Set.of("image/jpeg", "image/pjpeg", "image/jpg")),
    PNG("image/png", List.of("png"), Set.of("image/png", "image/x-png")),
    DOCX(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            List.of("docx"),
            Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
    XLSX(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            List.of("xlsx"),
            Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String contentType;
    private final List<String> extensions;
    private final Set<String> declarable;

    FileFormat(String contentType, List<String> extensions, Set<String> declarable) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.declarable = declarable;
    }

    public String contentType() {
        return contentType;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** Whether a client may declare {@code type} (lower case, without parameters) for a file of this format. */
    public boolean accepts(String type) {
        return declarable.contains(type);
    }

    public static Optional<FileFormat> byExtension(String extension) {
        String e = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extensions.contains(e)).findFirst();
    }
}
