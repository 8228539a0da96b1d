package dev.impress.model;

/**
 * A chat model behind one wire format. Implementations are thread-safe: many trials call the
 * same instance concurrently. Failures are {@link ModelException}s with a {@link ModelException.Kind}.
 */
public interface ChatModel {
    /** The model as the user named it, {@code provider/model}, e.g. {@code openai/gpt-4.1}. */
    String id();

    /** True for simulated models, whose numbers must never be presented as measurements. */
    default boolean simulated() {
        return false;
    }

    ChatResponse chat(ChatRequest request);
}
