package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.GpioGrant;

/** A physical line: an offset on a GPIO chip. */
public record GpioLine(String chip, int line) {

    public static GpioLine of(GpioGrant grant) {
        return new GpioLine(grant.chip(), grant.line());
    }

    /** {@code GPIO17} on the default chip (the Pi's BCM numbering), else {@code gpiochip1/3}. */
    @Override
    public String toString() {
        return chip.equals(GpioGrant.DEFAULT_CHIP) ? "GPIO" + line : chip + "/" + line;
    }
}
