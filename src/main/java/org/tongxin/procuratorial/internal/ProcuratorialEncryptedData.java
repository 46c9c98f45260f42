package org.tongxin.procuratorial.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The words of opinions and replies, for the key rotation. */
@Component
class ProcuratorialEncryptedData implements EncryptedData {

    static final String CONTENT = "procuratorial_opinion.content";
    static final String REPLY = "procuratorial_opinion.reply";

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(
                SealedColumn.of("procuratorial_opinion", List.of("id"), "content_enc", CONTENT),
                SealedColumn.of("procuratorial_opinion", List.of("id"), "reply_enc", REPLY));
    }
}
