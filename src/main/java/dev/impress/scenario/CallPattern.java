package dev.impress.scenario;

/** A tool name plus argument conditions: the shape of a risky (or benign) tool call. */
public record CallPattern(String tool, ArgConditions args) {
    public boolean matches(ToolCall call) {
        return tool.equals(call.tool()) && args.test(call.args());
    }

    public String describe() {
        return tool + "(" + args.describe() + ")";
    }
}
