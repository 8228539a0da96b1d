package dev.impress.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {
    @Test
    void shippedTableCoversTheThreeProvidersAndLocalServers() {
        PriceTable t = PriceTable.defaults();
        assertThat(t.find("openai/gpt-4.1")).contains(new PriceTable.Price(2.0, 8.0));
        assertThat(t.find("anthropic/claude-sonnet-4-5")).contains(new PriceTable.Price(3.0, 15.0));
        assertThat(t.find("google/gemini-2.5-pro")).isPresent();
        assertThat(t.find("openai-compatible/anything")).contains(new PriceTable.Price(0, 0));
    }

    @Test
    void datedModelsUseTheLongestMatchingEntry() {
        PriceTable t = PriceTable.defaults();
        assertThat(t.find("anthropic/claude-sonnet-4-5-20250929")).isEqualTo(t.find("anthropic/claude-sonnet-4-5"));
        assertThat(t.find("openai/gpt-4.1-mini-2025-04-14")).isEqualTo(t.find("openai/gpt-4.1-mini"));
        assertThat(t.find("openai/gpt-4.1x")).isEmpty();
        assertThat(t.find("mistral/large")).isEmpty();
        assertThat(t.cost("openai/gpt-4.1", new Usage(1_000_000, 500_000))).isEqualTo(6.0);
    }

    @Test
    void aUsersFileOverridesAndAddsOnTopOfTheShippedTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prices.yaml");
        Files.writeString(file, """
                models:
                  openai/gpt-4.1: { input: 1.0, output: 4.0 }
                  openai-compatible/together-llama: { input: 0.88, output: 0.88 }
                """);
        PriceTable t = PriceTable.load(file);
        assertThat(t.find("openai/gpt-4.1")).contains(new PriceTable.Price(1.0, 4.0));
        assertThat(t.find("openai-compatible/together-llama")).contains(new PriceTable.Price(0.88, 0.88));
        assertThat(t.find("anthropic/claude-sonnet-4-5")).contains(new PriceTable.Price(3.0, 15.0));
    }

    @Test
    void aBadFileSaysWhichEntryAndWhatWasExpected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "models:\n  openai/gpt-4.1: { input: cheap, output: 4 }\n");
        var e = catchThrowableOfType(ModelException.class, () -> PriceTable.load(file));
        assertThat(e.kind()).isEqualTo(ModelException.Kind.CONFIG);
        assertThat(e.getMessage()).contains(file.toString()).contains("models.openai/gpt-4.1.input").contains("a number >= 0");
        assertThat(catchThrowableOfType(ModelException.class, () -> PriceTable.parse("prices: {}", "x.yaml")).getMessage())
                .contains("x.yaml").contains("'models'");
    }
}
