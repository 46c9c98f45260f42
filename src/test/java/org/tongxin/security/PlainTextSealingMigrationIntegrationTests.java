package org.tongxin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tongxin.platform.EmbeddedDatabase;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.support.IntegrationTest;

/**
 * An install upgraded from before the free texts were encrypted (doc/adr/0024): the migrations seal every reason, note,
 * title and conflict or meeting text that was in plain text, move a declined referral's reason out of the statistics
 * detail, drop the plain columns, and strip the free text earlier events carried — on a database of its own, migrated
 * first to the version before, filled as the old code wrote, then migrated to the end.
 */
@IntegrationTest
class PlainTextSealingMigrationIntegrationTests {

    @Autowired
    FieldCipher cipher;

    @Value("${spring.flyway.user}")
    String owner;

    @Value("${spring.flyway.password}")
    String ownerPassword;

    @Value("${spring.datasource.username}")
    String appRole;

    @Value("${tongxin.data-key-file}")
    String keyFile;

    @Test
    void anOlderInstallsPlainTextsAreSealedAndTheirPlainColumnsAndEventReasonsAreGone() {
        EmbeddedDatabase embedded = EmbeddedDatabase.current().orElseThrow();
        String database = embedded.database("sealing_" + Long.toHexString(System.nanoTime()));
        DriverManagerDataSource owned = new DriverManagerDataSource(embedded.jdbcUrl(database), owner, ownerPassword);
        Map<String, String> placeholders =
                Map.of("app_role", appRole, "data_key_file", keyFile, "crypto_suite", "STANDARD");
        Flyway.configure()
                .dataSource(owned)
                .locations("classpath:db/migration")
                .placeholders(placeholders)
                .target("133")
                .load()
                .migrate();

        JdbcClient jdbc = JdbcClient.create(owned);
        Timestamp now = Timestamp.from(Instant.parse("2026-11-02T02:00:00Z"));
        UUID referral = UUID.randomUUID();
        UUID agency = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        jdbc.sql("""
            INSERT INTO assistance_referral (id, case_id, service, from_agency_id, to_agency_id, status, note, made_at, updated_at,
                decline_reason, withdrawal_reason)
            VALUES (:id, :case, 'JOB_TRAINING', :from, :to, 'DECLINED', '\\x01', :now, :now, :decline, :withdraw)\
            """)
                .param("id", referral)
                .param("case", UUID.randomUUID())
                .param("from", agency)
                .param("to", other)
                .param("now", now)
                .param("decline", "对象冯某某住在城东区青云路，不符合本区培训条件")
                .param("withdraw", "对象冯某某已迁往外省")
                .update();
        UUID handover = UUID.randomUUID();
        jdbc.sql("""
            INSERT INTO exchange_handover (id, case_id, kind, step_id, sender_agency_id, receiver_agency_id, status, audience, note,
                created_at, updated_at)
            VALUES (:id, :case, 'MISSING_NOTICE', 'report.missed', :from, :to, 'DELIVERED', 'EXECUTING_AGENCY', :note, :now, :now)\
            """)
                .param("id", handover)
                .param("case", UUID.randomUUID())
                .param("from", agency)
                .param("to", other)
                .param("now", now)
                .param("note", "冯某某的母亲说他去了广州")
                .update();
        jdbc.sql("""
            INSERT INTO exchange_item (id, handover_id, position, code, title, added_round)
            VALUES (:id, :h, 1, 'SEARCH_RECORD', :title, 0)\
            """)
                .param("id", UUID.randomUUID())
                .param("h", handover)
                .param("title", "十月三日走访冯某某家属及其工作单位，均称未见本人")
                .update();
        UUID conflict = UUID.randomUUID();
        jdbc.sql("""
            INSERT INTO coordination_conflict (id, type, state, raised_by_agency_id, raised_by_user_id, office_id, point,
                policy_region, raised_at, updated_at, resolution)
            VALUES (:id, 'RESPONSIBILITY', 'RESOLVED', :a, :u, :o, :point, '369900', :now, :now, :resolution)\
            """)
                .param("id", conflict)
                .param("a", agency)
                .param("u", UUID.randomUUID())
                .param("o", other)
                .param("now", now)
                .param("point", "冯某某失联后由谁牵头查找")
                .param("resolution", "公安机关协助，司法所牵头")
                .update();
        UUID meeting = UUID.randomUUID();
        jdbc.sql("""
            INSERT INTO coordination_meeting (id, convenor_id, policy_region, title, scheduled_at, place, status, minutes,
                created_by, created_at, updated_at)
            VALUES (:id, :o, '369900', :title, :now, '市司法局会议室', 'HELD', :minutes, :u, :now, :now)\
            """)
                .param("id", meeting)
                .param("o", other)
                .param("title", "关于冯某某帮扶的联席会议")
                .param("now", now)
                .param("minutes", "会议听取了冯某某家庭情况的汇报")
                .param("u", UUID.randomUUID())
                .update();
        jdbc.sql("""
            INSERT INTO statistics_item (kind, item_id, agency_id, district, detail, opened_at)
            VALUES ('REFERRAL_DECLINED', :id, :a, '369902', 'JOB_TRAINING: 冯某某名下有营业执照', :now)\
            """).param("id", referral).param("a", other).param("now", now).update();
        jdbc.sql("""
            INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)
            VALUES (:id, 'statistics', 'org.tongxin.assistance.AssistanceEvents$ReferralDeclined', :json, :now)\
            """)
                .param("id", UUID.randomUUID())
                .param("now", now)
                .param(
                        "json",
                        "{\"eventId\":\"" + UUID.randomUUID()
                                + "\",\"reason\":\"冯某某名下有营业执照\",\"service\":\"JOB_TRAINING\"}")
                .update();

        Flyway.configure()
                .dataSource(owned)
                .locations("classpath:db/migration")
                .placeholders(placeholders)
                .load()
                .migrate();

        assertThat(cipher.decrypt(
                        jdbc.sql("SELECT decline_reason_enc FROM assistance_referral")
                                .query(byte[].class)
                                .single(),
                        "assistance_referral.decline_reason"))
                .isEqualTo("对象冯某某住在城东区青云路，不符合本区培训条件");
        assertThat(cipher.decrypt(
                        jdbc.sql("SELECT withdrawal_reason_enc FROM assistance_referral")
                                .query(byte[].class)
                                .single(),
                        "assistance_referral.withdrawal_reason"))
                .isEqualTo("对象冯某某已迁往外省");
        assertThat(cipher.decrypt(
                        jdbc.sql("SELECT note_enc FROM exchange_handover")
                                .query(byte[].class)
                                .single(),
                        "exchange_handover.note"))
                .isEqualTo("冯某某的母亲说他去了广州");
        assertThat(cipher.decrypt(
                        jdbc.sql("SELECT title_enc FROM exchange_item")
                                .query(byte[].class)
                                .single(),
                        "exchange_item.title"))
                .isEqualTo("十月三日走访冯某某家属及其工作单位，均称未见本人");
        assertThat(cipher.decrypt(
                        jdbc.sql("SELECT point_enc FROM coordination_conflict")
                                .query(byte[].class)
                                .single(),
                        "coordination_conflict.point"))
                .isEqualTo("冯某某失联后由谁牵头查找");
        assertThat(cipher.decrypt(
                        jdbc.sql("SELECT resolution_enc FROM coordination_conflict")
                                .query(byte[].class)
                                .single(),
                        "coordination_conflict.resolution"))
                .isEqualTo("公安机关协助，司法所牵头");
        assertThat(jdbc.sql("SELECT response_enc FROM coordination_conflict")
                        .query(byte[].class)
                        .optional())
                .isEmpty();
        assertThat(cipher.decrypt(
                        jdbc.sql("SELECT title_enc FROM coordination_meeting")
                                .query(byte[].class)
                                .single(),
                        "coordination_meeting.title"))
                .isEqualTo("关于冯某某帮扶的联席会议");
        assertThat(cipher.decrypt(
                        jdbc.sql("SELECT minutes_enc FROM coordination_meeting")
                                .query(byte[].class)
                                .single(),
                        "coordination_meeting.minutes"))
                .isEqualTo("会议听取了冯某某家庭情况的汇报");
        assertThat(jdbc.sql("SELECT detail FROM statistics_item")
                        .query(String.class)
                        .single())
                .isEqualTo("JOB_TRAINING");
        assertThat(cipher.decrypt(
                        jdbc.sql("SELECT reason_enc FROM statistics_item")
                                .query(byte[].class)
                                .single(),
                        "statistics_item.reason"))
                .isEqualTo("冯某某名下有营业执照");

        assertThat(jdbc.sql("""
            SELECT table_name || '.' || column_name FROM information_schema.columns
             WHERE table_schema = 'public' AND (table_name, column_name) IN (('assistance_referral', 'decline_reason'),
                   ('assistance_referral', 'withdrawal_reason'), ('exchange_handover', 'note'), ('exchange_item', 'title'),
                   ('exchange_round', 'note'), ('exchange_problem', 'note'), ('coordination_meeting', 'title'),
                   ('coordination_meeting', 'minutes'), ('coordination_meeting', 'cancel_reason'), ('coordination_agenda_item', 'topic'),
                   ('coordination_decision', 'text'), ('coordination_decision', 'done_note'), ('coordination_conflict', 'point'),
                   ('coordination_conflict', 'response'), ('coordination_conflict', 'escalation_note'),
                   ('coordination_conflict', 'resolution'), ('coordination_conflict', 'lessons'))\
            """).query(String.class).list())
                .as("the plain columns are gone")
                .isEmpty();
        String event = jdbc.sql("SELECT serialized_event FROM event_publication")
                .query(String.class)
                .single();
        assertThat(event).doesNotContain("冯某某").doesNotContain("reason").contains("JOB_TRAINING");
    }
}
