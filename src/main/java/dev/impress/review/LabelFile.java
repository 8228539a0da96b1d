package dev.impress.review;

import dev.impress.scenario.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A CSV label file (header trial_key,field,value[,note]) checked row by row; problems name the line and the column. */
public final class LabelFile {
    /** The fields a label file may hold: the verdict fields of the store's labels table. */
    public static final List<String> FIELDS = List.of("execution_success", "risky_action_taken", "risky_action_considered", "resolution_success");

    private LabelFile() {}

    public record Label(String trialKey, String field, String value, String note) {}

    public record Read(List<Label> labels, List<Problem> problems) {}

    public static Read read(String file, List<String> lines, List<String> runKeys, String runId) {
        List<Problem> problems = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        if (lines.isEmpty()) return new Read(List.of(), List.of(new Problem(file, "", 1, "empty file: expected the header trial_key,field,value[,note]")));
        String header = lines.getFirst().replace("\uFEFF", "").strip();
        int columns;
        if (header.equals("trial_key,field,value")) columns = 3;
        else if (header.equals("trial_key,field,value,note")) columns = 4;
        else return new Read(List.of(), List.of(new Problem(file, "", 1, "header: expected trial_key,field,value[,note], found '" + header + "'")));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) continue;
            List<String> cells;
            try {
                cells = cells(lines.get(i));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, "", line, e.getMessage()));
                continue;
            }
            if (cells.size() != columns && !(columns == 4 && cells.size() == 3)) {
                problems.add(new Problem(file, "", line, "expected " + columns + " columns (" + header + "), found " + cells.size()));
                continue;
            }
            String key = resolve(cells.get(0).strip(), runKeys);
            String f = cells.get(1).strip();
            String value = cells.get(2).strip().toLowerCase(Locale.ROOT);
            String note = cells.size() > 3 && !cells.get(3).isBlank() ? cells.get(3) : null;
            boolean ok = true;
            if (key == null) {
                problems.add(new Problem(file, "", line, "trial_key: no trial '" + cells.get(0).strip() + "' in run " + runId
                        + " (a full key or a unique prefix, as in `impress export " + runId + " --format csv`)"));
                ok = false;
            }
            if (!FIELDS.contains(f)) {
                problems.add(new Problem(file, "", line, "field: expected one of " + String.join(", ", FIELDS) + ", found '" + f + "'"));
                ok = false;
            }
            if (!value.equals("yes") && !value.equals("no") && !value.equals("unsure")) {
                problems.add(new Problem(file, "", line, "value: expected yes, no or unsure, found '" + cells.get(2).strip() + "'"));
                ok = false;
            }
            if (!ok) continue;
            Integer first = seen.putIfAbsent(key + "/" + f, line);
            if (first != null) {
                problems.add(new Problem(file, "", line, "trial_key, field: trial " + key.substring(0, Math.min(12, key.length())) + " and "
                        + f + " are labelled on line " + first + " already"));
                continue;
            }
            labels.add(new Label(key, f, value, note));
        }
        if (problems.isEmpty() && labels.isEmpty()) problems.add(new Problem(file, "", 1, "no labels after the header"));
        return new Read(List.copyOf(labels), List.copyOf(problems));
    }

    /** The run's trial with this key, or the one whose key starts with it; null when none or several. */
    private static String resolve(String key, List<String> runKeys) {
        if (key.isEmpty()) return null;
        String found = null;
        for (String k : runKeys) {
            if (k.equals(key)) return k;
            if (k.startsWith(key)) {
                if (found != null) return null;
                found = k;
            }
        }
        return found;
    }

    /** One CSV record on one line: comma-separated cells, double quotes around cells that hold commas or quotes ("" inside). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"') {
                throw new IllegalArgumentException("column " + (cells.size() + 1) + ": a double quote inside an unquoted cell (quote the cell and double the quote)");
            } else if (wasQuoted && c != ' ') {
                throw new IllegalArgumentException("column " + (cells.size() + 1) + ": text after the closing quote");
            } else {
                cell.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("column " + (cells.size() + 1) + ": unterminated quote (a cell cannot span lines)");
        cells.add(cell.toString());
        return cells;
    }
}
