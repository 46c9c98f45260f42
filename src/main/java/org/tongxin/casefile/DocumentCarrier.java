package org.tongxin.casefile;

import java.util.List;

/**
 * A module that carries a case's stored documents to agencies (the exchange's handovers and their copies, the
 * assistance module's referral letters) tells the document rule how each document travelled. Read without an access
 * check and without personal data: only ids, agencies and roles.
 */
public interface DocumentCarrier {

    /** Every route a document of this case took through the module. */
    List<DocumentRoute> routes(CaseId caseId);
}
