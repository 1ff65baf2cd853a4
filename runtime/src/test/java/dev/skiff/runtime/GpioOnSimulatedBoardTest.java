package dev.skiff.runtime;

import dev.skiff.runtime.capability.gpio.ObservableBoard;
import dev.skiff.runtime.capability.gpio.SimulatedBoard;

/** {@link GpioContainerTest} on the simulated board. */
class GpioOnSimulatedBoardTest extends GpioContainerTest {
    @Override
    ObservableBoard newBoard() {
        return new SimulatedBoard();
    }
}
