package org.tongxin.shared.web;

import java.util.List;

/**
 * In demo mode only: the demo accounts a visitor can try, shown on the login page (the demo module provides it).
 */
public interface DemoAccountList {

    record DemoAccount(String username, String roleKey, String agencyName) {}

    String sharedPassword();

    String adminTotpSecret();

    List<DemoAccount> accounts();
}
