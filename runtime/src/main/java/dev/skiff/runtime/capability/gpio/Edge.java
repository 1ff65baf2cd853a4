package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.GpioGrant.Level;

/** A change of a line's physical level. */
enum Edge {
    RISING,
    FALLING;

    static Edge to(Level level) {
        return level == Level.HIGH ? RISING : FALLING;
    }

    /** The physical edge of a logical one: an active-low pin becomes active on a falling line. */
    Edge physical(boolean activeLow) {
        return activeLow ? (this == RISING ? FALLING : RISING) : this;
    }
}
