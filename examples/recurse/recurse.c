/*
 * recurse — hostile fixture: unbounded non-tail recursion.
 *
 * Usage: recurse [MAX_DEPTH]
 * Prints "recursing" (flushed), then recurses. Each frame keeps a volatile
 * 64-byte local array (on the C stack in linear memory) and uses the callee's
 * result after the call, so the optimizer can neither remove the recursion nor
 * turn it into a loop. Without MAX_DEPTH the recursion never ends: the engine
 * must stop it (stack overflow -> trap) and report a failure; "depth=..." is
 * printed only if it ever returned, which is never expected. With MAX_DEPTH it
 * recurses exactly that deep, prints "depth_reached=N" and exits 0 (to check
 * that a sane depth works).
 * Built with an 8 MiB C stack placed first in memory (see build.sh), so the
 * engine's own call stack is what runs out, and a C-stack overflow would trap
 * out of bounds instead of corrupting static data.
 */
#include <stdio.h>
#include <stdlib.h>

static long max_depth = -1;

__attribute__((noinline)) static unsigned long recurse(long depth) {
    volatile unsigned char frame[64];
    for (int i = 0; i < 64; i++)
        frame[i] = (unsigned char)(depth + i);
    if (depth == max_depth)
        return (unsigned long)depth;
    unsigned long below = recurse(depth + 1);
    /* uses both the callee's result and this frame after the call */
    return below + frame[depth & 63] - (unsigned char)(depth + (depth & 63));
}

int main(int argc, char **argv) {
    if (argc > 1)
        max_depth = atol(argv[1]);
    printf("recursing\n");
    fflush(stdout);
    unsigned long depth = recurse(1);
    if (argc > 1)
        printf("depth_reached=%lu\n", depth);
    else
        printf("depth=%lu\n", depth);
    return 0;
}
