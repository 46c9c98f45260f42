package org.tongxin.agency.internal;

import static org.tongxin.agency.AgencyType.BASIC_COURT;
import static org.tongxin.agency.AgencyType.COMMUNITY_COMMITTEE;
import static org.tongxin.agency.AgencyType.CORRECTION_AGENCY;
import static org.tongxin.agency.AgencyType.DETENTION_CENTRE;
import static org.tongxin.agency.AgencyType.INTERMEDIATE_COURT;
import static org.tongxin.agency.AgencyType.JUDICIAL_OFFICE;
import static org.tongxin.agency.AgencyType.POLICE_STATION;
import static org.tongxin.agency.AgencyType.PUBLIC_SECURITY;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDraft;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.agency.CreditCodes;
import org.tongxin.agency.Division;
import org.tongxin.shared.error.FieldProblems;

/**
 * Whether an agency draft may be saved: unique codes, a valid credit code, a level its type can have, a parent
 * of the right kind one level up (a judicial office under its county community correction agency), no cycle,
 * and divisions and jurisdictions that exist and lie inside each other.
 */
@Component
public class AgencyRules {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,30}");

    private final AgencyRepository agencies;

    AgencyRules(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    /** Normalises the draft (trims, upper-cases codes, default jurisdiction) and throws 400 with every problem. */
    public AgencyDraft check(AgencyId self, AgencyDraft raw) {
        AgencyDraft draft = normalise(raw);
        FieldProblems problems = new FieldProblems();

        if (draft.code() == null) {
            problems.add("code", "required");
        } else if (!CODE.matcher(draft.code()).matches()) {
            problems.add("code", "agencyCode");
        } else if (agencies.codeTaken(draft.code(), self)) {
            problems.add("code", "taken");
        }
        if (draft.nameZh() == null) {
            problems.add("nameZh", "required");
        } else if (draft.nameZh().length() > 100) {
            problems.add("nameZh", "maxLength", 100);
        }
        if (draft.nameEn() != null && draft.nameEn().length() > 150) {
            problems.add("nameEn", "maxLength", 150);
        }
        if (draft.type() == null) {
            problems.add("type", "required");
        }
        if (draft.level() == null) {
            problems.add("level", "required");
        } else if (draft.type() != null && !draft.type().levels().contains(draft.level())) {
            problems.add("level", "levelForType");
        }
        if (draft.creditCode() != null) {
            if (!CreditCodes.isValid(draft.creditCode())) {
                problems.add("creditCode", "creditCode");
            } else if (agencies.creditCodeTaken(draft.creditCode(), self)) {
                problems.add("creditCode", "taken");
            }
        }
        if (draft.address() != null && draft.address().length() > 200) {
            problems.add("address", "maxLength", 200);
        }
        if (draft.phone() != null && !PHONE.matcher(draft.phone()).matches()) {
            problems.add("phone", "phone");
        }

        Optional<Division> division = Optional.empty();
        if (draft.divisionCode() == null) {
            problems.add("divisionCode", "required");
        } else {
            division = agencies.division(draft.divisionCode());
            if (division.isEmpty()) {
                problems.add("divisionCode", "unknownDivision");
            } else if (draft.level() != null
                    && !divisionFitsLevel(division.get().level(), draft.level())) {
                problems.add("divisionCode", "divisionLevel");
            }
        }
        if (draft.jurisdictions().size() > 50) {
            problems.add("jurisdictions", "maxItems", 50);
        }
        for (String code : draft.jurisdictions()) {
            Optional<Division> served = agencies.division(code);
            if (served.isEmpty()) {
                problems.add("jurisdictions", "unknownDivision");
                break;
            }
            if (division.isPresent() && !withinEither(division.get(), served.get())) {
                problems.add("jurisdictions", "outsideDivision");
                break;
            }
        }

        checkParent(self, draft, problems);
        problems.throwIfAny();
        return draft;
    }

    private void checkParent(AgencyId self, AgencyDraft draft, FieldProblems problems) {
        if (draft.type() == null || draft.level() == null) {
            return;
        }
        if (draft.parentId() == null) {
            if (requiresParent(draft.type())) {
                problems.add("parentId", draft.type() == JUDICIAL_OFFICE ? "officeUnderCountyAgency" : "required");
            }
            return;
        }
        if (self != null
                && (draft.parentId().equals(self)
                        || agencies.ancestors(draft.parentId()).contains(self))) {
            problems.add("parentId", "cycle");
            return;
        }
        Optional<AgencyView> parent = agencies.find(draft.parentId());
        if (parent.isEmpty()) {
            problems.add("parentId", "unknownAgency");
            return;
        }
        AgencyView p = parent.get();
        if (!p.active()) {
            problems.add("parentId", "inactiveAgency");
        } else if (!mayBeParent(draft.type(), draft.level(), p.type(), p.level())) {
            problems.add("parentId", draft.type() == JUDICIAL_OFFICE ? "officeUnderCountyAgency" : "parentType");
        } else if (draft.divisionCode() != null) {
            agencies.division(p.divisionCode()).ifPresent(parentDivision -> {
                if (!parentDivision.contains(draft.divisionCode())) {
                    problems.add("parentId", "parentElsewhere");
                }
            });
        }
    }

    static boolean requiresParent(AgencyType type) {
        return type == JUDICIAL_OFFICE || type == POLICE_STATION;
    }

    /** The organ one level up: the same kind at a higher level, or the few fixed pairs of the law. */
    static boolean mayBeParent(AgencyType type, AgencyLevel level, AgencyType parentType, AgencyLevel parentLevel) {
        return switch (type) {
            case JUDICIAL_OFFICE -> parentType == CORRECTION_AGENCY && parentLevel == AgencyLevel.COUNTY;
            case POLICE_STATION -> parentType == PUBLIC_SECURITY && parentLevel == AgencyLevel.COUNTY;
            case BASIC_COURT -> parentType == INTERMEDIATE_COURT;
            case DETENTION_CENTRE -> parentType == PUBLIC_SECURITY && !level.isAbove(parentLevel);
            case COMMUNITY_COMMITTEE -> parentType == JUDICIAL_OFFICE;
            case SOCIAL_ORGANISATION -> false;
            default -> parentType == type && parentLevel.isAbove(level);
        };
    }

    private static boolean divisionFitsLevel(AgencyLevel division, AgencyLevel agency) {
        return division == agency || (agency == AgencyLevel.TOWNSHIP && division == AgencyLevel.COUNTY);
    }

    private static boolean withinEither(Division own, Division served) {
        return own.contains(served.code()) || served.contains(own.code());
    }

    static AgencyDraft normalise(AgencyDraft d) {
        List<String> jurisdictions = d.jurisdictions() == null
                ? List.of()
                : d.jurisdictions().stream()
                        .map(AgencyRules::trim)
                        .filter(s -> s != null)
                        .distinct()
                        .toList();
        String division = trim(d.divisionCode());
        if (jurisdictions.isEmpty() && division != null) {
            jurisdictions = List.of(division);
        }
        return new AgencyDraft(
                upper(d.code()),
                trim(d.nameZh()),
                trim(d.nameEn()),
                d.type(),
                d.level(),
                d.parentId(),
                division,
                upper(d.creditCode()),
                trim(d.address()),
                trim(d.phone()),
                jurisdictions);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        String t = trim(s);
        return t == null ? null : t.toUpperCase(java.util.Locale.ROOT);
    }
}
