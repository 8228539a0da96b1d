package dev.impress.cli;

/** CSV cell quoting (RFC 4180): the report package's, so that every CSV quotes alike. */
final class Csv {
    private Csv() {}

    static String cell(String value) {
        return dev.impress.report.Csv.cell(value);
    }
}
