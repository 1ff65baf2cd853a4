/*
 * blinky — toggles the LED its skiff.yaml grants every TOGGLE_PERIOD_MS.
 * Usage: blinky [TOGGLES]   (no argument or 0: forever)
 * The simulated board's timeline shows the period; tests read it from this #define.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "skiff_gpio.h"

#define TOGGLE_PERIOD_MS 200

int main(int argc, char **argv) {
    long toggles = argc > 1 ? strtol(argv[1], NULL, 10) : 0;
    gpio_pin_t led;
    int err = gpio_out_get("LED", &led);
    if (err != GPIO_OK) {
        fprintf(stderr, "blinky: cannot get LED: %s\n", gpio_error_name(err));
        return 1;
    }
    printf("blinky: LED toggles every %d ms\n", TOGGLE_PERIOD_MS);
    fflush(stdout);
    const struct timespec period = {0, TOGGLE_PERIOD_MS * 1000000L};
    int on = 0;
    for (long i = 0; toggles <= 0 || i < toggles; i++) {
        on = !on;
        err = gpio_set(led, on);
        if (err != GPIO_OK) {
            fprintf(stderr, "blinky: cannot set LED: %s\n", gpio_error_name(err));
            return 1;
        }
        nanosleep(&period, NULL);
    }
    gpio_out_release(led);
    return 0;
}
