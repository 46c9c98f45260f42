-- Module document: the documents of a case (generated legal documents and uploads) and their content, sealed with
-- the data key (doc/security-requirements.md S15, S16). Documents are never changed once stored.

CREATE TABLE document_file
(
    id           UUID         NOT NULL PRIMARY KEY,
    case_id      UUID         NOT NULL,
    kind         VARCHAR(10)  NOT NULL CHECK (kind IN ('GENERATED', 'UPLOADED')),
    template     VARCHAR(40),
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL CHECK (size_bytes >= 0),
    sha256       CHAR(64)     NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key  VARCHAR(200) NOT NULL UNIQUE,
    created_by   UUID,
    created_at   TIMESTAMPTZ  NOT NULL,
    CHECK ((kind = 'GENERATED') = (template IS NOT NULL))
);
CREATE INDEX document_file_case_idx ON document_file (case_id, created_at);
COMMENT ON TABLE document_file IS 'A document of a case: a legal document Tongxin generated from a template, or a file a user uploaded. The content is kept by the document store under storage_key.';
COMMENT ON COLUMN document_file.id IS 'Document id.';
COMMENT ON COLUMN document_file.case_id IS 'The case the document belongs to (owned by the case modules; no foreign key across modules).';
COMMENT ON COLUMN document_file.kind IS 'GENERATED (from a template) or UPLOADED.';
COMMENT ON COLUMN document_file.template IS 'The DocumentTemplate of a generated document (null for uploads).';
COMMENT ON COLUMN document_file.file_name IS 'Display name: the template title, or the uploader''s sanitised file name; never a storage path.';
COMMENT ON COLUMN document_file.content_type IS 'Media type Tongxin determined from the content (not the one the client declared).';
COMMENT ON COLUMN document_file.size_bytes IS 'Size of the plain content in bytes.';
COMMENT ON COLUMN document_file.sha256 IS 'SHA-256 of the plain content (hex), checked whenever the content is read.';
COMMENT ON COLUMN document_file.storage_key IS 'Generated key of the content in the document store (document_content, or object storage later).';
COMMENT ON COLUMN document_file.created_by IS 'The user who generated or uploaded it (null for the system).';
COMMENT ON COLUMN document_file.created_at IS 'When it was stored.';

CREATE TABLE document_content
(
    storage_key VARCHAR(200) NOT NULL PRIMARY KEY,
    sealed      BYTEA        NOT NULL
);
-- Sealed content does not compress: store it out of line without trying.
ALTER TABLE document_content ALTER COLUMN sealed SET STORAGE EXTERNAL;
COMMENT ON TABLE document_content IS 'The database document store: the content of each document, encrypted with the data key (AES-256-GCM or SM4-GCM, bound to its storage key), so that a dump shows no personal data.';
COMMENT ON COLUMN document_content.storage_key IS 'Key of the content (document_file.storage_key).';
COMMENT ON COLUMN document_content.sealed IS 'The encrypted content: suite id, nonce, ciphertext and tag (FieldCipher.encryptBytes).';

-- Documents are immutable: the application reads and adds, nothing else.
GRANT SELECT, INSERT ON document_file, document_content TO ${app_role};
