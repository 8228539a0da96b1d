package dev.impress.generate;

/** Turns a text into a unit-length vector; cosine similarity of two texts is then a dot product. */
public interface Embedder {
    /** A name for provenance, e.g. {@code all-MiniLM-L6-v2 (quantized, ONNX)}. */
    String name();

    float[] embed(String text);

    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("vectors of different sizes: " + a.length + " and " + b.length);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
