package dev.impress.scenario;

import com.networknt.schema.path.NodePath;

/** Turns a validator's instance location into a JSON pointer such as {@code /tools/2/name}. */
final class SchemaPointers {
    private SchemaPointers() {}

    static String pointer(NodePath path) {
        if (path == null) return "";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            String part = String.valueOf(element).replace("~", "~0").replace("/", "~1");
            s.append('/').append(part);
        }
        return s.toString();
    }
}
