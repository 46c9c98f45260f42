package org.tongxin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.security.PublicEndpoint;
import org.tongxin.support.Actors;
import org.tongxin.support.IntegrationTest;

/**
 * doc/security-requirements.md S6–S7 and doc/style.md 18, structurally: every endpoint has an explicit rule, and for every endpoint the
 * expected outcome per kind of caller is written down here. A new endpoint without a line below fails the build.
 */
@IntegrationTest
class AccessRulesIntegrationTests {

    static final String ANY = "ANY";
    static final String PUBLIC = "PUBLIC";
    static final String ID = "00000000-0000-0000-0000-000000000000";

    /** The decision organs' staff. */
    static final Set<String> DECIDERS = Set.of("COURT_CLERK", "JUDGE", "POLICE_OFFICER");
    /** The county community correction agency's staff. */
    static final Set<String> COUNTY = Set.of("COUNTY_OFFICER", "COUNTY_HEAD");
    /** Those who carry out the intake after registration: the county agency and the judicial offices. */
    static final Set<String> CASE_TEAM = Set.of("COUNTY_OFFICER", "COUNTY_HEAD", "OFFICE_OFFICER", "OFFICE_HEAD");
    /** Every role that may take part in a case (not the three administrators). */
    static final Set<String> CASE_STAFF = Set.of(
            "OFFICE_OFFICER",
            "OFFICE_HEAD",
            "COUNTY_OFFICER",
            "COUNTY_HEAD",
            "BUREAU_HEAD",
            "CITY_COORDINATOR",
            "COURT_CLERK",
            "JUDGE",
            "PROSECUTOR",
            "POLICE_OFFICER",
            "PRISON_OFFICER",
            "ASSISTANCE_CASEWORKER",
            "SOCIAL_WORKER");
    /** Staff of assisting departments and social organisations: answers to referrals, capacity. */
    static final Set<String> ASSISTING = Set.of("ASSISTANCE_CASEWORKER", "SOCIAL_WORKER");
    /** Every role that can hold a lawful role in a case (all but the administrators): case-bound pages. */
    static final String[] CASE_ROLES = {
        "OFFICE_OFFICER",
        "OFFICE_HEAD",
        "COUNTY_OFFICER",
        "COUNTY_HEAD",
        "BUREAU_HEAD",
        "CITY_COORDINATOR",
        "COURT_CLERK",
        "JUDGE",
        "PROSECUTOR",
        "POLICE_OFFICER",
        "PRISON_OFFICER",
        "ASSISTANCE_CASEWORKER",
        "SOCIAL_WORKER"
    };

    /** The heads of an agency (who speak for it, e.g. request its system tokens). */
    static final Set<String> HEADS = Set.of("COUNTY_HEAD", "OFFICE_HEAD", "AGENCY_HEAD");

    static final Set<String> HEADS_AND_SECURITY = Set.of("COUNTY_HEAD", "OFFICE_HEAD", "AGENCY_HEAD", "SECURITY_ADMIN");
    static final Set<String> ADMINS = Set.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN");
    /** Editors of policy models: each may edit only the model of their own region (the façade decides: 403 / 404). */
    static final Set<String> POLICY_EDITORS = Set.of("CITY_COORDINATOR", "NATIONAL_POLICY_EDITOR");

    /** Who may call each endpoint: PUBLIC, ANY logged-in user, or the roles named. */
    static final Map<String, Set<String>> RULES = new LinkedHashMap<>();

    static {
        rule("GET /login", PUBLIC);
        rule("GET /error", PUBLIC);
        rule("GET /login/password", "PENDING");
        rule("POST /login/password", "PENDING");
        rule("GET /login/mfa", "PENDING");
        rule("POST /login/mfa", "PENDING");
        rule("GET /login/mfa/enrol", "PENDING");
        rule("POST /login/mfa/enrol", "PENDING");
        rule("GET /", ANY);
        rule("GET /staff", ANY);
        rule("GET /account", ANY);
        rule("POST /account/password", ANY);
        rule("POST /account/language", ANY);
        rule("POST /account/tokens", ANY);
        rule("POST /account/tokens/{id}/revoke", ANY);
        rule("GET /account/mfa", ANY);
        rule("POST /account/mfa", ANY);
        rule("GET /agencies", ANY);
        rule("GET /divisions/townships", ANY);
        rule("GET /agencies/{id}", ANY);
        rule("GET /admin/agencies/new", "SYSTEM_ADMIN");
        rule("POST /admin/agencies", "SYSTEM_ADMIN");
        rule("GET /admin/agencies/{id}/edit", "SYSTEM_ADMIN");
        rule("POST /admin/agencies/{id}", "SYSTEM_ADMIN");
        rule("POST /admin/agencies/{id}/deactivate", "SYSTEM_ADMIN");
        rule("POST /admin/agencies/{id}/activate", "SYSTEM_ADMIN");
        rule("GET /admin/divisions/new", "SYSTEM_ADMIN");
        rule("POST /admin/divisions", "SYSTEM_ADMIN");
        rule("GET /admin/users", "SYSTEM_ADMIN", "SECURITY_ADMIN");
        rule("GET /admin/users/new", "SYSTEM_ADMIN");
        rule("POST /admin/users", "SYSTEM_ADMIN");
        rule("GET /admin/users/{id}", "SYSTEM_ADMIN", "SECURITY_ADMIN");
        rule("POST /admin/users/{id}/profile", "SYSTEM_ADMIN");
        rule("POST /admin/users/{id}/roles", "SECURITY_ADMIN");
        rule("POST /admin/users/{id}/disable", "SYSTEM_ADMIN", "SECURITY_ADMIN");
        rule("POST /admin/users/{id}/enable", "SYSTEM_ADMIN", "SECURITY_ADMIN");
        rule("POST /admin/users/{id}/password", "SYSTEM_ADMIN", "SECURITY_ADMIN");
        rule("POST /admin/users/{id}/mfa-reset", "SECURITY_ADMIN");
        rule("POST /admin/users/{id}/unlock", "SECURITY_ADMIN");
        rule("POST /admin/users/{id}/lock", "SECURITY_ADMIN");
        rule("GET /admin/tokens", "SECURITY_ADMIN");
        rule("POST /admin/tokens", "SECURITY_ADMIN");
        rule("POST /admin/tokens/{id}/revoke", "SECURITY_ADMIN");
        // Two-person system tokens: heads of agencies request and collect, the security administrator issues.
        rule("GET /token-requests", HEADS_AND_SECURITY);
        rule("GET /token-requests/new", HEADS);
        rule("POST /token-requests", HEADS);
        rule("GET /token-requests/{id}", HEADS_AND_SECURITY);
        rule("POST /token-requests/{id}/issue", "SECURITY_ADMIN");
        rule("POST /token-requests/{id}/refuse", "SECURITY_ADMIN");
        rule("POST /token-requests/{id}/withdraw", HEADS);
        rule("POST /token-requests/{id}/collect", HEADS);
        // Two-person resets of administrators' credentials; everyone's own notice.
        rule("GET /admin/credential-resets", ADMINS);
        rule("POST /admin/credential-resets", ADMINS);
        rule("GET /admin/credential-resets/{id}", ADMINS);
        rule("POST /admin/credential-resets/{id}/approve", ADMINS);
        rule("POST /admin/credential-resets/{id}/refuse", ADMINS);
        rule("POST /admin/credential-resets/{id}/withdraw", ADMINS);
        rule("GET /account/resets", ANY);
        rule("GET /calendar", ANY);
        rule("GET /admin/key-rotations", "SYSTEM_ADMIN", "SECURITY_ADMIN");
        rule("GET /admin/calendar", "SYSTEM_ADMIN");
        rule("GET /admin/calendar/entry", "SYSTEM_ADMIN");
        rule("POST /admin/calendar/entry", "SYSTEM_ADMIN");
        rule("GET /audit", "AUDIT_ADMIN");
        rule("GET /audit/export", "AUDIT_ADMIN");
        rule("GET /audit/verify", "AUDIT_ADMIN");
        rule("POST /audit/verify", "AUDIT_ADMIN");
        rule("GET /api/v1/me", ANY);
        rule("GET /api/v1/ping", ANY);
        rule("GET /api/v1/me/tokens", ANY);
        rule("POST /api/v1/me/tokens", ANY);
        rule("DELETE /api/v1/me/tokens/{id}", ANY);
        rule("GET /api/v1/users", "SYSTEM_ADMIN", "SECURITY_ADMIN");
        rule("POST /api/v1/users", "SYSTEM_ADMIN");
        rule("GET /api/v1/users/{id}", "SYSTEM_ADMIN", "SECURITY_ADMIN");
        rule("PUT /api/v1/users/{id}", "SYSTEM_ADMIN");
        rule("PUT /api/v1/users/{id}/roles", "SECURITY_ADMIN");
        rule("POST /api/v1/users/{id}/disable", "SYSTEM_ADMIN", "SECURITY_ADMIN");
        rule("POST /api/v1/users/{id}/enable", "SYSTEM_ADMIN", "SECURITY_ADMIN");
        rule("POST /api/v1/users/{id}/password-reset", "SYSTEM_ADMIN", "SECURITY_ADMIN");
        rule("POST /api/v1/users/{id}/mfa-reset", "SECURITY_ADMIN");
        rule("POST /api/v1/users/{id}/unlock", "SECURITY_ADMIN");
        rule("POST /api/v1/users/{id}/lock", "SECURITY_ADMIN");
        rule("GET /api/v1/system-tokens", "SECURITY_ADMIN");
        rule("POST /api/v1/system-tokens", "SECURITY_ADMIN");
        rule("DELETE /api/v1/system-tokens/{id}", "SECURITY_ADMIN");
        rule("POST /api/v1/system-token-requests", HEADS);
        rule("GET /api/v1/system-token-requests", HEADS_AND_SECURITY);
        rule("GET /api/v1/system-token-requests/{id}", HEADS_AND_SECURITY);
        rule("POST /api/v1/system-token-requests/{id}/issue", "SECURITY_ADMIN");
        rule("POST /api/v1/system-token-requests/{id}/refusal", "SECURITY_ADMIN");
        rule("POST /api/v1/system-token-requests/{id}/withdrawal", HEADS);
        rule("POST /api/v1/system-token-requests/{id}/token", HEADS);
        rule("GET /api/v1/api-operations", HEADS_AND_SECURITY);
        rule("POST /api/v1/credential-resets", ADMINS);
        rule("GET /api/v1/credential-resets", ADMINS);
        rule("GET /api/v1/credential-resets/{id}", ADMINS);
        rule("POST /api/v1/credential-resets/{id}/approval", ADMINS);
        rule("POST /api/v1/credential-resets/{id}/refusal", ADMINS);
        rule("POST /api/v1/credential-resets/{id}/withdrawal", ADMINS);
        rule("GET /api/v1/me/credential-resets", ANY);
        rule("GET /api/v1/staff", ANY);
        rule("GET /api/v1/agencies", ANY);
        rule("GET /api/v1/agencies/{id}", ANY);
        rule("GET /api/v1/agencies/{id}/children", ANY);
        rule("POST /api/v1/agencies", "SYSTEM_ADMIN");
        rule("PUT /api/v1/agencies/{id}", "SYSTEM_ADMIN");
        rule("POST /api/v1/agencies/{id}/deactivate", "SYSTEM_ADMIN");
        rule("POST /api/v1/agencies/{id}/activate", "SYSTEM_ADMIN");
        rule("GET /api/v1/divisions", ANY);
        rule("POST /api/v1/divisions", "SYSTEM_ADMIN");
        rule("GET /api/v1/audit/records", "AUDIT_ADMIN");
        rule("POST /api/v1/audit/verifications", "AUDIT_ADMIN");
        rule("GET /api/v1/calendar/due", PUBLIC);
        rule("GET /api/v1/calendar/years/{year}", PUBLIC);
        rule("GET /api/v1/calendar/days/{date}", PUBLIC);
        rule("PUT /api/v1/calendar/years/{year}", "SYSTEM_ADMIN");
        rule("GET /policy", ANY);
        rule("GET /policy/{region}/steps/{stepId}", ANY);
        rule("GET /policy/diff", ANY);
        rule("GET /policy/{region}/versions", ANY);
        rule("POST /policy/{region}/drafts", POLICY_EDITORS);
        rule("GET /policy/drafts/{id}", POLICY_EDITORS);
        rule("GET /policy/drafts/{id}/steps/new", POLICY_EDITORS);
        rule("POST /policy/drafts/{id}/steps", POLICY_EDITORS);
        rule("GET /policy/drafts/{id}/steps/{stepId}", POLICY_EDITORS);
        rule("POST /policy/drafts/{id}/steps/{stepId}", POLICY_EDITORS);
        rule("POST /policy/drafts/{id}/steps/{stepId}/remove", POLICY_EDITORS);
        rule("POST /policy/drafts/{id}/steps/{stepId}/revert", POLICY_EDITORS);
        rule("POST /policy/drafts/{id}/settings", POLICY_EDITORS);
        rule("POST /policy/drafts/{id}/publish", POLICY_EDITORS);
        rule("POST /policy/drafts/{id}/discard", POLICY_EDITORS);
        rule("GET /api/v1/policy/models", ANY);
        rule("GET /api/v1/policy/{region}/versions", ANY);
        rule("GET /api/v1/policy/{region}/steps", ANY);
        rule("GET /api/v1/policy/{region}/steps/{stepId}", ANY);
        rule("GET /api/v1/policy/versions/{id}", ANY);
        rule("GET /api/v1/policy/diff", ANY);
        rule("POST /api/v1/policy/{region}/drafts", POLICY_EDITORS);
        rule("GET /api/v1/policy/drafts/{id}", POLICY_EDITORS);
        rule("GET /api/v1/policy/drafts/{id}/diff", POLICY_EDITORS);
        rule("POST /api/v1/policy/drafts/{id}/steps", POLICY_EDITORS);
        rule("PUT /api/v1/policy/drafts/{id}/steps/{stepId}", POLICY_EDITORS);
        rule("DELETE /api/v1/policy/drafts/{id}/steps/{stepId}", POLICY_EDITORS);
        rule("POST /api/v1/policy/drafts/{id}/steps/{stepId}/revert", POLICY_EDITORS);
        rule("PUT /api/v1/policy/drafts/{id}/settings", POLICY_EDITORS);
        rule("POST /api/v1/policy/drafts/{id}/publish", POLICY_EDITORS);
        rule("DELETE /api/v1/policy/drafts/{id}", POLICY_EDITORS);
        // Cases: reads for every logged-in caller (the case decides: 404 without a lawful role), commands by role.
        rule("POST /api/v1/assessments", DECIDERS);
        rule("POST /api/v1/cases", DECIDERS);
        rule("GET /api/v1/cases/{caseId}", ANY);
        rule("POST /api/v1/cases/search", ANY);
        rule("POST /api/v1/cases/{caseId}/decision", DECIDERS);
        rule("POST /api/v1/cases/{caseId}/withdrawal", DECIDERS);
        rule(
                "POST /api/v1/cases/{caseId}/arrival",
                "COUNTY_OFFICER",
                "COUNTY_HEAD",
                "PRISON_OFFICER",
                "POLICE_OFFICER");
        rule("PUT /api/v1/cases/{caseId}/office", COUNTY);
        rule("POST /api/v1/cases/{caseId}/registration", COUNTY);
        rule("PUT /api/v1/cases/{caseId}/team", CASE_TEAM);
        rule("POST /api/v1/cases/{caseId}/plans", CASE_TEAM);
        rule("POST /api/v1/cases/{caseId}/announcement", CASE_TEAM);
        rule("GET /api/v1/cases/{caseId}/timeline", ANY);
        rule("GET /api/v1/cases/{caseId}/documents", ANY);
        rule("GET /api/v1/cases/{caseId}/documents/{documentId}", ANY);
        rule("POST /api/v1/cases/{caseId}/assessment-opinion", COUNTY);
        rule("POST /api/v1/cases/{caseId}/execution-notice", DECIDERS);
        rule("POST /api/v1/cases/{caseId}/legal-documents", DECIDERS);
        rule("POST /api/v1/cases/{caseId}/transfer", "PRISON_OFFICER", "POLICE_OFFICER");
        rule("POST /api/v1/handovers/{id}/transfer-receipt", COUNTY);
        rule("POST /api/v1/cases/{caseId}/missing-notice", COUNTY);
        // The end of correction (procedure: Termination) and lawful queries of sealed records (casefile:
        // SealedQueries).
        rule("POST /api/v1/cases/{caseId}/expiry-warning", CASE_TEAM);
        rule("POST /api/v1/cases/{caseId}/termination", CASE_TEAM);
        // The same in the pages: every case role reads how the case ended; the team warns and announces, the county
        // acts alone.
        rule("GET /cases/{id}/ending", CASE_STAFF);
        rule("POST /cases/{id}/ending/warning", CASE_TEAM);
        rule("POST /cases/{id}/ending/termination", CASE_TEAM);
        rule("POST /cases/{id}/ending/certificate", COUNTY);
        rule("POST /cases/{id}/ending/death", COUNTY);
        rule("POST /cases/{id}/ending/death-notice", COUNTY);
        rule("POST /api/v1/cases/{caseId}/termination/certificate", COUNTY);
        rule("POST /api/v1/cases/{caseId}/death", COUNTY);
        rule("POST /api/v1/cases/{caseId}/death/notice", COUNTY);
        rule("GET /api/v1/cases/{caseId}/ending", CASE_ROLES);
        rule("POST /api/v1/cases/{caseId}/sealed-record-queries", CASE_ROLES);
        rule("GET /api/v1/cases/{caseId}/sealed-record-queries", CASE_ROLES);
        rule("POST /api/v1/cases/{caseId}/sealed-record-queries/{queryId}/approval", "COUNTY_HEAD");
        rule("POST /api/v1/cases/{caseId}/sealed-record-queries/{queryId}/refusal", "COUNTY_HEAD");
        // Procuratorial supervision (procuratorial: ProcuratorialSupervision).
        rule("POST /api/v1/cases/{caseId}/procuratorial-opinions", "PROSECUTOR");
        rule("GET /api/v1/cases/{caseId}/procuratorial-opinions", CASE_ROLES);
        rule("POST /api/v1/cases/{caseId}/procuratorial-opinions/{opinionId}/reply", CASE_ROLES);
        // Its page: every case role reads (the words for the procuratorate and the addressed unit), prosecutors issue.
        rule("GET /cases/{id}/opinions", CASE_STAFF);
        rule("POST /cases/{id}/opinions", "PROSECUTOR");
        rule("POST /cases/{id}/opinions/{opinionId}/reply", CASE_STAFF);
        rule("GET /api/v1/inbox", ANY);
        rule("GET /api/v1/inbox/counts", ANY);
        rule("GET /api/v1/cases/{caseId}/obligations", ANY);
        rule("GET /api/v1/escalations", ANY);
        rule("POST /api/v1/obligations/{id}/take", CASE_STAFF);
        rule("POST /api/v1/obligations/{id}/waiver", "COUNTY_HEAD", "OFFICE_HEAD", "JUDGE");
        rule("GET /api/v1/cases/{caseId}/handovers", ANY);
        rule("GET /api/v1/handovers/{id}", ANY);
        rule("POST /api/v1/handovers/{id}/receipt", CASE_STAFF);
        rule("POST /api/v1/handovers/{id}/rejection", CASE_STAFF);
        rule("POST /api/v1/handovers/{id}/supplement", CASE_STAFF);
        rule("GET /api/v1/copies", ANY);
        rule("GET /api/v1/handovers/awaiting", ANY);
        rule("GET /api/v1/handovers/{id}/documents/{documentId}", ANY);
        rule("POST /api/v1/cases/{caseId}/attachments", CASE_STAFF);
        rule("GET /api/v1/cases/{caseId}/assessment", ANY);
        rule("POST /api/v1/cases/{caseId}/sanctions", COUNTY);
        rule("POST /api/v1/cases/{caseId}/proposals", COUNTY);
        rule("GET /api/v1/cases/{caseId}/proposals/{id}", ANY);
        rule("POST /api/v1/cases/{caseId}/proposals/{id}/arrest-decision", "JUDGE", "COURT_CLERK", "POLICE_OFFICER");
        rule("POST /api/v1/cases/{caseId}/proposals/{id}/ruling", "JUDGE", "COURT_CLERK", "POLICE_OFFICER");
        rule("POST /api/v1/cases/{caseId}/proposals/{id}/arrest", "POLICE_OFFICER");
        rule("POST /api/v1/cases/{caseId}/proposals/{id}/commitment", "POLICE_OFFICER");
        rule("GET /api/v1/cases/{caseId}/periodic-assessments", ANY);
        rule("POST /api/v1/cases/{caseId}/periodic-assessments", COUNTY);
        rule("GET /cases/{caseId}/assessment/periodic", CASE_ROLES);
        rule("POST /cases/{caseId}/assessment/periodic", CASE_ROLES);
        rule("GET /cases/{caseId}/assessment", CASE_ROLES);
        rule("POST /cases/{caseId}/assessment/decisions", CASE_ROLES);
        rule("POST /cases/{caseId}/assessment/proposals", CASE_ROLES);
        for (String action : new String[] {"arrest-decision", "arrest", "ruling", "commitment"}) {
            rule("POST /cases/{caseId}/assessment/proposals/{id}/" + action, CASE_ROLES);
        }
        rule("POST /api/v1/cases/{caseId}/referrals", CASE_TEAM);
        rule("GET /api/v1/cases/{caseId}/referrals", ANY);
        rule("GET /api/v1/referrals", ANY);
        rule("GET /api/v1/referrals/{id}", ANY);
        rule("GET /api/v1/referrals/{id}/letter", ANY);
        rule("POST /api/v1/referrals/{id}/acceptance", ASSISTING);
        rule("POST /api/v1/referrals/{id}/decline", ASSISTING);
        rule("POST /api/v1/referrals/{id}/contact", ASSISTING);
        rule("POST /api/v1/referrals/{id}/progress-notes", ASSISTING);
        rule("POST /api/v1/referrals/{id}/completion", ASSISTING);
        rule("POST /api/v1/referrals/{id}/withdrawal", CASE_TEAM);
        rule("GET /api/v1/assistance/capacity", ASSISTING);
        rule("PUT /api/v1/assistance/capacity", ASSISTING);
        rule("GET /referrals", CASE_ROLES);
        rule("GET /referrals/{id}", CASE_ROLES);
        rule("GET /referrals/{id}/letter", CASE_ROLES);
        rule("GET /cases/{caseId}/referrals", CASE_ROLES);
        rule("POST /cases/{caseId}/referrals", CASE_ROLES);
        for (String action : List.of("accept", "decline", "contact", "progress", "complete", "withdraw")) {
            rule("POST /referrals/{id}/" + action, CASE_ROLES);
        }
        rule("GET /assistance/capacity", ASSISTING);
        rule("POST /assistance/capacity", ASSISTING);
        rule("GET /inbox", CASE_ROLES);
        rule("POST /inbox/{id}/take", CASE_ROLES);
        rule("GET /cases", CASE_ROLES);
        rule("POST /cases", CASE_ROLES);
        rule("GET /cases/new", "COURT_CLERK", "JUDGE", "POLICE_OFFICER");
        rule("POST /cases/new", "COURT_CLERK", "JUDGE", "POLICE_OFFICER");
        rule("GET /cases/new/decided", "COURT_CLERK", "JUDGE", "POLICE_OFFICER");
        rule("POST /cases/new/decided", "COURT_CLERK", "JUDGE", "POLICE_OFFICER");
        rule("GET /cases/{id}", CASE_ROLES);
        rule("GET /cases/{id}/documents/{documentId}", CASE_ROLES);
        // A task's form on its own page: the case decides (404 without a lawful role, 403 when the form is not the
        // reader's now).
        rule("GET /cases/{id}/tasks/{task}", CASE_ROLES);
        rule("GET /cases/{id}/steps/{stepId}", CASE_ROLES);
        for (String action : List.of(
                "decide",
                "withdraw",
                "notify",
                "deliver",
                "opinion",
                "report",
                "office",
                "register",
                "missing",
                "transfer",
                "team",
                "plan",
                "announce")) {
            rule("POST /cases/{id}/" + action, CASE_ROLES);
        }
        for (String answer : List.of("receipt", "receive", "reject", "supplement")) {
            rule("POST /cases/{id}/handovers/{handoverId}/" + answer, CASE_ROLES);
        }
        // Leave (supervision): recorded by the case's county agency and judicial office, decided by the approver the
        // policy names (the façade decides: 404 without a role in the case, 403 for another role or approver).
        rule("POST /api/v1/cases/{caseId}/leaves", CASE_TEAM);
        rule("GET /api/v1/cases/{caseId}/leaves", ANY);
        rule("GET /api/v1/leaves", ANY);
        rule("GET /api/v1/leaves/{id}", ANY);
        rule("GET /api/v1/leaves/{id}/notice", ANY);
        rule(
                "POST /api/v1/leaves/{id}/approval",
                "COUNTY_OFFICER",
                "COUNTY_HEAD",
                "OFFICE_OFFICER",
                "OFFICE_HEAD",
                "CITY_COORDINATOR");
        rule(
                "POST /api/v1/leaves/{id}/refusal",
                "COUNTY_OFFICER",
                "COUNTY_HEAD",
                "OFFICE_OFFICER",
                "OFFICE_HEAD",
                "CITY_COORDINATOR");
        rule("POST /api/v1/leaves/{id}/return", CASE_TEAM);
        rule("POST /api/v1/leaves/{id}/extension", CASE_TEAM);
        rule("GET /api/v1/cases/{caseId}/contacts", ANY);
        rule("POST /api/v1/cases/{caseId}/contacts", CASE_TEAM);
        rule("POST /cases/{caseId}/contacts", CASE_ROLES);
        rule("GET /cases/{caseId}/supervision", CASE_ROLES);
        rule("POST /cases/{caseId}/leaves", CASE_ROLES);
        rule("GET /leaves", CASE_ROLES);
        rule("GET /leaves/{id}", CASE_ROLES);
        rule("GET /leaves/{id}/notice", CASE_ROLES);
        for (String action : List.of("approve", "refuse", "return", "extend")) {
            rule("POST /leaves/{id}/" + action, CASE_ROLES);
        }
        // Proposed changes of a subject's record (issue 9, item 4): read by county agencies and judicial offices (the
        // proposal decides: 404 without a role in another case of the person), decided by the county agency's officers.
        rule("GET /api/v1/subject-changes", "COUNTY_OFFICER", "COUNTY_HEAD", "OFFICE_OFFICER", "OFFICE_HEAD");
        rule("GET /api/v1/subject-changes/{id}", "COUNTY_OFFICER", "COUNTY_HEAD", "OFFICE_OFFICER", "OFFICE_HEAD");
        rule("POST /api/v1/subject-changes/{id}/confirmation", COUNTY);
        rule("POST /api/v1/subject-changes/{id}/rejection", COUNTY);
        rule("GET /subject-changes", "COUNTY_OFFICER", "COUNTY_HEAD", "OFFICE_OFFICER", "OFFICE_HEAD");
        rule("GET /subject-changes/{id}", "COUNTY_OFFICER", "COUNTY_HEAD", "OFFICE_OFFICER", "OFFICE_HEAD");
        rule("POST /subject-changes/{id}/confirm", COUNTY);
        rule("POST /subject-changes/{id}/reject", COUNTY);
        rule("GET /handovers/{id}", CASE_ROLES);
        rule("GET /handovers/{id}/documents/{documentId}", CASE_ROLES);
        rule("GET /copies", "PROSECUTOR", "POLICE_OFFICER");
        // Joint meetings and the conflict register: reads for case staff (the meeting or conflict decides: 404 for
        // agencies not in it), coordination by city coordinators (their office decides: 403 for another's).
        rule("GET /api/v1/meetings", CASE_STAFF);
        rule("POST /api/v1/meetings", "CITY_COORDINATOR");
        rule("GET /api/v1/meetings/{id}", CASE_STAFF);
        rule("GET /api/v1/meetings/{id}/notice", CASE_STAFF);
        rule("GET /api/v1/meetings/{id}/minutes", CASE_STAFF);
        rule("POST /api/v1/meetings/{id}/minutes", "CITY_COORDINATOR");
        rule("POST /api/v1/meetings/{id}/decisions", "CITY_COORDINATOR");
        rule("POST /api/v1/meetings/{id}/closure", "CITY_COORDINATOR");
        rule("POST /api/v1/meetings/{id}/cancellation", "CITY_COORDINATOR");
        rule("GET /api/v1/decisions/{id}", CASE_STAFF);
        rule("POST /api/v1/decisions/{id}/done", CASE_STAFF);
        rule("POST /api/v1/conflicts", CASE_STAFF);
        rule("GET /api/v1/conflicts", CASE_STAFF);
        rule("POST /api/v1/conflicts/search", CASE_STAFF);
        rule("GET /api/v1/conflicts/{id}", CASE_STAFF);
        rule("POST /api/v1/conflicts/{id}/response", "CITY_COORDINATOR");
        rule("POST /api/v1/conflicts/{id}/escalation", "CITY_COORDINATOR");
        rule("POST /api/v1/conflicts/{id}/resolution", "CITY_COORDINATOR");
        rule("GET /meetings", CASE_ROLES);
        rule("GET /meetings/new", "CITY_COORDINATOR");
        rule("POST /meetings", "CITY_COORDINATOR");
        rule("GET /meetings/{id}", CASE_ROLES);
        rule("GET /meetings/{id}/notice.pdf", CASE_ROLES);
        rule("GET /meetings/{id}/minutes.pdf", CASE_ROLES);
        for (String action : List.of("minutes", "decisions", "close", "cancel")) {
            rule("POST /meetings/{id}/" + action, "CITY_COORDINATOR");
        }
        rule("GET /decisions/{id}", CASE_ROLES);
        rule("POST /decisions/{id}/done", CASE_ROLES);
        rule("GET /conflicts", CASE_ROLES);
        rule("POST /conflicts/search", CASE_ROLES);
        rule("GET /conflicts/new", CASE_ROLES);
        rule("POST /conflicts", CASE_ROLES);
        rule("GET /conflicts/{id}", CASE_ROLES);
        for (String action : List.of("response", "escalation", "resolution")) {
            rule("POST /conflicts/{id}/" + action, "CITY_COORDINATOR");
        }
        // Electronic monitoring (ADR 0034): the county agency proposes, ends, imports and reads positions; the county
        // judicial bureau's head decides; positions arrive only with the monitoring system's scoped token, which no
        // person and no other token holds (every caller here gets 403).
        rule("POST /api/v1/cases/{id}/monitoring-periods", COUNTY);
        rule("GET /api/v1/cases/{id}/monitoring-periods", "COUNTY_OFFICER", "COUNTY_HEAD", "BUREAU_HEAD");
        rule("GET /api/v1/monitoring-periods/{id}", "COUNTY_OFFICER", "COUNTY_HEAD", "BUREAU_HEAD");
        rule("POST /api/v1/monitoring-periods/{id}/approval", "BUREAU_HEAD");
        rule("POST /api/v1/monitoring-periods/{id}/refusal", "BUREAU_HEAD");
        rule("POST /api/v1/monitoring-periods/{id}/end", COUNTY);
        rule("POST /api/v1/monitoring/positions", "MONITORING_POSITIONS_TOKEN");
        rule("POST /api/v1/cases/{id}/monitoring/positions/import", COUNTY);
        rule("GET /api/v1/cases/{id}/monitoring/positions", COUNTY);
        rule("GET /cases/{id}/monitoring", "COUNTY_OFFICER", "COUNTY_HEAD", "BUREAU_HEAD");
        rule("POST /cases/{id}/monitoring", COUNTY);
        rule("POST /cases/{id}/monitoring/import", COUNTY);
        rule("POST /monitoring-periods/{id}/approval", "BUREAU_HEAD");
        rule("POST /monitoring-periods/{id}/refusal", "BUREAU_HEAD");
        rule("POST /monitoring-periods/{id}/end", COUNTY);
        // Custody during correction: the county agency or the detaining organ records and releases; the organ notifies.
        rule(
                "POST /api/v1/cases/{id}/custody",
                "COUNTY_OFFICER",
                "COUNTY_HEAD",
                "POLICE_OFFICER",
                "PROSECUTOR",
                "JUDGE",
                "COURT_CLERK");
        rule("GET /api/v1/cases/{id}/custody", CASE_STAFF);
        rule("POST /api/v1/custody/{id}/notice", "POLICE_OFFICER", "PROSECUTOR", "JUDGE", "COURT_CLERK");
        rule(
                "POST /api/v1/custody/{id}/release",
                "COUNTY_OFFICER",
                "COUNTY_HEAD",
                "POLICE_OFFICER",
                "PROSECUTOR",
                "JUDGE",
                "COURT_CLERK");
        // Lost contact: the county agency reports and records the outcome; the case's parties read.
        rule("POST /api/v1/cases/{id}/lost-contacts", COUNTY);
        rule("GET /api/v1/cases/{id}/lost-contacts", CASE_STAFF);
        rule("POST /api/v1/lost-contacts/{id}/found", COUNTY);
        rule("GET /cases/{id}/custody", CASE_STAFF);
        rule(
                "POST /cases/{id}/custody",
                "COUNTY_OFFICER",
                "COUNTY_HEAD",
                "POLICE_OFFICER",
                "PROSECUTOR",
                "JUDGE",
                "COURT_CLERK");
        rule("POST /custody/{id}/notice", "POLICE_OFFICER", "PROSECUTOR", "JUDGE", "COURT_CLERK");
        rule(
                "POST /custody/{id}/release",
                "COUNTY_OFFICER",
                "COUNTY_HEAD",
                "POLICE_OFFICER",
                "PROSECUTOR",
                "JUDGE",
                "COURT_CLERK");
        rule("GET /cases/{id}/lost-contacts", CASE_STAFF);
        rule("POST /cases/{id}/lost-contacts", COUNTY);
        rule("POST /lost-contacts/{id}/found", COUNTY);
        // The minors' steps (CCL ch. 7): every case role reads (texts for the minor's team), the county agency acts.
        rule("GET /api/v1/cases/{id}/minor-steps", CASE_STAFF);
        rule("POST /api/v1/cases/{id}/minor-steps", COUNTY);
        rule("POST /api/v1/minor-steps/{id}/fulfilment", COUNTY);
        rule("GET /cases/{id}/minors", CASE_STAFF);
        rule("POST /cases/{id}/minors", COUNTY);
        rule("POST /minor-steps/{id}/fulfil", COUNTY);
        // Change of the place of execution: the executing county (or office) records the application; the county
        // agencies act.
        rule("POST /api/v1/cases/{id}/place-changes", "COUNTY_OFFICER", "COUNTY_HEAD", "OFFICE_OFFICER", "OFFICE_HEAD");
        rule("GET /api/v1/cases/{id}/place-changes", CASE_STAFF);
        rule("GET /api/v1/place-changes/{id}", CASE_STAFF);
        rule("POST /api/v1/place-changes/{id}/consultation", COUNTY);
        rule("POST /api/v1/place-changes/{id}/reply", COUNTY);
        rule("POST /api/v1/place-changes/{id}/decision", COUNTY);
        rule("POST /api/v1/place-changes/{id}/transfer", COUNTY);
        rule("POST /api/v1/place-changes/{id}/receipt", COUNTY);
        rule("POST /api/v1/place-changes/{id}/forwarding", COUNTY);
        rule("POST /api/v1/place-changes/{id}/report", COUNTY);
        rule("GET /cases/{id}/place-change", CASE_STAFF);
        rule("POST /cases/{id}/place-change", "COUNTY_OFFICER", "COUNTY_HEAD", "OFFICE_OFFICER", "OFFICE_HEAD");
        rule("POST /place-changes/{id}/steps", COUNTY);
        // Statistics: the coordination office (city), the county agency and the heads of its offices (their county).
        for (String path : List.of(
                "/api/v1/statistics/scorecards",
                "/api/v1/statistics/monthly",
                "/api/v1/statistics/dashboard",
                "/api/v1/statistics/holdups",
                "/api/v1/statistics/cases",
                "/statistics",
                "/statistics/scorecards",
                "/statistics/monthly",
                "/statistics/holdups",
                "/statistics/cases")) {
            rule("GET " + path, "CITY_COORDINATOR", "COUNTY_HEAD", "COUNTY_OFFICER", "OFFICE_HEAD");
        }
        // What-if simulation (doc/simulation.md): the city coordinator and the national policy editor; a run is its
        // agency's.
        rule("POST /api/v1/simulations", POLICY_EDITORS);
        rule("GET /api/v1/simulations", POLICY_EDITORS);
        rule("GET /api/v1/simulations/{id}", POLICY_EDITORS);
        rule("POST /api/v1/simulations/{id}/cancel", POLICY_EDITORS);
        rule("GET /api/v1/simulations/{id}/figures", POLICY_EDITORS);
        rule("GET /api/v1/simulations/{id}/comparison", POLICY_EDITORS);
        rule("GET /api/v1/simulations/{id}/export", POLICY_EDITORS);
        rule("GET /simulations", POLICY_EDITORS);
        rule("POST /simulations", POLICY_EDITORS);
        rule("GET /simulations/{id}", POLICY_EDITORS);
        rule("GET /simulations/{id}/progress", POLICY_EDITORS);
        rule("POST /simulations/{id}/cancel", POLICY_EDITORS);
        rule("GET /simulations/{id}/export", POLICY_EDITORS);
    }

    static void rule(String endpoint, String... who) {
        RULES.put(endpoint, Set.of(who));
    }

    static void rule(String endpoint, Set<String> who) {
        RULES.put(endpoint, who);
    }

    /** A caller of each kind: username in the City A demo, and the role that decides. */
    static final Map<String, String> CALLERS = Map.of(
            "cd.county",
            "COUNTY_OFFICER",
            "cd.court.clerk",
            "COURT_CLERK",
            "sysadmin",
            "SYSTEM_ADMIN",
            "secadmin",
            "SECURITY_ADMIN",
            "auditadmin",
            "AUDIT_ADMIN",
            "city.coord",
            "CITY_COORDINATOR");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    static List<String> endpoints(RequestMappingHandlerMapping mappings) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("org.tongxin")) {
                continue;
            }
            Set<String> paths = e.getKey().getPatternValues();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                    e.getKey().getMethodsCondition().getMethods();
            for (String path : paths) {
                if (methods.isEmpty()) {
                    result.add("GET " + path);
                } else {
                    methods.forEach(m -> result.add(m.name() + " " + path));
                }
            }
        }
        return result;
    }

    @Test
    void everyEndpointHasAnExplicitRuleInTheCodeAndALineInThisMatrix() {
        List<String> endpoints = endpoints(mappings);
        assertThat(RULES.keySet()).containsExactlyInAnyOrderElementsOf(endpoints);
        mappings.getHandlerMethods().values().stream()
                .filter(h -> h.getBeanType().getPackageName().startsWith("org.tongxin"))
                .forEach(h -> assertThat(org.tongxin.identity.internal.AccessRules.hasRule(h))
                        .as("%s needs @PreAuthorize, @AnyAuthenticatedUser or @PublicEndpoint", h)
                        .isTrue());
    }

    @Test
    void onlyTheDocumentedPublicEndpointsAreMarkedPublic() {
        mappings.getHandlerMethods().forEach((info, handler) -> {
            boolean marked = handler.hasMethodAnnotation(PublicEndpoint.class)
                    || handler.getBeanType().isAnnotationPresent(PublicEndpoint.class);
            String key = info.getMethodsCondition().getMethods().stream()
                            .findFirst()
                            .map(Enum::name)
                            .orElse("GET") + " "
                    + info.getPatternValues().iterator().next();
            if (handler.getBeanType().getPackageName().startsWith("org.tongxin")) {
                assertThat(marked).as(key).isEqualTo(RULES.get(key).contains(PUBLIC));
            }
        });
    }

    static Stream<String> protectedEndpoints() {
        return RULES.entrySet().stream()
                .filter(e -> !e.getValue().contains(PUBLIC))
                .map(Map.Entry::getKey);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void anonymousCallersGet401FromTheApiAndTheLoginPageFromPages(String endpoint) throws Exception {
        MvcResult result = mvc.perform(call(endpoint).with(r -> r)).andReturn();
        int status = result.getResponse().getStatus();
        if (path(endpoint).startsWith("/api/")) {
            assertThat(status).isEqualTo(401);
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"UNAUTHENTICATED\"");
        } else {
            assertThat(status).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void eachKindOfCallerGetsExactlyWhatTheMatrixSays(String endpoint) throws Exception {
        Set<String> allowed = RULES.get(endpoint);
        for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            MvcResult result =
                    mvc.perform(call(endpoint).with(actors.as(caller.getKey()))).andReturn();
            int status = result.getResponse().getStatus();
            boolean mayCall = allowed.contains(ANY) || allowed.contains(caller.getValue());
            if (allowed.contains("PENDING")) {
                assertThat(status)
                        .as("%s as %s (login steps are only for logins in progress)", endpoint, caller.getKey())
                        .isIn(302, 403);
            } else if (mayCall) {
                assertThat(status).as("%s as %s", endpoint, caller.getKey()).isNotIn(401, 403);
                assertThat(status).as("%s as %s", endpoint, caller.getKey()).isLessThan(500);
            } else {
                assertThat(status).as("%s as %s", endpoint, caller.getKey()).isEqualTo(403);
            }
        }
    }

    @Test
    void healthInfoAndTheApiDescriptionArePublicOtherActuatorEndpointsAreForTheSystemAdministrator() throws Exception {
        for (String open : List.of(
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/info",
                "/v3/api-docs",
                "/login",
                "/webjars/bootstrap/css/bootstrap.min.css",
                "/css/tongxin.css")) {
            assertThat(mvc.perform(request(org.springframework.http.HttpMethod.GET, open))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(open)
                    .isEqualTo(200);
        }
        assertThat(mvc.perform(request(org.springframework.http.HttpMethod.GET, "/actuator/modulith"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(mvc.perform(request(org.springframework.http.HttpMethod.GET, "/actuator/modulith")
                                .with(actors.as("cd.county")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(request(org.springframework.http.HttpMethod.GET, "/actuator/modulith")
                                .with(actors.as("sysadmin")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(request(org.springframework.http.HttpMethod.GET, "/actuator/env")
                                .with(actors.as("sysadmin")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("not exposed at all")
                .isEqualTo(404);
        assertThat(mvc.perform(request(org.springframework.http.HttpMethod.GET, "/api/v1/calendar/anything"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("the public calendar path is open: an unknown address is 404, not 401")
                .isEqualTo(404);
        assertThat(mvc.perform(request(
                                org.springframework.http.HttpMethod.GET,
                                "/api/v1/calendar/due?region=CN&from=2025-09-26&amount=10&unit=WORKING_DAYS"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("deadline arithmetic is public")
                .isEqualTo(200);
        assertThat(mvc.perform(request(org.springframework.http.HttpMethod.PUT, "/api/v1/calendar/years/2031")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("only reading the calendar is public")
                .isEqualTo(401);
    }

    static MockHttpServletRequestBuilder call(String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        // Real region and step (City A's model: its coordinator's POST may open a draft there, which the policy tests
        // discard before they use that model).
        MockHttpServletRequestBuilder builder = request(
                org.springframework.http.HttpMethod.valueOf(method),
                path(endpoint)
                        .replace("{id}", ID)
                        .replace("{year}", "2031")
                        .replace("{date}", "2025-10-01")
                        .replace("{region}", "369900")
                        .replace("{stepId}", "docs.receipt")
                        .replace("{caseId}", ID)
                        .replace("{documentId}", ID)
                        .replace("{handoverId}", ID)
                        .replace("{queryId}", ID)
                        .replace("{opinionId}", ID)
                        .replace("{task}", "register"));
        if (!method.equals("GET")) {
            builder = builder.with(
                    org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
            if (path(endpoint).startsWith("/api/")) {
                builder = builder.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        return builder;
    }

    static String path(String endpoint) {
        return endpoint.substring(endpoint.indexOf(' ') + 1);
    }

    static boolean isAny(Set<String> who) {
        return who.contains(ANY) || who.contains(AnyAuthenticatedUser.class.getSimpleName());
    }
}
