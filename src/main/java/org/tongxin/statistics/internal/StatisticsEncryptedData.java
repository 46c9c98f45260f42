package org.tongxin.statistics.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The decline reasons the coordinator's screen keeps, encrypted, for the key rotation (doc/operations.md). */
@Component
class StatisticsEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(
                SealedColumn.of("statistics_item", List.of("kind", "item_id"), "reason_enc", StatisticsStore.REASON));
    }
}
