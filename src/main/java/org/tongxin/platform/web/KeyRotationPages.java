package org.tongxin.platform.web;

import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.platform.KeyRotations;
import org.tongxin.shared.web.PageQuery;

/**
 * The data key for the system and security administrators: the key in use, its age against the longest period the
 * operations guide allows, and every run of the key rotation, newest first, with how to rotate. Holds no case data.
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
class KeyRotationPages {

    private final KeyRotations rotations;

    KeyRotationPages(KeyRotations rotations) {
        this.rotations = rotations;
    }

    @GetMapping("/admin/key-rotations")
    String list(@RequestParam(required = false) Integer page, Model model) {
        PageQuery query = PageQuery.of(page, PageQuery.DEFAULT_SIZE, null, Set.of("started"), "-started");
        model.addAttribute("key", rotations.key());
        model.addAttribute("page", rotations.runs(query));
        model.addAttribute("pageUrl", "/admin/key-rotations?");
        return "platform/key-rotations";
    }
}
