package dev.skiff.protocols.manifest;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A {@code skiff.yaml} that cannot be used; lists every problem with its line and column. */
public final class ManifestException extends Exception {
    private static final long serialVersionUID = 1L;

    /** One problem; line and column count from 1. */
    public record Problem(int line, int column, String message) {
        @Override
        public String toString() {
            return line + ":" + column + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public ManifestException(String source, List<Problem> problems) {
        this(problems.stream()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .toList(), source);
    }

    private ManifestException(List<Problem> sorted, String source) {
        super(sorted.stream().map(p -> source + ":" + p).collect(Collectors.joining("\n")));
        this.problems = sorted;
    }

    public List<Problem> problems() {
        return problems;
    }
}
