package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.audit.AuditLog;
import org.tongxin.audit.internal.AuditSealer;
import org.tongxin.audit.internal.AuditVerifier;
import org.tongxin.casefile.CaseData.CaseSearch;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseFixtures;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.casefile.Gender;
import org.tongxin.shared.crypto.DataKeys;
import org.tongxin.shared.crypto.EncryptedData;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.crypto.KeyedHash;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * Key rotation while the application runs (doc/operations.md): a second key is added to the key file, a rotation is
 * stopped halfway and another dies inside a batch, the next run resumes where the first got to — and throughout every
 * value reads back, identity-number searches find subjects whose hashes are under either key, and the audit log, whose
 * records are never rewritten, verifies under the keys its hashes name.
 */
@IntegrationTest
class KeyRotationIntegrationTests {

    @Autowired
    List<EncryptedData> declarations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    FieldCipher cipher;

    @Autowired
    KeyedHash hash;

    @Autowired
    DataKeys keys;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    CaseManagement management;

    @Autowired
    CaseDirectory directory;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Actors actors;

    @Autowired
    EventQuiescence events;

    @Value("${tongxin.data-key-file}")
    String keyFile;

    KeyRotation rotation(int batchSize, FieldCipher using) {
        return new KeyRotation(
                declarations, jdbc, transactions, using, hash, keys, audit, clock, batchSize, Duration.ZERO);
    }

    @Test
    void aRotationStoppedHalfwayAndOneKilledInsideABatchResumeToTheEndWithEverythingReadableAndFound()
            throws Exception {
        CaseFixtures fixtures = new CaseFixtures(management, agencies, actors, jdbc, clock);
        SubjectData first =
                CaseFixtures.subject("邬旧钥", Gender.FEMALE, fixtures.today().minusYears(35));
        String before = first.idNumber();
        CaseId old = fixtures.underCorrection(first);
        for (int i = 0; i < 4; i++) {
            fixtures.underCorrection(fixtures.adult("邬其" + "甲乙丙丁".charAt(i), Gender.MALE));
        }
        assertThat(events.awaitAll(Duration.ofSeconds(30)))
                .as("the reactions (documents, obligations) have run")
                .isTrue();
        Map<String, String> values = everyValue();
        assertThat(values).as("values to rotate").hasSizeGreaterThan(30);
        int previous = keys.writeVersion();

        addKey(previous + 1);
        assertThat(keys.writeVersion()).isEqualTo(previous + 1);
        SubjectData second =
                CaseFixtures.subject("邬新钥", Gender.MALE, fixtures.today().minusYears(36));
        String after = second.idNumber();
        CaseId fresh = fixtures.underCorrection(second);
        assertThat(events.awaitAll(Duration.ofSeconds(30))).isTrue();
        values = everyValue();

        // Stopped halfway: some columns done, some not, nothing unreadable.
        KeyRotation.Report half = rotation(5, cipher).rotate(4);
        assertThat(half.stopped()).isTrue();
        assertThat(half.resealed()).isPositive();
        assertThat(half.remaining()).isPositive();
        assertThat(everyValue()).isEqualTo(values);
        assertThat(found(before)).containsExactly(old);
        assertThat(found(after)).as("its hash already under the new key").containsExactly(fresh);

        // Killed inside a batch: the batch's changes are rolled back, the position stays where the last batch ended.
        long currentBefore = currentValues();
        long sealedBefore = sealedSoFar();
        AtomicInteger calls = new AtomicInteger();
        FieldCipher dying = new FieldCipher() {
            @Override
            public byte[] encryptBytes(byte[] plain, String context) {
                if (calls.incrementAndGet() == 3) {
                    throw new IllegalStateException("killed");
                }
                return cipher.encryptBytes(plain, context);
            }

            @Override
            public byte[] decryptBytes(byte[] sealed, String context) {
                return cipher.decryptBytes(sealed, context);
            }

            @Override
            public boolean isCurrent(byte[] sealed) {
                return cipher.isCurrent(sealed);
            }
        };
        assertThatThrownBy(() -> rotation(5, dying).rotate()).hasMessageContaining("killed");
        long sealedByTheDead = sealedSoFar() - sealedBefore;
        assertThat(calls.get()).as("it died within a batch, two values in").isEqualTo(3);
        assertThat(currentValues() - currentBefore)
                .as("every value made current belongs to a committed batch: nothing of the one that died")
                .isEqualTo(sealedSoFar() - sealedBefore);
        assertThat(everyValue()).isEqualTo(values);

        // Resumed: to the end, and then nothing left to do.
        KeyRotation.Report rest = rotation(5, cipher).rotate();
        assertThat(rest.complete()).isTrue();
        assertThat(rest.lines())
                .allSatisfy(
                        line -> assertThat(line.remaining()).as(line.target()).isZero());
        assertThat(half.resealed() + rest.resealed())
                .as("each value sealed anew once")
                .isEqualTo(jdbc.sql("SELECT sum(rows_sealed) FROM platform_key_rotation")
                        .query(Long.class)
                        .single());
        assertThat(jdbc.sql("SELECT count(*) FROM platform_key_rotation WHERE finished_at IS NULL OR key_version <> :v")
                        .param("v", previous + 1)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(everyValue()).as("every value reads back the same").isEqualTo(values);
        assertThat(found(before)).containsExactly(old);
        assertThat(found(after)).containsExactly(fresh);
        assertThat(rotation(5, cipher).rotate().resealed())
                .as("a second run changes nothing")
                .isZero();

        sealer.sealNow();
        assertThat(verifier.verify().problems())
                .as("the audit log verifies under the keys its hashes name")
                .isEmpty();
        assertThat(rest.auditKeyVersions()).contains(previous + 1);

        // Each run is recorded for the administrators: who, when, how many values, how it ended.
        List<Map<String, Object>> runs =
                jdbc.sql("""
                    SELECT outcome, resealed, remaining, run_by, finished_at FROM platform_key_rotation_run WHERE key_version = :v\
                    """).param("v", previous + 1).query().listOfRows();
        assertThat(runs)
                .extracting(r -> r.get("outcome"))
                .containsExactlyInAnyOrder("INCOMPLETE", "FAILED", "ROTATED", "ROTATED");
        assertThat(runs).allSatisfy(r -> {
            assertThat((String) r.get("run_by")).contains("@");
            assertThat(r.get("finished_at")).isNotNull();
        });
        Map<String, Object> stopped = runs.stream()
                .filter(r -> "INCOMPLETE".equals(r.get("outcome")))
                .findFirst()
                .orElseThrow();
        assertThat(stopped.get("resealed")).isEqualTo(half.resealed());
        assertThat(stopped.get("remaining")).isEqualTo(half.remaining());
        Map<String, Object> died = runs.stream()
                .filter(r -> "FAILED".equals(r.get("outcome")))
                .findFirst()
                .orElseThrow();
        assertThat(died.get("resealed")).as("only what the dying run committed").isEqualTo(sealedByTheDead);
        assertThat(runs.stream()
                        .filter(r -> "ROTATED".equals(r.get("outcome")))
                        .map(r -> (Long) r.get("resealed"))
                        .toList())
                .containsExactlyInAnyOrder(rest.resealed(), 0L);
        assertThat(jdbc.sql("SELECT count(*) FROM platform_data_key_version WHERE key_version = :v AND suite = :s")
                        .param("v", previous + 1)
                        .param("s", keys.suite().name())
                        .query(Long.class)
                        .single())
                .as("the new key's first use is recorded")
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'keys.rotate' AND details::text LIKE"
                                + " '%FAILED%'")
                        .query(Long.class)
                        .single())
                .as("the failed run is audited")
                .isPositive();
    }

    private List<CaseId> found(String idNumber) {
        return actors.call(
                "cd.county",
                () -> directory
                        .search(
                                new CaseSearch(null, idNumber, null, null, null),
                                PageQuery.of(0, 5, null, CaseDirectory.SORTABLE, "updated"),
                                "test")
                        .items()
                        .stream()
                        .map(CaseSummary::id)
                        .toList());
    }

    /** Every encrypted value the modules declare, decrypted (documents as their SHA-256), by table, column and key. */
    private Map<String, String> everyValue() throws Exception {
        Map<String, String> all = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (EncryptedData d : declarations) {
            for (EncryptedData.SealedColumn c : d.sealedColumns()) {
                String extra = c.contextColumn() == null || c.key().contains(c.contextColumn())
                        ? ""
                        : ", " + c.contextColumn();
                jdbc.sql("SELECT " + String.join(", ", c.key()) + ", " + c.column() + extra + " FROM " + c.table()
                                + " WHERE " + c.column() + " IS NOT NULL")
                        .query()
                        .listOfRows()
                        .forEach(row -> {
                            String context =
                                    c.contextColumn() == null ? c.context() : c.context() + row.get(c.contextColumn());
                            byte[] plain = cipher.decryptBytes((byte[]) row.get(c.column()), context);
                            all.put(
                                    c.target()
                                            + c.key().stream()
                                                    .map(k -> "/" + row.get(k))
                                                    .reduce("", String::concat),
                                    HexFormat.of().formatHex(sha.digest(plain)));
                        });
            }
        }
        return all;
    }

    private long sealedSoFar() {
        return jdbc.sql("SELECT coalesce(sum(rows_sealed), 0) FROM platform_key_rotation")
                .query(Long.class)
                .single();
    }

    /** Values of the declared columns already sealed with the current suite and key. */
    private long currentValues() {
        long n = 0;
        for (EncryptedData d : declarations) {
            for (EncryptedData.SealedColumn c : d.sealedColumns()) {
                n += jdbc.sql("SELECT count(*) FROM " + c.table() + " WHERE substring(" + c.column()
                                + " from 1 for 3) = :h")
                        .param("h", keys.currentHeader())
                        .query(Long.class)
                        .single();
            }
        }
        return n;
    }

    private void addKey(int version) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(
                Path.of(keyFile),
                "\n" + version + ":" + Base64.getEncoder().encodeToString(key) + "\n",
                StandardCharsets.US_ASCII,
                StandardOpenOption.APPEND);
    }
}
