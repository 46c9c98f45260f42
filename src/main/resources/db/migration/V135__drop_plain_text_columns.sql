-- The plain-text columns whose values V134.x sealed into encrypted ones (doc/adr/0024) go, and so do the free texts
-- earlier events carried into the event publication registry: a referral's decline reason, a pause's or waiver's reason.
-- Events now carry ids and non-personal facts only (EventPayloadIntegrationTests).

ALTER TABLE assistance_referral DROP COLUMN decline_reason, DROP COLUMN withdrawal_reason;
ALTER TABLE exchange_handover DROP COLUMN note;
ALTER TABLE exchange_item DROP COLUMN title;
ALTER TABLE exchange_item ALTER COLUMN title_enc SET NOT NULL;
ALTER TABLE exchange_round DROP COLUMN note;
ALTER TABLE exchange_problem DROP COLUMN note;
ALTER TABLE coordination_meeting DROP COLUMN title, DROP COLUMN minutes, DROP COLUMN cancel_reason;
ALTER TABLE coordination_meeting ALTER COLUMN title_enc SET NOT NULL;
ALTER TABLE coordination_agenda_item DROP COLUMN topic;
ALTER TABLE coordination_decision DROP COLUMN text, DROP COLUMN done_note;
ALTER TABLE coordination_decision ALTER COLUMN text_enc SET NOT NULL;
ALTER TABLE coordination_conflict DROP COLUMN point, DROP COLUMN response, DROP COLUMN escalation_note, DROP COLUMN resolution,
    DROP COLUMN lessons;
ALTER TABLE coordination_conflict ALTER COLUMN point_enc SET NOT NULL;

UPDATE event_publication SET serialized_event = (serialized_event::jsonb - 'reason')::text
 WHERE event_type IN ('org.tongxin.assistance.AssistanceEvents$ReferralDeclined',
                      'org.tongxin.obligation.ObligationEvents$ObligationPaused',
                      'org.tongxin.obligation.ObligationEvents$ObligationWaived');
