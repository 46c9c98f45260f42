package org.tongxin.document.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The document store in PostgreSQL: one {@code bytea} row per document, in the caller's transaction. */
@Repository
class JdbcDocumentStore implements DocumentStore {

    private final JdbcClient jdbc;

    JdbcDocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String key, byte[] sealed) {
        jdbc.sql("INSERT INTO document_content (storage_key, sealed) VALUES (:key, :sealed)")
                .param("key", key)
                .param("sealed", sealed)
                .update();
    }

    @Override
    public Optional<byte[]> get(String key) {
        return jdbc.sql("SELECT sealed FROM document_content WHERE storage_key = :key")
                .param("key", key)
                .query(byte[].class)
                .optional();
    }
}
