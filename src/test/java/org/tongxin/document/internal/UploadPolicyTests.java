package org.tongxin.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;
import org.tongxin.document.UploadFixtures;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;

/** doc/security-requirements.md S16, S21: what an upload must be, and every way it is refused. */
class UploadPolicyTests {

    static final String PDF = "application/pdf";
    final UploadPolicy policy = new UploadPolicy(DocumentSettings.defaults());

    static void refused(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.fieldProblems())
                    .extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("file", code));
        });
    }

    @Test
    void acceptsEachAllowedTypeWhenNameDeclaredTypeAndContentAgree() {
        assertThat(policy.check("判决书.pdf", PDF, UploadFixtures.pdf("x")).format())
                .isEqualTo(FileFormat.PDF);
        assertThat(policy.check("现场照片.JPG", "image/jpeg", UploadFixtures.jpeg()).format())
                .isEqualTo(FileFormat.JPEG);
        assertThat(policy.check("photo.jpeg", "image/jpeg", UploadFixtures.jpeg())
                        .format())
                .isEqualTo(FileFormat.JPEG);
        assertThat(policy.check("签名.png", "image/png; charset=binary", UploadFixtures.png())
                        .format())
                .isEqualTo(FileFormat.PNG);
        assertThat(policy.check("情况说明.docx", UploadFixtures.docxType(), UploadFixtures.docx())
                        .format())
                .isEqualTo(FileFormat.DOCX);
        assertThat(policy.check("名单.xlsx", null, UploadFixtures.xlsx()).format())
                .isEqualTo(FileFormat.XLSX);
        assertThat(policy.check("scan.pdf", "application/octet-stream", UploadFixtures.pdf("x"))
                        .format()
                        .contentType())
                .isEqualTo(PDF);
    }

    @Test
    void keepsASanitisedDisplayName() {
        assertThat(policy.check("  居住证明  (复印件)?.pdf ", PDF, UploadFixtures.pdf("x"))
                        .displayName())
                .isEqualTo("居住证明 (复印件)_.pdf");
        assertThat(policy.check("e\u0301te\u0301.pdf", PDF, UploadFixtures.pdf("x"))
                        .displayName())
                .isEqualTo("\u00e9t\u00e9.pdf");
        assertThat(policy.check("report.v2.final.pdf", PDF, UploadFixtures.pdf("x"))
                        .displayName())
                .isEqualTo("report.v2.final.pdf");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/passwd.pdf",
                "..\\..\\boot.ini.pdf",
                "/tmp/x.pdf",
                "C:\\temp\\x.pdf",
                "a\u0000b.pdf",
                "line\nbreak.pdf",
                "tab\there.pdf",
                "invoice\u202Efdp.exe",
                "zero\u200Bwidth.pdf",
                ".pdf",
                ".hidden.pdf",
                "x.pdf.",
                "CON.pdf",
                "nul.pdf",
                "lone\uD800.pdf"
            })
    void refusesHostileFileNames(String name) {
        refused(() -> policy.check(name, PDF, UploadFixtures.pdf("x")), "fileNameInvalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.pdf.exe", "x.exe.pdf", "photo.jpg.js", "报告.docx.bat", "a.php.png", "invoice.PDF.Exe"})
    void refusesDoubleExtensionsThatHideAProgram(String name) {
        refused(() -> policy.checkName(name), "fileNameDoubleExtension");
    }

    @Test
    void refusesOverlongAndMissingNames() {
        refused(() -> policy.checkName("长".repeat(UploadPolicy.MAX_NAME_LENGTH) + ".pdf"), "fileNameTooLong");
        assertThat(policy.checkName("长".repeat(UploadPolicy.MAX_NAME_LENGTH - 4) + ".pdf")
                        .format())
                .isEqualTo(FileFormat.PDF);
        refused(() -> policy.checkName(null), "fileNameMissing");
        refused(() -> policy.checkName("  "), "fileNameMissing");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "setup.exe",
                "notes.txt",
                "page.html",
                "image.svg",
                "archive.zip",
                "macro.docm",
                "old.doc",
                "no-extension"
            })
    void refusesTypesOutsideTheAllowList(String name) {
        refused(() -> policy.checkName(name), "fileTypeNotAllowed");
    }

    @Test
    void theAllowListIsConfiguration() {
        UploadPolicy imagesOnly = new UploadPolicy(new DocumentSettings(
                new DocumentSettings.Upload(EnumSet.of(FileFormat.PNG, FileFormat.JPEG), DataSize.ofMegabytes(10))));
        refused(() -> imagesOnly.checkName("判决书.pdf"), "fileTypeNotAllowed");
        assertThat(imagesOnly.checkName("照片.png").format()).isEqualTo(FileFormat.PNG);
    }

    @Test
    void refusesADeclaredTypeThatContradictsTheExtension() {
        refused(() -> policy.check("x.pdf", "image/png", UploadFixtures.pdf("x")), "fileTypeMismatch");
        refused(() -> policy.check("x.docx", "application/pdf", UploadFixtures.docx()), "fileTypeMismatch");
    }

    @Test
    void refusesContentThatIsNotWhatTheNameSays() {
        refused(() -> policy.check("判决书.pdf", PDF, UploadFixtures.png()), "fileContentMismatch");
        refused(() -> policy.check("判决书.pdf", PDF, UploadFixtures.exe()), "fileContentMismatch");
        refused(() -> policy.check("照片.png", "image/png", UploadFixtures.jpeg()), "fileContentMismatch");
        refused(() -> policy.check("照片.jpg", "image/jpeg", UploadFixtures.pdf("x")), "fileContentMismatch");
        refused(() -> policy.check("说明.docx", null, UploadFixtures.plainZip()), "fileContentMismatch");
        refused(() -> policy.check("说明.docx", null, UploadFixtures.xlsx()), "fileContentMismatch");
        refused(() -> policy.check("名单.xlsx", null, UploadFixtures.docx()), "fileContentMismatch");
        refused(() -> policy.check("说明.docx", null, UploadFixtures.pdf("x")), "fileContentMismatch");
        refused(
                () -> policy.check("说明.docx", null, "PK\u0003\u0004 truncated".getBytes(StandardCharsets.ISO_8859_1)),
                "fileContentMismatch");
    }

    @Test
    void refusesOfficeFilesWithMacrosOrAbnormalCompressionWithoutUnpackingThem() {
        refused(() -> policy.check("说明.docx", null, UploadFixtures.docm()), "fileUnsafe");
        byte[] bomb = UploadFixtures.zipBomb();
        assertThat(bomb.length).as("small on the wire").isLessThan(1024 * 1024);
        refused(() -> policy.check("说明.docx", null, bomb), "fileUnsafe");
    }

    @Test
    void readsAnOversizedStreamOnlyUpToTheLimit() {
        UploadPolicy oneMegabyte = new UploadPolicy(new DocumentSettings(
                new DocumentSettings.Upload(EnumSet.allOf(FileFormat.class), DataSize.ofMegabytes(1))));
        UploadFixtures.Endless endless = new UploadFixtures.Endless();
        refused(() -> oneMegabyte.read(endless), "fileTooLarge");
        assertThat(endless.read).isLessThanOrEqualTo(1024 * 1024 + 1);
        assertThat(oneMegabyte.read(new ByteArrayInputStream(new byte[1024 * 1024])))
                .hasSize(1024 * 1024);
        refused(() -> oneMegabyte.read(new ByteArrayInputStream(new byte[0])), "fileEmpty");
    }

    @Test
    void arbitraryBytesUnderAnyAllowedNameAreRefusedCleanlyNeverWithACrash() {
        Random random = new Random(20250310);
        byte[][] seeds = {UploadFixtures.docx(), UploadFixtures.xlsx(), UploadFixtures.pdf("x"), UploadFixtures.png()};
        String[] names = {"a.docx", "a.xlsx", "a.pdf", "a.png", "a.jpg"};
        for (int i = 0; i < 3_000; i++) {
            byte[] input = seeds[random.nextInt(seeds.length)].clone();
            for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                input = java.util.Arrays.copyOf(input, 1 + random.nextInt(input.length));
            }
            String name = names[random.nextInt(names.length)];
            try {
                policy.check(name, null, input);
            } catch (TongxinException refusal) {
                assertThat(refusal.fieldProblems())
                        .extracting(FieldProblem::field)
                        .containsExactly("file");
            }
        }
    }
}
