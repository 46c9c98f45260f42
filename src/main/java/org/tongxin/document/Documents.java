package org.tongxin.document;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.document.internal.DocumentLayout;
import org.tongxin.document.internal.DocumentRepository;
import org.tongxin.document.internal.DocumentStore;
import org.tongxin.document.internal.FileFormat;
import org.tongxin.document.internal.PdfRenderer;
import org.tongxin.document.internal.TemplateLibrary;
import org.tongxin.document.internal.UploadPolicy;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CurrentActor;

/**
 * The documents of cases: renders the legal documents of the procedures as PDFs from their templates, accepts
 * uploads that pass the {@link UploadPolicy}, and keeps both sealed with the data key. Storing joins the caller's
 * transaction (a case change and its document commit together) and writes an audit record ({@code CASE_CHANGE});
 * reading is not audited here: the case modules decide who may read a document and audit that read.
 */
@Component
public class Documents {

    /** Associated data of every sealed content, with the storage key: a content moved to another row does not open. */
    static final String CONTEXT = "document_content.sealed:";

    private final TemplateLibrary templates;
    private final PdfRenderer renderer;
    private final UploadPolicy uploads;
    private final DocumentRepository repository;
    private final DocumentStore store;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Documents(
            TemplateLibrary templates,
            PdfRenderer renderer,
            UploadPolicy uploads,
            DocumentRepository repository,
            DocumentStore store,
            FieldCipher cipher,
            AuditLog audit,
            CurrentActor actor,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.templates = templates;
        this.renderer = renderer;
        this.uploads = uploads;
        this.repository = repository;
        this.store = store;
        this.cipher = cipher;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Renders the template with the given values (keys documented per {@link DocumentTemplate}), stores the PDF
     * (encrypted at rest) and returns its id.
     */
    public DocumentId generate(DocumentTemplate template, UUID caseId, Map<String, String> values) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(caseId, "caseId");
        DocumentLayout layout = templates.layout(template);
        byte[] pdf = renderer.render(layout, values == null ? Map.of() : values);
        return store(caseId, DocumentKind.GENERATED, template, layout.fileName(), FileFormat.PDF.contentType(), pdf);
    }

    /**
     * Validates and stores an upload for a case: allow-listed types, size limit, content must match the type, stored
     * under a generated name. The stream is read up to the limit only and left open for the caller to close.
     *
     * @throws TongxinException {@code invalid("file", code)} when the upload is refused (codes in
     *         {@code i18n/document.properties}, {@code validation.file*})
     */
    public DocumentId upload(UUID caseId, String originalFileName, String declaredContentType, InputStream content) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(content, "content");
        uploads.checkName(originalFileName);
        UploadPolicy.CheckedUpload checked =
                uploads.check(originalFileName, declaredContentType, uploads.read(content));
        return store(
                caseId,
                DocumentKind.UPLOADED,
                null,
                checked.displayName(),
                checked.format().contentType(),
                checked.content());
    }

    public Optional<DocumentInfo> info(DocumentId id) {
        return repository.find(id);
    }

    /** The documents of a case, oldest first. */
    public List<DocumentInfo> ofCase(UUID caseId) {
        return repository.ofCase(caseId);
    }

    /**
     * The bytes (decrypted). Callers (the case modules) decide who may read; they audit the read.
     *
     * @throws TongxinException {@code notFound()} for an unknown id
     */
    public byte[] content(DocumentId id) {
        DocumentInfo info = repository.find(id).orElseThrow(TongxinException::notFound);
        String key = repository.storageKey(id).orElseThrow(TongxinException::notFound);
        byte[] sealed = store.get(key)
                .orElseThrow(() ->
                        new IllegalStateException("The content of document " + id + " is missing from the store"));
        byte[] plain = cipher.decryptBytes(sealed, CONTEXT + key);
        if (!sha256(plain).equals(info.sha256())) {
            throw new IllegalStateException("The content of document " + id + " does not match its recorded digest");
        }
        return plain;
    }

    /** Renders a report of tables as a PDF, without storing it (it holds figures, not a case's documents). */
    public byte[] renderTables(TabularDocument report) {
        Objects.requireNonNull(report, "report");
        return renderer.renderTables(report);
    }

    /** Renders without storing: for previews and tests. */
    public byte[] render(DocumentTemplate template, Map<String, String> values) {
        Objects.requireNonNull(template, "template");
        return renderer.render(templates.layout(template), values == null ? Map.of() : values);
    }

    private DocumentId store(
            UUID caseId,
            DocumentKind kind,
            DocumentTemplate template,
            String fileName,
            String contentType,
            byte[] content) {
        DocumentId id = DocumentId.of(UUID.randomUUID());
        String key = id.value().toString();
        byte[] sealed = cipher.encryptBytes(content, CONTEXT + key);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DocumentInfo info = new DocumentInfo(
                id,
                caseId,
                kind,
                template,
                fileName,
                contentType,
                content.length,
                sha256(content),
                actor.get().userId(),
                now);
        transaction.executeWithoutResult(status -> {
            store.put(key, sealed);
            repository.insert(info, key);
            audit.record(AuditEntry.of(
                            AuditCategory.CASE_CHANGE,
                            kind == DocumentKind.GENERATED ? "document.generate" : "document.upload")
                    .target("document", id)
                    .detail("caseId", caseId)
                    .detail("template", template)
                    .detail("contentType", contentType)
                    .detail("size", content.length));
        });
        return id;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
