package org.tongxin.shared.web;

import java.util.List;
import java.util.function.Function;

/** One page of results with what a pager needs. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return total == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
