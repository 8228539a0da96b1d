package dev.impress.model;

/**
 * A model as the user names it: {@code provider/model}. The provider is everything before the
 * first slash, so model names with slashes work ({@code openai-compatible/meta-llama/Llama-3.1-8B}).
 */
public record ModelSpec(String provider, String model) {
    public ModelSpec {
        if (provider == null || provider.isBlank() || model == null || model.isBlank()) {
            throw new IllegalArgumentException("a model is named provider/model");
        }
    }

    public static ModelSpec parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            throw new ModelException(ModelException.Kind.CONFIG, s.isEmpty() ? "(no model)" : s,
                    "a model is named provider/model, e.g. openai/gpt-4.1, anthropic/claude-sonnet-4-5, "
                            + "google/gemini-2.5-pro or openai-compatible/NAME");
        }
        return new ModelSpec(s.substring(0, slash).toLowerCase(java.util.Locale.ROOT), s.substring(slash + 1));
    }

    /** {@code provider/model}, the id every record and report uses. */
    public String id() {
        return provider + "/" + model;
    }

    @Override
    public String toString() {
        return id();
    }
}
