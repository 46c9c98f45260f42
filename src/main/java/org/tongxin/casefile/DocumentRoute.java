package org.tongxin.casefile;

import java.util.Set;
import java.util.UUID;
import org.tongxin.agency.AgencyId;
import org.tongxin.identity.Participation;

/**
 * One way a stored document of a case travelled: by which carrier ({@code HANDOVER}, {@code REFERRAL}) and which one of
 * them, of what kind (a handover's kind, a referral's service), from which agency to which agencies, and which of the
 * case's roles see what it carried. {@code sent}: delivered (a bundle still being prepared reaches only its sender).
 * {@code addressees} are the agencies it was sent to as long as they still receive it (a referral's department only
 * while the referral is open). The document rule ({@link DocumentRule}) decides from these facts alone.
 */
public record DocumentRoute(
        UUID documentId,
        String carrier,
        UUID carrierId,
        String kind,
        AgencyId sender,
        Set<AgencyId> addressees,
        Set<Participation> audience,
        boolean sent,
        boolean receipt) {

    public static final String HANDOVER = "HANDOVER";
    public static final String REFERRAL = "REFERRAL";

    public DocumentRoute {
        addressees = Set.copyOf(addressees);
        audience = Set.copyOf(audience);
    }
}
