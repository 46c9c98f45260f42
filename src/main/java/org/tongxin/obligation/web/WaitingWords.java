package org.tongxin.obligation.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.obligation.Inboxes.InboxView;
import org.tongxin.obligation.ObligationView;
import org.tongxin.obligation.Standing;
import org.tongxin.obligation.WaitReason;
import org.tongxin.shared.error.TongxinException;

/**
 * What an inbox line waits for, in the reader's language (ADR 0039): "等待城东区人民法院补正法律文书", "Waiting for the
 * subject to report", with "not started" before it when the step's trigger has not happened. The words come from the
 * message bundle ({@code obligation.waiting.<REASON>}, a step-specific {@code obligation.waiting.<REASON>.<step>} first).
 */
@Component
class WaitingWords {

    private final MessageSource messages;

    WaitingWords(MessageSource messages) {
        this.messages = messages;
    }

    /** The words for a line that waits, or empty for one its agency can act on. */
    Optional<String> text(ObligationView o, Map<AgencyId, AgencyName> names, Locale locale) {
        Optional<WaitReason> reason = o.waitReason();
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        AgencyName organ = o.waitingForAgencyId() == null ? null : names.get(o.waitingForAgencyId());
        String organName = organ == null ? messages.getMessage("obligation.waiting.anotherOrgan", null, locale) : organ.name();
        String key = "obligation.waiting." + reason.get().name();
        String words = messages.getMessage(key + "." + o.stepId(), new Object[] { organName }, null, locale);
        if (words == null) {
            words = messages.getMessage(key, new Object[] { organName }, locale);
        }
        return Optional.of(o.standing() == Standing.NOT_STARTED
                ? messages.getMessage("obligation.notStarted.waiting", new Object[] { words }, locale) : words);
    }

    /** The {@code show} parameter: todo, waiting or all (the default); anything else is a 400 naming the choices. */
    static InboxView show(String show) {
        if (show == null || show.isBlank()) {
            return InboxView.ALL;
        }
        for (InboxView v : InboxView.values()) {
            if (v.name().equalsIgnoreCase(show.strip())) {
                return v;
            }
        }
        throw TongxinException.invalid("show", "oneOf", "todo, waiting, all");
    }
}
