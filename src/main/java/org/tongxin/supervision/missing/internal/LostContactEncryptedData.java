package org.tongxin.supervision.missing.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** Lost contact's encrypted texts, for the key rotation (doc/operations.md). */
@Component
class LostContactEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        List<String> id = List.of("id");
        return List.of(
                SealedColumn.of(
                        "supervision_lost_contact", id, "circumstances_enc", LostContactRepository.CIRCUMSTANCES),
                SealedColumn.of("supervision_lost_contact", id, "found_note_enc", LostContactRepository.FOUND_NOTE));
    }
}
