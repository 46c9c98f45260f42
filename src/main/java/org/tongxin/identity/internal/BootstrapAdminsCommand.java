package org.tongxin.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyDraft;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyManagement;
import org.tongxin.agency.AgencyType;
import org.tongxin.identity.AccountProvisioning;
import org.tongxin.identity.NewAccount;
import org.tongxin.identity.Role;
import org.tongxin.shared.error.TongxinException;

/**
 * The one-time set-up of a production install (doc/operations.md):
 * <pre>java -jar tongxin.jar --tongxin.bootstrap-admins=/var/lib/tongxin/first-admins.txt \
 *     --tongxin.bootstrap.agency-name=A市司法局 --tongxin.bootstrap.division=360100</pre>
 * creates the operating agency (a city judicial bureau, unless {@code --tongxin.bootstrap.agency-code} names an
 * existing one) and the system, security and audit administrators with one-time passwords, written to the given
 * file (owner-only) and never to the log. Each must choose a password and enrol a second factor at first login.
 * Refused once any administrator exists.
 */
@Component
class BootstrapAdminsCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String OPTION = "tongxin.bootstrap-admins";
    static final List<String> USERNAMES = List.of("sysadmin", "secadmin", "auditadmin");
    static final List<Role> ROLES = List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

    private final AccountProvisioning accounts;
    private final AgencyDirectory directory;
    private final AgencyManagement agencies;
    private final TransactionTemplate transaction;
    private int exitCode;

    BootstrapAdminsCommand(
            AccountProvisioning accounts,
            AgencyDirectory directory,
            AgencyManagement agencies,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.directory = directory;
        this.agencies = agencies;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!args.containsOption(OPTION)) {
            return;
        }
        List<String> target = args.getOptionValues(OPTION);
        if (target == null || target.isEmpty() || target.get(0).isBlank()) {
            fail("Give the file for the one-time passwords: --" + OPTION + "=/path/to/admins.txt");
            return;
        }
        if (accounts.anyAdministrator()) {
            fail("Refused: administrators exist already. Bootstrap runs once per install.");
            return;
        }
        Path file = Path.of(target.get(0)).toAbsolutePath();
        StringBuilder report =
                new StringBuilder("Tongxin: first administrators (one-time passwords; change at first login)\n");
        try {
            transaction.executeWithoutResult(status -> {
                AgencyId agency = operatingAgency(args);
                for (int i = 0; i < USERNAMES.size(); i++) {
                    String password = AccountAdministration.oneTimePassword();
                    accounts.provision(
                            new NewAccount(USERNAMES.get(i), displayName(ROLES.get(i)), agency, Set.of(ROLES.get(i))),
                            accounts.hash(password),
                            true,
                            false,
                            null);
                    report.append(USERNAMES.get(i))
                            .append('\t')
                            .append(ROLES.get(i))
                            .append('\t')
                            .append(password)
                            .append('\n');
                }
                writePrivate(file, report.toString());
            });
        } catch (TongxinException e) {
            fail("Refused (" + e.code() + " " + e.fieldProblems() + "): check the agency options.");
            return;
        } catch (IllegalStateException e) {
            fail("Refused: " + e.getMessage());
            return;
        }
        System.out.println("Created " + USERNAMES + "; their one-time passwords are in " + file
                + " (readable by its owner only).");
        exitCode = 0;
    }

    private AgencyId operatingAgency(ApplicationArguments args) {
        String code = value(args, "tongxin.bootstrap.agency-code");
        if (code != null && directory.findByCode(code).isPresent()) {
            return directory.findByCode(code).get().id();
        }
        String name = value(args, "tongxin.bootstrap.agency-name");
        String division = value(args, "tongxin.bootstrap.division");
        if (name == null || division == null) {
            throw TongxinException.invalid("agency", "required");
        }
        return agencies.register(new AgencyDraft(
                code == null ? "OPERATOR-JB" : code,
                name,
                null,
                AgencyType.JUDICIAL_BUREAU,
                AgencyLevel.CITY,
                null,
                division,
                null,
                null,
                null,
                List.of()));
    }

    private static String value(ApplicationArguments args, String option) {
        List<String> values = args.getOptionValues(option);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? null
                : values.get(0).strip();
    }

    private static String displayName(Role role) {
        return switch (role) {
            case SYSTEM_ADMIN -> "系统管理员";
            case SECURITY_ADMIN -> "安全管理员";
            default -> "审计管理员";
        };
    }

    private static void writePrivate(Path file, String content) {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("Refused to overwrite " + file, e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void fail(String message) {
        System.err.println(message);
        exitCode = 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
