package org.tongxin.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.identity.Role;
import org.tongxin.identity.internal.ApiOperations;
import org.tongxin.identity.internal.SystemTokenRequest;
import org.tongxin.identity.internal.SystemTokenRequests;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * REST API of the two-person system tokens: a head of an agency requests a token for it (roles, the API operations it
 * may call, at most a year), the security administrator issues or refuses it, the requester collects it once. A head
 * sees their own agency's requests only (another's: 404); the security administrator sees all.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "identity", description = "Accounts, roles and API tokens")
class TokenRequestApi {

    static final String HEADS = "hasAnyRole('COUNTY_HEAD', 'OFFICE_HEAD', 'AGENCY_HEAD')";
    static final String HEADS_AND_SECURITY =
            "hasAnyRole('COUNTY_HEAD', 'OFFICE_HEAD', 'AGENCY_HEAD', 'SECURITY_ADMIN')";

    private final SystemTokenRequests requests;
    private final ApiOperations operations;

    TokenRequestApi(SystemTokenRequests requests, ApiOperations operations) {
        this.requests = requests;
        this.operations = operations;
    }

    /** What a head asks for: the token's name, why, its roles, the operations it may call, days it lives (default 90). */
    record NewTokenRequest(
            String name, String purpose, Set<Role> roles, Set<String> operations, Integer lifetimeDays) {}

    record VersionBody(Integer version) {}

    record RefusalBody(Integer version, String reason) {}

    record CollectedToken(UUID id, String token, Instant expiresAt) {}

    @PreAuthorize(HEADS)
    @PostMapping("/system-token-requests")
    @Operation(
            operationId = "requestSystemToken",
            summary = "Request a system token for the caller's agency (its head): roles, operations, lifetime")
    ResponseEntity<SystemTokenRequests.View> request(@RequestBody NewTokenRequest body) {
        SystemTokenRequests.View view = requests.request(new SystemTokenRequests.NewRequest(
                body.name(),
                body.purpose(),
                body.roles() == null ? EnumSet.noneOf(Role.class) : body.roles(),
                body.operations(),
                body.lifetimeDays()));
        return ResponseEntity.created(URI.create("/api/v1/system-token-requests/" + view.id()))
                .body(view);
    }

    @PreAuthorize(HEADS_AND_SECURITY)
    @GetMapping("/system-token-requests")
    @Operation(
            operationId = "listSystemTokenRequests",
            summary = "System-token requests: the caller's agency's (a head) or all (the security administrator)")
    PageResult<SystemTokenRequests.View> list(
            @RequestParam(required = false) SystemTokenRequest.State state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return requests.list(state, PageQuery.of(page, size, sort, SystemTokenRequests.SORTABLE, "-requested"));
    }

    @PreAuthorize(HEADS_AND_SECURITY)
    @GetMapping("/system-token-requests/{id}")
    @Operation(operationId = "getSystemTokenRequest", summary = "One system-token request")
    SystemTokenRequests.View get(@PathVariable UUID id) {
        return requests.get(id);
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/system-token-requests/{id}/issue")
    @Operation(
            operationId = "issueRequestedSystemToken",
            summary = "Issue a requested system token (the security administrator); the requester collects it")
    SystemTokenRequests.View issue(@PathVariable UUID id, @RequestBody VersionBody body) {
        return requests.issue(id, version(body.version()));
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/system-token-requests/{id}/refusal")
    @Operation(
            operationId = "refuseSystemTokenRequest",
            summary = "Refuse a system-token request with a reason (the security administrator)")
    SystemTokenRequests.View refuse(@PathVariable UUID id, @RequestBody RefusalBody body) {
        return requests.refuse(id, version(body.version()), body.reason());
    }

    @PreAuthorize(HEADS)
    @PostMapping("/system-token-requests/{id}/withdrawal")
    @Operation(
            operationId = "withdrawSystemTokenRequest",
            summary = "Withdraw the agency's request before its token is collected (its head)")
    SystemTokenRequests.View withdraw(@PathVariable UUID id, @RequestBody VersionBody body) {
        return requests.withdraw(id, version(body.version()));
    }

    @PreAuthorize(HEADS)
    @PostMapping("/system-token-requests/{id}/token")
    @Operation(
            operationId = "collectSystemToken",
            summary = "Collect the issued token (the requester, once): it is in this response only")
    CollectedToken collect(@PathVariable UUID id, @RequestBody VersionBody body) {
        SystemTokenRequests.Collected collected = requests.collect(id, version(body.version()));
        return new CollectedToken(collected.tokenId(), collected.token(), collected.expiresAt());
    }

    @PreAuthorize(HEADS_AND_SECURITY)
    @GetMapping("/api-operations")
    @Operation(
            operationId = "listApiOperations",
            summary = "The API's operations (ids and summaries) a system token may be scoped to")
    List<ApiOperations.ApiOperation> operations() {
        return operations.all();
    }

    static int version(Integer version) {
        if (version == null) {
            throw TongxinException.invalid("version", "required");
        }
        return version;
    }
}
