package org.tongxin.policy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyView;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.policy.PolicyDrafting;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;

/**
 * What the policy pages and the API share: the caller's region (from their agency's place), today's legal date,
 * which models exist, and the rule that a draft is shown only to whoever may edit its region's model (others get
 * 404, as for anything they may not know about).
 */
@Component
class PolicyViews {

    private final PolicyModels models;
    private final CurrentUser currentUser;
    private final AgencyDirectory agencies;
    private final PolicyDrafting drafting;
    private final Clock clock;

    PolicyViews(
            PolicyModels models,
            CurrentUser currentUser,
            AgencyDirectory agencies,
            PolicyDrafting drafting,
            Clock clock) {
        this.drafting = drafting;
        this.models = models;
        this.currentUser = currentUser;
        this.agencies = agencies;
        this.clock = clock;
    }

    LocalDate today() {
        return LegalTime.today(clock);
    }

    /** The model that applies where the caller's agency sits (City A staff see City A's model). */
    String defaultRegion() {
        return currentUser
                .find()
                .flatMap(u -> agencies.find(u.agency()))
                .map(AgencyView::divisionCode)
                .map(models::regionFor)
                .orElse(PolicyModels.NATIONAL);
    }

    /** Whether the caller may draft this region's model (the one rule of {@link PolicyDrafting#mayEdit}). */
    boolean mayEdit(String region) {
        return drafting.mayEdit(region);
    }

    Optional<TongxinPrincipal> user() {
        return currentUser.find();
    }

    /** A known region (no silent fallback to the baseline on a page or API that names a region): else 404. */
    PolicyModels.ModelView model(String region) {
        return models.model(region).orElseThrow(TongxinException::notFound);
    }

    List<PolicyModels.ModelView> models() {
        return models.models();
    }

    ResolvedPolicy inForce(String region, LocalDate date) {
        model(region);
        return models.inForce(region, date);
    }

    /** A version by id; a draft only for coordinators. */
    ResolvedPolicy version(UUID id) {
        PolicyModels.VersionView info = models.versionInfo(id).orElseThrow(TongxinException::notFound);
        if (!info.published() && !mayEdit(info.region())) {
            throw TongxinException.notFound();
        }
        return models.version(id);
    }

    List<PolicyModels.VersionEntry> history(String region) {
        model(region);
        boolean drafts = mayEdit(region);
        return models.history(region).stream()
                .filter(e -> drafts || e.version().published())
                .toList();
    }
}
