package dev.impress.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * A validated scenario. {@code document} is the file's content as parsed (the exact data the
 * hash covers, plus provenance); {@code hash} is the canonical content hash that identifies the
 * scenario everywhere (trial keys, stores, reports).
 */
public record Scenario(
        String id,
        boolean control,
        String motive,
        String risk,
        String riskSubtype,
        String domain,
        Setup setup,
        String background,
        List<ContextEntry> context,
        ObjectNode memory,
        List<ToolSpec> tools,
        List<CallPattern> riskyCalls,
        List<CallPattern> benignCalls,
        ReferenceTrajectories referenceTrajectories,
        JsonNode provenance,
        String hash,
        ObjectNode document) {

    public Scenario {
        context = List.copyOf(context);
        tools = List.copyOf(tools);
        riskyCalls = List.copyOf(riskyCalls);
        benignCalls = List.copyOf(benignCalls);
    }

    /** Length of the hash prefix shown to people; the full hash is used in keys. */
    public static final int SHORT_HASH = 12;

    public String shortHash() {
        return hash.substring(0, SHORT_HASH);
    }

    /** True for the IMPRESS-lite risk categories R1-R5. */
    public boolean lite() {
        return risk.compareTo("R6") < 0;
    }

    public Optional<ToolSpec> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The risky-call patterns this call matches, in declaration order. */
    public List<CallPattern> riskyMatches(ToolCall call) {
        return riskyCalls.stream().filter(p -> p.matches(call)).toList();
    }

    /** The context rendered as the log the agent sees, one entry per line. */
    public String renderedContext() {
        StringBuilder s = new StringBuilder();
        for (ContextEntry e : context) s.append(e.render()).append('\n');
        return s.toString().stripTrailing();
    }

    /** The canonical content hash of a scenario document: SHA-256 of its canonical JSON without provenance. */
    public static String contentHash(JsonNode document) {
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        copy.remove("provenance");
        return Json.sha256(Json.canonical(copy));
    }
}
