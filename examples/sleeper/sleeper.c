/*
 * sleeper — a long-running, mostly idle guest.
 *
 * Usage: sleeper [MS [COUNT]]
 * Loops: prints "tick N" (N from 1), flushes, then sleeps MS milliseconds
 * (default 1000). With COUNT it exits 0 after the COUNT-th tick's sleep, so a
 * run takes about COUNT*MS ms. nanosleep() is implemented by wasi-libc with
 * poll_oneoff on one relative clock subscription (clock id 0 = REALTIME: this
 * wasi-libc's nanosleep/usleep use CLOCK_REALTIME, not MONOTONIC).
 *
 * Tests use it for log streaming, stop/kill (a guest blocked in poll_oneoff
 * must be interruptible), restart policies and the idle-density benchmark.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    long long ms = argc > 1 ? atoll(argv[1]) : 1000;
    long long count = argc > 2 ? atoll(argv[2]) : -1;
    if (ms < 0)
        ms = 0;
    struct timespec ts = { .tv_sec = (time_t)(ms / 1000), .tv_nsec = (long)(ms % 1000) * 1000000L };
    for (long long n = 1; count < 0 || n <= count; n++) {
        printf("tick %lld\n", n);
        fflush(stdout);
        nanosleep(&ts, NULL);
    }
    return 0;
}
