/*
 * membomb — hostile fixture: grows linear memory until refused.
 *
 * Usage: membomb [MAX_MIB]
 * Prints "bombing" (flushed), then repeatedly grows memory 0 by 16 pages
 * (1 MiB) with memory.grow and writes one byte into every 4 KiB of the new
 * MiB, so the host really has to commit the memory. Prints "grown_mib=N"
 * (flushed) after every 16 MiB grown. When memory.grow returns -1 it prints
 * "grow_refused_at_mib=N" (N = MiB grown successfully so far) and exits 3.
 * With MAX_MIB it stops after growing that much, prints "stopped_at_mib=N"
 * and exits 0 (a sanity check that moderate growth works).
 * Tests use it to check memory limits: the guest must see memory.grow fail
 * (or be killed) long before the host runs out of memory.
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    long max_mib = argc > 1 ? atol(argv[1]) : -1;
    printf("bombing\n");
    fflush(stdout);
    for (long mib = 0;;) {
        if (max_mib >= 0 && mib >= max_mib) {
            printf("stopped_at_mib=%ld\n", mib);
            return 0;
        }
        size_t prev = __builtin_wasm_memory_grow(0, 16);
        if (prev == (size_t)-1) {
            printf("grow_refused_at_mib=%ld\n", mib);
            fflush(stdout);
            return 3;
        }
        volatile unsigned char *p = (volatile unsigned char *)(prev * 65536);
        for (size_t off = 0; off < 16 * 65536; off += 4096)
            p[off] = (unsigned char)(off >> 12 | 1);
        mib++;
        if (mib % 16 == 0) {
            printf("grown_mib=%ld\n", mib);
            fflush(stdout);
        }
    }
}
