package org.tongxin.exchange.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The handovers' encrypted titles and notes, for the key rotation (doc/operations.md). */
@Component
class ExchangeEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(
                SealedColumn.of("exchange_handover", List.of("id"), "note_enc", HandoverRepository.HANDOVER_NOTE),
                SealedColumn.of("exchange_item", List.of("id"), "title_enc", HandoverRepository.ITEM_TITLE),
                SealedColumn.of(
                        "exchange_round", List.of("handover_id", "round"), "note_enc", HandoverRepository.ROUND_NOTE),
                SealedColumn.of(
                        "exchange_problem",
                        List.of("handover_id", "round", "position"),
                        "note_enc",
                        HandoverRepository.PROBLEM_NOTE));
    }
}
