package dev.impress.cli;

/** CSV cell quoting (RFC 4180). */
final class Csv {
    private Csv() {}

    static String cell(String value) {
        if (value == null) return "";
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
