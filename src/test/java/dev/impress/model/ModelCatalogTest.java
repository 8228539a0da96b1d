package dev.impress.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {
    private static final ModelCatalog.Tag GPT = new ModelCatalog.Tag("GPT", "proprietary");
    private static final ModelCatalog.Tag CLAUDE = new ModelCatalog.Tag("Claude", "proprietary");
    private static final ModelCatalog.Tag GEMINI = new ModelCatalog.Tag("Gemini", "proprietary");
    private static final ModelCatalog.Tag LLAMA = new ModelCatalog.Tag("Llama", "open");
    private static final ModelCatalog.Tag QWEN = new ModelCatalog.Tag("Qwen", "open");

    @Test
    void everyPricedProviderModelIsTaggedProprietary() {
        ModelCatalog c = ModelCatalog.defaults();
        for (String id : PriceTable.defaults().entries().keySet()) {
            if (id.startsWith("openai/")) assertThat(c.find(id)).as(id).contains(GPT);
            if (id.startsWith("anthropic/")) assertThat(c.find(id)).as(id).contains(CLAUDE);
            if (id.startsWith("google/")) assertThat(c.find(id)).as(id).contains(GEMINI);
        }
        assertThat(c.find("anthropic/claude-sonnet-4-5-20250929")).contains(CLAUDE);
        assertThat(c.find("openai/gpt-4.1-2025-04-14")).contains(GPT);
        assertThat(c.find("google/gemini-3-flash")).contains(GEMINI);
    }

    @Test
    void openWeightModelsAreFoundByTheirNameWhateverTheServerCallsThem() {
        ModelCatalog c = ModelCatalog.defaults();
        // vLLM and Together (organisation/Name), Ollama (name:size), LM Studio
        assertThat(c.find("openai-compatible/meta-llama/Llama-3.3-70B-Instruct")).contains(LLAMA);
        assertThat(c.find("openai-compatible/meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo")).contains(LLAMA);
        assertThat(c.find("openai-compatible/llama3.1:8b")).contains(LLAMA);
        assertThat(c.find("openai-compatible/Qwen/Qwen3-235B-A22B-fp8-tput")).contains(QWEN);
        assertThat(c.find("openai-compatible/qwen3:8b")).contains(QWEN);
        assertThat(c.find("openai-compatible/qwen2.5-7b-instruct")).contains(QWEN);
        assertThat(c.find("openai-compatible/deepseek-ai/DeepSeek-R1")).contains(new ModelCatalog.Tag("DeepSeek", "open"));
        assertThat(c.find("openai-compatible/mistralai/Mistral-7B-Instruct-v0.3")).contains(new ModelCatalog.Tag("Mistral", "open"));
        assertThat(c.find("openai-compatible/google/gemma-3-27b-it")).contains(new ModelCatalog.Tag("Gemma", "open"));
        assertThat(c.find("openai-compatible/gpt-oss:20b")).contains(new ModelCatalog.Tag("gpt-oss", "open"));
        assertThat(c.find("openai-compatible/openai/gpt-oss-120b")).contains(new ModelCatalog.Tag("gpt-oss", "open"));
        // Gemma served by the Gemini API is still open: the name entry comes before google/*
        assertThat(c.find("google/gemma-3-27b-it")).contains(new ModelCatalog.Tag("Gemma", "open"));
    }

    @Test
    void proprietaryModelsThroughARouterKeepTheirTagAndTheLongestNameWins() {
        ModelCatalog c = ModelCatalog.defaults();
        assertThat(c.find("openai-compatible/anthropic/claude-sonnet-4.5")).contains(CLAUDE);
        assertThat(c.find("openai-compatible/openai/gpt-4o-mini")).contains(GPT);
        assertThat(c.find("openai-compatible/openai/gpt-4.1")).contains(GPT);
        assertThat(c.find("openai-compatible/google/gemini-2.5-pro")).contains(GEMINI);
        assertThat(c.find("openai-compatible/qwen/qwen3-max")).contains(new ModelCatalog.Tag("Qwen", "proprietary"));
        assertThat(c.find("openai-compatible/qwen/qwen3-32b")).contains(QWEN);
    }

    @Test
    void aNameEntryNeedsTheNameToContinueWithANonLetter() {
        ModelCatalog c = ModelCatalog.defaults();
        assertThat(c.find("openai-compatible/llamafile")).isEmpty();
        assertThat(c.find("openai-compatible/phind-codellama")).isEmpty();
        assertThat(c.find("openai-compatible/gpt-neox-20b")).isEmpty();
        assertThat(c.find("openai-compatible/local")).isEmpty();
        assertThat(c.find("mistral/large")).isEmpty();
    }

    @Test
    void simulatedModelsAreUntaggedAndNeverMatchARealModelsEntry(@TempDir Path dir) throws Exception {
        assertThat(ModelCatalog.defaults().find("sim/bold")).isEmpty();
        assertThat(ModelCatalog.defaults().find("sim/llama")).isEmpty();
        Path file = Files.writeString(dir.resolve("tags.yaml"), """
                models:
                  "*/bold": { family: Bold, access: open }
                  sim/cautious: { family: careful, access: simulated }
                """);
        ModelCatalog c = ModelCatalog.load(file);
        assertThat(c.find("sim/bold")).isEmpty();
        assertThat(c.find("openai-compatible/bold-7b")).contains(new ModelCatalog.Tag("Bold", "open"));
        assertThat(c.find("sim/cautious")).contains(new ModelCatalog.Tag("careful", "simulated"));
        assertThat(c.source()).isEqualTo(ModelCatalog.RESOURCE + " + " + file);
    }

    @Test
    void aUsersFileOverridesAndAddsOnTopOfTheShippedCatalogue(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tags.yaml"), """
                models:
                  openai-compatible/my-finetune: { family: Llama, access: open }
                  "*/Qwen": { family: Qwen, access: proprietary }
                """);
        ModelCatalog c = ModelCatalog.load(file);
        assertThat(c.find("openai-compatible/my-finetune")).contains(LLAMA);
        // the key is matched without case, so it replaces the shipped */qwen
        assertThat(c.find("openai-compatible/Qwen/Qwen3-8B")).contains(new ModelCatalog.Tag("Qwen", "proprietary"));
        assertThat(c.find("openai/gpt-4.1")).contains(GPT);
        assertThat(c.tagsOf(java.util.List.of("openai/gpt-4.1", "openai-compatible/local"))).containsOnlyKeys("openai/gpt-4.1");
    }

    @Test
    void aBadFileSaysWhichFileAndFieldAndWhatWasExpected(@TempDir Path dir) throws Exception {
        assertThat(error(dir, "models:\n  openai/gpt-4.1: { family: GPT, access: closed }\n"))
                .contains("models.openai/gpt-4.1.access: expected open or proprietary, found 'closed'");
        assertThat(error(dir, "models:\n  openai/gpt-4.1: { access: open }\n"))
                .contains("models.openai/gpt-4.1.family: expected a family name");
        assertThat(error(dir, "models:\n  openai/gpt-4.1: { family: GPT, acess: open }\n"))
                .contains("models.openai/gpt-4.1.acess: unknown field (expected family and access)");
        assertThat(error(dir, "models:\n  openai/gpt-4.1: GPT\n")).contains("models.openai/gpt-4.1: expected {family: NAME, access: open|proprietary}");
        assertThat(error(dir, "models:\n  gpt-4.1: { family: GPT, access: open }\n")).contains("models.gpt-4.1: expected provider/model");
        assertThat(error(dir, "models:\n  \"*/meta-llama/Llama\": { family: Llama, access: open }\n"))
                .contains("models.*/meta-llama/Llama: a */NAME entry matches");
        assertThat(error(dir, "models:\n  openai/x: { family: untagged, access: open }\n")).contains("models.openai/x.family: expected a family name other than 'untagged'");
        assertThat(error(dir, "models:\n  openai/x: { family: X, access: simulated }\n")).contains("only sim/ models are simulated");
        assertThat(error(dir, "models:\n  sim/bold: { family: X, access: open }\n"))
                .contains("models.sim/bold.access: expected simulated: a simulated model is never tagged open or proprietary");
        assertThat(error(dir, "families: {}\n")).contains("expected a top-level 'models' map");
        assertThat(error(dir, "models: [\n")).contains("not valid YAML");
    }

    @Test
    void ofChecksItsEntriesLikeAFile() {
        var e = catchThrowableOfType(ModelException.class,
                () -> ModelCatalog.of(Map.of("sim/bold", new ModelCatalog.Tag("Bold", "open"))));
        assertThat(e.getMessage()).contains("models.sim/bold.access");
        assertThat(ModelCatalog.of(Map.of("x/y", new ModelCatalog.Tag("Y", "Open"))).find("x/y")).contains(new ModelCatalog.Tag("Y", "open"));
    }

    @Test
    void thePriceTableSharesTheLookupRule() {
        PriceTable t = PriceTable.parse("models:\n  \"*/llama\": { input: 0.2, output: 0.6 }\n", "p.yaml");
        assertThat(t.find("openai-compatible/meta-llama/Llama-3.3-70B-Instruct")).contains(new PriceTable.Price(0.2, 0.6));
        assertThat(t.find("openai-compatible/llamafile")).isEmpty();
    }

    private static String error(Path dir, String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);
        var e = catchThrowableOfType(ModelException.class, () -> ModelCatalog.load(file));
        assertThat(e).as(yaml).isNotNull();
        assertThat(e.kind()).isEqualTo(ModelException.Kind.CONFIG);
        assertThat(e.getMessage()).contains(file.toString());
        return e.getMessage();
    }
}
