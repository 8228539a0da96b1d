package dev.impress.report.html;

/**
 * One section of the HTML report: an anchor id, a title for the navigation, and its body. The
 * page adds the heading (with the SIMULATED mark when the run is simulated) around the body.
 */
interface Section {
    String id();

    String title();

    /** False when the run has nothing for this section (e.g. no factor varies): left out of the page. */
    default boolean applies() {
        return true;
    }

    void write(HtmlOut out);
}
