package org.tongxin.shared.crypto;

/** The data key file is missing, unreadable or malformed; Tongxin does not start without it. */
public class DataKeyException extends IllegalStateException {

    public DataKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
