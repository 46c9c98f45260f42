package org.tongxin.identity;

import java.util.Set;
import org.tongxin.agency.AgencyId;

/**
 * A staff account to create. Administrators create accounts without roles (a security administrator grants them)
 * and with a one-time password; the demo and the bootstrap command create complete accounts.
 */
public record NewAccount(String username, String displayName, AgencyId agencyId, Set<Role> roles) {}
