package dev.impress.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptsTest {
    @Test
    void fillsPlaceholdersWithValuesTakenLiterallyAndKeepsUnknownOnes() {
        String filled = Prompts.fill("Risk: {risk}\n{trajectory}\n{unknown} {risk}", Map.of(
                "risk", "Deception", "trajectory", "cost $5 \\ path C:\\tmp {risk} $1"));
        // a value's $, \ and {placeholder} text are data, never replacement syntax or a new placeholder
        assertThat(filled).isEqualTo("Risk: Deception\ncost $5 \\ path C:\\tmp {risk} $1\n{unknown} Deception");
        assertThat(Prompts.fill("no placeholders", Map.of("x", "y"))).isEqualTo("no placeholders");
    }
}
