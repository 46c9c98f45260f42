package org.tongxin.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * System tokens that need two people (doc/adr/0018-two-person-rules.md): a head of an agency requests one for the
 * agency, the security administrator issues or refuses it, the requester collects it once. One access rule for every
 * path: the security administrator sees every request; a head sees their own agency's (another agency's is absent,
 * 404); nobody else has any (403). Both steps and the collection are audited.
 */
@Service
public class SystemTokenRequests {

    public static final Set<String> SORTABLE = TokenRequestRepository.SORTABLE.keySet();

    private final TokenRequestRepository requests;
    private final TokenRepository tokens;
    private final UserRepository users;
    private final AgencyDirectory agencies;
    private final ApiOperations operations;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean demoMode;

    SystemTokenRequests(
            TokenRequestRepository requests,
            TokenRepository tokens,
            UserRepository users,
            AgencyDirectory agencies,
            ApiOperations operations,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${tongxin.demo:false}") boolean demoMode) {
        this.requests = requests;
        this.tokens = tokens;
        this.users = users;
        this.agencies = agencies;
        this.operations = operations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.demoMode = demoMode;
    }

    /** A request as its pages and the API show it (never a token). */
    public record View(
            UUID id,
            AgencyId agencyId,
            String name,
            String purpose,
            Set<Role> roles,
            List<String> operations,
            int lifetimeDays,
            String state,
            UUID requestedBy,
            String requestedByName,
            Instant requestedAt,
            UUID decidedBy,
            String decidedByName,
            Instant decidedAt,
            String refusalReason,
            Instant expiresAt,
            UUID tokenId,
            Instant deliveredAt,
            int version) {}

    /** What a head asks for. */
    public record NewRequest(
            String name, String purpose, Set<Role> roles, Set<String> operations, Integer lifetimeDays) {}

    /** The token, in the collection's answer only. */
    public record Collected(UUID tokenId, String token, Instant expiresAt) {}

    @Transactional
    public View request(NewRequest body) {
        TongxinPrincipal me = person();
        AgencyView agency = agencies.get(me.agency());
        SystemTokenRequest request = SystemTokenRequest.request(
                UUID.randomUUID(),
                agency,
                requester(me),
                body.name(),
                body.purpose(),
                body.roles(),
                body.operations(),
                body.lifetimeDays(),
                operations::exists,
                SelfService.TOKEN_LIFETIMES_DAYS,
                demoMode,
                clock.instant());
        requests.insert(request);
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "token.request")
                .target("tokenRequest", request.id())
                .detail("agency", agency.id())
                .detail("roles", TokenRequestRepository.roles(request.roles()))
                .detail("operations", request.operations().size())
                .detail("lifetimeDays", request.lifetimeDays()));
        publish(request);
        return view(request);
    }

    @Transactional(readOnly = true)
    public PageResult<View> list(SystemTokenRequest.State state, PageQuery page) {
        TongxinPrincipal me = currentUser.get();
        UUID agency = scope(me);
        PageResult<SystemTokenRequest> found = requests.search(agency, state, page);
        return views(found);
    }

    @Transactional(readOnly = true)
    public View get(UUID id) {
        return view(visible(id));
    }

    /** The security administrator issues it (the roles must still fit an active agency). */
    @Transactional
    public View issue(UUID id, int version) {
        SystemTokenRequest request = visible(id);
        TongxinPrincipal me = currentUser.get();
        AgencyView agency = agencies.get(request.agencyId());
        if (!agency.active() || request.roles().stream().anyMatch(r -> !r.fits(agency))) {
            throw TongxinException.rule("TOKEN_REQUEST_OUTDATED");
        }
        checkVersion(request, version);
        request.issue(requester(me), clock.instant());
        save(request);
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "token.request.issue")
                .target("tokenRequest", request.id())
                .detail("agency", request.agencyId())
                .detail("roles", TokenRequestRepository.roles(request.roles()))
                .detail("expiresAt", request.expiresAt()));
        publish(request);
        return view(request);
    }

    @Transactional
    public View refuse(UUID id, int version, String reason) {
        SystemTokenRequest request = visible(id);
        checkVersion(request, version);
        request.refuse(requester(currentUser.get()), reason, clock.instant());
        save(request);
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "token.request.refuse")
                .target("tokenRequest", request.id())
                .detail("agency", request.agencyId()));
        publish(request);
        return view(request);
    }

    @Transactional
    public View withdraw(UUID id, int version) {
        SystemTokenRequest request = visible(id);
        checkVersion(request, version);
        request.withdraw(requester(currentUser.get()), clock.instant());
        save(request);
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "token.request.withdraw")
                .target("tokenRequest", request.id())
                .detail("agency", request.agencyId()));
        publish(request);
        return view(request);
    }

    /** The requester collects the issued token: shown in this answer only, never stored (a hash is). */
    @Transactional
    public Collected collect(UUID id, int version) {
        SystemTokenRequest request = visible(id);
        TongxinPrincipal me = person();
        checkVersion(request, version);
        String token = Tokens.generate(Tokens.SYSTEM_PREFIX);
        UUID tokenId = UUID.randomUUID();
        Instant now = clock.instant();
        request.deliver(requester(me), tokenId, now);
        tokens.insert(
                tokenId,
                "SYSTEM",
                request.name(),
                Tokens.hash(token),
                Tokens.displayPrefix(token),
                null,
                request.agencyId().value(),
                request.roles(),
                request.decidedBy(),
                now,
                request.expiresAt(),
                request.operations(),
                request.id(),
                demoMode);
        save(request);
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "token.create")
                .target("token", tokenId)
                .detail("kind", "SYSTEM")
                .detail("request", request.id())
                .detail("agency", request.agencyId())
                .detail("roles", TokenRequestRepository.roles(request.roles()))
                .detail("operations", request.operations().size()));
        publish(request);
        return new Collected(tokenId, token, request.expiresAt());
    }

    /** Requests awaiting the security administrator (a count for the navigation). */
    @Transactional(readOnly = true)
    public long pending() {
        return requests.countPending();
    }

    /** The one access rule: null = every agency (security administrator); a head's own agency; else 403. */
    private static UUID scope(TongxinPrincipal me) {
        if (me.has(Role.SECURITY_ADMIN)) {
            return null;
        }
        if (me.roles().stream().anyMatch(Role::isHead) && me.agencyId() != null) {
            return me.agencyId();
        }
        throw TongxinException.forbidden("FORBIDDEN");
    }

    private SystemTokenRequest visible(UUID id) {
        UUID agency = scope(currentUser.get());
        return requests.find(id)
                .filter(r -> agency == null || agency.equals(r.agencyId().value()))
                .orElseThrow(TongxinException::notFound);
    }

    private TongxinPrincipal person() {
        TongxinPrincipal me = currentUser.get();
        if (me.kind() != TongxinPrincipal.Kind.SESSION) {
            throw TongxinException.forbidden("TOKEN_NEEDS_LOGIN");
        }
        return me;
    }

    private static SystemTokenRequest.Requester requester(TongxinPrincipal me) {
        return new SystemTokenRequest.Requester(me.userId(), me.agency(), me.roles());
    }

    private static void checkVersion(SystemTokenRequest request, int version) {
        if (request.version() != version) {
            throw TongxinException.staleVersion();
        }
    }

    private void save(SystemTokenRequest request) {
        if (!requests.update(request)) {
            throw TongxinException.staleVersion();
        }
        request.version++;
    }

    private void publish(SystemTokenRequest request) {
        request.pullEvents().forEach(events::publishEvent);
    }

    private View view(SystemTokenRequest r) {
        return views(new PageResult<>(List.of(r), 0, 1, 1)).items().getFirst();
    }

    private PageResult<View> views(PageResult<SystemTokenRequest> page) {
        Map<UUID, String> names = users
                .findAll(page.items().stream()
                        .flatMap(r -> Stream.of(r.requestedBy(), r.decidedBy()))
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList())
                .stream()
                .collect(Collectors.toMap(UserRow::id, UserRow::displayName, (a, b) -> a));
        return page.map(r -> new View(
                r.id(),
                r.agencyId(),
                r.name(),
                r.purpose(),
                r.roles(),
                List.copyOf(r.operations()),
                r.lifetimeDays(),
                r.state().name(),
                r.requestedBy(),
                names.get(r.requestedBy()),
                r.requestedAt(),
                r.decidedBy(),
                names.get(r.decidedBy()),
                r.decidedAt(),
                r.refusalReason(),
                r.expiresAt(),
                r.tokenId(),
                r.deliveredAt(),
                r.version()));
    }
}
