package org.tongxin.document;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The sealed content of every document (its context names its storage key), for the key rotation. */
@Component
class DocumentEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(new SealedColumn(
                "document_content", List.of("storage_key"), "sealed", Documents.CONTEXT, "storage_key"));
    }
}
