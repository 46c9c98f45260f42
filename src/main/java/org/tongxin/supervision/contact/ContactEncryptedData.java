package org.tongxin.supervision.contact;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The contacts' sealed notes, for the key rotation (doc/operations.md). */
@Component
class ContactEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.of("supervision_contact", List.of("id"), "note_enc", ContactRepository.NOTE));
    }
}
