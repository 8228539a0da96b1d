package dev.impress.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {
    private static final Environment NONE = Environment.of(Map.of());

    @Test
    void specsSplitAtTheFirstSlash() {
        assertThat(ModelSpec.parse("openai/gpt-4.1")).isEqualTo(new ModelSpec("openai", "gpt-4.1"));
        assertThat(ModelSpec.parse("openai-compatible/meta-llama/Llama-3.1-8B").model()).isEqualTo("meta-llama/Llama-3.1-8B");
        assertThat(ModelSpec.parse(" Anthropic/claude-sonnet-4-5 ").id()).isEqualTo("anthropic/claude-sonnet-4-5");
        for (String bad : List.of("gpt-4.1", "/gpt", "openai/", "")) {
            assertThat(catchThrowableOfType(ModelException.class, () -> ModelSpec.parse(bad)).kind()).isEqualTo(ModelException.Kind.CONFIG);
        }
    }

    @Test
    void missingKeysFailFastNamingTheVariable() {
        var registry = ModelRegistry.standard(NONE);
        var options = ModelOptions.defaults();
        assertThat(catchThrowableOfType(ModelException.class, () -> registry.checkCredentials("openai/gpt-4.1", options)))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(ModelException.Kind.AUTH);
                    assertThat(e.getMessage()).contains("OPENAI_API_KEY");
                });
        assertThat(catchThrowableOfType(ModelException.class, () -> registry.resolve("anthropic/claude-sonnet-4-5", options)))
                .extracting(Throwable::getMessage).asString().contains("ANTHROPIC_API_KEY");
        assertThat(catchThrowableOfType(ModelException.class, () -> registry.checkCredentials("google/gemini-2.5-pro", options)))
                .extracting(Throwable::getMessage).asString().contains("GEMINI_API_KEY or GOOGLE_API_KEY");
        var compat = catchThrowableOfType(ModelException.class, () -> registry.checkCredentials("openai-compatible/llama3", options));
        assertThat(compat.kind()).isEqualTo(ModelException.Kind.CONFIG);
        assertThat(compat.getMessage()).contains("IMPRESS_OPENAI_COMPATIBLE_BASE_URL").contains("--base-url");
    }

    @Test
    void allProblemsAreReportedTogether() {
        var e = catchThrowableOfType(ModelException.class, () -> ModelRegistry.standard(NONE)
                .checkCredentials(List.of("openai/gpt-4.1", "google/gemini-2.5-pro", "nope/x"), ModelOptions.defaults()));
        assertThat(e.getMessage()).contains("3 models cannot be used").contains("OPENAI_API_KEY").contains("GEMINI_API_KEY")
                .contains("unknown provider 'nope'");
    }

    @Test
    void keysAndBaseUrlsComeFromTheGivenEnvironment() {
        var env = Environment.of(Map.of("GOOGLE_API_KEY", "AIza-google-key-123", "IMPRESS_OPENAI_COMPATIBLE_BASE_URL", "http://localhost:8000/v1"));
        var registry = ModelRegistry.standard(env);
        registry.checkCredentials("google/gemini-2.5-pro", ModelOptions.defaults());
        registry.checkCredentials("openai-compatible/Qwen/Qwen3-8B", ModelOptions.defaults());
        var badUrl = catchThrowableOfType(ModelException.class, () -> registry.checkCredentials("openai-compatible/x",
                ModelOptions.builder().baseUrl("localhost:8000").build()));
        assertThat(badUrl.kind()).isEqualTo(ModelException.Kind.CONFIG);
    }

    @Test
    void unknownProviderListsTheKnownOnes() {
        var e = catchThrowableOfType(ModelException.class, () -> ModelRegistry.standard(NONE).resolve("mistral/large"));
        assertThat(e.kind()).isEqualTo(ModelException.Kind.CONFIG);
        assertThat(e.getMessage()).contains("unknown provider 'mistral'").contains("anthropic, google, openai, openai-compatible");
    }

    @Test
    void registeredProvidersGetTheSamePipeline() {
        ProviderFactory sim = (spec, options, env) -> new ChatModel() {
            @Override
            public String id() {
                return spec.id();
            }

            @Override
            public boolean simulated() {
                return true;
            }

            @Override
            public ChatResponse chat(ChatRequest request) {
                return ChatResponse.text(spec.id(), "simulated " + spec.model(), new Usage(10, 2));
            }
        };
        var cache = new InMemoryResponseCache();
        Budget budget = Budget.unlimited();
        var registry = ModelRegistry.standard(NONE).register("sim", sim);
        ChatModel m = registry.resolve("sim/risky", ModelOptions.builder().cache(cache).budget(budget).build());

        ChatResponse first = m.chat(ChatRequest.of(CallRole.AGENT, Decoding.temperature(0), List.of(ChatMessage.user("x"))));
        ChatResponse second = m.chat(ChatRequest.of(CallRole.AGENT, Decoding.temperature(0), List.of(ChatMessage.user("x"))));

        assertThat(registry.providers()).contains("sim");
        assertThat(m.simulated()).isTrue();
        assertThat(first.text()).isEqualTo("simulated risky");
        assertThat(first.warnings()).isEmpty();
        assertThat(second.cached()).isTrue();
        assertThat(budget.totals(CallRole.AGENT).calls()).isEqualTo(2);
    }
}
