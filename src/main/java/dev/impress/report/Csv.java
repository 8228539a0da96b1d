package dev.impress.report;

/** CSV cell quoting (RFC 4180), shared by every CSV IMPRESS writes. */
public final class Csv {
    private Csv() {}

    public static String cell(String value) {
        if (value == null) return "";
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
