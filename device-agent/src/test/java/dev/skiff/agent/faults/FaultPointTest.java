package dev.skiff.agent.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Arming by name. (Arming a real point would halt this JVM at the next deploy any test makes;
 * AgentCrashTest arms them in agent processes it kills.)
 */
class FaultPointTest {
    @Test
    void noValueArmsNothing() {
        assertEquals(Optional.empty(), FaultPoint.arm(null, System.out));
        assertEquals(Optional.empty(), FaultPoint.arm("", System.out));
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultPoint.arm("mid-deploy", System.out));
        assertEquals("SKIFF_AGENT_HALT_AT=mid-deploy names no fault point; the points are deploy-recorded, compiling, started, switching, switched",
                e.getMessage());
    }
}
