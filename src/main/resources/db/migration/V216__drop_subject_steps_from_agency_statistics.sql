-- Module statistics: a step the subject owes (reporting in) is the subject's, not the watching county agency's work
-- (doc/adr/0039-an-inbox-honest-about-who-can-act.md). The projection no longer takes such steps in; the rows it took
-- before leave the holdups and overdue lists here. Monthly counters already summed keep their figures (they are history
-- as it was counted then).
DELETE FROM statistics_obligation s
 USING obligation o
 WHERE o.id = s.obligation_id AND o.owed_by_subject;
