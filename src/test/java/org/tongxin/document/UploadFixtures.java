package org.tongxin.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Test helper: small real files of every allowed type, and hostile ones, made in memory. */
public final class UploadFixtures {

    static final String WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private UploadFixtures() {}

    public static String docxType() {
        return WORD;
    }

    /** A small PDF whose text (the identity number among it) is stored uncompressed, readable in the raw bytes. */
    public static byte[] pdf(String text) {
        String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >>"
                    + " >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xCC2222);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] docx() {
        return zip(Map.of(
                "[Content_Types].xml", contentTypes("/word/document.xml", WORD + ".main+xml"),
                "_rels/.rels", rels("word/document.xml"),
                "word/document.xml",
                        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                                + "<w:body><w:p><w:r><w:t>情况说明</w:t></w:r></w:p></w:body></w:document>"));
    }

    public static byte[] xlsx() {
        return zip(
                Map.of(
                        "[Content_Types].xml", contentTypes("/xl/workbook.xml", EXCEL + ".main+xml"),
                        "_rels/.rels", rels("xl/workbook.xml"),
                        "xl/workbook.xml",
                                "<workbook"
                                    + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>"));
    }

    /** A Word document with macros, renamed .docx. */
    public static byte[] docm() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put(
                "[Content_Types].xml",
                contentTypes("/word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"));
        entries.put("word/document.xml", "<w:document/>");
        entries.put("word/vbaProject.bin", new byte[] {1, 2, 3});
        return zip(entries);
    }

    /** An ordinary ZIP archive (no Office parts), renamed .docx. */
    public static byte[] plainZip() {
        return zip(Map.of("readme.txt", "不是 Word 文档", "data/list.csv", "a,b\n1,2\n"));
    }

    /** A "Word document" with a 64 MB part of zeros that compresses to a few dozen kilobytes. */
    public static byte[] zipBomb() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", contentTypes("/word/document.xml", WORD + ".main+xml"));
        entries.put("word/document.xml", "<w:document/>");
        entries.put("word/media/image1.bin", new byte[64 * 1024 * 1024]);
        return zip(entries);
    }

    /** The start of a Windows program. */
    public static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        return exe;
    }

    /** An endless stream that counts what was read from it. */
    public static final class Endless extends InputStream {
        public long read;

        @Override
        public int read() {
            read++;
            return 'A';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'A');
            read += len;
            return len;
        }
    }

    static String contentTypes(String part, String type) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types"
            + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\""
            + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\""
            + " ContentType=\"application/xml\"/><Override"
            + " PartName=\"" + part + "\" ContentType=\"" + type + "\"/></Types>";
    }

    static String rels(String target) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
            + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\""
                + target + "\"/></Relationships>";
    }

    static byte[] zip(Map<String, ?> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Map<String, Object> ordered = new LinkedHashMap<>();
            if (entries.containsKey("[Content_Types].xml")) {
                ordered.put("[Content_Types].xml", entries.get("[Content_Types].xml"));
            }
            ordered.putAll(entries);
            for (Map.Entry<String, Object> e : ordered.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(
                        e.getValue() instanceof byte[] b
                                ? b
                                : ((String) e.getValue()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
