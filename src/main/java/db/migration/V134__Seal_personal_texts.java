package db.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.tongxin.shared.crypto.CryptoSuite;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.crypto.FieldCiphers;
import org.tongxin.shared.crypto.PlainTextSealing;

/**
 * Seals the free texts kept in plain text before into the encrypted columns V133 added (doc/adr/0024); V135 drops the
 * plain columns. The data key comes as Flyway placeholders ({@code data_key_file}, {@code crypto_suite}, set in
 * application.yml from the application's own settings). The contexts are the ones the repositories open the values
 * with: {@code "table.column"} of the plain column.
 */
public class V134__Seal_personal_texts extends BaseJavaMigration {

    /** Table → primary key and the plain columns of free text. */
    private static final List<Target> TARGETS = List.of(
            new Target("assistance_referral", List.of("id"), List.of("decline_reason", "withdrawal_reason")),
            new Target("exchange_handover", List.of("id"), List.of("note")),
            new Target("exchange_item", List.of("id"), List.of("title")),
            new Target("exchange_round", List.of("handover_id", "round"), List.of("note")),
            new Target("exchange_problem", List.of("handover_id", "round", "position"), List.of("note")),
            new Target("coordination_meeting", List.of("id"), List.of("title", "minutes", "cancel_reason")),
            new Target("coordination_agenda_item", List.of("meeting_id", "position"), List.of("topic")),
            new Target("coordination_decision", List.of("id"), List.of("text", "done_note")),
            new Target("coordination_conflict", List.of("id"), List.of("point", "response", "escalation_note", "resolution", "lessons")));

    private record Target(String table, List<String> key, List<String> columns) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Map<String, String> placeholders = context.getConfiguration().getPlaceholders();
        FieldCipher cipher = FieldCiphers.fromKeyFile(Path.of(placeholders.get("data_key_file")),
                CryptoSuite.valueOf(placeholders.getOrDefault("crypto_suite", "STANDARD")));
        Connection c = context.getConnection();
        for (Target t : TARGETS) {
            for (String column : t.columns()) {
                PlainTextSealing.seal(c, cipher, t.table(), t.key(), column, column + "_enc", t.table() + "." + column);
            }
        }
        declineReasonsOfStatistics(c, cipher);
    }

    /**
     * The coordinator's screen kept a declined referral's reason after the service ({@code "SERVICE: reason"}): the detail
     * keeps the service, the reason moves into the encrypted column.
     */
    private static void declineReasonsOfStatistics(Connection c, FieldCipher cipher) throws SQLException {
        record Split(UUID id, String detail, String reason) {
        }
        List<Split> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT item_id, detail FROM statistics_item WHERE kind = 'REFERRAL_DECLINED' AND position(':' IN detail) > 0""");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String detail = rs.getString(2);
                int colon = detail.indexOf(':');
                rows.add(new Split(rs.getObject(1, UUID.class), detail.substring(0, colon), detail.substring(colon + 1).strip()));
            }
        }
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE statistics_item SET detail = ?, reason_enc = ? WHERE kind = 'REFERRAL_DECLINED' AND item_id = ?""")) {
            for (Split row : rows) {
                u.setString(1, row.detail());
                u.setBytes(2, row.reason().isEmpty() ? null : cipher.encrypt(row.reason(), "statistics_item.reason"));
                u.setObject(3, row.id());
                u.addBatch();
            }
            u.executeBatch();
        }
    }
}
