package org.tongxin.assistance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyView;
import org.tongxin.assistance.ReferralViews.CapacityChange;
import org.tongxin.assistance.ReferralViews.CapacityLine;
import org.tongxin.assistance.internal.ReferralRepository;
import org.tongxin.assistance.internal.ReferralRepository.CapacityRow;
import org.tongxin.assistance.internal.WaitingList;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;

/**
 * What an assisting department or organisation declares it can take: places and staff per service of its type
 * (doc/adr/0012). More places go at once to the referrals waiting longest ({@link WaitingList}); the referrals
 * themselves are {@link Referrals}'.
 */
@Service
public class Capacities {

    public static final int MAX_PLACES = 10_000;

    private final ReferralRepository referrals;
    private final WaitingList waitingList;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    Capacities(
            ReferralRepository referrals,
            WaitingList waitingList,
            AgencyDirectory agencies,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock) {
        this.referrals = referrals;
        this.waitingList = waitingList;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's agency's places and staff per service of its type, with the places taken and the waiting list. */
    @Transactional(readOnly = true)
    public List<CapacityLine> capacity() {
        AgencyView mine = caseworkerAgency();
        Map<AssistanceService, CapacityRow> declared =
                referrals.capacities(mine.id()).stream().collect(Collectors.toMap(CapacityRow::service, c -> c));
        List<CapacityLine> lines = new ArrayList<>();
        for (AssistanceService service : servicesOf(mine)) {
            Map<String, Integer> counts = referrals.counts(mine.id(), service);
            CapacityRow row = declared.get(service);
            lines.add(CapacityLine.of(
                    service,
                    row == null ? null : row.places(),
                    row == null ? null : row.staff(),
                    counts.get("occupied"),
                    counts.get("waiting"),
                    row == null ? 0 : row.version()));
        }
        return lines;
    }

    /** Declares places and staff for services of the caller's agency; more places place the next referrals waiting. */
    @Transactional
    public List<CapacityLine> declareCapacity(List<CapacityChange> changes) {
        AgencyView mine = caseworkerAgency();
        FieldProblems problems = new FieldProblems();
        List<CapacityChange> list = changes == null ? List.of() : changes;
        if (list.isEmpty()) {
            problems.add("lines", "required");
        }
        Set<AssistanceService> offered = servicesOf(mine);
        Set<AssistanceService> seen = EnumSet.noneOf(AssistanceService.class);
        for (int i = 0; i < list.size(); i++) {
            CapacityChange c = list.get(i);
            String field = "lines[" + i + "].";
            if (c == null || c.service() == null) {
                problems.add(field + "service", "required");
                continue;
            }
            if (!offered.contains(c.service())) {
                problems.add(field + "service", "notOffered");
            } else if (!seen.add(c.service())) {
                problems.add(field + "service", "duplicate");
            }
            range(c.places(), field + "places", problems);
            range(c.staff(), field + "staff", problems);
            if (c.version() == null || c.version() < 0) {
                problems.add(field + "version", "required");
            }
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        for (CapacityChange c : list) {
            referrals.lockCapacity(mine.id(), c.service());
            if (!referrals.saveCapacity(
                    mine.id(),
                    c.service(),
                    c.places(),
                    c.staff(),
                    c.version(),
                    now,
                    currentUser.get().userId())) {
                throw TongxinException.staleVersion();
            }
        }
        for (CapacityChange c : list) {
            waitingList.fillFreePlaces(mine.id(), c.service(), now, currentUser.ref());
        }
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "assistance.capacity")
                .target("agency", mine.id())
                .detail("services", list.stream().map(c -> c.service().name()).collect(Collectors.joining(","))));
        return capacity();
    }

    /** The services an agency of this type provides. */
    static Set<AssistanceService> servicesOf(AgencyView agency) {
        Set<AssistanceService> set = EnumSet.noneOf(AssistanceService.class);
        for (AssistanceService s : AssistanceService.values()) {
            if (s.provider() == agency.type()) {
                set.add(s);
            }
        }
        return set;
    }

    private AgencyView caseworkerAgency() {
        TongxinPrincipal me = currentUser.get();
        if (me.agencyId() == null || me.roles().stream().noneMatch(Referrals.CASEWORKERS::contains)) {
            throw TongxinException.forbidden("NOT_ASSISTING_AGENCY");
        }
        AgencyView mine = agencies.get(me.agency());
        if (servicesOf(mine).isEmpty()) {
            throw TongxinException.forbidden("NOT_ASSISTING_AGENCY");
        }
        return mine;
    }

    private static void range(Integer value, String field, FieldProblems problems) {
        if (value == null) {
            problems.add(field, "required");
        } else if (value < 0 || value > MAX_PLACES) {
            // The bounds as text: a number argument would print with a thousands separator.
            problems.add(field, "range", "0", Integer.toString(MAX_PLACES));
        }
    }
}
