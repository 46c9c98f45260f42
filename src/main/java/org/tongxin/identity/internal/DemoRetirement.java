package org.tongxin.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;

/**
 * Leaving demo mode closes the demo's doors (doc/adr/0020-leaving-demo-mode.md). At every start outside demo mode,
 * before anything else runs (the bootstrap command included), every account made in demo mode is disabled (its sessions
 * end) and renamed so its name is free, the published demo second factor is removed, every token made in demo mode is
 * revoked and every token request made in demo mode withdrawn — all recognised by the mark set when they were made,
 * never by name. One transaction, one audit record listing them; a start with nothing left to close does nothing.
 * Afterwards no demo administrator is active, so {@code --tongxin.bootstrap-admins} can create the real ones.
 */
@Component
@Order(0)
class DemoRetirement implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRetirement.class);

    private final UserRepository users;
    private final TokenRepository tokens;
    private final TokenRequestRepository requests;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean demoMode;

    DemoRetirement(
            UserRepository users,
            TokenRepository tokens,
            TokenRequestRepository requests,
            AuditLog audit,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${tongxin.demo:false}") boolean demoMode) {
        this.users = users;
        this.tokens = tokens;
        this.requests = requests;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.demoMode = demoMode;
    }

    /** What a retirement closed. */
    record Retired(List<UUID> accounts, List<UUID> tokens, int requests) {

        boolean nothing() {
            return accounts.isEmpty() && tokens.isEmpty() && requests == 0;
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoMode) {
            return;
        }
        Retired retired = retire();
        if (!retired.nothing()) {
            log.warn(
                    "Demo mode is off: disabled {} accounts made in demo mode, revoked {} tokens and withdrew {} token"
                            + " requests made in demo mode",
                    retired.accounts().size(),
                    retired.tokens().size(),
                    retired.requests());
        }
    }

    Retired retire() {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            List<UUID> accounts = new ArrayList<>();
            for (UserRow user : users.openDemoAccounts()) {
                users.retireDemoAccount(user.id(), retiredName(user), now);
                accounts.add(user.id());
            }
            List<UUID> revoked = tokens.revokeCreatedInDemo(now);
            int withdrawn = requests.withdrawCreatedInDemo(now);
            Retired result = new Retired(accounts, revoked, withdrawn);
            if (!result.nothing()) {
                audit.record(AuditEntry.of(AuditCategory.SECURITY, "demo.retired")
                        .subjects(accounts)
                        .detail("accounts", accounts.size())
                        .detail("tokens", revoked.size())
                        .detail("tokenIds", revoked.stream().map(UUID::toString).toList())
                        .detail("tokenRequests", withdrawn));
            }
            return result;
        });
    }

    /** {@code name.demo-1a2b3c4d}: unique, fits the username rule, and says what it was. */
    static String retiredName(UserRow user) {
        if (user.status().equals("DISABLED") && user.username().contains(".demo-")) {
            return user.username();
        }
        String base = user.username().length() > 50 ? user.username().substring(0, 50) : user.username();
        return (base + ".demo-" + user.id().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }
}
