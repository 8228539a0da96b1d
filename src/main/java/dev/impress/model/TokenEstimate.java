package dev.impress.model;

/**
 * A token count for a request before it is sent, for rate limits and budget reservations. Input:
 * one token per three characters of text, tool schemas and tool-call arguments, plus eight per
 * message for the chat template (English runs at about four characters a token, so this errs
 * high); output: the request's max tokens, or the model's default.
 */
public final class TokenEstimate {
    private TokenEstimate() {}

    public static Usage of(ChatRequest request, int defaultMaxTokens) {
        long chars = 0;
        for (ChatMessage m : request.messages()) {
            chars += m.content().length();
            for (ToolCallRequest c : m.toolCalls()) {
                chars += c.name() == null ? 0 : c.name().length();
                chars += c.rawArguments() != null ? c.rawArguments().length()
                        : c.arguments() == null ? 0 : c.arguments().toString().length();
            }
        }
        for (ToolDefinition t : request.tools()) {
            chars += t.name().length() + (t.description() == null ? 0 : t.description().length())
                    + (t.parameters() == null ? 0 : t.parameters().toString().length());
        }
        long input = (chars + 2) / 3 + 8L * request.messages().size() + 8;
        Integer max = request.decoding().maxTokens();
        long output = max != null && max > 0 ? max : defaultMaxTokens;
        return new Usage(input, output);
    }
}
