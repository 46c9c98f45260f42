package org.tongxin.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks identity document numbers: the resident ID card and the residence permits of Hong Kong, Macao and Taiwan
 * residents (GB 11643: 6-digit division, 8-digit birth date, 3-digit sequence whose parity is the sex, check
 * character), passports and the two travel permits by format.
 */
public final class IdentityNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");
    private static final Pattern HK_MACAO = Pattern.compile("[HM]\\d{8}(\\d{2})?");
    private static final Pattern TAIWAN = Pattern.compile("\\d{8}(\\d{2})?");

    private IdentityNumbers() {}

    /** Upper case, no spaces: the form that is stored and hashed. */
    public static String normalise(String number) {
        return number == null ? null : number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** A problem code ({@code validation.<code>}), or null when the number is valid for the type. */
    public static String problem(IdentityDocumentType type, String raw) {
        String number = normalise(raw);
        if (number == null || number.isEmpty()) {
            return "required";
        }
        return switch (type) {
            case RESIDENT_ID -> gb11643(number, false);
            case HMT_RESIDENCE_PERMIT -> gb11643(number, true);
            case PASSPORT -> PASSPORT.matcher(number).matches() ? null : "idNumberFormat";
            case HK_MACAO_PERMIT -> HK_MACAO.matcher(number).matches() ? null : "idNumberFormat";
            case TAIWAN_PERMIT -> TAIWAN.matcher(number).matches() ? null : "idNumberFormat";
        };
    }

    private static String gb11643(String number, boolean permit) {
        if (!number.matches("\\d{17}[\\dX]")) {
            return "idNumberFormat";
        }
        if (permit != (number.startsWith("81") || number.startsWith("82") || number.startsWith("83"))) {
            return "idNumberFormat";
        }
        if (birthDate(number) == null) {
            return "idNumberFormat";
        }
        return number.charAt(17) == checkCharacter(number.substring(0, 17)) ? null : "idNumberChecksum";
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECKS.charAt(sum % 11);
    }

    /** The birth date written in an 18-character number, or null. */
    public static LocalDate birthDate(String number) {
        try {
            return LocalDate.parse(number.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The sex written in an 18-character number (odd 17th digit: male). */
    public static Gender gender(String number) {
        return (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** A number with its middle hidden, for pages that need to recognise it but not read it. */
    public static String mask(String number) {
        if (number == null || number.length() < 8) {
            return "****";
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
    }

    /** For tests and demo data: a valid resident ID for a division, birth date, sequence and sex. */
    public static String compose(String division, LocalDate birth, int sequence, Gender gender) {
        int seq = sequence % 500 * 2 + (gender == Gender.MALE ? 1 : 0);
        String first17 = division + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq % 1000);
        return first17 + checkCharacter(first17);
    }
}
