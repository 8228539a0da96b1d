package dev.impress.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** A tool's compiled parameter schema; validates arguments the way a real tool server would. */
public final class ArgumentSchema {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Schema schema;

    private ArgumentSchema(Schema schema) {
        this.schema = schema;
    }

    /** Compiles a parameter schema; throws IllegalArgumentException with the reason if invalid. */
    public static ArgumentSchema compile(JsonNode parameters) {
        try {
            Schema schema = REGISTRY.getSchema(parameters);
            schema.initializeValidators();
            return new ArgumentSchema(schema);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid JSON Schema: " + e.getMessage(), e);
        }
    }

    /** Readable problems with the arguments, each naming the argument; empty when valid. */
    public List<String> check(JsonNode args) {
        return schema.validate(args).stream().map(ArgumentSchema::describe).toList();
    }

    static String describe(Error error) {
        String where = SchemaPointers.pointer(error.getInstanceLocation());
        String message = error.getMessage();
        // networknt prefixes messages with the instance location already ("/x: ..."): keep one.
        if (!where.isEmpty() && message.startsWith(where + ":")) return message;
        return where.isEmpty() ? message : where + ": " + message;
    }
}
