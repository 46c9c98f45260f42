package org.tongxin.shared.error;

import java.io.IOException;

/** A request body went beyond the configured limit while it was read. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
