package org.tongxin.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.calendar.HolidayRange;
import org.tongxin.calendar.YearEntry;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;

/**
 * The entry form of a year as the page posts it: rows of holiday breaks and fields of adjusted working days, empty
 * ones ignored. Problems found in the entry name its list positions; {@link #onRows} turns them back into the
 * form's rows.
 */
public class YearForm {

    static final int MIN_HOLIDAY_ROWS = 8;
    static final int MIN_WORKING_DAY_FIELDS = 6;
    static final int SPARE = 3;
    private static final Pattern INDEXED = Pattern.compile("^(holidays|workingDays)\\[(\\d+)](.*)$");

    private Integer year;
    private String region;
    private String notice;
    private boolean replace;
    private List<HolidayRow> holidays = new ArrayList<>();
    private List<String> workingDays = new ArrayList<>();

    /** Where each entry position came from in the form (filled by {@link #entry()}). */
    private final List<Integer> holidayRows = new ArrayList<>();

    private final List<Integer> workingDayFields = new ArrayList<>();

    /** One break: first and last day (ISO dates as the date inputs send them) and the names. */
    public static class HolidayRow {
        private String from;
        private String to;
        private String nameZh;
        private String nameEn;

        public HolidayRow() {}

        HolidayRow(HolidayRange range) {
            this.from = range.from().toString();
            this.to = range.last().toString();
            this.nameZh = range.nameZh();
            this.nameEn = range.nameEn();
        }

        boolean blank() {
            return isBlank(from) && isBlank(to) && isBlank(nameZh) && isBlank(nameEn);
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }

        public String getNameZh() {
            return nameZh;
        }

        public void setNameZh(String nameZh) {
            this.nameZh = nameZh;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }
    }

    static YearForm of(YearEntry draft) {
        YearForm form = new YearForm();
        form.year = draft.year();
        form.region = draft.region();
        form.notice = draft.notice();
        draft.holidays().forEach(h -> form.holidays.add(new HolidayRow(h)));
        draft.workingDays().forEach(d -> form.workingDays.add(d.toString()));
        return form.padded();
    }

    /** Adds empty rows and fields to write into. */
    YearForm padded() {
        int rows = Math.max(MIN_HOLIDAY_ROWS, filledHolidays() + SPARE);
        while (holidays.size() < rows) {
            holidays.add(new HolidayRow());
        }
        int fields = Math.max(MIN_WORKING_DAY_FIELDS, filledWorkingDays() + SPARE);
        while (workingDays.size() < fields) {
            workingDays.add("");
        }
        return this;
    }

    private int filledHolidays() {
        int last = 0;
        for (int i = 0; i < holidays.size(); i++) {
            if (holidays.get(i) != null && !holidays.get(i).blank()) {
                last = i + 1;
            }
        }
        return last;
    }

    private int filledWorkingDays() {
        int last = 0;
        for (int i = 0; i < workingDays.size(); i++) {
            if (!isBlank(workingDays.get(i))) {
                last = i + 1;
            }
        }
        return last;
    }

    /** The entry without the empty rows; unreadable dates are refused here, named by their form field. */
    YearEntry entry() {
        FieldProblems problems = new FieldProblems();
        if (year == null) {
            problems.add("year", "required");
        }
        holidayRows.clear();
        workingDayFields.clear();
        List<HolidayRange> ranges = new ArrayList<>();
        for (int i = 0; i < holidays.size(); i++) {
            HolidayRow row = holidays.get(i);
            if (row == null || row.blank()) {
                continue;
            }
            String field = "holidays[" + i + "]";
            ranges.add(new HolidayRange(
                    date(row.from, field + ".from", problems),
                    date(row.to, field + ".to", problems),
                    row.nameZh,
                    row.nameEn));
            holidayRows.add(i);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < workingDays.size(); i++) {
            if (isBlank(workingDays.get(i))) {
                continue;
            }
            dates.add(date(workingDays.get(i), "workingDays[" + i + "]", problems));
            workingDayFields.add(i);
        }
        problems.throwIfAny();
        return new YearEntry(region, year, notice, ranges, dates);
    }

    /** The refusal with entry positions ({@code holidays[0].to}) renamed to the form's rows ({@code holidays[3].to}). */
    TongxinException onRows(TongxinException e) {
        if (e.fieldProblems().isEmpty()) {
            return e;
        }
        List<FieldProblem> renamed = e.fieldProblems().stream()
                .map(p -> {
                    Matcher m = INDEXED.matcher(p.field());
                    if (!m.matches()) {
                        return p;
                    }
                    List<Integer> positions = m.group(1).equals("holidays") ? holidayRows : workingDayFields;
                    int index = Integer.parseInt(m.group(2));
                    return index < positions.size()
                            ? new FieldProblem(
                                    m.group(1) + "[" + positions.get(index) + "]" + m.group(3), p.code(), p.args())
                            : p;
                })
                .toList();
        return TongxinException.invalid(renamed);
    }

    private static LocalDate date(String value, String field, FieldProblems problems) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "dateFormat");
            return null;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getNotice() {
        return notice;
    }

    public void setNotice(String notice) {
        this.notice = notice;
    }

    public boolean isReplace() {
        return replace;
    }

    public void setReplace(boolean replace) {
        this.replace = replace;
    }

    public List<HolidayRow> getHolidays() {
        return holidays;
    }

    public void setHolidays(List<HolidayRow> holidays) {
        this.holidays = holidays;
    }

    public List<String> getWorkingDays() {
        return workingDays;
    }

    public void setWorkingDays(List<String> workingDays) {
        this.workingDays = workingDays;
    }
}
