package org.tongxin.procedure.web;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.Handovers;
import org.tongxin.shared.security.CaseUser;

/**
 * One handover (送达): its documents round by round, the receiver's answers with the missing or defective items, the
 * copies and when they arrived, the receipt; and the answer or supplement the reader's agency owes on it. Sender,
 * receiver and copy recipients see it (and the oversight organs of its case); anyone else finds nothing.
 */
@Controller
@CaseUser
class HandoverPages {

    private final CaseWorkspace workspace;
    private final Handovers handovers;

    HandoverPages(CaseWorkspace workspace, Handovers handovers) {
        this.workspace = workspace;
        this.handovers = handovers;
    }

    @GetMapping("/handovers/{id}")
    String handover(@PathVariable UUID id, Model model) {
        workspace.fillHandover(HandoverId.of(id), model, null, null);
        return "procedure/handover";
    }

    @GetMapping("/handovers/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
        return CasePages.download(handovers.content(HandoverId.of(id), documentId));
    }
}
