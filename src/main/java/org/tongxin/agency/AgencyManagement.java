package org.tongxin.agency;

import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.internal.AgencyRepository;
import org.tongxin.agency.internal.AgencyRules;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;

/**
 * Creates and changes agencies and townships (system administrators; the caller's right is checked at the web
 * edge). Every change is validated as a whole, audited and announced as an event.
 */
@Component
public class AgencyManagement {

    private final AgencyRepository agencies;
    private final AgencyRules rules;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgencyManagement(
            AgencyRepository agencies,
            AgencyRules rules,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.agencies = agencies;
        this.rules = rules;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AgencyId register(AgencyDraft draft) {
        AgencyDraft checked = rules.check(null, draft);
        AgencyId id = AgencyId.of(UUID.randomUUID());
        agencies.insert(id, checked, clock.instant());
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "agency.create")
                .target("agency", id)
                .detail("code", checked.code())
                .detail("type", checked.type()));
        events.publishEvent(new AgencyRegistered(id, checked.type(), checked.level(), checked.divisionCode()));
        return id;
    }

    @Transactional
    public void update(AgencyId id, int version, AgencyDraft draft) {
        AgencyView current = agencies.find(id).orElseThrow(TongxinException::notFound);
        AgencyDraft checked = rules.check(id, draft);
        if (current.version() != version || !agencies.update(id, version, checked, clock.instant())) {
            throw TongxinException.staleVersion();
        }
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, "agency.update")
                .target("agency", id)
                .detail("code", checked.code()));
        events.publishEvent(new AgencyChanged(id, current.active()));
    }

    /** Deactivates (or reactivates) an agency; it stays for history. An agency with active children stays active. */
    @Transactional
    public void setActive(AgencyId id, int version, boolean active) {
        AgencyView current = agencies.find(id).orElseThrow(TongxinException::notFound);
        if (!active && agencies.children(id).stream().anyMatch(AgencyView::active)) {
            throw TongxinException.rule("AGENCY_HAS_ACTIVE_CHILDREN");
        }
        if (active
                && current.parentId() != null
                && agencies.find(current.parentId()).map(p -> !p.active()).orElse(false)) {
            throw TongxinException.rule("AGENCY_PARENT_INACTIVE");
        }
        if (!agencies.setActive(id, version, active, clock.instant())) {
            throw TongxinException.staleVersion();
        }
        audit.record(AuditEntry.of(AuditCategory.ADMINISTRATION, active ? "agency.activate" : "agency.deactivate")
                .target("agency", id));
        events.publishEvent(new AgencyChanged(id, active));
    }

    /** Adds a township (9-digit code) inside a county, or a division the national list lacks. */
    @Transactional
    public void addDivision(Division division) {
        FieldProblems problems = new FieldProblems();
        String code = division.code() == null ? null : division.code().strip();
        if (code == null || !code.matches("[0-9]{6}([0-9]{3})?")) {
            problems.add("code", "divisionCode");
        } else if (agencies.division(code).isPresent()) {
            problems.add("code", "taken");
        }
        if (division.nameZh() == null || division.nameZh().isBlank()) {
            problems.add("nameZh", "required");
        }
        Division parent = division.parentCode() == null
                ? null
                : agencies.division(division.parentCode()).orElse(null);
        if (parent == null) {
            problems.add("parentCode", "unknownDivision");
        } else if (code != null && !parent.contains(code)) {
            problems.add("code", "outsideDivision");
        }
        AgencyLevel level = levelOf(code);
        if (parent != null && !parent.level().isAbove(level)) {
            problems.add("parentCode", "divisionLevel");
        }
        problems.throwIfAny();
        agencies.insertDivision(new Division(
                code,
                division.nameZh().strip(),
                division.nameEn() == null || division.nameEn().isBlank()
                        ? null
                        : division.nameEn().strip(),
                level,
                parent.code()));
        audit.record(
                AuditEntry.of(AuditCategory.ADMINISTRATION, "division.create").target("division", code));
    }

    /** GB/T 2260: xx0000 a province, xxxx00 a prefecture, other 6-digit codes a county; 9 digits a township. */
    static AgencyLevel levelOf(String code) {
        if (code == null || code.length() == 9) {
            return AgencyLevel.TOWNSHIP;
        }
        return code.endsWith("0000")
                ? AgencyLevel.PROVINCE
                : code.endsWith("00") ? AgencyLevel.CITY : AgencyLevel.COUNTY;
    }
}
