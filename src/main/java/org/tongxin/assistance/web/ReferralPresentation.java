package org.tongxin.assistance.web;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.ReferralViews.ReferralSummary;
import org.tongxin.assistance.ReferralViews.ReferralView;

/**
 * The assistance module's presentation assembler, for the API and the pages alike: the referring and receiving
 * agencies of referrals named in the reader's language (one read per list), and a service's name as the message
 * bundles spell it.
 */
@Component
class ReferralPresentation {

    private final AgencyDirectory agencies;
    private final MessageSource messages;

    ReferralPresentation(AgencyDirectory agencies, MessageSource messages) {
        this.agencies = agencies;
        this.messages = messages;
    }

    /** The names of the agencies that referred and received these referrals. */
    Map<AgencyId, AgencyName> names(Collection<ReferralSummary> referrals, Locale locale) {
        return agencies.names(
                referrals.stream()
                        .flatMap(s -> Stream.of(s.fromAgencyId(), s.toAgencyId()))
                        .toList(),
                locale);
    }

    /** The names of the agencies that referred and received this referral. */
    Map<AgencyId, AgencyName> names(ReferralView referral, Locale locale) {
        return agencies.names(
                Stream.of(referral.fromAgencyId(), referral.toAgencyId()).toList(), locale);
    }

    /** The names alone, as the pages write them ({@code names.get(id)}). */
    static Map<AgencyId, String> texts(Map<AgencyId, AgencyName> names) {
        return names.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name()));
    }

    /** The service's name as the pages write it (referral.service.*): one spelling for the API and the pages. */
    String serviceName(AssistanceService service, Locale locale) {
        return messages.getMessage("referral.service." + service.name(), null, service.name(), locale);
    }
}
