package org.tongxin.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.document.internal.PdfRenderer;
import org.tongxin.identity.UserView;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.support.Actors;
import org.tongxin.support.ApplicationRole;
import org.tongxin.support.IntegrationTest;

/**
 * The document module against the real database: the five legal documents generated, stored sealed and read back,
 * read by poppler to prove the Chinese text and the embedded font; uploads kept under generated keys; refusals that
 * change nothing; audit of every change (doc/security-requirements.md S12, S15, S16).
 */
@IntegrationTest
class DocumentsIntegrationTests {

    @Autowired
    Documents documents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource applicationRole;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MessageSource messages;

    @Autowired
    Actors actors;

    @Autowired
    CaseManagement management;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    java.time.Clock clock;

    final UUID caseId = UUID.randomUUID();

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest
    @EnumSource(DocumentTemplate.class)
    void generatesEachLegalDocumentStoresItAndReadsItBackInChinese(DocumentTemplate template) {
        Map<String, String> values = DocumentSamples.values(template);
        DocumentId id = documents.generate(template, caseId, values);

        DocumentInfo info = documents.info(id).orElseThrow();
        byte[] pdf = documents.content(id);
        Path file = DocumentSamples.keep(template.name().toLowerCase(Locale.ROOT) + ".pdf", pdf);
        PdfText.firstPagePng(file, 60);
        assertThat(info)
                .extracting(DocumentInfo::caseId, DocumentInfo::kind, DocumentInfo::template, DocumentInfo::contentType)
                .containsExactly(caseId, DocumentKind.GENERATED, template, "application/pdf");
        assertThat(info.fileName()).endsWith(".pdf").doesNotContain(DocumentSamples.SUBJECT);
        assertThat(info.size()).isEqualTo(pdf.length);
        assertThat(info.sha256()).isEqualTo(Documents.sha256(pdf));
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        String text = PdfText.of(pdf);
        String compact = text.replaceAll("\\s+", "");
        String title = info.fileName().replace(".pdf", "");
        assertThat(compact)
                .contains(
                        title,
                        DocumentSamples.SUBJECT,
                        "（印章）",
                        values.get("documentNumber").replace(" ", ""));
        if (values.containsKey("idNumber")) {
            assertThat(compact.contains(DocumentSamples.ID_NUMBER))
                    .as("the identity number is printed")
                    .isTrue();
        }
        int pages = text.split("\f").length;
        for (int page = 1; page <= pages; page++) {
            assertThat(compact).contains("第" + page + "页共" + pages + "页");
        }
        assertThat(PdfText.fonts(file))
                .contains("+" + PdfRenderer.FONT_NAME)
                .contains("CID TrueType")
                .contains("Identity-H");
        assertThat(compact).doesNotContain("${");
    }

    @Test
    void aOnePageLetterEmbedsASubsetOfTheBundledFontAndStaysSmall() {
        byte[] pdf = documents.content(documents.generate(
                DocumentTemplate.ENTRUSTMENT_LETTER,
                caseId,
                DocumentSamples.values(DocumentTemplate.ENTRUSTMENT_LETTER)));
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/FontFile2").contains("/Identity-H").doesNotContain("STSong");
        Matcher subset = Pattern.compile("/BaseFont\\s*/([A-Z]{6})\\+" + PdfRenderer.FONT_NAME)
                .matcher(raw);
        assertThat(subset.find()).as("a subset (tag+name) of the bundled font").isTrue();
        assertThat(PdfText.of(pdf).split("\f")).as("one page").hasSize(1);
        assertThat(pdf.length).isLessThan(300 * 1024);
    }

    @Test
    void missingValuesPrintBlankLinesToFillInByHand() {
        String text =
                PdfText.of(documents.render(DocumentTemplate.RECEIPT, Map.of("subjectName", "王五", "unknown", "忽略")));
        assertThat(text).contains("法律文书送达回执", "王五", "________").doesNotContain("忽略");
        assertThat(text.replaceAll("\\s+", "")).contains("二、缺少或者有误的法律文书无").doesNotContain("请你单位自收到本回执之日起五日内");
    }

    @Test
    void theDatabaseHoldsDocumentsOnlySealedSoADumpShowsNoIdentityNumber() {
        DocumentId generated = documents.generate(
                DocumentTemplate.REPORTING_NOTICE, caseId, DocumentSamples.values(DocumentTemplate.REPORTING_NOTICE));
        byte[] plainPdf = UploadFixtures.pdf("ID " + DocumentSamples.ID_NUMBER);
        DocumentId uploaded =
                documents.upload(caseId, "身份证复印件.pdf", "application/pdf", new ByteArrayInputStream(plainPdf));
        assertThat(new String(documents.content(uploaded), StandardCharsets.ISO_8859_1))
                .as("the upload holds the number in plain text")
                .contains(DocumentSamples.ID_NUMBER);

        for (DocumentId id : List.of(generated, uploaded)) {
            byte[] stored =
                    jdbc.sql("""
                        SELECT c.sealed FROM document_content c JOIN document_file f ON f.storage_key = c.storage_key
                         WHERE f.id = :id\
                        """).param("id", id.value()).query(byte[].class).single();
            String raw = new String(stored, StandardCharsets.ISO_8859_1);
            assertThat(raw.contains(DocumentSamples.ID_NUMBER))
                    .as("plaintext identity number in the database")
                    .isFalse();
            assertThat(raw)
                    .doesNotStartWith("%PDF")
                    .doesNotContain("/FontFile2")
                    .doesNotContain(PdfRenderer.FONT_NAME);
            assertThat(stored).isNotEqualTo(documents.content(id));
            assertThatThrownBy(() -> PdfText.of(stored)).isInstanceOf(PdfText.PopplerRefused.class);
        }
        String dumpedRow = jdbc.sql("SELECT row_to_json(f)::text FROM document_file f WHERE id = :id")
                .param("id", uploaded.value())
                .query(String.class)
                .single();
        assertThat(dumpedRow).doesNotContain(DocumentSamples.ID_NUMBER);
    }

    @Test
    void generatingAndUploadingAreAuditedAsCaseChangesNamingTheCase() {
        DocumentId generated = documents.generate(DocumentTemplate.ENTRY_ANNOUNCEMENT, caseId, Map.of());
        DocumentId uploaded =
                documents.upload(caseId, "照片.png", "image/png", new ByteArrayInputStream(UploadFixtures.png()));
        List<Map<String, Object>> records = jdbc.sql("""
            SELECT category, action, outcome, target_type, target_id, details FROM audit_record
             WHERE target_id IN (:ids) ORDER BY id\
            """)
                .param("ids", List.of(generated.toString(), uploaded.toString()))
                .query()
                .listOfRows();
        assertThat(records)
                .extracting(
                        r -> r.get("category"),
                        r -> r.get("action"),
                        r -> r.get("outcome"),
                        r -> r.get("target_type"),
                        r -> r.get("target_id"))
                .containsExactly(
                        tuple("CASE_CHANGE", "document.generate", "SUCCESS", "document", generated.toString()),
                        tuple("CASE_CHANGE", "document.upload", "SUCCESS", "document", uploaded.toString()));
        assertThat(records)
                .allSatisfy(r -> assertThat((String) r.get("details")).contains(caseId.toString()));
        assertThat((String) records.get(0).get("details")).contains("ENTRY_ANNOUNCEMENT");
    }

    @Test
    void anUploadIsKeptUnderAGeneratedKeyWithItsSanitisedNameAndTheTypeItReallyHas() {
        byte[] docx = UploadFixtures.docx();
        DocumentId id = documents.upload(
                caseId, " 情况说明 (第2版)?.docx", "application/octet-stream", new ByteArrayInputStream(docx));
        DocumentInfo info = documents.info(id).orElseThrow();
        assertThat(info)
                .extracting(
                        DocumentInfo::kind,
                        DocumentInfo::template,
                        DocumentInfo::fileName,
                        DocumentInfo::contentType,
                        DocumentInfo::size)
                .containsExactly(
                        DocumentKind.UPLOADED, null, "情况说明 (第2版)_.docx", UploadFixtures.docxType(), (long) docx.length);
        assertThat(documents.content(id)).isEqualTo(docx);
        String key = jdbc.sql("SELECT storage_key FROM document_file WHERE id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
        assertThat(key).isEqualTo(id.toString()).doesNotContain("情况说明");
    }

    @Test
    void aRefusedUploadStoresNothingAndIsExplainedInTheUsersLanguage() {
        long before = jdbc.sql("SELECT count(*) FROM document_content")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> documents.upload(
                        caseId, "判决书.pdf", "application/pdf", new ByteArrayInputStream(UploadFixtures.png())))
                .isInstanceOfSatisfying(TongxinException.class, e -> {
                    FieldProblem problem = e.fieldProblems().getFirst();
                    assertThat(problem.field()).isEqualTo("file");
                    assertThat(problem.code()).isEqualTo("fileContentMismatch");
                    assertThat(messages.getMessage(
                                    "validation." + problem.code(), problem.args(), Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("文件内容不是 PDF 格式，与扩展名不符。");
                    assertThat(messages.getMessage("validation." + problem.code(), problem.args(), Locale.ENGLISH))
                            .isEqualTo("The content of the file is not PDF, as its extension says.");
                });
        assertThatThrownBy(() ->
                        documents.upload(caseId, "setup.pdf.exe", null, new ByteArrayInputStream(UploadFixtures.exe())))
                .isInstanceOf(TongxinException.class);
        UploadFixtures.Endless endless = new UploadFixtures.Endless();
        assertThatThrownBy(() -> documents.upload(caseId, "大文件.pdf", "application/pdf", endless))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems().getFirst().code()).isEqualTo("fileTooLarge"));
        assertThat(endless.read).isLessThanOrEqualTo(10L * 1024 * 1024 + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM document_content")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(documents.ofCase(caseId)).isEmpty();
    }

    @Test
    void aCaseListsOnlyItsOwnDocumentsOldestFirstWithWhoStoredThem() {
        UserView officer = actors.user("cd.county");
        // A case of the officer's county: row-level security shows an agency the documents of its cases only.
        UUID own = new CaseFixtures(management, agencies, actors, jdbc, clock)
                .withoutObligations()
                .value();
        SecurityContextHolder.getContext().setAuthentication(actors.authenticationOf(officer, 0));
        DocumentId first =
                documents.generate(DocumentTemplate.RECEIPT, own, DocumentSamples.values(DocumentTemplate.RECEIPT));
        DocumentId second =
                documents.upload(own, "回执扫描件.jpg", "image/jpeg", new ByteArrayInputStream(UploadFixtures.jpeg()));
        DocumentId elsewhere = documents.generate(DocumentTemplate.RECEIPT, caseId, Map.of());
        assertThat(documents.ofCase(own)).extracting(DocumentInfo::id).containsExactly(first, second);
        assertThat(documents.ofCase(own))
                .extracting(DocumentInfo::createdBy)
                .containsOnly(officer.id().value());
        assertThat(documents.ofCase(caseId))
                .as("a document of a case the agency has no part in")
                .isEmpty();
        assertThat(documents.info(elsewhere)).isEmpty();
    }

    @Test
    void anUnknownDocumentIsNotFound() {
        DocumentId unknown = DocumentId.of(UUID.randomUUID());
        assertThat(documents.info(unknown)).isEmpty();
        assertThatThrownBy(() -> documents.content(unknown))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.status().value()).isEqualTo(404));
    }

    @Test
    void storingJoinsTheCallersTransactionSoARolledBackChangeLeavesNoDocument() {
        Map<String, DocumentId> made = new HashMap<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            made.put("id", documents.generate(DocumentTemplate.ENTRUSTMENT_LETTER, caseId, Map.of()));
            status.setRollbackOnly();
        });
        assertThat(documents.info(made.get("id"))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE target_id = :id")
                        .param("id", made.get("id").toString())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theApplicationRoleCanNeitherChangeNorDeleteStoredDocuments() throws Exception {
        documents.generate(DocumentTemplate.RECEIPT, caseId, Map.of());
        try (ApplicationRole role = ApplicationRole.connect(applicationRole)) {
            JdbcTemplate app = role.jdbc();
            assertThatThrownBy(() -> app.update("UPDATE document_content SET sealed = '\\x00'::bytea"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.update("DELETE FROM document_file"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
    }
}
