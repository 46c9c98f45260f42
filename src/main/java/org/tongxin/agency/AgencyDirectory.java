package org.tongxin.agency;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.internal.AgencyRepository;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** Queries on agencies, their hierarchy, jurisdictions and the administrative divisions. */
@Component
public class AgencyDirectory {

    public static final Set<String> SORTABLE = AgencyRepository.SORTABLE.keySet();

    private final AgencyRepository agencies;

    AgencyDirectory(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    @Transactional(readOnly = true)
    public Optional<AgencyView> find(AgencyId id) {
        return agencies.find(id);
    }

    /** The agency, or 404. */
    @Transactional(readOnly = true)
    public AgencyView get(AgencyId id) {
        return agencies.find(id).orElseThrow(TongxinException::notFound);
    }

    @Transactional(readOnly = true)
    public Optional<AgencyView> findByCode(String code) {
        return agencies.findByCode(code);
    }

    @Transactional(readOnly = true)
    public Map<AgencyId, AgencyView> findAll(Collection<AgencyId> ids) {
        return agencies.findAll(ids).stream().collect(Collectors.toMap(AgencyView::id, Function.identity()));
    }

    /** The names of these agencies in the reader's language (one query; unknown and null ids are left out). */
    @Transactional(readOnly = true)
    public Map<AgencyId, AgencyName> names(Collection<AgencyId> ids, java.util.Locale locale) {
        List<AgencyId> known =
                ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (known.isEmpty()) {
            return Map.of();
        }
        return agencies.findAll(known).stream()
                .collect(Collectors.toMap(AgencyView::id, a -> AgencyName.of(a, locale)));
    }

    @Transactional(readOnly = true)
    public PageResult<AgencyView> search(AgencyQuery query, PageQuery page) {
        return agencies.search(query, page);
    }

    /** Every active agency, by code: for choosing one in a form (a city or province has hundreds, not millions). */
    @Transactional(readOnly = true)
    public List<AgencyView> listActive() {
        return agencies.listActive();
    }

    /** Active agencies of a type and level serving a division: the county agency, procuratorate or police of a place. */
    @Transactional(readOnly = true)
    public List<AgencyView> serving(AgencyType type, AgencyLevel level, String divisionCode) {
        return divisionCode == null ? List.of() : agencies.serving(type, level, divisionCode);
    }

    @Transactional(readOnly = true)
    public List<AgencyView> children(AgencyId id) {
        return agencies.children(id);
    }

    /** The organs above this one, nearest first (escalation follows this chain). */
    @Transactional(readOnly = true)
    public List<AgencyView> ancestors(AgencyId id) {
        List<AgencyId> ids = agencies.ancestors(id);
        Map<AgencyId, AgencyView> found = findAll(ids);
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Division> division(String code) {
        return agencies.division(code);
    }

    @Transactional(readOnly = true)
    public List<Division> divisions(Collection<String> codes) {
        return agencies.divisions(codes);
    }

    /** Divisions directly inside {@code parentCode} (provinces when null). */
    @Transactional(readOnly = true)
    public List<Division> divisionChildren(String parentCode) {
        return agencies.divisionChildren(parentCode);
    }

    /** Whether the agency's jurisdiction covers the division (its own served division or one inside it). */
    @Transactional(readOnly = true)
    public boolean serves(AgencyId agencyId, String divisionCode) {
        AgencyView agency = get(agencyId);
        return agencies.divisions(agency.jurisdictions()).stream().anyMatch(d -> d.contains(divisionCode));
    }
}
