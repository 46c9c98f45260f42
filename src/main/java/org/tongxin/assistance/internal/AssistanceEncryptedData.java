package org.tongxin.assistance.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The referrals' encrypted notes, outcomes and reasons, for the key rotation (doc/operations.md). */
@Component
class AssistanceEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        List<String> id = List.of("id");
        return List.of(
                SealedColumn.of("assistance_referral", id, "note", "assistance_referral.note"),
                SealedColumn.of("assistance_referral", id, "outcome_note", "assistance_referral.outcome_note"),
                SealedColumn.of("assistance_referral", id, "decline_reason_enc", ReferralRepository.DECLINE_REASON),
                SealedColumn.of(
                        "assistance_referral", id, "withdrawal_reason_enc", ReferralRepository.WITHDRAWAL_REASON),
                SealedColumn.of("assistance_note", id, "text", "assistance_note.text"));
    }
}
