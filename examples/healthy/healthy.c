/*
 * healthy — a long-running guest with a health-check export.
 *
 * Usage: healthy [MS [SICK_AFTER]]
 * Loops: prints "tick N", then sleeps MS milliseconds (default 100). Exports
 * `health` (no parameters, returns i32): 0 while healthy; 1 once SICK_AFTER
 * ticks have passed (default: never). The host calls it on the guest's own
 * thread while the guest sleeps in poll_oneoff, so no locking is needed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long ticks;
static long long sick_after = -1;

__attribute__((export_name("health"))) int health(void) {
    return sick_after >= 0 && ticks >= sick_after;
}

int main(int argc, char **argv) {
    long long ms = argc > 1 ? atoll(argv[1]) : 100;
    if (argc > 2)
        sick_after = atoll(argv[2]);
    if (ms < 0)
        ms = 0;
    struct timespec ts = { .tv_sec = (time_t)(ms / 1000), .tv_nsec = (long)(ms % 1000) * 1000000L };
    for (;;) {
        ticks++;
        printf("tick %lld\n", ticks);
        fflush(stdout);
        nanosleep(&ts, NULL);
    }
}
