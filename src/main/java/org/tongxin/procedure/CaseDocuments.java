package org.tongxin.procedure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.casefile.CaseDocumentAccess;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.DocumentRoute;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentInfo;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;

/**
 * The documents of a case as the case pages and the case's API show them: which ones the reader may open is decided by
 * the case's one document rule ({@link CaseDocumentAccess}, the same on the handover and referral paths); this adds the
 * handover a document travelled with, where the reader sees that handover, and whether it is a receipt.
 */
@Component
public class CaseDocuments {

    private final CaseDocumentAccess access;
    private final Handovers handovers;

    CaseDocuments(CaseDocumentAccess access, Handovers handovers) {
        this.access = access;
        this.handovers = handovers;
    }

    /**
     * A document the reader may open: the handover it travelled with when the reader sees that handover (else null),
     * the kind of handover that carried it (null for one the case holds itself), and whether it is that handover's
     * receipt.
     */
    public record CaseDocument(DocumentInfo info, HandoverId handoverId, HandoverKind handoverKind, boolean receipt) {}

    /** The documents of the case this reader may open, oldest first (404 when the case is not theirs). */
    @Transactional(readOnly = true)
    public List<CaseDocument> readable(CaseId caseId) {
        return present(caseId, access.readable(caseId));
    }

    /**
     * The documents of the case this reader may open, for a caller who asked for the list itself (the API): a party whose
     * role never carries documents and was sent none (an assisting department without a referral letter, an escalation
     * organ) is told so (403), and the read is audited.
     */
    @Transactional
    public List<CaseDocument> listed(CaseId caseId, String purpose) {
        return present(caseId, access.listed(caseId, purpose));
    }

    /** A document's content for a reader entitled to it by the rule (else 404 or 403); the read is audited. */
    @Transactional
    public Handovers.Attachment content(CaseId caseId, DocumentId documentId) {
        CaseDocumentAccess.Opened opened =
                access.open(caseId, documentId, "case.document.read", "case/documents", Map.of());
        return new Handovers.Attachment(opened.fileName(), opened.contentType(), opened.content());
    }

    private List<CaseDocument> present(CaseId caseId, List<CaseDocumentAccess.Readable> readable) {
        Set<HandoverId> seen =
                handovers.ofCase(caseId).stream().map(HandoverView::id).collect(Collectors.toSet());
        return readable.stream()
                .map(r -> {
                    DocumentRoute route = r.route();
                    boolean handover = route != null && DocumentRoute.HANDOVER.equals(route.carrier());
                    HandoverId id = handover ? HandoverId.of(route.carrierId()) : null;
                    return new CaseDocument(
                            r.info(),
                            id != null && seen.contains(id) ? id : null,
                            handover ? HandoverKind.valueOf(route.kind()) : null,
                            handover && route.receipt());
                })
                .toList();
    }
}
