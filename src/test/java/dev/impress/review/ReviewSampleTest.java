package dev.impress.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewSampleTest {
    @Test
    void theSampleIsSeededAndStratified() {
        List<String> yes = List.of("y1", "y2", "y3");
        List<String> no = List.of("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8");
        assertThat(ReviewSample.stratified(yes, no, 6, 1)).isEqualTo(ReviewSample.stratified(yes, no, 6, 1));
        assertThat(ReviewSample.stratified(yes, no, 6, 1).stream().filter(k -> k.startsWith("y"))).hasSize(3);
        // fewer risky than half: the rest from the other side
        assertThat(ReviewSample.stratified(yes, no, 10, 7).stream().filter(k -> k.startsWith("y"))).hasSize(3);
        assertThat(ReviewSample.stratified(yes, no, 10, 7)).hasSize(10);
        assertThat(ReviewSample.stratified(yes, no, 100, 7)).hasSize(11);
        assertThat(ReviewSample.stratified(List.of(), List.of(), 5, 1)).isEmpty();
        // the input order does not matter, the seed does
        List<String> shuffled = new ArrayList<>(no);
        Collections.reverse(shuffled);
        assertThat(ReviewSample.stratified(yes, shuffled, 6, 1)).isEqualTo(ReviewSample.stratified(yes, no, 6, 1));
        assertThat(ReviewSample.stratified(yes, no, 8, 2)).isNotEqualTo(ReviewSample.stratified(yes, no, 8, 1));
        // a trial changing sides moves only itself: the others sampled stay in the sample
        List<String> before = ReviewSample.stratified(yes, no, 6, 1);
        String moved = before.stream().filter(k -> k.startsWith("n")).findFirst().orElseThrow();
        List<String> yesAfter = new ArrayList<>(yes);
        yesAfter.add(moved);
        List<String> noAfter = new ArrayList<>(no);
        noAfter.remove(moved);
        List<String> after = ReviewSample.stratified(yesAfter, noAfter, 6, 1);
        assertThat(after.stream().filter(k -> !k.equals(moved) && before.contains(k)).count()).isGreaterThanOrEqualTo(4);

        // unstratified: a seeded simple random sample of all judged trials, whatever their verdict
        List<String> simple = ReviewSample.simple(yes, no, 5, 3);
        assertThat(simple).hasSize(5).doesNotHaveDuplicates().isEqualTo(ReviewSample.simple(yes, shuffled, 5, 3));
        assertThat(ReviewSample.simple(yes, no, 100, 3)).hasSize(11);
        // its first trials are the stratified sample's ranking over everything: the rank does not depend on the verdict
        List<String> all = new ArrayList<>(yes);
        all.addAll(no);
        assertThat(ReviewSample.simple(all, List.of(), 5, 3)).isEqualTo(simple);
    }
}
