/*
 * gpio-probe — drives wasi:gpio/digital from a real guest, for tests.
 *
 * Usage: gpio-probe TEST [ARGS...]
 * Results are printed as "key=value" lines.
 *
 *   get out|in LABEL   get=<ok or the gpio-error name> for the pin of that kind
 *   toggle N           gets LED and sets it N times as fast as it can (inactive first);
 *                      toggled=N (the grant's max-writes-per-second holds it back)
 *   read               gets BUTTON, reads it once: level=0|1
 *   trap               gets LED, sets it active, then traps (unreachable)
 *   wait EDGE MS       gets BUTTON, arms a watch for EDGE (rising, falling or edge), prints
 *                      "armed" and waits up to MS ms (-1: forever): wait=ok|timeout
 *   wait-trap          gets LED and sets it active, waits for BUTTON's rising edge, then traps
 *
 * Exports `health` (returns 0): health probes are answered while the guest waits for an edge.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skiff_gpio.h"

__attribute__((export_name("health"))) int health(void) { return 0; }

/* Prints what=<gpio-error name>; returns the exit status for a failed call. */
static int failed(const char *what, int err) {
    printf("%s=%s\n", what, gpio_error_name(err));
    return 1;
}

static gpio_pin_t pin_or_exit(int (*get)(const char *, gpio_pin_t *), const char *label) {
    gpio_pin_t pin;
    int err = get(label, &pin);
    if (err != GPIO_OK) exit(failed("get", err));
    return pin;
}

/* Arms a watch on BUTTON for "rising", "falling" or "edge" and says so on stdout. */
static gpio_watch_t armed(const char *edge) {
    gpio_pin_t button = pin_or_exit(gpio_in_get, "BUTTON");
    gpio_watch_t watch;
    int err = strcmp(edge, "rising") == 0    ? gpio_watch_rising(button, &watch)
              : strcmp(edge, "falling") == 0 ? gpio_watch_falling(button, &watch)
                                             : gpio_watch_edge(button, &watch);
    if (err != GPIO_OK) exit(failed("watch", err));
    printf("armed\n");
    fflush(stdout);
    return watch;
}

int main(int argc, char **argv) {
    const char *test = argc > 1 ? argv[1] : "";
    if (strcmp(test, "get") == 0 && argc > 3) {
        gpio_pin_t pin;
        int err = strcmp(argv[2], "out") == 0 ? gpio_out_get(argv[3], &pin) : gpio_in_get(argv[3], &pin);
        printf("get=%s\n", gpio_error_name(err));
        return 0;
    }
    if (strcmp(test, "toggle") == 0 && argc > 2) {
        gpio_pin_t led = pin_or_exit(gpio_out_get, "LED");
        long n = strtol(argv[2], NULL, 10);
        for (long i = 0; i < n; i++) {
            int err = gpio_set(led, (int)(i & 1));
            if (err != GPIO_OK) return failed("set", err);
        }
        printf("toggled=%ld\n", n);
        return 0;
    }
    if (strcmp(test, "read") == 0) {
        int level;
        int err = gpio_read(pin_or_exit(gpio_in_get, "BUTTON"), &level);
        if (err != GPIO_OK) return failed("read", err);
        printf("level=%d\n", level);
        return 0;
    }
    if (strcmp(test, "trap") == 0) {
        gpio_set(pin_or_exit(gpio_out_get, "LED"), 1);
        __builtin_trap();
    }
    if (strcmp(test, "wait") == 0 && argc > 3) {
        gpio_watch_t watch = armed(argv[2]);
        int err = gpio_watch_wait(&watch, (int)strtol(argv[3], NULL, 10));
        printf("wait=%s\n", err == GPIO_OK ? "ok" : gpio_error_name(err));
        return 0;
    }
    if (strcmp(test, "wait-trap") == 0) {
        gpio_set(pin_or_exit(gpio_out_get, "LED"), 1);
        gpio_watch_t watch = armed("rising");
        gpio_watch_wait(&watch, -1);
        __builtin_trap();
    }
    fprintf(stderr, "usage: gpio-probe get out|in LABEL | toggle N | read | trap | wait EDGE MS | wait-trap\n");
    return 2;
}
