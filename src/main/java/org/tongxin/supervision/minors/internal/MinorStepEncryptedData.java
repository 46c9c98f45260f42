package org.tongxin.supervision.minors.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The minors' steps' encrypted texts, for the key rotation (doc/operations.md). */
@Component
class MinorStepEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        List<String> id = List.of("id");
        return List.of(
                SealedColumn.of("supervision_minor_step", id, "circumstances_enc", MinorStepRepository.CIRCUMSTANCES),
                SealedColumn.of("supervision_minor_step", id, "done_note_enc", MinorStepRepository.DONE_NOTE));
    }
}
