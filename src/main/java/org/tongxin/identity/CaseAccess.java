package org.tongxin.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongxin.shared.error.TongxinException;

/**
 * The one access-decision component for case-bound data (doc/security-requirements.md S6–S7). The module that owns a case supplies
 * its lawful roles; this decides for the current user:
 * <ul>
 * <li>no lawful role (or an administrator, or no user) → the case is absent: {@link #require} throws 404;</li>
 * <li>a lawful role without the right to an action → {@link #requireAction} throws 403;</li>
 * <li>otherwise allowed.</li>
 * </ul>
 */
@Component
public class CaseAccess {

    private final CurrentUser currentUser;

    CaseAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The current user's lawful roles in a case with these parties (empty for administrators and anonymous callers). */
    public CaseAccessDecision decide(Collection<LawfulRole> parties) {
        return currentUser.find().map(p -> decide(p, parties)).orElse(new CaseAccessDecision(Set.of()));
    }

    static CaseAccessDecision decide(TongxinPrincipal principal, Collection<LawfulRole> parties) {
        if (!principal.worksCases() || principal.agencyId() == null) {
            return new CaseAccessDecision(Set.of());
        }
        EnumSet<Participation> held = EnumSet.noneOf(Participation.class);
        for (LawfulRole party : parties) {
            if (party.agency().value().equals(principal.agencyId())) {
                held.add(party.participation());
            }
        }
        return new CaseAccessDecision(held);
    }

    /** Like {@link #decide}, but a case the user has no lawful role in does not exist for them: 404. */
    public CaseAccessDecision require(Collection<LawfulRole> parties) {
        CaseAccessDecision decision = decide(parties);
        if (!decision.visible()) {
            throw TongxinException.notFound();
        }
        return decision;
    }

    /**
     * Allows an action when the user's agency holds one of {@code participations} in the case and the user holds
     * one of {@code roles}; else 403 with {@code code}. Call after {@link #require}.
     */
    public void requireAction(
            CaseAccessDecision decision, Set<Participation> participations, Set<Role> roles, String code) {
        TongxinPrincipal principal = currentUser.get();
        boolean roleOk = principal.roles().stream().anyMatch(roles::contains);
        if (!decision.holdsAny(participations) || !roleOk) {
            throw TongxinException.forbidden(code);
        }
    }
}
