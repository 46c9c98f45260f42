package org.tongxin.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.agency.AgencyId;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.NewAccount;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.identity.UserDirectory;
import org.tongxin.identity.UserId;
import org.tongxin.identity.UserView;
import org.tongxin.identity.internal.AccountAdministration;
import org.tongxin.identity.internal.SelfService;
import org.tongxin.identity.internal.SystemTokens;
import org.tongxin.identity.internal.TokenRepository;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** REST API of the identity module: the caller, their tokens, account administration, system tokens, staff. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "identity", description = "Accounts, roles and API tokens")
class IdentityApi {

    private final CurrentUser currentUser;
    private final UserDirectory users;
    private final AccountAdministration administration;
    private final SelfService self;
    private final SystemTokens systemTokens;
    private final AuditLog audit;

    IdentityApi(
            CurrentUser currentUser,
            UserDirectory users,
            AccountAdministration administration,
            SelfService self,
            SystemTokens systemTokens,
            AuditLog audit) {
        this.currentUser = currentUser;
        this.users = users;
        this.administration = administration;
        this.self = self;
        this.systemTokens = systemTokens;
        this.audit = audit;
    }

    record Me(String kind, UUID userId, String username, String displayName, UUID agencyId, Set<Role> roles) {}

    @AnyAuthenticatedUser
    @GetMapping("/me")
    @Operation(operationId = "getMe", summary = "Who the caller is: user or system token, agency and roles")
    Me me() {
        TongxinPrincipal p = currentUser.get();
        return new Me(p.kind().name(), p.userId(), p.username(), p.displayName(), p.agencyId(), p.roles());
    }

    /** The constant answer of {@link #ping()}. */
    record Pong(boolean pong) {
        static final Pong INSTANCE = new Pong(true);
    }

    /**
     * A constant answer behind the same authentication as every other call (token or session, deny by default): what
     * a call costs before it does any work. bench/http.sh compares the inbox against it (doc/performance.md).
     */
    @AnyAuthenticatedUser
    @GetMapping("/ping")
    @Operation(
            operationId = "ping",
            summary = "A constant answer for any logged-in caller: checks a token or session and measures the cost of"
                    + " the call itself")
    Pong ping() {
        return Pong.INSTANCE;
    }

    record TokenView(
            UUID id,
            String kind,
            String name,
            String prefix,
            UUID agencyId,
            Set<Role> roles,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            Set<String> operations,
            UUID requestId) {
        static TokenView of(TokenRepository.TokenRow t) {
            return new TokenView(
                    t.id(),
                    t.kind(),
                    t.name(),
                    t.prefix(),
                    t.agencyId(),
                    t.roles(),
                    t.createdAt(),
                    t.expiresAt(),
                    t.lastUsedAt(),
                    t.revokedAt(),
                    t.operations(),
                    t.requestId());
        }
    }

    record NewToken(@NotNull @Size(min = 1, max = 100) String name, Integer lifetimeDays) {}

    record IssuedToken(UUID id, String token, Instant expiresAt) {}

    @AnyAuthenticatedUser
    @GetMapping("/me/tokens")
    @Operation(operationId = "listMyTokens", summary = "The caller's personal API tokens (never the tokens themselves)")
    List<TokenView> myTokens() {
        return self.myTokens().stream().map(TokenView::of).toList();
    }

    @AnyAuthenticatedUser
    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createMyToken",
            summary = "Create a personal API token; the token is in this response only")
    IssuedToken createMyToken(@Valid @RequestBody NewToken body) {
        SelfService.IssuedToken issued = self.createPersonalToken(body.name(), body.lifetimeDays());
        return new IssuedToken(issued.id(), issued.token(), issued.expiresAt());
    }

    @AnyAuthenticatedUser
    @DeleteMapping("/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeMyToken", summary = "Revoke one of the caller's personal tokens")
    void revokeMyToken(@PathVariable UUID id) {
        self.revokeMyToken(id);
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    @GetMapping("/users")
    @Operation(operationId = "listUsers", summary = "Search staff accounts (administrators)")
    PageResult<UserView> listUsers(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID agencyId,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        if (status != null && !status.equals("ACTIVE") && !status.equals("DISABLED")) {
            throw TongxinException.invalid("status", "oneOf", "ACTIVE, DISABLED");
        }
        PageResult<UserView> result = users.search(
                q,
                agencyId == null ? null : AgencyId.of(agencyId),
                role,
                status,
                PageQuery.of(page, size, sort, UserDirectory.SORTABLE, "username"));
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "user.list")
                .subjects(result.items().stream().map(u -> u.id().value()).toList())
                .purpose("api/listUsers"));
        return result;
    }

    record CreateUser(
            @NotNull @Size(min = 1, max = 64) String username,
            @NotNull @Size(min = 1, max = 100) String displayName,
            @NotNull UUID agencyId) {}

    record CreatedUser(UUID id, String oneTimePassword) {}

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createUser",
            summary = "Create a staff account with a one-time password (system administrator)")
    CreatedUser createUser(@Valid @RequestBody CreateUser body) {
        AccountAdministration.Created created = administration.create(
                new NewAccount(body.username(), body.displayName(), AgencyId.of(body.agencyId()), Set.of()));
        return new CreatedUser(created.id().value(), created.oneTimePassword());
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    @GetMapping("/users/{id}")
    @Operation(operationId = "getUser", summary = "One staff account (administrators)")
    UserView getUser(@PathVariable UUID id) {
        UserView user = users.find(UserId.of(id)).orElseThrow(TongxinException::notFound);
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "user.view")
                .target("user", id)
                .subjects(List.of(id))
                .purpose("api/getUser"));
        return user;
    }

    record UpdateUser(
            @NotNull @Size(min = 1, max = 100) String displayName,
            @NotNull UUID agencyId,
            @NotNull Integer version) {}

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PutMapping("/users/{id}")
    @Operation(operationId = "updateUser", summary = "Change a staff account's name or agency (system administrator)")
    UserView updateUser(@PathVariable UUID id, @Valid @RequestBody UpdateUser body) {
        administration.updateProfile(UserId.of(id), body.version(), body.displayName(), AgencyId.of(body.agencyId()));
        return users.find(UserId.of(id)).orElseThrow();
    }

    record SetRoles(@NotNull Set<Role> roles, @NotNull Integer version) {}

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PutMapping("/users/{id}/roles")
    @Operation(operationId = "setUserRoles", summary = "Set a user's roles (security administrator)")
    UserView setRoles(@PathVariable UUID id, @Valid @RequestBody SetRoles body) {
        administration.setRoles(
                UserId.of(id),
                body.version(),
                body.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(body.roles()));
        return users.find(UserId.of(id)).orElseThrow();
    }

    record VersionOnly(@NotNull Integer version) {}

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    @PostMapping("/users/{id}/disable")
    @Operation(
            operationId = "disableUser",
            summary = "Disable an account; its sessions and tokens stop at their next request")
    UserView disable(@PathVariable UUID id, @Valid @RequestBody VersionOnly body) {
        administration.setActive(UserId.of(id), body.version(), false);
        return users.find(UserId.of(id)).orElseThrow();
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    @PostMapping("/users/{id}/enable")
    @Operation(operationId = "enableUser", summary = "Enable a disabled account")
    UserView enable(@PathVariable UUID id, @Valid @RequestBody VersionOnly body) {
        administration.setActive(UserId.of(id), body.version(), true);
        return users.find(UserId.of(id)).orElseThrow();
    }

    record OneTimePassword(String oneTimePassword) {}

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    @PostMapping("/users/{id}/password-reset")
    @Operation(
            operationId = "resetUserPassword",
            summary = "Set a staff member's one-time password, to change at next login (an administrator's:"
                    + " credential-resets)")
    OneTimePassword resetPassword(@PathVariable UUID id) {
        return new OneTimePassword(administration.resetPassword(UserId.of(id)));
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/users/{id}/mfa-reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "resetUserSecondFactor",
            summary = "Remove a staff member's second factor; they enrol again at next login (an administrator's:"
                    + " credential-resets)")
    void resetMfa(@PathVariable UUID id) {
        administration.resetSecondFactor(UserId.of(id));
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/users/{id}/lock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "lockUser",
            summary = "Lock an account until unlocked: its sessions end, its logins and personal tokens are refused")
    void lock(@PathVariable UUID id) {
        administration.lock(UserId.of(id));
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/users/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "unlockUser",
            summary = "Lift the security administrator's lock and every login delay of the account")
    void unlock(@PathVariable UUID id) {
        administration.unlock(UserId.of(id));
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @GetMapping("/system-tokens")
    @Operation(operationId = "listSystemTokens", summary = "Tokens issued to other agencies' systems")
    List<TokenView> listSystemTokens() {
        return systemTokens.list().stream().map(TokenView::of).toList();
    }

    record NewSystemToken(
            @NotNull @Size(min = 1, max = 100) String name,
            @NotNull UUID agencyId,
            @NotNull Set<Role> roles,
            Integer lifetimeDays) {}

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/system-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "issueSystemToken",
            summary = "Issue a token for one agency and roles that read no personal data; the token is in this response"
                    + " only")
    IssuedToken issueSystemToken(@Valid @RequestBody NewSystemToken body) {
        SelfService.IssuedToken issued = systemTokens.issue(
                body.name(),
                AgencyId.of(body.agencyId()),
                body.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(body.roles()),
                body.lifetimeDays());
        return new IssuedToken(issued.id(), issued.token(), issued.expiresAt());
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @DeleteMapping("/system-tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeToken", summary = "Revoke any token (system or personal)")
    void revokeToken(@PathVariable UUID id) {
        systemTokens.revoke(id);
    }

    record StaffMember(UUID id, String displayName, UUID agencyId, Set<Role> roles) {}

    @AnyAuthenticatedUser
    @GetMapping("/staff")
    @Operation(operationId = "listStaff", summary = "Active staff of an agency (default: the caller's)")
    PageResult<StaffMember> staff(
            @RequestParam(required = false) UUID agencyId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        AgencyId agency =
                agencyId != null ? AgencyId.of(agencyId) : currentUser.get().agency();
        return users.search(
                        null, agency, null, "ACTIVE", PageQuery.of(page, size, "name", UserDirectory.SORTABLE, "name"))
                .map(u -> new StaffMember(
                        u.id().value(), u.displayName(), u.agencyId().value(), u.roles()));
    }
}
