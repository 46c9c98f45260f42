-- A case's standing lapse (LAPSE_ALL) may leave some steps open: those the law keeps after the case ended (the ending's
-- own notices, the replies owed to the procuratorate). Without it a step a late reaction opened after the ending stayed
-- open for ever (doc/adr/0041).
ALTER TABLE obligation_signal ADD COLUMN kept_steps TEXT;

COMMENT ON COLUMN obligation_signal.kept_steps IS 'For a LAPSE_ALL: the steps it leaves open, comma-separated ids or prefixes ending in a dot (end.certify, procuratorate.); null: every step lapses.';
