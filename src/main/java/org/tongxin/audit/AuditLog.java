package org.tongxin.audit;

/**
 * Writes audit records. Fails closed: if the record cannot be written, the call throws and the audited action
 * (a read or a change) must fail with it. Inside a writable transaction the record joins it (a change and its
 * record commit together); otherwise it is written in a transaction of its own.
 */
public interface AuditLog {

    void record(AuditEntry entry);

    default void record(AuditEntry.Builder entry) {
        record(entry.build());
    }
}
