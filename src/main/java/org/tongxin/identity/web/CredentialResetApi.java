package org.tongxin.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
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
import org.tongxin.identity.internal.CredentialReset;
import org.tongxin.identity.internal.CredentialResets;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * REST API of the two-person reset of an administrator's credentials: one administrator requests it, an administrator
 * of another administrator role (never the target) approves — and so carries it out — or refuses; the requester may
 * withdraw it. Everyone can read the resets done on their own account.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "identity", description = "Accounts, roles and API tokens")
class CredentialResetApi {

    static final String ADMINS = "hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')";

    private final CredentialResets resets;

    CredentialResetApi(CredentialResets resets) {
        this.resets = resets;
    }

    record NewReset(UUID userId, CredentialReset.Kind kind, String reason) {}

    record VersionBody(Integer version) {}

    record RefusalBody(Integer version, String reason) {}

    @PreAuthorize(ADMINS)
    @PostMapping("/credential-resets")
    @Operation(
            operationId = "requestCredentialReset",
            summary = "Ask for another administrator's password and/or second factor to be reset (an administrator)")
    ResponseEntity<CredentialResets.View> request(@RequestBody NewReset body) {
        if (body.userId() == null) {
            throw TongxinException.invalid("userId", "required");
        }
        CredentialResets.View view = resets.request(body.userId(), body.kind(), body.reason());
        return ResponseEntity.created(URI.create("/api/v1/credential-resets/" + view.id()))
                .body(view);
    }

    @PreAuthorize(ADMINS)
    @GetMapping("/credential-resets")
    @Operation(
            operationId = "listCredentialResets",
            summary = "Requested and decided resets of administrators' credentials")
    PageResult<CredentialResets.View> list(
            @RequestParam(required = false) CredentialReset.State state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return resets.list(state, PageQuery.of(page, size, sort, CredentialResets.SORTABLE, "-requested"));
    }

    @PreAuthorize(ADMINS)
    @GetMapping("/credential-resets/{id}")
    @Operation(operationId = "getCredentialReset", summary = "One reset of an administrator's credentials")
    CredentialResets.View get(@PathVariable UUID id) {
        return resets.get(id);
    }

    @PreAuthorize(ADMINS)
    @PostMapping("/credential-resets/{id}/approval")
    @Operation(
            operationId = "approveCredentialReset",
            summary = "Approve and carry out a requested reset (an administrator of another role, not the target); a"
                    + " one-time password is in this response only")
    CredentialResets.Outcome approve(@PathVariable UUID id, @RequestBody VersionBody body) {
        return resets.approve(id, TokenRequestApi.version(body.version()));
    }

    @PreAuthorize(ADMINS)
    @PostMapping("/credential-resets/{id}/refusal")
    @Operation(
            operationId = "refuseCredentialReset",
            summary = "Refuse a requested reset with a reason (an administrator of another role, not the target)")
    CredentialResets.View refuse(@PathVariable UUID id, @RequestBody RefusalBody body) {
        return resets.refuse(id, TokenRequestApi.version(body.version()), body.reason());
    }

    @PreAuthorize(ADMINS)
    @PostMapping("/credential-resets/{id}/withdrawal")
    @Operation(
            operationId = "withdrawCredentialReset",
            summary = "Withdraw one's own reset request before it is decided")
    CredentialResets.View withdraw(@PathVariable UUID id, @RequestBody VersionBody body) {
        return resets.withdraw(id, TokenRequestApi.version(body.version()));
    }

    @AnyAuthenticatedUser
    @GetMapping("/me/credential-resets")
    @Operation(
            operationId = "listMyCredentialResets",
            summary = "Resets of the caller's own password or second factor, newest first")
    List<CredentialResets.View> mine() {
        return resets.mine();
    }
}
