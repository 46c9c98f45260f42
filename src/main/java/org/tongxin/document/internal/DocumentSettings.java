package org.tongxin.document.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the document module ({@code tongxin.document.*}): which file types an upload may have and how large
 * it may be (doc/security-requirements.md S16).
 *
 * @param upload {@code allowed-types} (default PDF, JPEG, PNG, DOCX, XLSX) and {@code max-size} (default 10MB)
 */
@ConfigurationProperties("tongxin.document")
public record DocumentSettings(@DefaultValue Upload upload) {

    public record Upload(
            @DefaultValue({"PDF", "JPEG", "PNG", "DOCX", "XLSX"})
            Set<FileFormat> allowedTypes,

            @DefaultValue("10MB") DataSize maxSize) {

        public Upload {
            allowedTypes =
                    allowedTypes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(allowedTypes));
            if (maxSize.toBytes() <= 0 || maxSize.toBytes() > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("tongxin.document.upload.max-size must be between 1 byte and 2 GB");
            }
        }
    }

    public static DocumentSettings defaults() {
        return new DocumentSettings(new Upload(EnumSet.allOf(FileFormat.class), DataSize.ofMegabytes(10)));
    }
}
