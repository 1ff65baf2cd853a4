package dev.skiff.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * How many devices have the new version after each wave, as counts ({@code 1}) or shares of the
 * targets ({@code 10%}), cumulative and rising: {@code 1,10%,50%,100%} is a canary, then a tenth,
 * half, everyone. The last wave always covers every target.
 */
public record WavePlan(List<String> steps) {
    public WavePlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a rollout needs at least one wave (e.g. --waves 1,10%,50%,100%)");
        }
        steps.forEach(WavePlan::checkStep);
    }

    public static WavePlan parse(String text) {
        return new WavePlan(List.of(text.split(",")).stream().map(String::strip).toList());
    }

    /** The wave (0-based) of each of {@code targets} devices, in order; waves that would add nobody are skipped. */
    public List<Integer> assign(int targets) {
        List<Integer> waveOf = new ArrayList<>(targets);
        int wave = 0;
        for (int i = 0; i < steps.size() && waveOf.size() < targets; i++) {
            int upTo = i == steps.size() - 1 ? targets : Math.min(targets, cumulative(steps.get(i), targets));
            if (upTo > waveOf.size()) {
                while (waveOf.size() < upTo) {
                    waveOf.add(wave);
                }
                wave++;
            }
        }
        return waveOf;
    }

    private static int cumulative(String step, int targets) {
        if (step.endsWith("%")) {
            double share = Double.parseDouble(step.substring(0, step.length() - 1));
            return (int) Math.ceil(targets * share / 100.0);
        }
        return Integer.parseInt(step);
    }

    private static void checkStep(String step) {
        try {
            double value = step.endsWith("%") ? Double.parseDouble(step.substring(0, step.length() - 1)) : Integer.parseInt(step);
            if (value > 0 && (!step.endsWith("%") || value <= 100)) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("wave '" + step + "' is neither a device count (1, 5) nor a share of the targets (10%, 100%)");
    }

    @Override
    public String toString() {
        return String.join(",", steps);
    }
}
