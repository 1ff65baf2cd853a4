package dev.skiff.shim.task;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.shim.ttrpc.TtrpcException;
import org.junit.jupiter.api.Test;

class HeapBudgetTest {
    @Test
    void limitsMustFitTheHeapTogetherAndComeBackWhenAGuestEnds() throws Exception {
        HeapBudget budget = new HeapBudget(HeapBudget.RESERVE + (100L << 20));
        budget.reserve("a", 60L << 20);
        var refused = assertThrows(TtrpcException.class, () -> budget.reserve("b", 50L << 20));
        assertEquals(TtrpcException.RESOURCE_EXHAUSTED, refused.code());
        assertTrue(refused.getMessage().contains("task b: its memory limit of 50 MiB does not fit in the shim's heap (60 MiB of 100 MiB"),
                refused.getMessage());
        budget.release("a");
        assertDoesNotThrow(() -> budget.reserve("b", 50L << 20));
    }
}
