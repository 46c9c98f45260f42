package org.tongxin.exchange.web;

import static org.tongxin.identity.CaseRoleRules.CASE_STAFF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyName;
import org.tongxin.casefile.CaseId;
import org.tongxin.document.DocumentInfo;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.HandoverSummary;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.ApiCommands;
import org.tongxin.shared.web.Downloads;
import org.tongxin.shared.web.LockVersions;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * REST API of the acknowledged handovers: the bundles of a case, one bundle with its rounds and copies, the receiver's
 * receipt or rejection, the sender's supplement, the copies the caller's agency received, the deliveries it must
 * answer, downloads of the documents in a bundle (audited) and uploads of files to list in one. Sender, receiver and
 * copy recipients read a bundle; anyone else finds nothing (404). Commands carry the handover's {@code version} (body
 * or If-Match); a stale one is 409.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "handovers",
        description = "Acknowledged handovers: bundles, receipts, rejections, supplements, copies, documents")
class HandoverApi {

    private final Handovers handovers;
    private final AgencyDirectory agencies;
    private final ApiCommands commands;
    private final MessageSource messages;

    HandoverApi(Handovers handovers, AgencyDirectory agencies, ApiCommands commands, MessageSource messages) {
        this.handovers = handovers;
        this.agencies = agencies;
        this.commands = commands;
        this.messages = messages;
    }

    /** A handover with its kind and agencies named in the reader's language. */
    record HandoverResponse(
            HandoverId id,
            CaseId caseId,
            HandoverKind kind,
            String kindName,
            String stepId,
            AgencyName sender,
            AgencyName receiver,
            HandoverStatus status,
            int round,
            String note,
            Instant createdAt,
            Instant firstDeliveredAt,
            Instant lastDeliveredAt,
            Instant answeredAt,
            UUID receiptDocumentId,
            int version,
            List<HandoverView.Item> items,
            List<HandoverView.Round> rounds,
            List<CopyResponse> copies,
            List<HandoverView.ProblemView> openProblems) {}

    record CopyResponse(AgencyName agency, Instant deliveredAt) {}

    /** A line of a handover list. */
    record SummaryResponse(
            HandoverId id,
            CaseId caseId,
            HandoverKind kind,
            String kindName,
            String stepId,
            AgencyName sender,
            AgencyName receiver,
            HandoverStatus status,
            int round,
            Instant lastDeliveredAt,
            Instant answeredAt,
            Instant copyDeliveredAt) {}

    @AnyAuthenticatedUser
    @GetMapping("/cases/{caseId}/handovers")
    @Operation(
            operationId = "listCaseHandovers",
            summary = "The handovers of a case the caller's agency takes part in, oldest first")
    List<HandoverResponse> ofCase(@PathVariable UUID caseId, @Parameter(hidden = true) Locale locale) {
        return responses(handovers.ofCase(CaseId.of(caseId)), locale);
    }

    @AnyAuthenticatedUser
    @GetMapping("/handovers/{id}")
    @Operation(
            operationId = "getHandover",
            summary = "One handover with its items, rounds, problems and copies (ETag = version)")
    ResponseEntity<HandoverResponse> get(@PathVariable UUID id, @Parameter(hidden = true) Locale locale) {
        HandoverResponse response =
                responses(List.of(handovers.view(HandoverId.of(id))), locale).getFirst();
        return ResponseEntity.ok().eTag(LockVersions.etag(response.version())).body(response);
    }

    /** The receiver's receipt: the version read and an optional note (at most 500 characters). */
    record ReceiptRequest(Integer version, String note) implements LockVersions.Versioned {}

    @PreAuthorize(CASE_STAFF)
    @PostMapping("/handovers/{id}/receipt")
    @Operation(
            operationId = "receiptHandover",
            summary = "Acknowledge a delivered bundle as complete: the receipt (回执) is generated (receiver)",
            description =
                    "A subject handed over is received with POST /api/v1/handovers/{id}/transfer-receipt, which also "
                            + "records the arrival.")
    HandoverResponse receipt(
            @PathVariable UUID id,
            @RequestBody(required = false) ReceiptRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        HandoverId handoverId = HandoverId.of(id);
        int version = LockVersions.required(body, ifMatch);
        if (handovers.view(handoverId).kind() == HandoverKind.SUBJECT_TRANSFER) {
            throw TongxinException.conflict("USE_TRANSFER_RECEIPT");
        }
        handovers.receipt(handoverId, version, body == null ? null : body.note());
        return afterCommand(handoverId, locale);
    }

    /** The receiver's rejection: what is missing or defective (1 to 30 problems) and an optional note. */
    record RejectionRequest(Integer version, List<Problem> problems, String note) implements LockVersions.Versioned {}

    @PreAuthorize(CASE_STAFF)
    @PostMapping("/handovers/{id}/rejection")
    @Operation(
            operationId = "rejectHandover",
            summary = "Reject a delivered bundle, naming each missing kind of document or defective item (receiver)",
            description = "A problem is {kind: MISSING, code} or {kind: DEFECTIVE, itemId, note}. The sender must"
                    + " supplement; a pausable clock (the receipt of legal documents, the assessment) stops"
                    + " meanwhile.")
    HandoverResponse reject(
            @PathVariable UUID id,
            @RequestBody RejectionRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        HandoverId handoverId = HandoverId.of(id);
        handovers.reject(handoverId, LockVersions.required(body.version(), ifMatch), body.problems(), body.note());
        return afterCommand(handoverId, locale);
    }

    /** The sender's supplement: the missing or corrected items and an optional note. */
    record SupplementRequest(Integer version, List<NewItem> items, String note) implements LockVersions.Versioned {}

    @PreAuthorize(CASE_STAFF)
    @PostMapping("/handovers/{id}/supplement")
    @Operation(
            operationId = "supplementHandover",
            summary = "Answer a rejection with the missing or corrected items and deliver again (sender)")
    HandoverResponse supplement(
            @PathVariable UUID id,
            @RequestBody SupplementRequest body,
            @RequestHeader(name = LockVersions.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Locale locale) {
        HandoverId handoverId = HandoverId.of(id);
        handovers.supplement(handoverId, LockVersions.required(body.version(), ifMatch), body.items(), body.note());
        return afterCommand(handoverId, locale);
    }

    @AnyAuthenticatedUser
    @GetMapping("/copies")
    @Operation(operationId = "listCopiesToMe", summary = "Copies (抄送) the caller's agency received, newest first")
    PageResult<SummaryResponse> copies(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @Parameter(hidden = true) Locale locale) {
        return summaries(handovers.copiesToMe(page(page, size)), locale);
    }

    @AnyAuthenticatedUser
    @GetMapping("/handovers/awaiting")
    @Operation(
            operationId = "listHandoversAwaitingMe",
            summary = "Deliveries the caller's agency must answer with a receipt or a rejection, oldest first")
    PageResult<SummaryResponse> awaiting(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @Parameter(hidden = true) Locale locale) {
        return summaries(handovers.awaitingMyAnswer(page(page, size)), locale);
    }

    @AnyAuthenticatedUser
    @GetMapping("/handovers/{id}/documents/{documentId}")
    @Operation(
            operationId = "downloadHandoverDocument",
            summary = "Download a document of a bundle, or its receipt (readers of the handover; audited)")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
        Handovers.Attachment attachment = handovers.content(HandoverId.of(id), documentId);
        return Downloads.attachment(attachment.fileName(), attachment.contentType(), attachment.content());
    }

    /** An uploaded file, to list in a bundle as an item's documentId. */
    record AttachmentCreated(UUID documentId, String fileName, String contentType, long size, String sha256) {}

    /** The multipart form of an upload, as the API description shows it. */
    record UploadForm(
            @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED)
            String file) {}

    @PreAuthorize(CASE_STAFF)
    @PostMapping("/cases/{caseId}/attachments")
    @Operation(
            operationId = "uploadCaseAttachment",
            summary = "Upload a file for a case, to list as an item of a bundle (parties of the case; multipart field"
                    + " 'file')",
            description =
                    "PDF, JPEG, PNG, DOCX or XLSX up to 10 MB; the content must match the type. Answers the documentId "
                            + "to give in items[].documentId of a delivery or supplement.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                            schema = @Schema(implementation = UploadForm.class))))
    ResponseEntity<AttachmentCreated> attach(
            @PathVariable UUID caseId,
            @Parameter(hidden = true) @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw TongxinException.invalid("file", "required");
        }
        DocumentInfo info;
        try (InputStream content = file.getInputStream()) {
            info = handovers.attach(CaseId.of(caseId), file.getOriginalFilename(), file.getContentType(), content);
        }
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/documents/" + info.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(new AttachmentCreated(
                        info.id().value(), info.fileName(), info.contentType(), info.size(), info.sha256()));
    }

    // Helpers

    private HandoverResponse afterCommand(HandoverId id, Locale locale) {
        return commands.answer(
                () -> responses(List.of(handovers.view(id)), locale).getFirst());
    }

    private static PageQuery page(Integer page, Integer size) {
        return PageQuery.of(page, size, null, java.util.Set.of("time"), "time");
    }

    private List<HandoverResponse> responses(List<HandoverView> views, Locale locale) {
        List<AgencyId> ids = new ArrayList<>();
        views.forEach(v -> {
            ids.add(v.senderAgencyId());
            ids.add(v.receiverAgencyId());
            v.copies().forEach(c -> ids.add(c.agencyId()));
        });
        Map<AgencyId, AgencyName> names = agencies.names(ids, locale);
        return views.stream()
                .map(v -> new HandoverResponse(
                        v.id(),
                        v.caseId(),
                        v.kind(),
                        kindName(v.kind(), locale),
                        v.stepId(),
                        names.get(v.senderAgencyId()),
                        names.get(v.receiverAgencyId()),
                        v.status(),
                        v.round(),
                        v.note(),
                        v.createdAt(),
                        v.firstDeliveredAt(),
                        v.lastDeliveredAt(),
                        v.answeredAt(),
                        v.receiptDocumentId(),
                        v.version(),
                        v.items(),
                        v.rounds(),
                        v.copies().stream()
                                .map(c -> new CopyResponse(names.get(c.agencyId()), c.deliveredAt()))
                                .toList(),
                        v.openProblems()))
                .toList();
    }

    private PageResult<SummaryResponse> summaries(PageResult<HandoverSummary> page, Locale locale) {
        List<AgencyId> ids = new ArrayList<>();
        page.items().forEach(s -> {
            ids.add(s.senderAgencyId());
            ids.add(s.receiverAgencyId());
        });
        Map<AgencyId, AgencyName> names = agencies.names(ids, locale);
        return page.map(s -> new SummaryResponse(
                s.id(),
                s.caseId(),
                s.kind(),
                kindName(s.kind(), locale),
                s.stepId(),
                names.get(s.senderAgencyId()),
                names.get(s.receiverAgencyId()),
                s.status(),
                s.round(),
                s.lastDeliveredAt(),
                s.answeredAt(),
                s.copyDeliveredAt()));
    }

    /** The kind's name as the pages write it (handover.kind.*). */
    private String kindName(HandoverKind kind, Locale locale) {
        return messages.getMessage("handover.kind." + kind.name(), null, kind.name(), locale);
    }
}
