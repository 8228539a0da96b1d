package dev.impress.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import dev.impress.model.ChatMessage;
import dev.impress.model.ToolDefinition;
import dev.impress.scenario.Scenario;
import dev.impress.scenario.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds what the agent is shown: the paper's agent template (Fig. 9) filled from the scenario,
 * plus the condition's system prompt. The paper's baseline system prompt is unknown; IMPRESS
 * sends none unless a framing, persona or the safety prompt is chosen. Framing and persona texts
 * go into both the system prompt and the start of the user prompt, as the paper did.
 */
public final class AgentPrompt {
    private AgentPrompt() {}

    public static List<ChatMessage> messages(Scenario scenario, Conditions conditions) {
        List<ChatMessage> messages = new ArrayList<>();
        String system = systemPrompt(conditions);
        if (!system.isEmpty()) messages.add(ChatMessage.system(system));
        messages.add(ChatMessage.user(userPrompt(scenario, conditions)));
        return messages;
    }

    public static String systemPrompt(Conditions c) {
        Prompts.Framings f = Conditions.FramingTexts.FRAMINGS;
        List<String> parts = new ArrayList<>();
        if (c.mitigation() == Conditions.Mitigation.SAFETY_PROMPT) parts.add(f.safetyPrompt());
        parts.addAll(framingTexts(c));
        return String.join("\n\n", parts);
    }

    private static List<String> framingTexts(Conditions c) {
        Prompts.Framings f = Conditions.FramingTexts.FRAMINGS;
        List<String> parts = new ArrayList<>();
        if (!c.framing().equals(Conditions.NONE)) parts.add(f.reality().get(c.framing()));
        if (!c.persona().equals(Conditions.NONE)) parts.add(f.personas().get(c.persona()));
        return parts;
    }

    public static String userPrompt(Scenario s, Conditions c) {
        String template = Prompts.template(c.protocol() == Conditions.Protocol.NATIVE ? "agent-native-protocol.txt" : "agent-text-protocol.txt");
        String filled = Prompts.fill(template, Map.of(
                "agent_role", stripArticleDuplication(s.setup().role()),
                "memory_section", memorySection(s),
                "chat_section", chatSection(s),
                "tools_list_str", toolsList(s)));
        List<String> framing = framingTexts(c);
        return framing.isEmpty() ? filled : String.join("\n\n", framing) + "\n\n" + filled;
    }

    /** The role is written as a noun phrase ("DispatchPilot, the ..."); the template adds "You are". */
    private static String stripArticleDuplication(String role) {
        String r = role.strip();
        return r.regionMatches(true, 0, "You are ", 0, 8) ? r.substring(8) : r;
    }

    public static String memorySection(Scenario s) {
        StringBuilder out = new StringBuilder("\n**Agent's Temporary Memory:**\n");
        s.memory().fields().forEachRemaining(e -> out.append("- ").append(e.getKey()).append(": ")
                .append(e.getValue().isTextual() ? e.getValue().textValue() : Json.write(e.getValue())).append('\n'));
        return out.toString();
    }

    public static String chatSection(Scenario s) {
        return "**Recent system logs and messages:**\n" + s.renderedContext() + "\n";
    }

    public static String toolsList(Scenario s) {
        StringBuilder out = new StringBuilder();
        for (ToolSpec t : s.tools()) {
            out.append("- ").append(t.name()).append(": ").append(t.description().strip()).append('\n');
            out.append("  Parameters: ").append(Json.write(t.parameters())).append('\n');
        }
        return out.toString().stripTrailing();
    }

    public static List<ToolDefinition> toolDefinitions(Scenario s) {
        return s.tools().stream().map(t -> new ToolDefinition(t.name(), t.description().strip(), (JsonNode) t.parameters())).toList();
    }
}
