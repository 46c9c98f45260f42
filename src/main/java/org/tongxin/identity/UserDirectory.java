package org.tongxin.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyId;
import org.tongxin.identity.internal.LoginSteps;
import org.tongxin.identity.internal.UserRepository;
import org.tongxin.identity.internal.UserRow;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** Read access to staff accounts for pages and other modules. */
@Component
public class UserDirectory {

    public static final Set<String> SORTABLE = UserRepository.SORTABLE.keySet();

    private final UserRepository users;
    private final java.time.Clock clock;

    UserDirectory(UserRepository users, java.time.Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<UserView> find(UserId id) {
        return users.findById(id.value()).map(this::view);
    }

    @Transactional(readOnly = true)
    public Optional<UserView> findByUsername(String username) {
        return users.findByUsername(username).map(this::view);
    }

    /**
     * The principal a completed login of this active account carries (roles, agency, current security stamp), for
     * work the system does on a demo account's behalf as if it had logged in (the City A demo caseload); empty for an
     * unknown or disabled account.
     */
    @Transactional(readOnly = true)
    public Optional<TongxinPrincipal> loginPrincipal(String username) {
        return users.findByUsername(username).filter(UserRow::active).map(LoginSteps::principal);
    }

    @Transactional(readOnly = true)
    public List<UserView> findAll(Collection<UserId> ids) {
        return users.findAll(ids.stream().map(UserId::value).toList()).stream()
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public PageResult<UserView> search(String text, AgencyId agency, Role role, String status, PageQuery page) {
        return users.search(text, agency == null ? null : agency.value(), role, status, page)
                .map(this::view);
    }

    UserView view(UserRow u) {
        return new UserView(
                UserId.of(u.id()),
                u.username(),
                u.displayName(),
                AgencyId.of(u.agencyId()),
                u.status(),
                u.roles(),
                u.mfaEnrolled(),
                u.locked(clock.instant()),
                u.mustChangePassword(),
                u.lastLoginAt(),
                u.version());
    }
}
