package dev.skiff.image.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Threads of one process share a store's file lock by queueing, instead of failing with OverlappingFileLockException. */
class ImageStoreLockTest {
    @Test
    void threadsOfOneProcessTakeTheStoreLockInTurn(@TempDir Path dir) throws Exception {
        // two handles on one directory, as the agent's API and a delivery might hold
        List<ImageStore> handles = List.of(ImageStore.open(dir), ImageStore.open(dir));
        List<Future<Long>> runs = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                ImageStore store = handles.get(i % 2);
                runs.add(threads.submit(() -> store.gc()));
            }
        }
        for (Future<Long> run : runs) {
            assertEquals(0L, run.get());
        }
    }
}
