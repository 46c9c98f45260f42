package org.tongxin.procedure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.casefile.CaseId;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentInfo;
import org.tongxin.exchange.Handovers;
import org.tongxin.procedure.CaseDocuments;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.Downloads;

/**
 * The documents of a case through the API, by the same rule as the case page ({@link CaseDocuments}): what travelled in
 * a handover the caller's role sees, and for the case's own team also what the case holds outside a handover.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/documents")
@Tag(name = "cases", description = "Case file: cases, search, timeline, documents and the case file's intake commands")
class CaseDocumentApi {

    private final CaseDocuments documents;

    CaseDocumentApi(CaseDocuments documents) {
        this.documents = documents;
    }

    @AnyAuthenticatedUser
    @GetMapping
    @Operation(
            operationId = "listCaseDocuments",
            summary = "The case's documents the caller may open, oldest first (audited)")
    List<DocumentInfo> list(@PathVariable UUID caseId) {
        return documents.listed(CaseId.of(caseId), "api.listCaseDocuments").stream()
                .map(CaseDocuments.CaseDocument::info)
                .toList();
    }

    @AnyAuthenticatedUser
    @GetMapping("/{documentId}")
    @Operation(
            operationId = "downloadCaseDocument",
            summary = "Download one of the case's documents the caller may open (audited)")
    ResponseEntity<byte[]> download(@PathVariable UUID caseId, @PathVariable UUID documentId) {
        Handovers.Attachment file = documents.content(CaseId.of(caseId), DocumentId.of(documentId));
        return Downloads.attachment(file.fileName(), file.contentType(), file.content());
    }
}
