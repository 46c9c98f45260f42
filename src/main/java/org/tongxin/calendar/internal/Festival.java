package org.tongxin.calendar.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * One festival of all citizens in one year as the regulation fixes it: which it is and its statutory days in date
 * order (one day, the four or three days of the Spring Festival, the two or one of Labour Day, the three of National
 * Day).
 */
public record Festival(Kind kind, int year, List<LocalDate> days) {

    public Festival {
        days = List.copyOf(days);
    }

    /** The seven festivals, with their names as the notices write them. */
    public enum Kind {
        NEW_YEAR("元旦", "New Year's Day"),
        SPRING_FESTIVAL("春节", "Spring Festival"),
        QINGMING("清明节", "Qingming Festival"),
        LABOUR_DAY("劳动节", "Labour Day"),
        DRAGON_BOAT("端午节", "Dragon Boat Festival"),
        MID_AUTUMN("中秋节", "Mid-Autumn Festival"),
        NATIONAL_DAY("国庆节", "National Day");

        private final String nameZh;
        private final String nameEn;

        Kind(String nameZh, String nameEn) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }
    }

    public LocalDate first() {
        return days.getFirst();
    }

    public LocalDate last() {
        return days.getLast();
    }
}
