package dev.impress.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.json.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of messy, real-world-shaped agent outputs. Each case says which calls (tool and
 * canonical arguments) must be read, whether the turn completes, and whether a problem must be
 * reported to the agent.
 */
class ToolCodeParserTest {
    record Case(String name, String output, List<String> calls, String completion, boolean problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, String output, List<String> calls, String completion, boolean problem) {
        return new Case(name, output, calls, completion, problem);
    }

    static Stream<Arguments> corpus() {
        String q = "query_deliveries{\"depot_id\":\"RTM-01\",\"week\":\"2026-W10\"}";
        return Stream.of(
                c("single call", "Let me check.\n<tool_code>{\"tool_name\": \"query_deliveries\", \"parameters\": {\"depot_id\": \"RTM-01\", \"week\": \"2026-W10\"}}</tool_code>", List.of(q), null, false),
                c("two calls in one turn", "<tool_code>{\"tool_name\": \"a\", \"parameters\": {}}</tool_code>\n<tool_code>{\"tool_name\": \"b\", \"parameters\": {\"x\": 1}}</tool_code>", List.of("a{}", "b{\"x\":1}"), null, false),
                c("completion only", "All done.\n<task_complete>Report sent with the true rate.</task_complete>", List.of(), "Report sent with the true rate.", false),
                c("call then completion", "<tool_code>{\"tool_name\":\"send\",\"parameters\":{\"to\":\"a\"}}</tool_code> <task_complete>sent</task_complete>", List.of("send{\"to\":\"a\"}"), "sent", false),
                c("code fence inside tags", "<tool_code>\n```json\n{\"tool_name\": \"a\", \"parameters\": {\"k\": \"v\"}}\n```\n</tool_code>", List.of("a{\"k\":\"v\"}"), null, false),
                c("missing closing tag at end", "<tool_code>{\"tool_name\": \"a\", \"parameters\": {\"k\": 2}}", List.of("a{\"k\":2}"), null, true),
                c("missing closing tag before next block", "<tool_code>{\"tool_name\": \"a\", \"parameters\": {}}\n<tool_code>{\"tool_name\": \"b\", \"parameters\": {}}</tool_code>", List.of("a{}", "b{}"), null, true),
                c("trailing commas", "<tool_code>{\"tool_name\": \"a\", \"parameters\": {\"k\": [1, 2,],},}</tool_code>", List.of("a{\"k\":[1,2]}"), null, false),
                c("single quotes", "<tool_code>{'tool_name': 'a', 'parameters': {'k': 'it is'}}</tool_code>", List.of("a{\"k\":\"it is\"}"), null, false),
                c("python literals", "<tool_code>{\"tool_name\": \"a\", \"parameters\": {\"force\": True, \"note\": None}}</tool_code>", List.of("a{\"force\":true,\"note\":null}"), null, false),
                c("unquoted keys", "<tool_code>{tool_name: \"a\", parameters: {k: 1}}</tool_code>", List.of("a{\"k\":1}"), null, false),
                c("name/arguments spelling", "<tool_code>{\"name\": \"a\", \"arguments\": {\"k\": 1}}</tool_code>", List.of("a{\"k\":1}"), null, false),
                c("arguments as a JSON string", "<tool_code>{\"tool_name\": \"a\", \"parameters\": \"{\\\"k\\\": 1}\"}</tool_code>", List.of("a{\"k\":1}"), null, false),
                c("array of calls in one block", "<tool_code>[{\"tool_name\": \"a\", \"parameters\": {}}, {\"tool_name\": \"b\", \"parameters\": {}}]</tool_code>", List.of("a{}", "b{}"), null, false),
                c("two objects in one block", "<tool_code>{\"tool_name\": \"a\", \"parameters\": {}}\n{\"tool_name\": \"b\", \"parameters\": {}}</tool_code>", List.of("a{}", "b{}"), null, false),
                c("upper-case tags", "<TOOL_CODE>{\"tool_name\": \"a\", \"parameters\": {}}</TOOL_CODE>", List.of("a{}"), null, false),
                c("spaces inside tags", "< tool_code >{\"tool_name\": \"a\", \"parameters\": {}}</ tool_code >", List.of("a{}"), null, false),
                c("missing parameters", "<tool_code>{\"tool_name\": \"list_files\"}</tool_code>", List.of("list_files{}"), null, false),
                c("comments in JSON", "<tool_code>{\"tool_name\": \"a\", // the tool\n \"parameters\": {\"k\": 1} /* done */}</tool_code>", List.of("a{\"k\":1}"), null, false),
                c("truncated JSON", "<tool_code>{\"tool_name\": \"a\", \"parameters\": {\"k\": \"v\"</tool_code>", List.of("a{\"k\":\"v\"}"), null, false),
                c("no tags but fenced call", "I'll query the ledger.\n```json\n{\"tool_name\": \"a\", \"parameters\": {\"k\": 1}}\n```", List.of("a{\"k\":1}"), null, true),
                c("no tags bare call", "{\"tool_name\": \"a\", \"parameters\": {\"k\": 1}}", List.of("a{\"k\":1}"), null, true),
                c("plain prose only", "I think the best course is to report the numbers honestly.", List.of(), null, false),
                c("empty output", "", List.of(), null, false),
                c("empty block", "<tool_code>   </tool_code>", List.of(), null, true),
                c("not JSON at all", "<tool_code>query_deliveries(depot_id='RTM-01')</tool_code>", List.of(), null, true),
                c("missing tool name", "<tool_code>{\"parameters\": {\"k\": 1}}</tool_code>", List.of(), null, true),
                c("parameters not an object", "<tool_code>{\"tool_name\": \"a\", \"parameters\": [1, 2]}</tool_code>", List.of(), null, true),
                c("one good one broken block", "<tool_code>{\"tool_name\": \"a\", \"parameters\": {}}</tool_code><tool_code>{oops</tool_code>", List.of("a{}"), null, true),
                c("unclosed task_complete", "<task_complete>Finished the migration and notified the team.", List.of(), "Finished the migration and notified the team.", false),
                c("stray closing tag", "</tool_code> Now: <tool_code>{\"tool_name\": \"a\", \"parameters\": {}}</tool_code>", List.of("a{}"), null, false),
                c("openai function wrapper", "<tool_code>{\"type\": \"function\", \"function\": {\"name\": \"a\", \"arguments\": \"{\\\"k\\\": 1}\"}}</tool_code>", List.of("a{\"k\":1}"), null, false),
                c("unicode and newlines in values", "<tool_code>{\"tool_name\": \"send_message\", \"parameters\": {\"text\": \"Grüße,\\nTeam — 5 €\"}}</tool_code>", List.of("send_message{\"text\":\"Grüße,\\nTeam — 5 €\"}"), null, false),
                c("json language tag without fence", "<tool_code>json\n{\"tool_name\": \"a\", \"parameters\": {}}</tool_code>", List.of("a{}"), null, false),
                c("tool name with spaces around", "<tool_code>{\"tool_name\": \"  a \", \"parameters\": {}}</tool_code>", List.of("a{}"), null, false)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsMessyOutput(Case c) {
        ParsedTurn turn = new ToolCodeParser().parse(c.output());
        assertThat(turn.calls().stream().map(call -> call.tool() + Json.canonical(call.arguments())).toList())
                .as("calls").isEqualTo(c.calls());
        assertThat(turn.completion()).as("completion").isEqualTo(c.completion());
        assertThat(!turn.problems().isEmpty()).as("problem reported: %s", turn.problems()).isEqualTo(c.problem());
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeastThirtyCases() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
    }

    @org.junit.jupiter.api.Test
    void reasoningIsTheTextOutsideTheTags() {
        ParsedTurn t = new ToolCodeParser().parse("First I check.\n<tool_code>{\"tool_name\":\"a\",\"parameters\":{}}</tool_code>\nThen report.");
        assertThat(t.reasoning()).isEqualTo("First I check.\n\nThen report.");
    }
}
