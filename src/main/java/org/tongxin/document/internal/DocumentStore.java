package org.tongxin.document.internal;

import java.util.Optional;

/**
 * Where the (already sealed) content of documents lives, by a generated key. Today PostgreSQL
 * ({@link JdbcDocumentStore}); an object store can replace it without touching the rest of the module (doc/architecture.md:
 * no local-file-only storage). Implementations join the caller's transaction where they can.
 */
public interface DocumentStore {

    void put(String key, byte[] sealed);

    Optional<byte[]> get(String key);
}
