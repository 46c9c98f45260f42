package org.tongxin.calendar.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for calendar years and their days. */
@Repository
public class CalendarRepository implements CalendarSource {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredYear> find(String region, int year) {
        return jdbc.sql("SELECT * FROM calendar_year WHERE region = :region AND year = :year")
                .param("region", region)
                .param("year", year)
                .query((rs, n) -> new StoredYear(
                        rs.getString("region"),
                        rs.getInt("year"),
                        rs.getString("notice"),
                        rs.getTimestamp("published_at").toInstant(),
                        rs.getString("published_by"),
                        rs.getInt("version"),
                        days(region, year)))
                .optional();
    }

    @Override
    public List<StoredYear> findAll(String region) {
        return jdbc
                .sql("SELECT year FROM calendar_year WHERE region = :region ORDER BY year")
                .param("region", region)
                .query(Integer.class)
                .list()
                .stream()
                .map(year -> find(region, year).orElseThrow())
                .toList();
    }

    private List<SpecialDay> days(String region, int year) {
        return jdbc.sql("SELECT day, kind, name_zh, name_en FROM calendar_day WHERE region = :region AND year = :year"
                        + " ORDER BY day")
                .param("region", region)
                .param("year", year)
                .query((rs, n) -> new SpecialDay(
                        rs.getDate("day").toLocalDate(),
                        "HOLIDAY".equals(rs.getString("kind")),
                        rs.getString("name_zh"),
                        rs.getString("name_en")))
                .list();
    }

    @Override
    public Set<String> regions() {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT region FROM calendar_year WHERE region <> 'CN'")
                .query(String.class)
                .list());
    }

    /**
     * Replaces a year as a whole: the year row is created or updated (its version counts replacements) and its days
     * are replaced. Concurrent replacements of the same year queue on the year row.
     */
    public void replace(String region, int year, String notice, List<SpecialDay> days, Instant now, String username) {
        jdbc.sql("""
            INSERT INTO calendar_year (region, year, notice, published_at, published_by, version)
            VALUES (:region, :year, :notice, :now, :username, 0)
            ON CONFLICT (region, year) DO UPDATE SET notice = EXCLUDED.notice, published_at = EXCLUDED.published_at,
                   published_by = EXCLUDED.published_by, version = calendar_year.version + 1\
            """)
                .param("region", region)
                .param("year", year)
                .param("notice", notice)
                .param("now", Timestamp.from(now))
                .param("username", username)
                .update();
        jdbc.sql("DELETE FROM calendar_day WHERE region = :region AND year = :year")
                .param("region", region)
                .param("year", year)
                .update();
        for (SpecialDay day : days) {
            jdbc.sql("""
                INSERT INTO calendar_day (region, day, year, kind, name_zh, name_en)
                VALUES (:region, :day, :year, :kind, :nameZh, :nameEn)\
                """)
                    .param("region", region)
                    .param("day", Date.valueOf(day.date()))
                    .param("year", year)
                    .param("kind", day.holiday() ? "HOLIDAY" : "WORKING_DAY")
                    .param("nameZh", day.nameZh())
                    .param("nameEn", day.nameEn())
                    .update();
        }
    }
}
