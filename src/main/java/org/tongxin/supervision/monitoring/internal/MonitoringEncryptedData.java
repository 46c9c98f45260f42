package org.tongxin.supervision.monitoring.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** Electronic monitoring's encrypted texts and positions, for the key rotation (doc/operations.md). */
@Component
class MonitoringEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        List<String> id = List.of("id");
        return List.of(
                SealedColumn.of("supervision_monitoring_period", id, "reason_enc", MonitoringRepository.REASON),
                SealedColumn.of("supervision_monitoring_period", id, "refusal_enc", MonitoringRepository.REFUSAL),
                SealedColumn.of("supervision_monitoring_period", id, "end_reason_enc", MonitoringRepository.END_REASON),
                SealedColumn.of("supervision_monitoring_position", id, "location_enc", MonitoringRepository.LOCATION));
    }
}
