package org.tongxin.identity.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The staff accounts' encrypted second-factor secrets, for the key rotation (doc/operations.md). */
@Component
class IdentityEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.of("identity_user", List.of("id"), "totp_secret", SecondFactors.SECRET_CONTEXT));
    }
}
