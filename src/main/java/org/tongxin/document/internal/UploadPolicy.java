package org.tongxin.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongxin.shared.error.PayloadTooLargeException;
import org.tongxin.shared.error.TongxinException;

/**
 * Decides whether an upload may be kept (doc/security-requirements.md S16, S21): a file name that is safe to show, an allow-listed
 * type named by its extension, a declared content type that agrees with it, a size within the limit (read with the
 * limit, never unbounded) and content that really is of that type (magic bytes; for DOCX and XLSX the ZIP's own
 * declaration of its main part, without unpacking it). Each refusal is {@code TongxinException.invalid("file",
 * code)}; the declared type is never trusted.
 */
@Component
public class UploadPolicy {

    /** The field every refusal names. */
    public static final String FIELD = "file";

    static final int MAX_NAME_LENGTH = 120;

    /** Extensions of things that run: as an inner extension ({@code x.exe.pdf}, {@code x.pdf.exe}) they disguise. */
    private static final Set<String> EXECUTABLE = Set.of(
            "exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "dll", "cpl", "sys", "js", "jse", "vbs", "vbe",
            "wsf", "wsh", "hta", "ps1", "psm1", "sh", "bash", "csh", "zsh", "jar", "class", "py", "pl", "rb", "php",
            "phtml", "jsp", "asp", "aspx", "cgi", "lnk", "reg", "inf", "app", "apk", "dmg", "deb", "rpm", "html", "htm",
            "xhtml", "svg", "swf", "docm", "xlsm", "pptm", "dotm", "xltm");

    private static final Set<String> RESERVED_NAMES = Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    private static final Pattern WINDOWS_RESERVED_CHARACTERS = Pattern.compile("[<>:\"|?*]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final DocumentSettings.Upload settings;

    public UploadPolicy(DocumentSettings settings) {
        this.settings = settings.upload();
    }

    /** An upload that passed: the name to show, its format (whose content type is recorded) and the bytes. */
    public record CheckedUpload(String displayName, FileFormat format, byte[] content) {}

    /** The checked file name and the format its extension names; refuses before any byte is read. */
    public record CheckedName(String displayName, FileFormat format) {}

    public CheckedName checkName(String originalFileName) {
        if (originalFileName == null || originalFileName.isBlank()) {
            throw refuse("fileNameMissing");
        }
        String name = Normalizer.normalize(originalFileName, Normalizer.Form.NFC);
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw refuse("fileNameTooLong", MAX_NAME_LENGTH);
        }
        if (name.codePoints().anyMatch(c -> c == '/' || c == '\\' || invisible(c))) {
            throw refuse("fileNameInvalid");
        }
        String display = WHITESPACE
                .matcher(WINDOWS_RESERVED_CHARACTERS.matcher(name).replaceAll("_"))
                .replaceAll(" ")
                .strip();
        if (display.startsWith(".") || display.endsWith(".")) {
            throw refuse("fileNameInvalid");
        }
        List<String> parts = Arrays.asList(display.split("\\."));
        if (RESERVED_NAMES.contains(parts.get(0).strip().toLowerCase(Locale.ROOT))) {
            throw refuse("fileNameInvalid");
        }
        List<String> extensions = parts.subList(1, parts.size()).stream()
                .map(p -> p.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (extensions.size() > 1 && extensions.stream().anyMatch(EXECUTABLE::contains)) {
            throw refuse("fileNameDoubleExtension");
        }
        FileFormat format = extensions.isEmpty()
                ? null
                : FileFormat.byExtension(extensions.getLast())
                        .filter(settings.allowedTypes()::contains)
                        .orElse(null);
        if (format == null) {
            throw refuse("fileTypeNotAllowed", allowedExtensions());
        }
        return new CheckedName(display, format);
    }

    /**
     * Reads at most the size limit (plus one byte, to notice more); the caller's stream is left open. Empty and
     * oversized content is refused.
     */
    public byte[] read(InputStream content) {
        long limit = settings.maxSize().toBytes();
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) limit + 1);
        } catch (PayloadTooLargeException e) {
            throw refuse("fileTooLarge", megabytes(limit));
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
        if (bytes.length > limit) {
            throw refuse("fileTooLarge", megabytes(limit));
        }
        if (bytes.length == 0) {
            throw refuse("fileEmpty");
        }
        return bytes;
    }

    /** Checks name, declared type and content of an upload already read with {@link #read}. */
    public CheckedUpload check(String originalFileName, String declaredContentType, byte[] content) {
        CheckedName name = checkName(originalFileName);
        if (content.length == 0) {
            throw refuse("fileEmpty");
        }
        if (content.length > settings.maxSize().toBytes()) {
            throw refuse("fileTooLarge", megabytes(settings.maxSize().toBytes()));
        }
        String declared = declaredContentType == null
                ? ""
                : declaredContentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!declared.isEmpty()
                && !declared.equals("application/octet-stream")
                && !name.format().accepts(declared)) {
            throw refuse("fileTypeMismatch", declared.length() > 100 ? declared.substring(0, 100) : declared);
        }
        checkContent(name.format(), content);
        return new CheckedUpload(name.displayName(), name.format(), content);
    }

    private static void checkContent(FileFormat format, byte[] content) {
        boolean matches = switch (format) {
            case PDF -> startsWith(content, PDF_MAGIC);
            case PNG -> startsWith(content, PNG_MAGIC);
            case JPEG -> startsWith(content, JPEG_MAGIC);
            case DOCX, XLSX -> {
                OfficeZip.Verdict verdict = OfficeZip.inspect(content);
                if (verdict == OfficeZip.Verdict.UNSAFE) {
                    throw refuse("fileUnsafe");
                }
                yield verdict == (format == FileFormat.DOCX ? OfficeZip.Verdict.WORD : OfficeZip.Verdict.EXCEL);
            }
        };
        if (!matches) {
            throw refuse("fileContentMismatch", format.extensions().getFirst().toUpperCase(Locale.ROOT));
        }
    }

    private String allowedExtensions() {
        return settings.allowedTypes().stream()
                .flatMap(f -> f.extensions().stream())
                .map(e -> "." + e)
                .collect(Collectors.joining(", "));
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " B";
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /** Control and formatting characters (bidirectional overrides that disguise an extension), lone surrogates. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || c == '\uFFFD';
    }

    private static TongxinException refuse(String code, Object... args) {
        return TongxinException.invalid(FIELD, code, args);
    }
}
