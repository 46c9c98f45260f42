package org.tongxin.supervision.move.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The encrypted texts of changes of the place of execution, for the key rotation (doc/operations.md). */
@Component
class PlaceChangeEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        List<String> id = List.of("id");
        return List.of(
                SealedColumn.of("supervision_place_change", id, "reason_enc", PlaceChangeRepository.REASON),
                SealedColumn.of("supervision_place_change", id, "reply_reason_enc", PlaceChangeRepository.REPLY_REASON),
                SealedColumn.of(
                        "supervision_place_change", id, "decision_reason_enc", PlaceChangeRepository.DECISION_REASON));
    }
}
