-- Module coordination: a meeting's notice (联席会议通知) and minutes (联席会议纪要) carry their document numbers in the one
-- form of doc/adr/0043 (A市矫委〔2026〕3号), given from the coordination office's sequence of the year when the notice is
-- issued (the meeting convened) and when the minutes are first recorded, and kept so that every rendering shows the same
-- number. Meetings convened before get theirs the first time the document is rendered.

ALTER TABLE coordination_meeting ADD COLUMN notice_number VARCHAR(60);
ALTER TABLE coordination_meeting ADD COLUMN minutes_number VARCHAR(60);
COMMENT ON COLUMN coordination_meeting.notice_number IS 'Document number of the meeting notice (发文字号), e.g. A市矫委〔2026〕3号; given once, never changed.';
COMMENT ON COLUMN coordination_meeting.minutes_number IS 'Document number of the minutes, given when they are first recorded; amendments keep it.';
