package org.tongxin.document;

import java.time.Instant;
import java.util.UUID;

/**
 * What is known about a stored document without opening it. {@code template} is null for uploads; {@code fileName}
 * is the display name (the template's title, or the uploader's sanitised file name: never used as a storage path);
 * {@code sha256} is the hex digest of the plain content; {@code createdBy} is the acting user (null for the system).
 */
public record DocumentInfo(
        DocumentId id,
        UUID caseId,
        DocumentKind kind,
        DocumentTemplate template,
        String fileName,
        String contentType,
        long size,
        String sha256,
        UUID createdBy,
        Instant createdAt) {}
