package org.tongxin.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.KeyedHash;

/**
 * The keyed hashes of the audit chain. A record's hash covers every stored column but {@code txid} and the hash
 * itself, in a fixed order with explicit lengths, so no two different records serialise alike. Each stored hash names
 * the suite and key version it was made with; verification recomputes it under those, so the chain stays verifiable
 * after a suite switch or a key rotation (audit rows are never rewritten).
 */
@Component
class AuditHashing {

    private final KeyedHash keyedHash;

    AuditHashing(KeyedHash keyedHash) {
        this.keyedHash = keyedHash;
    }

    byte[] recordHash(StoredRecord r) {
        return keyedHash.hash("audit-record", recordBytes(r));
    }

    /** Whether the record's stored hash is its hash under the key version and suite the hash names. */
    boolean recordMatches(StoredRecord r) {
        return keyedHash.matches("audit-record", recordBytes(r), r.rowHash());
    }

    private static byte[] recordBytes(StoredRecord r) {
        Canonical c = new Canonical();
        c.add(Long.toString(r.id()))
                .add(micros(r.occurredAt()))
                .add(r.category())
                .add(r.action())
                .add(r.outcome())
                .add(r.actorKind())
                .add(uuid(r.actorUserId()))
                .add(r.actorUsername())
                .add(uuid(r.actorAgencyId()))
                .add(r.actorRoles())
                .add(r.clientIp())
                .add(r.correlationId())
                .add(r.targetType())
                .add(r.targetId())
                .add(Integer.toString(r.subjectIds().size()));
        r.subjectIds().forEach(c::add);
        c.add(r.purpose()).add(r.details());
        return c.bytes();
    }

    byte[] batchHash(List<Long> ids, List<byte[]> hashes) {
        return keyedHash.hash("audit-batch", batchBytes(ids, hashes));
    }

    boolean batchMatches(byte[] stored, List<Long> ids, List<byte[]> hashes) {
        return keyedHash.matches("audit-batch", batchBytes(ids, hashes), stored);
    }

    private static byte[] batchBytes(List<Long> ids, List<byte[]> hashes) {
        ByteBuffer buffer = ByteBuffer.allocate(
                ids.size() * 8 + hashes.stream().mapToInt(h -> h.length + 4).sum());
        for (int i = 0; i < ids.size(); i++) {
            buffer.putLong(ids.get(i)).putInt(hashes.get(i).length).put(hashes.get(i));
        }
        return buffer.array();
    }

    byte[] sealHash(byte[] previous, long txidFrom, long txidTo, int count, byte[] batch) {
        return keyedHash.hash("audit-seal", sealBytes(previous, txidFrom, txidTo, count, batch));
    }

    boolean sealMatches(byte[] stored, byte[] previous, long txidFrom, long txidTo, int count, byte[] batch) {
        return keyedHash.matches("audit-seal", sealBytes(previous, txidFrom, txidTo, count, batch), stored);
    }

    private static byte[] sealBytes(byte[] previous, long txidFrom, long txidTo, int count, byte[] batch) {
        Canonical c = new Canonical();
        c.add(previous == null ? "" : HexFormat.of().formatHex(previous))
                .add(Long.toString(txidFrom))
                .add(Long.toString(txidTo))
                .add(Integer.toString(count))
                .add(HexFormat.of().formatHex(batch));
        return c.bytes();
    }

    static String micros(Instant t) {
        return t.getEpochSecond() + "." + String.format("%06d", t.getNano() / 1000);
    }

    private static String uuid(UUID u) {
        return u == null ? null : u.toString();
    }

    /** Length-prefixed fields; null is distinct from the empty string. */
    private static final class Canonical {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Canonical add(String value) {
            if (value == null) {
                out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
                return this;
            }
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
