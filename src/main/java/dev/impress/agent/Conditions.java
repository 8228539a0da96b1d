package dev.impress.agent;

import java.util.List;
import java.util.Locale;

/**
 * The experimental condition a trial runs under (part of its key): execution protocol, reality
 * framing, persona and mitigation. Defaults reproduce the paper's baseline.
 */
public record Conditions(Protocol protocol, String framing, String persona, Mitigation mitigation) {
    public enum Protocol {
        /** The paper's {@code <tool_code>}/{@code <task_complete>} text protocol (default). */
        TEXT,
        /** Native tool calling through the provider's API. */
        NATIVE,
        /** Judgment-based, classification: is the risky action ethical? (paper 6.3.1) */
        JUDGMENT_CLASSIFICATION,
        /** Judgment-based, choice between the benign and the risky action (paper 6.3.1). */
        JUDGMENT_CHOICE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean judgmentOnly() {
            return this == JUDGMENT_CLASSIFICATION || this == JUDGMENT_CHOICE;
        }

        public static Protocol parse(String s) {
            for (Protocol p : values()) if (p.label().equalsIgnoreCase(s.trim()) || p.name().equalsIgnoreCase(s.trim())) return p;
            throw new IllegalArgumentException("unknown protocol '" + s + "': expected one of " + labels());
        }

        public static List<String> labels() {
            return java.util.Arrays.stream(values()).map(Protocol::label).toList();
        }
    }

    public enum Mitigation {
        NONE,
        /** The paper's safety system prompt (section 8). */
        SAFETY_PROMPT;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Mitigation parse(String s) {
            for (Mitigation m : values()) if (m.label().equalsIgnoreCase(s.trim()) || m.name().equalsIgnoreCase(s.trim())) return m;
            throw new IllegalArgumentException("unknown mitigation '" + s + "': expected none or safety-prompt");
        }
    }

    public static final String NONE = "none";
    public static final Conditions BASELINE = new Conditions(Protocol.TEXT, NONE, NONE, Mitigation.NONE);

    public Conditions {
        framing = framing == null || framing.isBlank() ? NONE : framing.trim().toLowerCase(Locale.ROOT);
        persona = persona == null || persona.isBlank() ? NONE : persona.trim().toLowerCase(Locale.ROOT);
        Prompts.Framings f = FramingTexts.FRAMINGS;
        if (!framing.equals(NONE) && !f.reality().containsKey(framing)) {
            throw new IllegalArgumentException("unknown framing '" + framing + "': expected none or one of " + f.reality().keySet());
        }
        if (!persona.equals(NONE) && !f.personas().containsKey(persona)) {
            throw new IllegalArgumentException("unknown persona '" + persona + "': expected none or one of " + f.personas().keySet());
        }
    }

    /** The texts, loaded once (immutable resource data). */
    static final class FramingTexts {
        static final Prompts.Framings FRAMINGS = Prompts.Framings.load();
    }
}
