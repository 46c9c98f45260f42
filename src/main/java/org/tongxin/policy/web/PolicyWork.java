package org.tongxin.policy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.policy.PolicyModels;
import org.tongxin.shared.web.Formats;
import org.tongxin.shared.web.WorkSection;

/**
 * The policy model's part of the work page, for whoever may draft a region's model (the national policy editor the
 * baseline, a city coordinator the city's variant, by {@link PolicyViews#mayEdit}): each such model's open draft to
 * review and publish, or the way to start one.
 */
@Component
class PolicyWork implements WorkSection {

    private final PolicyViews views;
    private final PolicyModels models;
    private final MessageSource messages;
    private final Formats formats;

    PolicyWork(PolicyViews views, PolicyModels models, MessageSource messages, Formats formats) {
        this.views = views;
        this.models = models;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<Part> sections() {
        Locale locale = LocaleContextHolder.getLocale();
        List<Item> items = new ArrayList<>();
        long drafts = 0;
        for (PolicyModels.ModelView model : views.models()) {
            if (!views.mayEdit(model.region())) {
                continue;
            }
            var draft = models.draft(model.region());
            if (draft.isPresent()) {
                drafts++;
                items.add(new Item(
                        text(
                                "work.policy.draft",
                                model.name(locale),
                                draft.get().number()),
                        text("work.policy.draft.help"),
                        draft.get().createdAt(),
                        text(
                                "work.policy.createdAt",
                                formats.dateTime(draft.get().createdAt())),
                        Urgency.OPEN,
                        text("work.policy.state.draft"),
                        "/policy/drafts/" + draft.get().id(),
                        text("policy.draft.open")));
            } else {
                items.add(new Item(
                        model.name(locale),
                        text("work.policy.noDraft.help"),
                        null,
                        null,
                        Urgency.INFO,
                        text("work.policy.state.published"),
                        "/policy?region=" + model.region(),
                        text("work.policy.openModel")));
            }
        }
        if (items.isEmpty()) {
            return List.of();
        }
        return List.of(new Part(
                "policy",
                Kind.DUTIES,
                text("work.policy.title"),
                text("work.policy.intro"),
                drafts,
                0,
                0,
                items,
                "/policy",
                text("work.policy.all"),
                null));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
