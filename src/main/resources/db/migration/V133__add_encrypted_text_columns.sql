-- Free texts that may name or describe a person are encrypted at rest with the data key (doc/security-requirements.md S15,
-- doc/adr/0024): reasons for declining or withdrawing a referral, handover item titles (the missing-subject notice puts
-- the search record there) and notes, the conflict register's texts, joint meetings' titles, minutes, agenda topics
-- and decisions, and the decline reasons statistics keep for the coordinator's screen. This migration adds the
-- encrypted columns; V134.x (Java, with the key) seals what the plain columns hold, V135 drops them. Each value is
-- sealed with its column as context ("table.column"), so a value copied elsewhere does not open.

ALTER TABLE assistance_referral ADD COLUMN decline_reason_enc BYTEA, ADD COLUMN withdrawal_reason_enc BYTEA;
COMMENT ON COLUMN assistance_referral.decline_reason_enc IS 'Why the receiving agency declined (required for a decline), encrypted.';
COMMENT ON COLUMN assistance_referral.withdrawal_reason_enc IS 'Why the referring agency withdrew it before an answer, encrypted.';

ALTER TABLE exchange_handover ADD COLUMN note_enc BYTEA;
COMMENT ON COLUMN exchange_handover.note_enc IS 'The sender''s covering note, encrypted.';
ALTER TABLE exchange_item ADD COLUMN title_enc BYTEA;
COMMENT ON COLUMN exchange_item.title_enc IS 'Title as written on the document (for a missing-subject notice: the search record), encrypted.';
ALTER TABLE exchange_round ADD COLUMN note_enc BYTEA;
COMMENT ON COLUMN exchange_round.note_enc IS 'The receiver''s note, encrypted.';
ALTER TABLE exchange_problem ADD COLUMN note_enc BYTEA;
COMMENT ON COLUMN exchange_problem.note_enc IS 'What is wrong, encrypted.';

ALTER TABLE coordination_meeting ADD COLUMN title_enc BYTEA, ADD COLUMN minutes_enc BYTEA, ADD COLUMN cancel_reason_enc BYTEA;
COMMENT ON COLUMN coordination_meeting.title_enc IS 'Title, encrypted.';
COMMENT ON COLUMN coordination_meeting.minutes_enc IS 'The minutes (纪要), recorded after it was held, encrypted.';
COMMENT ON COLUMN coordination_meeting.cancel_reason_enc IS 'Why it was cancelled, encrypted.';
ALTER TABLE coordination_agenda_item ADD COLUMN topic_enc BYTEA;
COMMENT ON COLUMN coordination_agenda_item.topic_enc IS 'The topic, or a note on the case, encrypted.';
ALTER TABLE coordination_decision ADD COLUMN text_enc BYTEA, ADD COLUMN done_note_enc BYTEA;
COMMENT ON COLUMN coordination_decision.text_enc IS 'What was decided, encrypted.';
COMMENT ON COLUMN coordination_decision.done_note_enc IS 'What was done, encrypted.';
ALTER TABLE coordination_conflict ADD COLUMN point_enc BYTEA, ADD COLUMN response_enc BYTEA, ADD COLUMN escalation_note_enc BYTEA,
    ADD COLUMN resolution_enc BYTEA, ADD COLUMN lessons_enc BYTEA;
COMMENT ON COLUMN coordination_conflict.point_enc IS 'The conflict point: what is disputed, encrypted.';
COMMENT ON COLUMN coordination_conflict.response_enc IS 'The coordination office''s first response, encrypted.';
COMMENT ON COLUMN coordination_conflict.escalation_note_enc IS 'Why it was escalated, encrypted.';
COMMENT ON COLUMN coordination_conflict.resolution_enc IS 'How it was resolved, encrypted.';
COMMENT ON COLUMN coordination_conflict.lessons_enc IS 'Lessons learned, encrypted.';

ALTER TABLE statistics_item ADD COLUMN reason_enc BYTEA;
COMMENT ON COLUMN statistics_item.reason_enc IS 'For a declined referral: the reason the department gave, encrypted (detail keeps only the service).';
COMMENT ON COLUMN statistics_item.detail IS 'Non-personal facts of the item: the handover kind and number of problems, the service, or the conflict type and step.';
