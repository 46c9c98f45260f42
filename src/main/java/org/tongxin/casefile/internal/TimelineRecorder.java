package org.tongxin.casefile.internal;

import java.util.List;
import java.util.TreeMap;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.casefile.TimelineEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every timeline-worthy event of any module onto its case's timeline, once: a redelivered event (after a
 * crash) finds its entry already there.
 */
@Component
class TimelineRecorder {

    private final CaseRepository cases;
    private final JsonMapper json;

    TimelineRecorder(CaseRepository cases, JsonMapper json) {
        this.cases = cases;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(TimelineEntry entry) {
        // Events about a matter without a case (a joint-meeting decision on a topic, a conflict about a procedure)
        // carry no case: there is no timeline to put them on (appendTimeline writes nothing for an unknown case).
        if (entry.caseId() == null) {
            return;
        }
        List<String> audience =
                entry.audience().stream().map(Enum::name).sorted().toList();
        cases.appendTimeline(
                entry.caseId(),
                entry.occurredAt(),
                entry.timelineKind(),
                json.writeValueAsString(new TreeMap<>(entry.timelineArgs())),
                entry.actor().userId(),
                entry.actor().name(),
                entry.actor().agencyId(),
                audience,
                entry.eventId().toString());
    }
}
