package org.tongxin.shared.jdbc;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Cross-module reactions run after a change commits, from the event publication registry. A page or API answer that
 * has just changed a case shows the obligations that follow from it only when those reactions have run, so after a
 * command it waits here, briefly and bounded, for the reactions to <em>the events this request published</em> —
 * never for other users' work (ADR 0015). Events are recognised by their {@code eventId} record component, which
 * every domain event of Tongxin carries. If the reactions take longer the answer shows what is there; they still
 * happen, and the registry delivers again whatever failed.
 */
@Component
public class EventQuiescence {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final String PUBLISHED = EventQuiescence.class.getName() + ".published";
    private static final Map<Class<?>, Optional<Method>> EVENT_IDS = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final Duration settleLimit;

    EventQuiescence(JdbcClient jdbc, @Value("${tongxin.api.settle-timeout:PT2S}") Duration settleLimit) {
        this.jdbc = jdbc;
        this.settleLimit = settleLimit;
    }

    /**
     * Notes every domain event published while a web request is being handled, so that {@link #settle()} knows which
     * reactions are this request's own. Events published elsewhere (listeners, scheduled jobs) are not noted.
     */
    @EventListener
    void published(Object event) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        eventId(event).ifPresent(id -> ownEvents(request, true).add(id));
    }

    /**
     * After a person's command (a page or an API call): waits at most the configured short bound
     * ({@code tongxin.api.settle-timeout}, 2 s by default) for the reactions to the events this request published;
     * returns at once when it published none. Returns whether they all completed.
     */
    public boolean settle() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Set<UUID> own = request == null ? null : ownEvents(request, false);
        if (own == null || own.isEmpty()) {
            return true;
        }
        List<String> ids = own.stream().map(UUID::toString).toList();
        own.clear();
        return waitUntil(() -> pendingReactions(ids) == 0, settleLimit);
    }

    /**
     * Waits up to {@code limit} for every reaction in flight in the whole system to complete (the demo's replay and
     * tests, which act as one user at a time); a request answering a person uses {@link #settle()}.
     */
    public boolean awaitAll(Duration limit) {
        return waitUntil(() -> inFlight() == 0, limit);
    }

    /** Publications not yet completed that a listener is still expected to finish (failed ones wait for redelivery). */
    public long inFlight() {
        return jdbc.sql("""
            SELECT count(*) FROM event_publication
             WHERE completion_date IS NULL AND (status IS NULL OR status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED'))\
            """).query(Long.class).single();
    }

    /** The incomplete publications of the given events (by their event ids). */
    long pendingReactions(List<String> eventIds) {
        return jdbc.sql("""
            SELECT count(*) FROM event_publication
             WHERE completion_date IS NULL AND (status IS NULL OR status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED'))
               AND serialized_event::jsonb ->> 'eventId' IN (:ids)\
            """).param("ids", eventIds).query(Long.class).single();
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier done, Duration limit) {
        // Elapsed time, not the clock of the law: measured with the monotonic timer.
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - end > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<UUID> ownEvents(RequestAttributes request, boolean create) {
        Set<UUID> ids = (Set<UUID>) request.getAttribute(PUBLISHED, RequestAttributes.SCOPE_REQUEST);
        if (ids == null && create) {
            ids = new LinkedHashSet<>();
            request.setAttribute(PUBLISHED, ids, RequestAttributes.SCOPE_REQUEST);
        }
        return ids;
    }

    /** The {@code eventId} of a domain event (a record with a UUID component of that name), if it is one. */
    static Optional<UUID> eventId(Object event) {
        Optional<Method> accessor = EVENT_IDS.computeIfAbsent(event.getClass(), type -> {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("eventId") && component.getType() == UUID.class) {
                    Method method = component.getAccessor();
                    method.setAccessible(true);
                    return Optional.of(method);
                }
            }
            return Optional.empty();
        });
        if (accessor.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((UUID) accessor.get().invoke(event));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }
}
