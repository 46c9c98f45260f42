package org.tongxin.support;

import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.identity.AccountProvisioning;
import org.tongxin.identity.NewAccount;
import org.tongxin.identity.Role;
import org.tongxin.identity.UserId;

/** Fresh accounts for tests that lock, disable or change them, so the shared demo accounts stay as they are. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "Fresh-Account-77";

    private final AccountProvisioning provisioning;
    private final AgencyDirectory agencies;

    TestAccounts(AccountProvisioning provisioning, AgencyDirectory agencies) {
        this.provisioning = provisioning;
        this.agencies = agencies;
    }

    public record Account(UserId id, String username) {}

    /** A county officer of Chengdong who may skip the second factor (like the demo accounts). */
    public Account countyOfficer() {
        return create("CD-CCA", Set.of(Role.COUNTY_OFFICER), false, true, null);
    }

    public Account create(
            String agencyCode, Set<Role> roles, boolean mustChangePassword, boolean demoExempt, String totpSecret) {
        String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UserId id = provisioning.provision(
                new NewAccount(
                        username,
                        "测试用户",
                        agencies.findByCode(agencyCode).orElseThrow().id(),
                        roles),
                provisioning.hash(PASSWORD),
                mustChangePassword,
                demoExempt,
                totpSecret);
        return new Account(id, username);
    }
}
