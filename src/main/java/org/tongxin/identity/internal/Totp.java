package org.tongxin.identity.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) as every authenticator app
 * speaks them. A code is accepted for the current step and one step either side; callers make sure each step is
 * accepted only once.
 */
@Component
public class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, 6);
    private final Clock clock;

    Totp(Clock clock) {
        this.clock = clock;
    }

    /** A new secret, Base32 as authenticator apps expect (160 bits). */
    public String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /** The time step a code matches (current ± 1), if it matches one. */
    public OptionalLong matchingStep(String base32Secret, String code) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String digits = code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1");
        long current = step(clock.instant());
        for (long step = current - 1; step <= current + 1; step++) {
            try {
                String expected = generator.generateOneTimePasswordString(
                        key, Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
                if (java.security.MessageDigest.isEqual(expected.getBytes(), digits.getBytes())) {
                    return OptionalLong.of(step);
                }
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("Unusable TOTP secret", e);
            }
        }
        return OptionalLong.empty();
    }

    /** The code for a moment (tests and the demo page of accounts use it). */
    public String codeAt(String base32Secret, Instant at) {
        try {
            return generator.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Unusable TOTP secret", e);
        }
    }

    public long currentStep() {
        return step(clock.instant());
    }

    static long step(Instant at) {
        return at.getEpochSecond() / STEP.toSeconds();
    }

    /** The otpauth URI an authenticator app scans. */
    public static String uri(String issuer, String account, String base32Secret) {
        String label = UriUtils.encodePathSegment(issuer + ":" + account, java.nio.charset.StandardCharsets.UTF_8);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer="
                + UriUtils.encodeQueryParam(issuer, java.nio.charset.StandardCharsets.UTF_8)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /** The URI as an SVG QR code (no image library needed; scales crisply). */
    public static String qrSvg(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(content, BarcodeFormat.QR_CODE, 0, 0, java.util.Map.of(EncodeHintType.MARGIN, 2));
            int w = matrix.getWidth();
            int h = matrix.getHeight();
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h
                    + "\" width=\"220\" height=\"220\" shape-rendering=\"crispEdges\" aria-hidden=\"true\"><rect"
                    + " width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("QR code failed", e);
        }
    }
}
