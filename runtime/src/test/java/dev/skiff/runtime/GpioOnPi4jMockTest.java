package dev.skiff.runtime;

import dev.skiff.runtime.capability.gpio.ObservableBoard;

/** {@link GpioContainerTest} through the Pi4J backend, on Pi4J's mock plugin. */
class GpioOnPi4jMockTest extends GpioContainerTest {
    @Override
    ObservableBoard newBoard() {
        return new Pi4jMockBoard();
    }
}
