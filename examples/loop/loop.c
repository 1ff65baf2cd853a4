/*
 * loop — hostile fixture: spins forever in pure compute.
 *
 * Prints "looping" (flushed), then increments a volatile counter forever:
 * no calls, no host functions, no memory growth. Only an engine-level
 * interrupt (Thread.interrupt() / the CPU-time watchdog) can stop it.
 * Tests start it, wait for "looping", then check stop/kill and CPU limits.
 */
#include <stdio.h>

int main(void) {
    printf("looping\n");
    fflush(stdout);
    volatile unsigned long counter = 0;
    for (;;)
        counter++;
}
