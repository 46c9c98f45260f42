package org.tongxin.platform;

/** The embedded PostgreSQL could not be started or prepared; the message says why and what to do. */
class EmbeddedDatabaseUnavailableException extends IllegalStateException {

    private final String action;

    EmbeddedDatabaseUnavailableException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    String action() {
        return action;
    }
}
