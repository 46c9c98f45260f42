package org.tongxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** RFC 6238 with the test vectors of its appendix B (SHA-1, 8 digits there; we use the last 6). */
class TotpTests {

    static final String RFC_SECRET =
            new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfcTestVectors() {
        Totp totp = new Totp(Clock.fixed(Instant.ofEpochSecond(59), ZoneOffset.UTC));
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
    }

    @Test
    void acceptsTheCurrentAndAdjacentStepsOnly() {
        Instant now = Instant.ofEpochSecond(1234567890);
        Totp totp = new Totp(Clock.fixed(now, ZoneOffset.UTC));
        long step = Totp.step(now);
        assertThat(totp.matchingStep(RFC_SECRET, totp.codeAt(RFC_SECRET, now))).hasValue(step);
        assertThat(totp.matchingStep(RFC_SECRET, totp.codeAt(RFC_SECRET, now.minusSeconds(30))))
                .hasValue(step - 1);
        assertThat(totp.matchingStep(RFC_SECRET, totp.codeAt(RFC_SECRET, now.plusSeconds(30))))
                .hasValue(step + 1);
        assertThat(totp.matchingStep(RFC_SECRET, totp.codeAt(RFC_SECRET, now.minusSeconds(90))))
                .isEmpty();
    }

    @Test
    void refusesMalformedCodes() {
        Totp totp = new Totp(Clock.systemUTC());
        assertThat(totp.matchingStep(RFC_SECRET, null)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "12345")).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "abcdef")).isEmpty();
    }

    @Test
    void newSecretsAre160BitsOfBase32() {
        String secret = new Totp(Clock.systemUTC()).newSecret();
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(secret).matches("[A-Z2-7]{32}");
    }

    @Test
    void theQrCodeIsAnSvgOfTheOtpauthUri() {
        String uri = Totp.uri("Tongxin", "cd.county", RFC_SECRET);
        assertThat(uri).startsWith("otpauth://totp/Tongxin:cd.county?secret=").contains("issuer=Tongxin");
        assertThat(Totp.qrSvg(uri)).startsWith("<svg").contains("<path");
    }
}
