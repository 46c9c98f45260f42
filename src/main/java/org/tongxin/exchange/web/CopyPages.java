package org.tongxin.exchange.web;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.exchange.HandoverSummary;
import org.tongxin.exchange.Handovers;
import org.tongxin.shared.web.NavigationEntry;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Copies (抄送): the legal documents the procuratorate and the police received as copies, newest first, each linking to
 * its handover, so that legal supervision sees every step it is owed (CCL art. 20, IM arts. 14, 17).
 */
@Controller
@PreAuthorize("hasAnyRole('PROSECUTOR', 'POLICE_OFFICER')")
class CopyPages {

    private final Handovers handovers;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;

    CopyPages(Handovers handovers, CaseDirectory cases, AgencyDirectory agencies) {
        this.handovers = handovers;
        this.cases = cases;
        this.agencies = agencies;
    }

    @GetMapping("/copies")
    String copies(@RequestParam(required = false) Integer page, Model model) {
        PageQuery query = PageQuery.of(page, null, null, Set.of("received"), "-received");
        PageResult<HandoverSummary> result = handovers.copiesToMe(query);
        Map<CaseId, CaseSummary> summaries = result.isEmpty()
                ? Map.of()
                : cases.summaries(
                        result.items().stream()
                                .map(HandoverSummary::caseId)
                                .distinct()
                                .toList(),
                        "copies");
        Map<UUID, String> names = agencies
                .findAll(result.items().stream()
                        .flatMap(h -> Stream.of(h.senderAgencyId(), h.receiverAgencyId()))
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()))
                .values()
                .stream()
                .collect(Collectors.toMap(a -> a.id().value(), AgencyView::localName, (a, b) -> a));
        model.addAttribute("page", result);
        model.addAttribute("cases", summaries);
        model.addAttribute("names", names);
        model.addAttribute("pageUrl", "/copies?");
        return "exchange/copies";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry copiesEntry() {
            return new NavigationEntry(
                    "nav.copies", "/copies", 4, Set.of("PROSECUTOR", "POLICE_OFFICER"), "home.tile.copies");
        }
    }
}
