package org.tongxin.coordination.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.coordination.ConflictType;
import org.tongxin.coordination.ConflictViews.ConflictView;
import org.tongxin.coordination.MeetingViews.DecisionView;
import org.tongxin.coordination.MeetingViews.MeetingView;

/**
 * The coordination module's presentation assembler, for the API and the pages alike: the agencies of conflicts and
 * meetings named in the reader's language (one read per page or list, not one per line), a conflict's register line,
 * and a conflict type's name as the message bundles spell it.
 */
@Component
class CoordinationPresentation {

    private final AgencyDirectory agencies;
    private final MessageSource messages;

    CoordinationPresentation(AgencyDirectory agencies, MessageSource messages) {
        this.agencies = agencies;
        this.messages = messages;
    }

    /** The names of the agencies in these conflicts: who raised each, its coordination office, its parties. */
    Map<AgencyId, AgencyName> conflictAgencies(Collection<ConflictView> conflicts, Locale locale) {
        List<AgencyId> ids = new ArrayList<>();
        conflicts.forEach(c -> {
            ids.add(c.raisedBy());
            ids.add(c.office());
            ids.addAll(c.parties());
        });
        return agencies.names(ids, locale);
    }

    /** The names of the agencies of a meeting (convenor, attendees) and of those its decisions name. */
    Map<AgencyId, AgencyName> meetingAgencies(MeetingView meeting, Collection<DecisionView> decisions, Locale locale) {
        List<AgencyId> ids = new ArrayList<>(meeting.attendees());
        ids.add(meeting.convenor());
        decisions.forEach(d -> ids.add(d.owingAgency()));
        return agencies.names(ids, locale);
    }

    /** A conflict as the register lists it: the names of who raised it and of its parties. */
    static ConflictPages.ConflictLine line(ConflictView c, Map<AgencyId, AgencyName> names) {
        return new ConflictPages.ConflictLine(
                c,
                name(names, c.raisedBy()),
                c.parties().stream().map(p -> name(names, p)).toList());
    }

    /** An agency's name as a page writes it: "—" for one that is not known. */
    static String name(Map<AgencyId, AgencyName> names, @Nullable AgencyId id) {
        AgencyName name = id == null ? null : names.get(id);
        return name == null ? "—" : name.name();
    }

    /** The conflict type's name (conflict.type.*): one spelling for the API and the pages. */
    String typeName(ConflictType type, Locale locale) {
        return messages.getMessage("conflict.type." + type.name(), null, type.name(), locale);
    }
}
