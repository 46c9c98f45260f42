package org.tongxin.identity.internal;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A source that presented too many bad bearer tokens must wait: answered 429 with {@code Retry-After}. */
class TooManyFailuresException extends AuthenticationException {

    private final Duration retryAfter;

    TooManyFailuresException(Duration retryAfter) {
        super("Too many failed attempts from this source");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait (at least one). */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
