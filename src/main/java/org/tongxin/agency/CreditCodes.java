package org.tongxin.agency;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet, the
 * registering authority and organ type, the 6-digit division, the 9-character organisation code (GB 11714, with its
 * own check character) and a final check character.
 */
public final class CreditCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCodes() {}

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return false;
            }
        }
        // Only the final check character is the standard's validation rule; real organisation codes do not always
        // satisfy GB 11714 in their 17th position, so that one is used when composing codes, not when checking.
        return code.charAt(17) == checkCharacter(code.substring(0, 17));
    }

    /** The 18th character for the first 17. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The organisation code's check character (GB 11714) for its first 8 characters. */
    public static char organisationCheck(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** Builds a valid code from its parts (demo data, tests). */
    public static String compose(char authority, char type, String division, String organisation8) {
        String body = "" + authority + type + division + organisation8 + organisationCheck(organisation8);
        return body + checkCharacter(body);
    }
}
