package org.tongxin.shared.web;

import java.util.Set;
import org.tongxin.shared.error.FieldProblems;

/**
 * A page of a list: 0-based {@code page}, {@code size} between 1 and 100 (default 20), and a sort key from the
 * list's own allow-list with a direction. Bad values are refused with 400, never silently fixed.
 */
public record PageQuery(int page, int size, String sort, boolean descending) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageQuery of(Integer page, Integer size, String sort, Set<String> sortable, String defaultSort) {
        FieldProblems problems = new FieldProblems();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            problems.add("page", "min", 0);
        }
        if (s < 1 || s > MAX_SIZE) {
            problems.add("size", "range", 1, MAX_SIZE);
        }
        String key = sort == null || sort.isBlank() ? defaultSort : sort;
        boolean desc = key.startsWith("-");
        String field = desc ? key.substring(1) : key;
        if (!sortable.contains(field)) {
            problems.add("sort", "oneOf", String.join(", ", sortable));
        }
        problems.throwIfAny();
        return new PageQuery(p, s, field, desc);
    }

    public long offset() {
        return (long) page * size;
    }

    /** The sort parameter as a client sends it ({@code name} or {@code -name}). */
    public String sortParameter() {
        return (descending ? "-" : "") + sort;
    }
}
