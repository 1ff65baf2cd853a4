/*
 * button-led — the LED follows the button: on while it is pressed, off when released.
 * Waits for edges (no polling loop), so it uses no CPU while nothing happens.
 * Usage: button-led   (runs until stopped)
 */
#include <stdio.h>
#include <stdlib.h>

#include "skiff_gpio.h"

static void fail(const char *what, int err) {
    fprintf(stderr, "button-led: %s: %s\n", what, gpio_error_name(err));
    exit(1);
}

int main(void) {
    gpio_pin_t button, led;
    gpio_watch_t edge;
    int err, pressed;
    if ((err = gpio_in_get("BUTTON", &button)) != GPIO_OK) fail("cannot get BUTTON", err);
    if ((err = gpio_out_get("LED", &led)) != GPIO_OK) fail("cannot get LED", err);
    printf("button-led: LED follows BUTTON\n");
    fflush(stdout);
    for (;;) {
        /* armed before the read, so a press between the read and the wait still wakes it */
        if ((err = gpio_watch_edge(button, &edge)) != GPIO_OK) fail("cannot watch BUTTON", err);
        if ((err = gpio_read(button, &pressed)) != GPIO_OK) fail("cannot read BUTTON", err);
        if ((err = gpio_set(led, pressed)) != GPIO_OK) fail("cannot set LED", err);
        if ((err = gpio_watch_wait(&edge, -1)) != GPIO_OK) fail("cannot wait for BUTTON", err);
    }
}
