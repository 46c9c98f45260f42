package org.tongxin.coordination.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The joint meetings' and the conflict register's encrypted texts, for the key rotation (doc/operations.md). */
@Component
class CoordinationEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        List<String> id = List.of("id");
        return List.of(
                SealedColumn.of("coordination_meeting", id, "title_enc", MeetingRepository.TITLE),
                SealedColumn.of("coordination_meeting", id, "minutes_enc", MeetingRepository.MINUTES),
                SealedColumn.of("coordination_meeting", id, "cancel_reason_enc", MeetingRepository.CANCEL_REASON),
                SealedColumn.of(
                        "coordination_agenda_item",
                        List.of("meeting_id", "position"),
                        "topic_enc",
                        MeetingRepository.TOPIC),
                SealedColumn.of("coordination_decision", id, "text_enc", MeetingRepository.DECISION_TEXT),
                SealedColumn.of("coordination_decision", id, "done_note_enc", MeetingRepository.DONE_NOTE),
                SealedColumn.of("coordination_conflict", id, "point_enc", ConflictRepository.POINT),
                SealedColumn.of("coordination_conflict", id, "response_enc", ConflictRepository.RESPONSE),
                SealedColumn.of("coordination_conflict", id, "escalation_note_enc", ConflictRepository.ESCALATION_NOTE),
                SealedColumn.of("coordination_conflict", id, "resolution_enc", ConflictRepository.RESOLUTION),
                SealedColumn.of("coordination_conflict", id, "lessons_enc", ConflictRepository.LESSONS));
    }
}
