package org.tongxin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the application, when a driver runs it in-process) and by the embedded PostgreSQL's
 * processes, read from the operating system. On a shared machine the throughput of a run depends on what the others
 * do; the CPU time a request costs hardly does, so the drivers log it next to their figures. An external database may
 * live elsewhere: its CPU is not counted (reported as 0).
 */
final class CpuMeter {

    private static final long TICKS_PER_SECOND = 100;

    private final long postmaster;

    private CpuMeter(long postmaster) {
        this.postmaster = postmaster;
    }

    /** A meter for this JVM and, when the run uses the embedded database, its server and backends. */
    static CpuMeter forThisRun() {
        long pid = -1;
        if (!Bench.externalDatabase()) {
            Path pidFile = Bench.dir().resolve("data").resolve("postgres").resolve("postmaster.pid");
            try {
                pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            } catch (IOException | RuntimeException e) {
                pid = -1;
            }
        }
        return new CpuMeter(pid);
    }

    /** CPU time so far: this JVM's and the database's, in nanoseconds. */
    Sample sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Sample(jvm, postmaster < 0 ? 0 : databaseTicks() * (1_000_000_000L / TICKS_PER_SECOND));
    }

    record Sample(long jvmNanos, long databaseNanos) {

        Sample minus(Sample earlier) {
            return new Sample(jvmNanos - earlier.jvmNanos, databaseNanos - earlier.databaseNanos);
        }

        Sample plus(Sample other) {
            return new Sample(jvmNanos + other.jvmNanos, databaseNanos + other.databaseNanos);
        }

        /** Milliseconds of CPU per request: application and database. */
        String perRequest(long requests) {
            if (requests == 0) {
                return "n/a";
            }
            return String.format(
                    java.util.Locale.ROOT,
                    "%.2f ms app + %.2f ms db",
                    jvmNanos / 1e6 / requests,
                    databaseNanos / 1e6 / requests);
        }
    }

    /** utime + stime of the postmaster and its children (the backends, which live as long as the pool's connections). */
    private long databaseTicks() {
        long total = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path dir : processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(dir.getFileName().toString());
                    long parent = Long.parseLong(fields[1]);
                    if (pid == postmaster || parent == postmaster) {
                        total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // The process ended meanwhile.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }
}
