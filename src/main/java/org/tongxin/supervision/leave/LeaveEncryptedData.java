package org.tongxin.supervision.leave;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The leave requests' sealed destinations and reasons, for the key rotation (doc/operations.md). */
@Component
class LeaveEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        List<String> id = List.of("id");
        return List.of(
                SealedColumn.of("supervision_leave", id, "destination_enc", LeaveRepository.DESTINATION),
                SealedColumn.of("supervision_leave", id, "reason_enc", LeaveRepository.REASON),
                SealedColumn.of("supervision_leave", id, "refusal_reason_enc", LeaveRepository.REFUSAL),
                SealedColumn.of("supervision_leave", id, "extension_reason_enc", LeaveRepository.EXTENSION));
    }
}
