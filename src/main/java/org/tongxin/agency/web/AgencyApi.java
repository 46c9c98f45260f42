package org.tongxin.agency.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyDraft;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyManagement;
import org.tongxin.agency.AgencyQuery;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.agency.Division;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** REST API of the agency directory. Reading is for every logged-in caller; changes for system administrators. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "agencies", description = "Agencies, hierarchy, jurisdictions and administrative divisions")
class AgencyApi {

    private final AgencyDirectory directory;
    private final AgencyManagement management;

    AgencyApi(AgencyDirectory directory, AgencyManagement management) {
        this.directory = directory;
        this.management = management;
    }

    @AnyAuthenticatedUser
    @GetMapping("/agencies")
    @Operation(
            operationId = "listAgencies",
            summary = "Search agencies by text, type, level, parent, division and state")
    PageResult<AgencyView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) AgencyType type,
            @RequestParam(required = false) AgencyLevel level,
            @RequestParam(required = false) UUID parentId,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return directory.search(
                new AgencyQuery(q, type, level, parentId == null ? null : AgencyId.of(parentId), division, active),
                PageQuery.of(page, size, sort, AgencyDirectory.SORTABLE, "code"));
    }

    @AnyAuthenticatedUser
    @GetMapping("/agencies/{id}")
    @Operation(operationId = "getAgency", summary = "One agency")
    AgencyView get(@PathVariable UUID id) {
        return directory.get(AgencyId.of(id));
    }

    @AnyAuthenticatedUser
    @GetMapping("/agencies/{id}/children")
    @Operation(operationId = "listAgencyChildren", summary = "The agencies directly under one agency")
    List<AgencyView> children(@PathVariable UUID id) {
        return directory.children(directory.get(AgencyId.of(id)).id());
    }

    /** The body of a create or update. {@code version} is required on update (optimistic locking: stale → 409). */
    record AgencyRequest(
            @NotNull @Size(max = 32) String code,
            @NotNull @Size(max = 100) String nameZh,
            @Size(max = 150) String nameEn,
            @NotNull AgencyType type,
            @NotNull AgencyLevel level,
            UUID parentId,
            @NotNull @Size(max = 12) String divisionCode,
            @Size(max = 18) String creditCode,
            @Size(max = 200) String address,
            @Size(max = 30) String phone,
            @Size(max = 50) List<@NotNull @Size(max = 12) String> jurisdictions,
            Integer version) {

        AgencyDraft draft() {
            return new AgencyDraft(
                    code,
                    nameZh,
                    nameEn,
                    type,
                    level,
                    parentId == null ? null : AgencyId.of(parentId),
                    divisionCode,
                    creditCode,
                    address,
                    phone,
                    jurisdictions == null ? List.of() : jurisdictions);
        }
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/agencies")
    @Operation(operationId = "createAgency", summary = "Register an agency (system administrator)")
    ResponseEntity<AgencyView> create(@Valid @RequestBody AgencyRequest body) {
        AgencyId id = management.register(body.draft());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(id)
                        .toUri())
                .body(directory.get(id));
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PutMapping("/agencies/{id}")
    @Operation(
            operationId = "updateAgency",
            summary = "Change an agency (system administrator; send the version you read)")
    AgencyView update(@PathVariable UUID id, @Valid @RequestBody AgencyRequest body) {
        if (body.version() == null) {
            throw org.tongxin.shared.error.TongxinException.invalid("version", "required");
        }
        management.update(AgencyId.of(id), body.version(), body.draft());
        return directory.get(AgencyId.of(id));
    }

    record ActiveChange(@NotNull Integer version) {}

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/agencies/{id}/deactivate")
    @Operation(operationId = "deactivateAgency", summary = "Deactivate an agency (kept for history)")
    AgencyView deactivate(@PathVariable UUID id, @Valid @RequestBody ActiveChange body) {
        management.setActive(AgencyId.of(id), body.version(), false);
        return directory.get(AgencyId.of(id));
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/agencies/{id}/activate")
    @Operation(operationId = "activateAgency", summary = "Reactivate an agency")
    AgencyView activate(@PathVariable UUID id, @Valid @RequestBody ActiveChange body) {
        management.setActive(AgencyId.of(id), body.version(), true);
        return directory.get(AgencyId.of(id));
    }

    @AnyAuthenticatedUser
    @GetMapping("/divisions")
    @Operation(
            operationId = "listDivisions",
            summary = "Administrative divisions directly inside a division (provinces without parent)")
    List<Division> divisions(@RequestParam(required = false) String parent) {
        if (parent != null && !parent.matches("[0-9]{6}([0-9]{3})?")) {
            throw org.tongxin.shared.error.TongxinException.invalid("parent", "divisionCode");
        }
        return directory.divisionChildren(parent);
    }

    record DivisionRequest(
            @NotNull @Size(max = 12) String code,
            @NotNull @Size(max = 100) String nameZh,
            @Size(max = 100) String nameEn,
            @NotNull @Size(max = 12) String parentCode) {}

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/divisions")
    @Operation(
            operationId = "createDivision",
            summary = "Add a township (9 digits) or a missing division (system administrator)")
    ResponseEntity<Division> createDivision(@Valid @RequestBody DivisionRequest body) {
        management.addDivision(new Division(body.code(), body.nameZh(), body.nameEn(), null, body.parentCode()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(directory.division(body.code().strip()).orElseThrow());
    }
}
