package org.tongxin.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditFilter;
import org.tongxin.audit.AuditOutcome;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.time.LegalTime;

/**
 * What an audit search asks for, as the API and the pages take it: days (China Standard Time, inclusive), the actor,
 * category, action, outcome and target; every part may be left out.
 */
record AuditSearch(
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String actor,
        @Nullable AuditCategory category,
        @Nullable String action,
        @Nullable AuditOutcome outcome,
        @Nullable String target) {

    /** The filter of the query; a search that cannot be run (a period that ends before it starts, too long a text) is refused. */
    AuditFilter filter() {
        FieldProblems problems = new FieldProblems();
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("to", "notBefore");
        }
        if (actor != null && actor.length() > 100) {
            problems.add("actor", "maxLength", 100);
        }
        if (action != null && action.length() > 64) {
            problems.add("action", "maxLength", 64);
        }
        if (target != null && target.length() > 100) {
            problems.add("target", "maxLength", 100);
        }
        problems.throwIfAny();
        Instant start = from == null ? null : from.atStartOfDay(LegalTime.ZONE).toInstant();
        Instant end =
                to == null ? null : to.plusDays(1).atStartOfDay(LegalTime.ZONE).toInstant();
        return new AuditFilter(start, end, actor, category, action, outcome, target);
    }

    /** The search as the audit record of the search writes it. */
    String describe() {
        return Arrays.toString(new Object[] {from, to, actor, category, action, outcome, target});
    }

    /** The address of this search on {@code path} (the parts left out or blank are not written). */
    String url(String path) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("from", present(from))
                .queryParamIfPresent("to", present(to))
                .queryParamIfPresent("actor", present(actor))
                .queryParamIfPresent("category", present(category))
                .queryParamIfPresent("action", present(action))
                .queryParamIfPresent("outcome", present(outcome))
                .queryParamIfPresent("target", present(target))
                .build()
                .toUriString();
    }

    private static Optional<Object> present(@Nullable Object value) {
        return value == null || (value instanceof String s && s.isBlank()) ? Optional.empty() : Optional.of(value);
    }
}
