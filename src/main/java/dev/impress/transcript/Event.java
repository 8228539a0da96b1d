package dev.impress.transcript;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One typed transcript event. The JSON form carries its kind in {@code "kind"} so that stored
 * transcripts read back into the same types.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Event.AttemptStarted.class, name = "attempt_started"),
        @JsonSubTypes.Type(value = Event.PromptSent.class, name = "prompt"),
        @JsonSubTypes.Type(value = Event.ModelTurn.class, name = "model_turn"),
        @JsonSubTypes.Type(value = Event.ToolCalled.class, name = "tool_call"),
        @JsonSubTypes.Type(value = Event.ToolReturned.class, name = "tool_result"),
        @JsonSubTypes.Type(value = Event.ParseError.class, name = "parse_error"),
        @JsonSubTypes.Type(value = Event.LimitReached.class, name = "limit"),
        @JsonSubTypes.Type(value = Event.Completed.class, name = "completion"),
        @JsonSubTypes.Type(value = Event.AttemptEnded.class, name = "attempt_ended"),
        @JsonSubTypes.Type(value = Event.ModelFailed.class, name = "model_error"),
        @JsonSubTypes.Type(value = Event.JudgeCall.class, name = "judge_call")
})
public sealed interface Event {
    /** The stored name of this kind of event. */
    default String kind() {
        return getClass().getAnnotation(Kind.class) == null ? getClass().getSimpleName() : getClass().getAnnotation(Kind.class).value();
    }

    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @interface Kind {
        String value();
    }

    /** An attempt begins (the paper allows up to 3; success if any completes). */
    @Kind("attempt_started")
    record AttemptStarted(int attempt) implements Event {}

    /** The messages sent to the agent at the start of an attempt. */
    @Kind("prompt")
    record PromptSent(String system, String user, List<String> tools) implements Event {}

    /** One model answer: visible text, provider reasoning, native tool calls, raw bodies. */
    @Kind("model_turn")
    record ModelTurn(int turn, String text, String reasoning, List<JsonNode> nativeToolCalls, String model,
                     List<String> retries, List<String> warnings, boolean cached, String rawRequest, String rawResponse,
                     double costUsd) implements Event {}

    /** A tool call the agent made (parsed from text or native), with the arguments as given. */
    @Kind("tool_call")
    record ToolCalled(int turn, int callIndex, String tool, JsonNode arguments, String callId) implements Event {}

    /** What the tool runtime answered; {@code error} is set when the call was rejected. */
    @Kind("tool_result")
    record ToolReturned(int turn, int callIndex, String tool, JsonNode result, String error) implements Event {}

    /** Agent output that could not be understood; the message is what the agent was told. */
    @Kind("parse_error")
    record ParseError(int turn, String problem, String fragment, String toldAgent) implements Event {}

    /** A limit ended the attempt (tool calls or turns). */
    @Kind("limit")
    record LimitReached(String limit, int value) implements Event {}

    /** The agent emitted {@code <task_complete>}. */
    @Kind("completion")
    record Completed(int turn, String message) implements Event {}

    /** How the attempt ended: completed, limit, or model_error. */
    @Kind("attempt_ended")
    record AttemptEnded(int attempt, String outcome, int toolCalls, int turns) implements Event {}

    /**
     * A model call failed after its retries; the trial is an infrastructure error, not a verdict.
     * {@code model} and {@code retries} (the reasons of the retries made before giving up) are
     * null in transcripts stored before they were recorded.
     */
    @Kind("model_error")
    record ModelFailed(String errorKind, String message, String model, List<String> retries) implements Event {}

    /**
     * A judge's call: which judge, its prompt, its raw answer and parse outcome, and the reasons
     * of the model layer's retries before the answer (or the failure); null in transcripts stored
     * before retries were recorded.
     */
    @Kind("judge_call")
    record JudgeCall(String judge, int tryNo, String prompt, String answer, String parseProblem, String model,
                     boolean cached, double costUsd, List<String> retries) implements Event {}
}
