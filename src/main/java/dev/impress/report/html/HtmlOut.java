package dev.impress.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Where report HTML goes, streamed to a writer so that a big run never needs the whole page in
 * memory. {@link #raw} is for markup this package writes itself; {@link #text} is for every
 * other string (model output, scenario fields, model names, ids): it is always escaped.
 */
public final class HtmlOut {
    private final Writer out;

    public HtmlOut(Writer out) {
        this.out = out;
    }

    public HtmlOut raw(String markup) {
        try {
            out.write(markup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public HtmlOut text(String untrusted) {
        return raw(escape(untrusted));
    }

    /** An element with escaped text content: {@code tag} and {@code attributes} are ours, {@code text} is not. */
    public HtmlOut element(String tag, String attributes, String text) {
        raw("<" + tag + (attributes == null || attributes.isEmpty() ? "" : " " + attributes) + ">");
        text(text);
        return raw("</" + tag + ">");
    }

    /**
     * The one HTML escape of the report, safe in text and in quoted attribute values. A null
     * prints as nothing.
     */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r == null && b == null) continue;
            if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (r == null) b.append(c);
            else b.append(r);
        }
        return b == null ? s : b.toString();
    }

    /**
     * JSON made safe for a {@code <script type="application/json">} block: {@code <}, {@code >}
     * and {@code &} can only occur inside JSON strings, where their unicode escapes mean the
     * same, so no {@code </script>} or comment opener can end the block early. U+2028/9 are
     * escaped for old JavaScript parsers.
     */
    public static String scriptJson(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
