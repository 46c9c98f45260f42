package org.tongxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.identity.IdentityEvents;
import org.tongxin.identity.Role;
import org.tongxin.shared.error.TongxinException;

/**
 * The two-person system token without a database: a head of the agency requests, the security administrator issues
 * or refuses, the requester collects once; every other move is refused with a code and changes nothing.
 */
class SystemTokenRequestTests {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final AgencyView COURT = agency(AgencyType.BASIC_COURT, AgencyLevel.COUNTY);
    static final AgencyView OTHER = agency(AgencyType.BASIC_COURT, AgencyLevel.COUNTY);
    static final SystemTokenRequest.Requester HEAD =
            new SystemTokenRequest.Requester(UUID.randomUUID(), COURT.id(), Set.of(Role.AGENCY_HEAD));
    static final SystemTokenRequest.Requester OTHER_HEAD =
            new SystemTokenRequest.Requester(UUID.randomUUID(), COURT.id(), Set.of(Role.AGENCY_HEAD));
    static final SystemTokenRequest.Requester CLERK =
            new SystemTokenRequest.Requester(UUID.randomUUID(), COURT.id(), Set.of(Role.COURT_CLERK));
    static final SystemTokenRequest.Requester SECURITY =
            new SystemTokenRequest.Requester(UUID.randomUUID(), OTHER.id(), Set.of(Role.SECURITY_ADMIN));
    static final List<Integer> LIFETIMES = List.of(7, 30, 90, 180, 365);

    static AgencyView agency(AgencyType type, AgencyLevel level) {
        return new AgencyView(
                AgencyId.of(UUID.randomUUID()),
                "X-" + UUID.randomUUID().toString().substring(0, 6),
                "某法院",
                null,
                type,
                level,
                null,
                "369902",
                null,
                null,
                null,
                true,
                List.of("369902"),
                0,
                NOW,
                NOW);
    }

    static SystemTokenRequest request(
            SystemTokenRequest.Requester by, AgencyView agency, Set<Role> roles, Set<String> ops, Integer days) {
        return SystemTokenRequest.request(
                UUID.randomUUID(),
                agency,
                by,
                "法院审判系统",
                "送达法律文书时核对案件",
                roles,
                ops,
                days,
                o -> o.startsWith("known"),
                LIFETIMES,
                false,
                NOW);
    }

    static SystemTokenRequest requested() {
        SystemTokenRequest r = request(HEAD, COURT, Set.of(Role.COURT_CLERK), Set.of("knownGetCase"), 90);
        r.pullEvents();
        return r;
    }

    @Test
    void aHeadRequestsATokenForTheirOwnAgency() {
        SystemTokenRequest r =
                request(HEAD, COURT, Set.of(Role.COURT_CLERK, Role.JUDGE), Set.of("knownGetCase", "knownSearch"), null);
        assertThat(r.state()).isEqualTo(SystemTokenRequest.State.REQUESTED);
        assertThat(r.lifetimeDays()).as("default").isEqualTo(90);
        assertThat(r.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        IdentityEvents.SystemTokenRequested.class,
                        e -> assertThat(e.agencyId()).isEqualTo(COURT.id()));
    }

    @Test
    void onlyAHeadOfThatAgencyMayRequest() {
        assertThatThrownBy(() -> request(CLERK, COURT, Set.of(Role.COURT_CLERK), Set.of("knownGetCase"), 90))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("TOKEN_REQUEST_NEEDS_HEAD"));
        assertThatThrownBy(() -> request(HEAD, OTHER, Set.of(Role.COURT_CLERK), Set.of("knownGetCase"), 90))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("TOKEN_REQUEST_NEEDS_HEAD"));
    }

    @Test
    void badRequestsNameEveryFieldAtFault() {
        assertThatThrownBy(() -> SystemTokenRequest.request(
                        UUID.randomUUID(),
                        COURT,
                        HEAD,
                        " ",
                        null,
                        Set.of(Role.AGENCY_HEAD),
                        Set.of("nope"),
                        400,
                        o -> false,
                        LIFETIMES,
                        false,
                        NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactlyInAnyOrder(
                                        "name:required",
                                        "purpose:required",
                                        "roles:roleNotForTokens",
                                        "operations:unknownOperation",
                                        "lifetimeDays:oneOf"));
        assertThatThrownBy(() -> request(HEAD, COURT, Set.of(Role.PROSECUTOR), Set.of(), 90))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactlyInAnyOrder("roles:roleForAgency", "operations:required"));
    }

    @Test
    void theSecurityAdministratorIssuesAndOnlyTheRequesterCollectsOnceBeforeExpiry() {
        SystemTokenRequest r = requested();
        assertThatThrownBy(() -> r.issue(HEAD, NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.status().value()).isEqualTo(403));
        r.issue(SECURITY, NOW);
        assertThat(r.state()).isEqualTo(SystemTokenRequest.State.ISSUED);
        assertThat(r.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(r.pullEvents()).singleElement().isInstanceOf(IdentityEvents.SystemTokenIssued.class);
        assertThatThrownBy(() -> r.issue(SECURITY, NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("TOKEN_REQUEST_NOT_PENDING"));
        assertThatThrownBy(() -> r.deliver(OTHER_HEAD, UUID.randomUUID(), NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("TOKEN_REQUEST_NOT_YOURS"));
        UUID token = UUID.randomUUID();
        r.deliver(HEAD, token, NOW.plusSeconds(60));
        assertThat(r.state()).isEqualTo(SystemTokenRequest.State.DELIVERED);
        assertThat(r.tokenId()).isEqualTo(token);
        assertThatThrownBy(() -> r.deliver(HEAD, UUID.randomUUID(), NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("TOKEN_REQUEST_NOT_ISSUED"));
    }

    @Test
    void anIssuedTokenNotCollectedBeforeItsExpiryLapses() {
        SystemTokenRequest r = requested();
        r.issue(SECURITY, NOW);
        assertThatThrownBy(() -> r.deliver(HEAD, UUID.randomUUID(), NOW.plus(Duration.ofDays(90))))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("TOKEN_REQUEST_LAPSED"));
        assertThat(r.state()).isEqualTo(SystemTokenRequest.State.ISSUED);
    }

    @Test
    void aRefusalNeedsAReasonAndClosesTheRequest() {
        SystemTokenRequest r = requested();
        assertThatThrownBy(() -> r.refuse(SECURITY, "  ", NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.field())
                                .containsExactly("reason"));
        assertThat(r.state()).isEqualTo(SystemTokenRequest.State.REQUESTED);
        r.refuse(SECURITY, "用途不明确", NOW);
        assertThat(r.state()).isEqualTo(SystemTokenRequest.State.REFUSED);
        assertThat(r.refusalReason()).isEqualTo("用途不明确");
        assertThatThrownBy(() -> r.withdraw(HEAD, NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("TOKEN_REQUEST_CLOSED"));
    }

    @Test
    void anyHeadOfTheAgencyMayWithdrawUntilTheTokenIsCollected() {
        SystemTokenRequest r = requested();
        r.issue(SECURITY, NOW);
        assertThatThrownBy(() -> r.withdraw(CLERK, NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("TOKEN_REQUEST_NEEDS_HEAD"));
        r.withdraw(OTHER_HEAD, NOW);
        assertThat(r.state()).isEqualTo(SystemTokenRequest.State.WITHDRAWN);
        assertThatThrownBy(() -> r.deliver(HEAD, UUID.randomUUID(), NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("TOKEN_REQUEST_NOT_ISSUED"));
    }
}
