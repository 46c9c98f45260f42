package org.tongxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.identity.IdentityEvents;
import org.tongxin.identity.Role;
import org.tongxin.shared.error.TongxinException;

/**
 * No administrator takes over another alone: a reset of an administrator's credentials is asked by one administrator
 * and approved by an administrator of another administrator role, never the target; refusals leave it as it was.
 */
class CredentialResetTests {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final CredentialReset.Admin SYSTEM = new CredentialReset.Admin(UUID.randomUUID(), Set.of(Role.SYSTEM_ADMIN));
    static final CredentialReset.Admin SECURITY =
            new CredentialReset.Admin(UUID.randomUUID(), Set.of(Role.SECURITY_ADMIN));
    static final CredentialReset.Admin SECURITY2 =
            new CredentialReset.Admin(UUID.randomUUID(), Set.of(Role.SECURITY_ADMIN));
    static final CredentialReset.Admin AUDIT = new CredentialReset.Admin(UUID.randomUUID(), Set.of(Role.AUDIT_ADMIN));
    static final CredentialReset.Admin STAFF =
            new CredentialReset.Admin(UUID.randomUUID(), Set.of(Role.COUNTY_OFFICER));

    static CredentialReset securityAsksForTheSystemAdministrator() {
        CredentialReset r = CredentialReset.request(
                UUID.randomUUID(),
                SYSTEM.userId(),
                SYSTEM.roles(),
                CredentialReset.Kind.BOTH,
                "遗失手机，电话核实",
                SECURITY,
                NOW);
        r.pullEvents();
        return r;
    }

    @Test
    void oneAdministratorAsksWithAReason() {
        CredentialReset r = CredentialReset.request(
                UUID.randomUUID(),
                SYSTEM.userId(),
                SYSTEM.roles(),
                CredentialReset.Kind.PASSWORD,
                " 忘记密码 ",
                SECURITY,
                NOW);
        assertThat(r.state()).isEqualTo(CredentialReset.State.REQUESTED);
        assertThat(r.reason()).isEqualTo("忘记密码");
        assertThat(r.requestedRole()).isEqualTo(Role.SECURITY_ADMIN);
        assertThat(r.pullEvents()).singleElement().isInstanceOf(IdentityEvents.CredentialResetRequested.class);
    }

    @Test
    void askingIsForAdministratorsAboutAnotherAdministrator() {
        assertThatThrownBy(() -> CredentialReset.request(
                        UUID.randomUUID(), SYSTEM.userId(), SYSTEM.roles(), CredentialReset.Kind.BOTH, "x", STAFF, NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.status().value()).isEqualTo(403));
        assertThatThrownBy(() -> CredentialReset.request(
                        UUID.randomUUID(),
                        SECURITY.userId(),
                        SECURITY.roles(),
                        CredentialReset.Kind.BOTH,
                        "x",
                        SECURITY,
                        NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("OWN_ACCOUNT"));
        assertThatThrownBy(() -> CredentialReset.request(
                        UUID.randomUUID(),
                        STAFF.userId(),
                        STAFF.roles(),
                        CredentialReset.Kind.BOTH,
                        "x",
                        SECURITY,
                        NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("RESET_ONLY_FOR_ADMINISTRATORS"));
        assertThatThrownBy(() -> CredentialReset.request(
                        UUID.randomUUID(), SYSTEM.userId(), SYSTEM.roles(), null, " ", SECURITY, NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.field())
                                .containsExactlyInAnyOrder("kind", "reason"));
    }

    @Test
    void neitherTheRequesterNorTheTargetNorTheRequestersRoleMayApprove() {
        CredentialReset r = securityAsksForTheSystemAdministrator();
        for (CredentialReset.Admin wrong : new CredentialReset.Admin[] {SECURITY, SECURITY2, SYSTEM, STAFF}) {
            assertThatThrownBy(() -> r.approve(wrong, NOW))
                    .as(wrong.roles().toString())
                    .isInstanceOfSatisfying(
                            TongxinException.class,
                            e -> assertThat(e.status().value()).isEqualTo(403));
            assertThatThrownBy(() -> r.refuse(wrong, "不同意", NOW)).isInstanceOf(TongxinException.class);
        }
        assertThat(r.state()).isEqualTo(CredentialReset.State.REQUESTED);
        assertThat(r.pullEvents()).isEmpty();
        r.approve(AUDIT, NOW);
        assertThat(r.state()).isEqualTo(CredentialReset.State.DONE);
        assertThat(r.decidedRole()).isEqualTo(Role.AUDIT_ADMIN);
        assertThat(r.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        IdentityEvents.CredentialResetDone.class,
                        e -> assertThat(e.approvedBy()).isEqualTo(AUDIT.userId()));
        assertThatThrownBy(() -> r.approve(AUDIT, NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("RESET_NOT_PENDING"));
    }

    @Test
    void theTargetIsShownADoneResetOnce() {
        CredentialReset r = securityAsksForTheSystemAdministrator();
        assertThat(r.shown(NOW)).as("nothing done yet").isFalse();
        r.approve(AUDIT, NOW);
        assertThat(r.shown(NOW)).isTrue();
        assertThat(r.shown(NOW.plusSeconds(1))).isFalse();
        assertThat(r.shownToTargetAt()).isEqualTo(NOW);
    }

    @Test
    void onlyTheRequesterWithdrawsAndARefusalNeedsAReason() {
        CredentialReset r = securityAsksForTheSystemAdministrator();
        assertThatThrownBy(() -> r.withdraw(AUDIT, NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("RESET_NOT_YOURS"));
        assertThatThrownBy(() -> r.refuse(AUDIT, "", NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.field())
                                .containsExactly("reason"));
        r.withdraw(SECURITY, NOW);
        assertThat(r.state()).isEqualTo(CredentialReset.State.WITHDRAWN);
        assertThatThrownBy(() -> r.approve(AUDIT, NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class, e -> assertThat(e.code()).isEqualTo("RESET_NOT_PENDING"));
    }

    @Test
    void aStaffResetIsDoneAtOnceByOneAdministrator() {
        CredentialReset r = CredentialReset.done(
                UUID.randomUUID(), STAFF.userId(), CredentialReset.Kind.SECOND_FACTOR, SECURITY, NOW);
        assertThat(r.state()).isEqualTo(CredentialReset.State.DONE);
        assertThat(r.decidedBy()).isEqualTo(SECURITY.userId());
        assertThat(r.pullEvents()).singleElement().isInstanceOf(IdentityEvents.CredentialResetDone.class);
    }
}
