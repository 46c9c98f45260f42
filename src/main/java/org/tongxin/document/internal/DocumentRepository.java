package org.tongxin.document.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentInfo;
import org.tongxin.document.DocumentKind;
import org.tongxin.document.DocumentTemplate;

/** SQL for what is known about documents (their content is in the {@link DocumentStore}). */
@Repository
public class DocumentRepository {

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the organ's documents in the year (1, 2, …); the row stays locked until the issuing commit. */
    public int nextSerial(java.util.UUID organ, int year) {
        return jdbc.sql("""
            INSERT INTO document_serial (organ_id, year, last) VALUES (:organ, :year, 1)
            ON CONFLICT (organ_id, year) DO UPDATE SET last = document_serial.last + 1
            RETURNING last\
            """)
                .param("organ", organ)
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    public void insert(DocumentInfo info, String storageKey) {
        jdbc.sql("""
            INSERT INTO document_file (id, case_id, kind, template, file_name, content_type, size_bytes, sha256,
                                       storage_key, created_by, created_at)
            VALUES (:id, :caseId, :kind, :template, :fileName, :contentType, :size, :sha256, :key, :createdBy, :createdAt)\
            """)
                .param("id", info.id().value())
                .param("caseId", info.caseId())
                .param("kind", info.kind().name())
                .param(
                        "template",
                        info.template() == null ? null : info.template().name())
                .param("fileName", info.fileName())
                .param("contentType", info.contentType())
                .param("size", info.size())
                .param("sha256", info.sha256())
                .param("key", storageKey)
                .param("createdBy", info.createdBy())
                .param("createdAt", Timestamp.from(info.createdAt()))
                .update();
    }

    public Optional<DocumentInfo> find(DocumentId id) {
        return jdbc.sql("SELECT * FROM document_file WHERE id = :id")
                .param("id", id.value())
                .query(this::info)
                .optional();
    }

    public Optional<String> storageKey(DocumentId id) {
        return jdbc.sql("SELECT storage_key FROM document_file WHERE id = :id")
                .param("id", id.value())
                .query(String.class)
                .optional();
    }

    public List<DocumentInfo> ofCase(UUID caseId) {
        return jdbc.sql("SELECT * FROM document_file WHERE case_id = :caseId ORDER BY created_at, id")
                .param("caseId", caseId)
                .query(this::info)
                .list();
    }

    private DocumentInfo info(ResultSet rs, int row) throws SQLException {
        String template = rs.getString("template");
        return new DocumentInfo(
                DocumentId.of(rs.getObject("id", UUID.class)),
                rs.getObject("case_id", UUID.class),
                DocumentKind.valueOf(rs.getString("kind")),
                template == null ? null : DocumentTemplate.valueOf(template),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
