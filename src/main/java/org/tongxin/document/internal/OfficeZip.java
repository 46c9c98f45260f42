package org.tongxin.document.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Looks inside a ZIP container (DOCX, XLSX) without unpacking it: the entries are read from the central directory,
 * and only {@code [Content_Types].xml} is inflated, up to a small limit. So a zip bomb costs nothing to refuse, and
 * a file is accepted as a Word or Excel document only when its declared main part says so.
 */
final class OfficeZip {

    /** What was found: a well-formed container, or why not. */
    enum Verdict {
        WORD,
        EXCEL,
        OTHER,
        DAMAGED,
        UNSAFE
    }

    static final String WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    static final String EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    static final int MAX_ENTRIES = 5_000;
    static final long MAX_TOTAL_UNCOMPRESSED = 200L * 1024 * 1024;
    static final long MAX_RATIO = 100;
    static final int MAX_CONTENT_TYPES = 256 * 1024;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;

    private record Entry(String name, int flags, int method, long compressed, long uncompressed, long localOffset) {}

    private static final class TooManyEntries extends RuntimeException {
        TooManyEntries() {
            super(null, null, false, false);
        }
    }

    private OfficeZip() {}

    static Verdict inspect(byte[] zip) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        if (zip.length < 30 || buffer.getInt(0) != LOCAL_HEADER) {
            return Verdict.DAMAGED;
        }
        List<Entry> entries;
        try {
            entries = centralDirectory(buffer);
        } catch (TooManyEntries e) {
            return Verdict.UNSAFE;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return Verdict.DAMAGED;
        }
        if (entries == null) {
            return Verdict.DAMAGED;
        }
        long total = 0;
        for (Entry e : entries) {
            String name = e.name().toLowerCase(Locale.ROOT);
            total += e.uncompressed();
            boolean bomb = e.uncompressed() > 1024 * 1024 && e.uncompressed() > MAX_RATIO * Math.max(1, e.compressed());
            boolean escapes = name.startsWith("/") || name.contains("..") || name.contains("\\") || name.contains(":");
            boolean macros = name.endsWith("vbaproject.bin") || name.endsWith(".exe") || name.contains("activex/");
            boolean encrypted = (e.flags() & 1) != 0;
            if (bomb || escapes || macros || encrypted || total > MAX_TOTAL_UNCOMPRESSED) {
                return Verdict.UNSAFE;
            }
        }
        Optional<Entry> types = entries.stream()
                .filter(e -> e.name().equals("[Content_Types].xml"))
                .findFirst();
        if (types.isEmpty()) {
            return Verdict.OTHER;
        }
        String contentTypes;
        try {
            contentTypes = read(buffer, zip, types.get());
        } catch (IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException | DataFormatException e) {
            return Verdict.DAMAGED;
        }
        if (contentTypes == null) {
            return Verdict.UNSAFE;
        }
        if (contentTypes.toLowerCase(Locale.ROOT).contains("macroenabled")) {
            return Verdict.UNSAFE;
        }
        boolean word = contentTypes.contains(WORD_MAIN)
                && entries.stream().anyMatch(e -> e.name().startsWith("word/"));
        boolean excel = contentTypes.contains(EXCEL_MAIN)
                && entries.stream().anyMatch(e -> e.name().startsWith("xl/"));
        return word == excel ? Verdict.OTHER : word ? Verdict.WORD : Verdict.EXCEL;
    }

    /** The entries of the central directory, or null when there is none (or it is ZIP64, which no upload needs). */
    private static List<Entry> centralDirectory(ByteBuffer buffer) {
        int end = -1;
        for (int i = buffer.limit() - 22; i >= Math.max(0, buffer.limit() - 22 - 65_535); i--) {
            if (buffer.getInt(i) == END_OF_CENTRAL_DIRECTORY) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return null;
        }
        int count = Short.toUnsignedInt(buffer.getShort(end + 10));
        long offset = Integer.toUnsignedLong(buffer.getInt(end + 16));
        if (count == 0xFFFF || offset == 0xFFFFFFFFL || offset >= end) {
            return null;
        }
        if (count > MAX_ENTRIES) {
            throw new TooManyEntries();
        }
        List<Entry> entries = new ArrayList<>(count);
        int p = (int) offset;
        for (int n = 0; n < count; n++) {
            if (buffer.getInt(p) != CENTRAL_HEADER) {
                return null;
            }
            int flags = Short.toUnsignedInt(buffer.getShort(p + 8));
            int method = Short.toUnsignedInt(buffer.getShort(p + 10));
            long compressed = Integer.toUnsignedLong(buffer.getInt(p + 20));
            long uncompressed = Integer.toUnsignedLong(buffer.getInt(p + 24));
            int nameLength = Short.toUnsignedInt(buffer.getShort(p + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(p + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(p + 32));
            long local = Integer.toUnsignedLong(buffer.getInt(p + 42));
            byte[] name = new byte[nameLength];
            buffer.get(p + 46, name);
            if (compressed == 0xFFFFFFFFL || uncompressed == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                return null;
            }
            entries.add(new Entry(
                    new String(name, (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1),
                    flags,
                    method,
                    compressed,
                    uncompressed,
                    local));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    /** The entry's text, inflated up to {@link #MAX_CONTENT_TYPES}; null when it is larger. */
    private static String read(ByteBuffer buffer, byte[] zip, Entry entry) throws DataFormatException {
        int local = Math.toIntExact(entry.localOffset());
        if (buffer.getInt(local) != LOCAL_HEADER || entry.uncompressed() > MAX_CONTENT_TYPES) {
            return entry.uncompressed() > MAX_CONTENT_TYPES ? null : "";
        }
        int data = local
                + 30
                + Short.toUnsignedInt(buffer.getShort(local + 26))
                + Short.toUnsignedInt(buffer.getShort(local + 28));
        int length = Math.toIntExact(entry.compressed());
        if (data < 0 || length < 0 || data + length > zip.length) {
            throw new IllegalArgumentException("entry beyond the end of the file");
        }
        if (entry.method() == 0) {
            return new String(zip, data, Math.min(length, MAX_CONTENT_TYPES), StandardCharsets.UTF_8);
        }
        if (entry.method() != 8) {
            throw new IllegalArgumentException("unsupported compression");
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zip, data, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!inflater.finished() && out.size() <= MAX_CONTENT_TYPES) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
            }
            return out.size() > MAX_CONTENT_TYPES ? null : out.toString(StandardCharsets.UTF_8);
        } finally {
            inflater.end();
        }
    }
}
