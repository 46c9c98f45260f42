package org.tongxin.obligation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;

/**
 * What an inbox line waits for, in the reader's language (ADR 0039): "等待城东区人民法院补正法律文书", "Waiting for the
 * subject to report", with "not started" before it when the step's trigger has not happened. The words come from the
 * message bundle ({@code obligation.waiting.<REASON>}, a step-specific {@code obligation.waiting.<REASON>.<step>} first).
 * The inbox uses it; any page that lists obligations (the work page, the case page) may show the same words.
 */
@Component
public class WaitingWords {

    private final MessageSource messages;

    public WaitingWords(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The words for a line that waits, or empty for one its agency can act on. {@code names}: the agencies' names in
     * the reader's language (at least the one it waits for, {@link ObligationView#waitingForAgencyId}).
     */
    public Optional<String> text(ObligationView o, Map<AgencyId, AgencyName> names, Locale locale) {
        AgencyName organ = o.waitingForAgencyId() == null ? null : names.get(o.waitingForAgencyId());
        return Optional.ofNullable(words(o, organ == null ? null : organ.name(), locale));
    }

    /**
     * As {@link #text}, for a page that already has the name of the organ the line waits for (null: "another organ");
     * null for a line its agency can act on.
     */
    public String words(ObligationView o, String organName, Locale locale) {
        Optional<WaitReason> reason = o.waitReason();
        if (reason.isEmpty()) {
            return null;
        }
        if (organName == null) {
            organName = messages.getMessage("obligation.waiting.anotherOrgan", null, locale);
        }
        String key = "obligation.waiting." + reason.get().name();
        String words = messages.getMessage(key + "." + o.stepId(), new Object[] {organName}, null, locale);
        if (words == null) {
            words = messages.getMessage(key, new Object[] {organName}, locale);
        }
        return o.standing() == Standing.NOT_STARTED
                ? messages.getMessage("obligation.notStarted.waiting", new Object[] {words}, locale)
                : words;
    }
}
