package dev.skiff.runtime.capability.poll;

import static dev.skiff.runtime.capability.ValueType.I32;

import dev.skiff.runtime.capability.GuestMemory;
import dev.skiff.runtime.capability.HostFunction;
import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.capability.GuestTrap;
import java.util.List;

/**
 * {@code wasi:io/poll@0.2.0} lowered to core wasm: pollables are i32 handles, {@code poll}
 * takes a {@code list<borrow<pollable>>} as (ptr, len) and returns its {@code list<u32>} of ready
 * indices through a return pointer, in memory the guest's {@code cabi_realloc} allocates.
 * docs/capabilities.md lists the signatures.
 */
public final class PollInterface {
    public static final String MODULE = "wasi:io/poll@0.2.0";

    /** The canonical ABI traps on a list longer than this; Skiff's limit is far lower. */
    private static final int MAX_POLL_LIST = Pollables.MAX_OPEN;
    private static final long[] NO_RESULTS = {};

    private PollInterface() {}

    public static HostModule module(Pollables pollables) {
        return new HostModule(MODULE, List.of(
                new HostFunction("[method]pollable.ready", List.of(I32), List.of(I32), (memory, args) ->
                        new long[] {pollables.ready((int) args[0]) ? 1 : 0}),
                new HostFunction("[method]pollable.block", List.of(I32), List.of(), (memory, args) -> {
                    pollables.await(new int[] {(int) args[0]}, memory);
                    return NO_RESULTS;
                }),
                new HostFunction("poll", List.of(I32, I32, I32), List.of(), (memory, args) -> {
                    poll(pollables, memory, (int) args[0], (int) args[1], (int) args[2]);
                    return NO_RESULTS;
                }),
                new HostFunction("[resource-drop]pollable", List.of(I32), List.of(), (memory, args) -> {
                    pollables.drop((int) args[0]);
                    return NO_RESULTS;
                })));
    }

    private static void poll(Pollables pollables, GuestMemory memory, int listPtr, int listLen, int ret) {
        if (listLen <= 0 || listLen > MAX_POLL_LIST) {
            throw new GuestTrap("poll needs 1 to " + MAX_POLL_LIST + " pollables, got " + listLen);
        }
        int[] handles = new int[listLen];
        for (int i = 0; i < listLen; i++) {
            handles[i] = memory.readI32(listPtr + 4 * i);
        }
        List<Integer> ready = pollables.await(handles, memory);
        int out = memory.allocate(4, 4 * ready.size());
        for (int i = 0; i < ready.size(); i++) {
            memory.writeI32(out + 4 * i, ready.get(i));
        }
        memory.writeI32(ret, out);
        memory.writeI32(ret + 4, ready.size());
    }
}
