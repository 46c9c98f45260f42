package org.tongxin.procedure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentInfo;
import org.tongxin.document.Documents;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.Participation;
import org.tongxin.shared.error.TongxinException;

/**
 * The documents of a case as one reader may have them: every document of a handover the reader sees (letters,
 * opinions, delivered files and the receipts), and for the case's own team (decision organ, executing agency,
 * assigned office) also the documents issued outside a handover (the reporting notice, the entry announcement).
 * Anyone else finds nothing (404); every read is audited.
 */
@Component
public class CaseDocuments {

    /** Who reads the documents the case holds outside its handovers. */
    static final Set<Participation> CASE_TEAM = EnumSet.of(Participation.DECISION_ORGAN, Participation.EXECUTING_AGENCY,
            Participation.ASSIGNED_OFFICE);

    private final CaseDirectory cases;
    private final Handovers handovers;
    private final Documents documents;
    private final AuditLog audit;

    CaseDocuments(CaseDirectory cases, Handovers handovers, Documents documents, AuditLog audit) {
        this.cases = cases;
        this.handovers = handovers;
        this.documents = documents;
        this.audit = audit;
    }

    /**
     * A document the reader may open: the handover it travelled with when the reader sees that handover (else null),
     * the kind of handover that carried it (null for one the case holds itself), and whether it is that handover's
     * receipt.
     */
    public record CaseDocument(DocumentInfo info, HandoverId handoverId, HandoverKind handoverKind, boolean receipt) {
    }

    /** The documents of the case this reader may open, oldest first (404 when the case is not theirs). */
    @Transactional(readOnly = true)
    public List<CaseDocument> readable(CaseId caseId) {
        return readable(caseId, cases.access(caseId));
    }

    private List<CaseDocument> readable(CaseId caseId, CaseAccessDecision decision) {
        Set<HandoverId> seen = handovers.ofCase(caseId).stream().map(HandoverView::id).collect(Collectors.toSet());
        Map<UUID, HandoverView> carriedBy = new HashMap<>();
        Set<UUID> receipts = new HashSet<>();
        for (HandoverView h : handovers.findOfCase(caseId)) {
            h.items().stream().filter(i -> i.documentId() != null).forEach(i -> carriedBy.putIfAbsent(i.documentId(), h));
            if (h.receiptDocumentId() != null) {
                carriedBy.putIfAbsent(h.receiptDocumentId(), h);
                receipts.add(h.receiptDocumentId());
            }
        }
        boolean team = decision.holdsAny(CASE_TEAM);
        List<CaseDocument> result = new ArrayList<>();
        for (DocumentInfo info : documents.ofCase(caseId.value())) {
            UUID id = info.id().value();
            HandoverView h = carriedBy.get(id);
            boolean readable;
            if (h == null) {
                readable = team;
            } else if (h.status() == HandoverStatus.PREPARED || h.status() == HandoverStatus.CANCELLED) {
                // Not sent (yet): only the sender's own.
                readable = handovers.isSender(h);
            } else {
                readable = seen.contains(h.id()) || team;
            }
            if (readable) {
                result.add(new CaseDocument(info, h != null && seen.contains(h.id()) ? h.id() : null, h == null ? null : h.kind(),
                        receipts.contains(id)));
            }
        }
        return result;
    }

    /**
     * The documents of the case this reader may open, for a caller who asked for the list itself (the API): a party whose
     * role never carries documents (an assisting department, SECURITY.md S8) is told so (403), and the read is audited.
     */
    @Transactional
    public List<CaseDocument> listed(CaseId caseId, String purpose) {
        List<CaseDocument> list = readable(caseId, requireDocumentRole(caseId));
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "case.documents").target("case", caseId)
                .subjects(cases.subjectId(caseId).stream().toList()).detail("count", list.size()).purpose(purpose));
        return list;
    }

    /** A document's content for a reader entitled to it (else 404); the read is audited. */
    @Transactional
    public Handovers.Attachment content(CaseId caseId, DocumentId documentId) {
        CaseDocument document = readable(caseId, requireDocumentRole(caseId)).stream().filter(d -> d.info().id().equals(documentId)).findFirst()
                .orElseThrow(TongxinException::notFound);
        byte[] bytes = documents.content(documentId);
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "case.document.read").target("document", documentId.value())
                .subjects(cases.subjectId(caseId).stream().toList()).detail("case", caseId).purpose("case/documents"));
        return new Handovers.Attachment(document.info().fileName(), document.info().contentType(), bytes);
    }

    /**
     * 404 without a lawful role in the case; 403 with one that never carries documents (SECURITY.md S8). A party that sees
     * only its own part (ADR 0021) reads, as on the case page, the documents of the handovers it sent or received.
     */
    private CaseAccessDecision requireDocumentRole(CaseId caseId) {
        CaseAccessDecision decision = cases.access(caseId);
        if (!decision.holdsAny(CaseDirectory.PROTECTED_FIELDS) && !decision.holdsAny(CaseDirectory.OWN_PART_ONLY)) {
            throw TongxinException.forbidden("NO_ACCESS_TO_DOCUMENTS");
        }
        return decision;
    }
}
