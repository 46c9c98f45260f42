package org.tongxin.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.platform.KeyRotations;
import org.tongxin.platform.KeyRotations.KeyState;
import org.tongxin.platform.KeyRotations.Outcome;
import org.tongxin.platform.KeyRotations.Run;
import org.tongxin.shared.web.Formats;
import org.tongxin.shared.web.WorkSection;

/**
 * The platform's part of the work page, for the system and security administrators: the data key's age (a warning, and
 * one more overdue item, once it is older than the operations guide allows) and the last rotation — when, by whom, how
 * many values it sealed anew, how it ended — each one click from the page of every rotation.
 */
@Component
class KeyRotationWork implements WorkSection {

    static final String PAGE = "/admin/key-rotations";

    private final KeyRotations rotations;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Formats formats;

    KeyRotationWork(KeyRotations rotations, CurrentUser currentUser, MessageSource messages, Formats formats) {
        this.rotations = rotations;
        this.currentUser = currentUser;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public List<Part> sections() {
        TongxinPrincipal me = currentUser.get();
        if (!me.has(Role.SYSTEM_ADMIN) && !me.has(Role.SECURITY_ADMIN)) {
            return List.of();
        }
        KeyState key = rotations.key();
        Optional<Run> last = rotations.last();
        List<Item> items = new ArrayList<>();
        String keyLabel = text("work.keys.key", key.keyVersion(), text("keys.suite." + key.suite()));
        String age = key.ageDays() == null
                ? text("work.keys.age.unknown")
                : text("work.keys.age", key.ageDays(), formats.date(key.inUseSince()), key.maxAgeDays());
        if (key.tooOld()) {
            items.add(new Item(
                    keyLabel,
                    age,
                    null,
                    null,
                    Urgency.OVERDUE,
                    text("work.keys.tooOld"),
                    PAGE,
                    text("work.keys.rotate")));
        } else if (key.rotationPending() && last.isPresent()) {
            items.add(new Item(
                    keyLabel,
                    age,
                    null,
                    null,
                    Urgency.OPEN,
                    text("work.keys.pending"),
                    PAGE,
                    text("work.keys.rotate")));
        } else {
            items.add(new Item(
                    keyLabel, age, null, null, Urgency.INFO, text("work.keys.fine"), PAGE, text("work.keys.open")));
        }
        if (last.isPresent()) {
            Run run = last.get();
            String context = text(
                    "work.keys.last.context",
                    formats.dateTime(run.startedAt()),
                    run.runBy(),
                    run.resealed() == null ? "—" : formats.number(run.resealed()));
            boolean bad = run.outcome() == Outcome.FAILED || run.outcome() == Outcome.INCOMPLETE;
            items.add(new Item(
                    text("work.keys.last"),
                    context,
                    run.startedAt(),
                    null,
                    bad ? Urgency.OPEN : Urgency.INFO,
                    text("keys.outcome." + run.outcome().name()),
                    PAGE,
                    text(bad ? "work.keys.rotate" : "work.keys.open")));
        } else {
            items.add(new Item(
                    text("work.keys.last"),
                    text("work.keys.never"),
                    null,
                    null,
                    Urgency.INFO,
                    text("keys.outcome.NEVER"),
                    PAGE,
                    text("work.keys.open")));
        }
        return List.of(new Part(
                "key-rotation",
                Kind.DUTIES,
                text("work.keys.title"),
                text("work.keys.intro"),
                items.size(),
                key.tooOld() ? 1 : 0,
                0,
                items,
                PAGE,
                text("work.keys.all"),
                null));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
