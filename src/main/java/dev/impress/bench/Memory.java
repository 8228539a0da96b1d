package dev.impress.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** This process's resident memory as Linux reports it in /proc/self/status (absent elsewhere). */
public final class Memory {
    private Memory() {}

    /** Peak resident set size (VmHWM) in kB. */
    public static OptionalLong peakRssKb() {
        return field("VmHWM:");
    }

    /** Current resident set size (VmRSS) in kB. */
    public static OptionalLong rssKb() {
        return field("VmRSS:");
    }

    private static OptionalLong field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) return OptionalLong.of(Long.parseLong(line.substring(name.length()).replace("kB", "").strip()));
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or an unexpected format: no number rather than a wrong one
        }
        return OptionalLong.empty();
    }
}
