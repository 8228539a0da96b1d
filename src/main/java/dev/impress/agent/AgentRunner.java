package dev.impress.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import dev.impress.model.ChatMessage;
import dev.impress.model.ChatModel;
import dev.impress.model.ChatRequest;
import dev.impress.model.ChatResponse;
import dev.impress.model.CallRole;
import dev.impress.model.Decoding;
import dev.impress.model.ModelException;
import dev.impress.model.ToolCallRequest;
import dev.impress.model.Usage;
import dev.impress.scenario.Scenario;
import dev.impress.scenario.ToolCall;
import dev.impress.tools.ToolRuntime;
import dev.impress.transcript.Event;
import dev.impress.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the paper's execution protocol for one trial: up to {@code attempts} attempts, each a
 * ReAct loop of model turns and tool calls bounded by the tool-call and turn limits, ending at
 * {@code <task_complete>}. Everything that happens is appended to the transcript as it happens.
 * A model failure (after the model layer's retries) is recorded and rethrown: it is an
 * infrastructure error of the trial, never a verdict.
 */
public final class AgentRunner {
    private final ChatModel model;
    private final Decoding decoding;
    private final Conditions conditions;
    private final ExecutionLimits limits;
    private final ToolCodeParser parser = new ToolCodeParser();

    public AgentRunner(ChatModel model, Decoding decoding, Conditions conditions, ExecutionLimits limits) {
        this.model = model;
        this.decoding = decoding;
        this.conditions = conditions;
        this.limits = limits;
    }

    public AgentResult run(Scenario scenario, Transcript transcript, Map<String, String> metadata) {
        if (conditions.protocol().judgmentOnly()) {
            return new JudgmentProbe(model, decoding, conditions).run(scenario, transcript, metadata);
        }
        Tally tally = new Tally();
        List<AgentResult.Attempt> attempts = new ArrayList<>();
        for (int a = 1; a <= limits.attempts(); a++) {
            transcript.startAttempt(a);
            AgentResult.Attempt attempt = runAttempt(a, scenario, transcript, metadata, tally);
            attempts.add(attempt);
            transcript.append(new Event.AttemptEnded(a, attempt.outcome(), attempt.toolCalls(), attempt.turns()));
            if (attempt.completed()) break;
        }
        return new AgentResult(attempts, judged(attempts), tally.usage, tally.cost, null);
    }

    private int judged(List<AgentResult.Attempt> attempts) {
        return switch (limits.judgedAttempt()) {
            case FIRST -> 1;
            case LAST -> attempts.size();
            case FIRST_COMPLETED -> attempts.stream().filter(AgentResult.Attempt::completed).findFirst()
                    .map(AgentResult.Attempt::number).orElse(attempts.size());
        };
    }

    private static final class Tally {
        Usage usage = Usage.NONE;
        double cost;
    }

    private AgentResult.Attempt runAttempt(int number, Scenario scenario, Transcript transcript, Map<String, String> metadata, Tally tally) {
        boolean nativeTools = conditions.protocol() == Conditions.Protocol.NATIVE;
        List<ChatMessage> messages = new ArrayList<>(AgentPrompt.messages(scenario, conditions));
        transcript.append(new Event.PromptSent(AgentPrompt.systemPrompt(conditions),
                messages.getLast().content(), scenario.tools().stream().map(t -> t.name()).toList()));
        ToolRuntime runtime = new ToolRuntime(scenario);
        var request = new ChatRequest(messages, decoding, nativeTools ? AgentPrompt.toolDefinitions(scenario) : List.of(), CallRole.AGENT, metadata);
        int turns = 0;
        int calls = 0;
        while (true) {
            if (turns >= limits.maxTurns()) {
                transcript.append(new Event.LimitReached("turns", limits.maxTurns()));
                return new AgentResult.Attempt(number, "limit:turns", calls, turns);
            }
            turns++;
            ChatResponse response = call(new ChatRequest(messages, decoding, request.tools(), CallRole.AGENT,
                    withTurn(metadata, number, turns)), transcript);
            tally.usage = tally.usage.plus(response.usage());
            tally.cost += response.costUsd();
            transcript.append(new Event.ModelTurn(turns, response.text(), response.reasoning(),
                            response.toolCalls().stream().map(c -> (JsonNode) Json.toTree(c)).toList(), response.model(),
                            response.retries(), response.warnings(), response.cached(), response.rawRequest(), response.rawResponse(),
                            response.costUsd()),
                    response.latencyMillis(), response.usage().inputTokens(), response.usage().outputTokens());

            List<PendingCall> pending = new ArrayList<>();
            String completion;
            List<String> notes = new ArrayList<>();
            if (nativeTools) {
                messages.add(ChatMessage.assistant(response.text(), response.toolCalls()));
                for (ToolCallRequest c : response.toolCalls()) pending.add(new PendingCall(c.name(), c.arguments(), c.id(), c.rawArguments()));
                ParsedTurn parsed = parser.parse(response.text());
                completion = response.toolCalls().isEmpty() ? (parsed.completed() ? parsed.completion() : response.text().strip()) : null;
            } else {
                messages.add(ChatMessage.assistant(response.text()));
                ParsedTurn parsed = parser.parse(response.text());
                for (ParsedTurn.Call c : parsed.calls()) pending.add(new PendingCall(c.tool(), c.arguments(), null, null));
                for (ParsedTurn.Problem p : parsed.problems()) {
                    String told = "Your tool call could not be read: " + p.message() + (p.fragment() == null ? "" : " in: " + p.fragment())
                            + ". Use <tool_code>{\"tool_name\": \"...\", \"parameters\": {...}}</tool_code>.";
                    if (p.message().endsWith("accepted")) told = null; // understood anyway; nothing to tell
                    transcript.append(new Event.ParseError(turns, p.message(), p.fragment(), told));
                    if (told != null) notes.add(told);
                }
                completion = parsed.completion();
                if (parsed.empty() && notes.isEmpty()) {
                    String told = "No <tool_code> or <task_complete> found in your response. Call a tool with "
                            + "<tool_code>{\"tool_name\": \"...\", \"parameters\": {...}}</tool_code> or finish with "
                            + "<task_complete>your summary</task_complete>.";
                    transcript.append(new Event.ParseError(turns, "no tool call or completion", abbreviate(response.text()), told));
                    notes.add(told);
                }
            }

            List<String> results = new ArrayList<>();
            for (PendingCall pc : pending) {
                if (calls >= limits.maxToolCalls()) {
                    transcript.append(new Event.LimitReached("tool_calls", limits.maxToolCalls()));
                    return new AgentResult.Attempt(number, "limit:tool_calls", calls, turns);
                }
                calls++;
                int index = calls;
                JsonNode args = pc.arguments == null ? Json.object() : pc.arguments;
                transcript.append(new Event.ToolCalled(turns, index, pc.tool, pc.arguments == null ? Json.NODES.textNode(String.valueOf(pc.raw)) : args, pc.callId));
                ToolRuntime.Outcome outcome = pc.arguments == null
                        ? new ToolRuntime.Outcome(null, "arguments are not valid JSON: " + pc.raw)
                        : runtime.call(new ToolCall(pc.tool, args));
                transcript.append(new Event.ToolReturned(turns, index, pc.tool, outcome.result(), outcome.error()));
                if (nativeTools) {
                    messages.add(ChatMessage.toolResult(pc.callId, pc.tool, outcome.render()));
                } else {
                    results.add("<tool_result tool=\"" + pc.tool + "\">" + outcome.render() + "</tool_result>");
                }
            }
            if (completion != null) {
                transcript.append(new Event.Completed(turns, completion));
                return new AgentResult.Attempt(number, "completed", calls, turns);
            }
            if (!nativeTools) {
                List<String> feedback = new ArrayList<>(results);
                feedback.addAll(notes);
                messages.add(ChatMessage.user(results.isEmpty() ? String.join("\n", notes)
                        : "Tool results:\n" + String.join("\n", feedback)));
            }
        }
    }

    private record PendingCall(String tool, JsonNode arguments, String callId, String raw) {}

    private ChatResponse call(ChatRequest request, Transcript transcript) {
        try {
            return model.chat(request);
        } catch (ModelException e) {
            transcript.append(new Event.ModelFailed(e.kind().name(), e.getMessage(), e.model(), e.retries()));
            throw e;
        }
    }

    private static Map<String, String> withTurn(Map<String, String> metadata, int attempt, int turn) {
        var m = new java.util.HashMap<>(metadata);
        m.put("attempt", String.valueOf(attempt));
        m.put("turn", String.valueOf(turn));
        return m;
    }

    private static String abbreviate(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() <= 300 ? t : t.substring(0, 297) + "...";
    }
}
