package org.tongxin.policy;

/** Article numbers the way Chinese legal texts write them: 22 → 二十二, 105 → 一百零五, 286 → 二百八十六. */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {}

    static String of(int n) {
        if (n <= 0 || n >= 1000) {
            return Integer.toString(n);
        }
        StringBuilder s = new StringBuilder();
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int units = n % 10;
        if (hundreds > 0) {
            s.append(DIGITS.charAt(hundreds)).append('百');
            if (tens == 0 && units > 0) {
                s.append('零');
            }
        }
        if (tens > 0) {
            if (!(tens == 1 && hundreds == 0)) {
                s.append(DIGITS.charAt(tens));
            }
            s.append('十');
        }
        if (units > 0) {
            s.append(DIGITS.charAt(units));
        }
        return s.toString();
    }
}
