package org.tongxin.casefile;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tongxin.agency.AgencyId;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.Participation;

/**
 * Who may open a stored document of a case (issue 9, item 3). One rule for every path that hands out a document's
 * content — the case's documents, a handover's documents and receipt, copies (抄送), a referral's letter — applied by
 * {@link CaseDocumentAccess}:
 * <ol>
 * <li>no lawful role in the case: the document does not exist for the reader (404);</li>
 * <li>its sender, and the agencies it was delivered to (receiver, copy recipients, a referral's department while the
 * referral is open), open it;</li>
 * <li>anyone else must hold a role that carries the protected fields ({@link #DOCUMENT_ROLES}); an escalation organ,
 * the coordination office or an assisting department is refused (403), on every path alike;</li>
 * <li>of those, the case's own team ({@link #CASE_TEAM}) opens the documents the case holds itself (not sent
 * anywhere), and every role opens what was delivered to an audience it belongs to (a handover's audience includes the
 * case's team; a referral letter's only the referring parties); the rest does not exist for them (404).</li>
 * </ol>
 */
public final class DocumentRule {

    /** The roles that may read a case's documents at all: those entitled to the protected fields. */
    public static final Set<Participation> DOCUMENT_ROLES = CaseDirectory.PROTECTED_FIELDS;
    /** The case's own team: decision organ, executing agency, assigned office. */
    public static final Set<Participation> CASE_TEAM =
            EnumSet.of(Participation.DECISION_ORGAN, Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);

    /** What the reader gets: the document, 403 (a lawful role that never carries documents) or 404 (nothing). */
    public enum Verdict {
        OPEN,
        FORBIDDEN,
        ABSENT
    }

    private DocumentRule() {}

    /** The verdict for a reader of agency {@code reader} holding {@code held} in the case, for a document that took {@code routes}. */
    public static Verdict decide(AgencyId reader, CaseAccessDecision held, List<DocumentRoute> routes) {
        if (reader == null || !held.visible()) {
            return Verdict.ABSENT;
        }
        if (routes.stream()
                .anyMatch(r ->
                        reader.equals(r.sender()) || r.sent() && r.addressees().contains(reader))) {
            return Verdict.OPEN;
        }
        if (!held.holdsAny(DOCUMENT_ROLES)) {
            return Verdict.FORBIDDEN;
        }
        if (routes.isEmpty()) {
            return held.holdsAny(CASE_TEAM) ? Verdict.OPEN : Verdict.ABSENT;
        }
        boolean reached = routes.stream()
                .filter(DocumentRoute::sent)
                .anyMatch(r ->
                        r.audience().stream().filter(DOCUMENT_ROLES::contains).anyMatch(held::holds));
        return reached ? Verdict.OPEN : Verdict.ABSENT;
    }

    /** Whether a reader with {@code held} may be shown the list of the case's documents at all. */
    public static boolean mayList(AgencyId reader, CaseAccessDecision held, List<DocumentRoute> allRoutes) {
        return held.holdsAny(DOCUMENT_ROLES)
                || allRoutes.stream()
                        .anyMatch(r -> reader.equals(r.sender())
                                || r.sent() && r.addressees().contains(reader));
    }
}
