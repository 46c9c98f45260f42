package org.tongxin.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyId;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.internal.CaseRepository;
import org.tongxin.casefile.internal.CorrectionCase;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentInfo;
import org.tongxin.document.Documents;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.TongxinException;

/**
 * Applies the {@link DocumentRule} on every path that lists or opens a case's stored documents: the case's own
 * documents, a handover's documents and receipt (and so the copies), a referral's letter. Each module that carries
 * documents ({@link DocumentCarrier}) reports their routes; this component is the only reader of a document's content
 * (ArchitectureTests), and every opening is audited as a read of the subject's record.
 */
@Component
public class CaseDocumentAccess {

    private final org.tongxin.casefile.internal.SealedRecords sealed;

    /** A document the reader may open, with the route that brought it to them (null: one the case holds itself). */
    public record Readable(DocumentInfo info, DocumentRoute route) {}

    /** An opened document: its name, type and bytes. */
    public record Opened(String fileName, String contentType, byte[] content) {}

    private final CaseRepository cases;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final Documents documents;
    private final AuditLog audit;
    private final ObjectProvider<DocumentCarrier> carriers;

    CaseDocumentAccess(
            CaseRepository cases,
            CaseAccess access,
            CurrentUser currentUser,
            Documents documents,
            AuditLog audit,
            ObjectProvider<DocumentCarrier> carriers,
            org.tongxin.casefile.internal.SealedRecords sealed) {
        this.sealed = sealed;
        this.cases = cases;
        this.access = access;
        this.currentUser = currentUser;
        this.documents = documents;
        this.audit = audit;
        this.carriers = carriers;
    }

    /** The case's documents the reader may open, oldest first (404 without a lawful role in the case). Not audited. */
    @Transactional(readOnly = true)
    public List<Readable> readable(CaseId caseId) {
        CaseAccessDecision held = access.require(sealed.parties(caseId));
        return readable(caseId, held, routes(caseId));
    }

    /**
     * The list a reader asked for (the API's list of the case's documents): 404 without a lawful role, 403 for a role that
     * never carries documents and was sent none; audited with the number of documents listed.
     */
    @Transactional
    public List<Readable> listed(CaseId caseId, String purpose) {
        CaseAccessDecision held = access.require(sealed.parties(caseId));
        Map<UUID, List<DocumentRoute>> routes = routes(caseId);
        if (!DocumentRule.mayList(
                reader(), held, routes.values().stream().flatMap(List::stream).toList())) {
            throw TongxinException.forbidden("NO_ACCESS_TO_DOCUMENTS");
        }
        List<Readable> list = readable(caseId, held, routes);
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "case.documents")
                .target("case", caseId)
                .subjects(subject(caseId))
                .detail("count", list.size())
                .purpose(purpose));
        return list;
    }

    /**
     * Opens a document of the case for the reader by the rule (404 or 403 otherwise) and audits the read as
     * {@code action} with {@code purpose} and the path's own {@code details} (the handover, the referral).
     */
    @Transactional
    public Opened open(
            CaseId caseId, DocumentId documentId, String action, String purpose, Map<String, Object> details) {
        CaseAccessDecision held = access.require(sealed.parties(caseId));
        DocumentInfo info = documents
                .info(documentId)
                .filter(i -> i.caseId().equals(caseId.value()))
                .orElseThrow(TongxinException::notFound);
        List<DocumentRoute> routes = routes(caseId).getOrDefault(documentId.value(), List.of());
        switch (DocumentRule.decide(reader(), held, routes)) {
            case FORBIDDEN -> throw TongxinException.forbidden("NO_ACCESS_TO_DOCUMENTS");
            case ABSENT -> throw TongxinException.notFound();
            case OPEN -> {}
        }
        byte[] content = documents.content(documentId);
        AuditEntry.Builder entry = AuditEntry.of(AuditCategory.PERSONAL_DATA, action)
                .target("document", documentId.value())
                .subjects(subject(caseId))
                .detail("case", caseId)
                .purpose(purpose);
        details.forEach(entry::detail);
        audit.record(entry);
        return new Opened(info.fileName(), info.contentType(), content);
    }

    private List<Readable> readable(CaseId caseId, CaseAccessDecision held, Map<UUID, List<DocumentRoute>> routes) {
        AgencyId reader = reader();
        List<Readable> result = new ArrayList<>();
        for (DocumentInfo info : documents.ofCase(caseId.value())) {
            List<DocumentRoute> taken = routes.getOrDefault(info.id().value(), List.of());
            if (DocumentRule.decide(reader, held, taken) == DocumentRule.Verdict.OPEN) {
                result.add(new Readable(info, via(reader, held, taken)));
            }
        }
        return result;
    }

    /** The route that brought the document to the reader (their own first), for showing where it came from. */
    private static DocumentRoute via(AgencyId reader, CaseAccessDecision held, List<DocumentRoute> routes) {
        return routes.stream()
                .filter(r -> reader.equals(r.sender()) || r.addressees().contains(reader))
                .findFirst()
                .or(() -> routes.stream()
                        .filter(r -> r.sent() && r.audience().stream().anyMatch(held::holds))
                        .findFirst())
                .or(() -> routes.stream().filter(DocumentRoute::sent).findFirst())
                .orElse(null);
    }

    private Map<UUID, List<DocumentRoute>> routes(CaseId caseId) {
        return carriers.orderedStream()
                .flatMap(c -> c.routes(caseId).stream())
                .collect(Collectors.groupingBy(DocumentRoute::documentId));
    }

    private AgencyId reader() {
        return currentUser.find().map(TongxinPrincipal::agency).orElse(null);
    }

    private List<UUID> subject(CaseId caseId) {
        return cases.find(caseId).map(CorrectionCase::subjectId).stream().toList();
    }
}
