package org.tongxin.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * PROFILE=1: a Java Flight Recording (JFR, in the JDK) of the measured stretches of a benchmark only — not the
 * start-up, not the warm-up — and a summary beside it: the CPU samples per method of Tongxin on the stack (inclusive: a method and everything it
 * called), and per method at the top of the stack (exclusive). Read the recording itself with {@code jfr view} or
 * JDK Mission Control.
 */
public final class Profile implements AutoCloseable {

    private final String label;
    private final boolean enabled;
    private final java.util.List<Path> chunks = new java.util.ArrayList<>();
    private Recording recording;

    private Profile(String label, boolean enabled) {
        this.label = label;
        this.enabled = enabled;
    }

    /** A profile named {@code label} that records only while {@link #during} runs, and only when PROFILE=1. */
    public static Profile ifAsked(String label) {
        return new Profile(label, "1".equals(System.getenv("PROFILE")));
    }

    /** Runs {@code work} while recording (when asked): several stretches go into one recording. */
    public <T> T during(java.util.concurrent.Callable<T> work) throws Exception {
        if (!enabled) {
            return work.call();
        }
        recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setName(label);
        recording.start();
        try {
            return work.call();
        } finally {
            recording.stop();
            Path chunk = Bench.dir().resolve(label + "-" + chunks.size() + ".jfr.part");
            recording.dump(chunk);
            recording.close();
            chunks.add(chunk);
        }
    }

    /** Joins the stretches into one recording (a JFR file is a sequence of chunks) and writes its summary. */
    @Override
    public void close() throws IOException {
        if (chunks.isEmpty()) {
            return;
        }
        Path file = Bench.dir().resolve(label + ".jfr");
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            for (Path chunk : chunks) {
                Files.copy(chunk, out);
                Files.delete(chunk);
            }
        }
        Path summary = Bench.dir().resolve(label + "-summary.txt");
        summarise(file, summary);
        Bench.progress("profile: %s, summary %s", file, summary);
    }

    /** Inclusive and exclusive CPU samples per method; Tongxin's methods inclusive, any method exclusive. */
    static void summarise(Path recording, Path out) throws IOException {
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> exclusive = new HashMap<>();
        Map<String, Integer> exclusiveByCaller = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            exclusive.merge(name(frames.getFirst()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            String firstOwn = null;
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (name.startsWith("org.tongxin.")) {
                    if (firstOwn == null) {
                        firstOwn = name;
                    }
                    if (seen.add(name)) {
                        inclusive.merge(name, 1, Integer::sum);
                    }
                }
            }
            exclusiveByCaller.merge(firstOwn == null ? "(outside Tongxin's code)" : firstOwn, 1, Integer::sum);
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.printf("%d CPU samples%n%n", samples);
            table(w, "Tongxin methods on the stack (inclusive)", inclusive, samples, 60);
            table(
                    w,
                    "Nearest Tongxin method of each sample (what our code spent, callees included, counted once)",
                    exclusiveByCaller,
                    samples,
                    40);
            table(w, "Methods at the top of the stack (exclusive)", exclusive, samples, 40);
        }
    }

    private static void table(PrintWriter w, String title, Map<String, Integer> counts, int total, int limit) {
        w.println(title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> w.printf(
                        "%6d %5.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
        w.println();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** {@code java ... Profile recording.jfr}: the summary of a recording made elsewhere, on standard output. */
    public static void main(String[] args) throws IOException {
        Path out = Files.createTempFile("profile", ".txt");
        summarise(Path.of(args[0]), out);
        System.out.print(Files.readString(out, StandardCharsets.UTF_8));
        Files.delete(out);
    }
}
