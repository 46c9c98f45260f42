package org.tongxin.identity.internal;

import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.security.Actor;
import org.tongxin.shared.security.CurrentActor;

/** Tells the audit log who acts: the logged-in user, the token, or nobody. */
@Component
class ActorProvider implements CurrentActor {

    private final CurrentUser currentUser;

    ActorProvider(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public Actor get() {
        return currentUser.find().map(ActorProvider::actor).orElseGet(PendingLogins::currentActorOrAnonymous);
    }

    static Actor actor(TongxinPrincipal p) {
        Actor.Kind kind = p.kind() == TongxinPrincipal.Kind.SESSION ? Actor.Kind.USER : Actor.Kind.TOKEN;
        return new Actor(
                kind,
                p.userId(),
                p.username(),
                p.agencyId(),
                p.roles().stream().map(Role::name).collect(Collectors.toSet()),
                p.tokenId());
    }
}
