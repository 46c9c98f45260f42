package org.tongxin.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.identity.internal.CredentialReset;
import org.tongxin.identity.internal.CredentialResets;
import org.tongxin.identity.internal.SystemTokenRequest;
import org.tongxin.identity.internal.SystemTokenRequests;
import org.tongxin.shared.web.Formats;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.shared.web.WorkSection;

/**
 * Identity's part of the work page, for the roles that do no case work: the token requests awaiting the security
 * administrator's decision (and, for a head of agency, the state of the agency's own requests), and the credential resets
 * awaiting a second administrator — each read through the service its own pages use, under the same role rules.
 */
@Component
class AdministrationWork implements WorkSection {

    private static final PageQuery FIRST = new PageQuery(0, Part.MAX_ITEMS, "requested", false);
    private static final PageQuery NEWEST = new PageQuery(0, Part.MAX_ITEMS, "requested", true);

    private final SystemTokenRequests tokenRequests;
    private final CredentialResets resets;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Formats formats;

    AdministrationWork(
            SystemTokenRequests tokenRequests,
            CredentialResets resets,
            CurrentUser currentUser,
            MessageSource messages,
            Formats formats) {
        this.tokenRequests = tokenRequests;
        this.resets = resets;
        this.currentUser = currentUser;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Part> sections() {
        TongxinPrincipal me = currentUser.get();
        List<Part> parts = new ArrayList<>();
        if (me.has(Role.SECURITY_ADMIN)) {
            PageResult<SystemTokenRequests.View> waiting =
                    tokenRequests.list(SystemTokenRequest.State.REQUESTED, FIRST);
            parts.add(new Part(
                    "token-requests",
                    Kind.DUTIES,
                    text("work.tokenRequests.title"),
                    text("work.tokenRequests.intro"),
                    waiting.total(),
                    0,
                    0,
                    waiting.items().stream()
                            .map(r -> new Item(
                                    r.name(),
                                    r.requestedByName(),
                                    r.requestedAt(),
                                    text("work.requestedAt", formats.dateTime(r.requestedAt())),
                                    Urgency.OPEN,
                                    text("work.tokenRequests.awaiting"),
                                    "/token-requests/" + r.id(),
                                    text("work.tokenRequests.decide")))
                            .toList(),
                    "/token-requests?state=REQUESTED",
                    text("work.tokenRequests.all", waiting.total()),
                    text("work.tokenRequests.none")));
        } else if (me.roles().stream().anyMatch(Role::isHead)) {
            PageResult<SystemTokenRequests.View> mine = tokenRequests.list(null, NEWEST);
            List<Item> items = new ArrayList<>(mine.items().stream()
                    .map(r -> new Item(
                            r.name(),
                            r.requestedByName(),
                            r.requestedAt(),
                            text("work.requestedAt", formats.dateTime(r.requestedAt())),
                            "ISSUED".equals(r.state()) ? Urgency.OPEN : Urgency.INFO,
                            text("tokenRequest.state." + r.state()),
                            "/token-requests/" + r.id(),
                            text("ISSUED".equals(r.state()) ? "work.myTokenRequests.collect" : "work.action.look")))
                    .toList());
            // The head's own action: asking for a token (listed, not "urgent": nobody owes it).
            items.add(new Item(
                    text("work.myTokenRequests.new"),
                    text("work.myTokenRequests.new.help"),
                    null,
                    null,
                    Urgency.INFO,
                    text("work.myTokenRequests.new.state"),
                    "/token-requests/new",
                    text("work.myTokenRequests.new.button")));
            parts.add(new Part(
                    "token-requests",
                    Kind.DUTIES,
                    text("work.myTokenRequests.title"),
                    text("work.myTokenRequests.intro"),
                    mine.total(),
                    0,
                    0,
                    items.subList(Math.max(0, items.size() - Part.MAX_ITEMS), items.size()),
                    "/token-requests",
                    text("work.myTokenRequests.all"),
                    text("work.myTokenRequests.none")));
        }
        if (me.isAdmin()) {
            PageResult<CredentialResets.View> pending = resets.list(
                    CredentialReset.State.REQUESTED, new PageQuery(0, PageQuery.MAX_SIZE, "requested", false));
            Set<Role> mine = me.roles();
            List<CredentialResets.View> forMe = pending.items().stream()
                    .filter(r -> !me.userId().equals(r.requestedBy())
                            && !me.userId().equals(r.targetUserId())
                            && !mine.contains(r.requestedRole()))
                    .toList();
            parts.add(new Part(
                    "credential-resets",
                    Kind.DUTIES,
                    text("work.resets.title"),
                    text("work.resets.intro"),
                    forMe.size(),
                    0,
                    0,
                    forMe.stream()
                            .limit(Part.MAX_ITEMS)
                            .map(r -> new Item(
                                    text(
                                            "work.resets.item",
                                            r.targetName() == null ? r.targetUsername() : r.targetName()),
                                    text("work.resets.by", r.requestedByName()),
                                    r.requestedAt(),
                                    text("work.requestedAt", formats.dateTime(r.requestedAt())),
                                    Urgency.OPEN,
                                    text("work.resets.awaiting"),
                                    "/admin/credential-resets/" + r.id(),
                                    text("work.resets.decide")))
                            .toList(),
                    "/admin/credential-resets?state=REQUESTED",
                    text("work.resets.all"),
                    text("work.resets.none")));
        }
        return parts;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
