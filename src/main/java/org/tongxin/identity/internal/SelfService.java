package org.tongxin.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.Languages;

/** What every user does to their own account: password, language, personal API tokens. */
@Service
public class SelfService {

    static final List<Integer> TOKEN_LIFETIMES_DAYS = List.of(7, 30, 90, 180, 365);

    private final UserRepository users;
    private final TokenRepository tokens;
    private final PasswordPolicy passwords;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final boolean demoMode;

    SelfService(
            UserRepository users,
            TokenRepository tokens,
            PasswordPolicy passwords,
            AuditLog audit,
            CurrentUser currentUser,
            Clock clock,
            @Value("${tongxin.demo:false}") boolean demoMode) {
        this.demoMode = demoMode;
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public static List<Integer> tokenLifetimes() {
        return TOKEN_LIFETIMES_DAYS;
    }

    /** Checks and sets a new password. With {@code current} null (the forced change at login) it is not asked. */
    @Transactional
    public void changePassword(UUID userId, String current, String next, String confirmation) {
        UserRow user = users.findById(userId).orElseThrow(TongxinException::notFound);
        FieldProblems problems = new FieldProblems();
        if (current != null && !passwords.matches(current, user.passwordHash())) {
            problems.add("currentPassword", "wrongPassword");
        }
        passwords.problems(next, user.username()).forEach(code -> problems.add("newPassword", code));
        if (next != null && !next.equals(confirmation)) {
            problems.add("confirmation", "mismatch");
        }
        if (next != null && passwords.matches(next, user.passwordHash())) {
            problems.add("newPassword", "password.unchanged");
        }
        if (!problems.isEmpty()) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "password.change")
                    .outcome(AuditOutcome.FAILURE)
                    .target("user", user.id())
                    .actorName(user.username()));
            problems.throwIfAny();
        }
        users.setPassword(user.id(), passwords.hash(next), false, clock.instant());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "password.change")
                .target("user", user.id())
                .actorName(user.username()));
    }

    @Transactional
    public void setLanguage(UUID userId, String tag) {
        if (Languages.parse(tag) != null) {
            users.setPreferredLanguage(userId, Languages.tag(Languages.parse(tag)));
        }
    }

    public record IssuedToken(UUID id, String token, Instant expiresAt) {}

    @Transactional
    public IssuedToken createPersonalToken(String name, Integer lifetimeDays) {
        TongxinPrincipal me = currentUser.get();
        if (me.kind() != TongxinPrincipal.Kind.SESSION) {
            throw TongxinException.forbidden("TOKEN_NEEDS_LOGIN");
        }
        FieldProblems problems = new FieldProblems();
        String label = checkName(name, problems);
        int days = lifetimeDays == null ? 90 : lifetimeDays;
        if (!TOKEN_LIFETIMES_DAYS.contains(days)) {
            problems.add("lifetimeDays", "oneOf", TOKEN_LIFETIMES_DAYS.toString());
        }
        problems.throwIfAny();
        String token = Tokens.generate(Tokens.PERSONAL_PREFIX);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        tokens.insert(
                id,
                "PERSONAL",
                label,
                Tokens.hash(token),
                Tokens.displayPrefix(token),
                me.userId(),
                null,
                null,
                me.userId(),
                now,
                expires,
                null,
                null,
                demoMode);
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "token.create")
                .target("token", id)
                .detail("kind", "PERSONAL"));
        return new IssuedToken(id, token, expires);
    }

    @Transactional(readOnly = true)
    public List<TokenRepository.TokenRow> myTokens() {
        return tokens.personal(currentUser.get().userId());
    }

    @Transactional
    public void revokeMyToken(UUID tokenId) {
        TongxinPrincipal me = currentUser.get();
        TokenRepository.TokenRow token = tokens.find(tokenId)
                .filter(t -> "PERSONAL".equals(t.kind())
                        && me.userId() != null
                        && me.userId().equals(t.userId()))
                .orElseThrow(TongxinException::notFound);
        if (tokens.revoke(token.id(), me.userId(), clock.instant())) {
            audit.record(
                    AuditEntry.of(AuditCategory.ADMINISTRATION, "token.revoke").target("token", token.id()));
        }
    }

    static String checkName(String name, FieldProblems problems) {
        String label = name == null ? null : name.strip();
        if (label == null || label.isEmpty()) {
            problems.add("name", "required");
        } else if (label.length() > 100) {
            problems.add("name", "maxLength", 100);
        }
        return label;
    }
}
