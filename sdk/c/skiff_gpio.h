/*
 * skiff_gpio.h — GPIO for C apps in Skiff containers, without the canonical ABI.
 *
 * Wraps the core-wasm imports of wasi:gpio/digital@0.2.0 (docs/capabilities.md lists them):
 *
 *     gpio_pin_t led;
 *     if (gpio_out_get("LED", &led) == GPIO_OK) gpio_set(led, 1);
 *
 * Pins are asked for by the label the app's skiff.yaml grants (capabilities: gpio: LED: ...).
 * Every function returns GPIO_OK (0) or one of the gpio-error cases below; gpio_error_name()
 * names it. Levels are logical: 1 is the pin's active state (active-high: a high line).
 * Edge waits (gpio_wait_rising/falling/edge) block until the edge or a timeout (GPIO_TIMEOUT).
 * Header only: include it and build with clang --target=wasm32-wasi -I sdk/c.
 *
 * Through skiff_cabi.h the header defines cabi_realloc (with realloc), which wasi:io/poll's poll
 * needs to return its list: include it in one source file only, or define SKIFF_NO_CABI_REALLOC
 * where another library (e.g. wit-bindgen's output) already defines it.
 */
#ifndef SKIFF_GPIO_H
#define SKIFF_GPIO_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "skiff_cabi.h"

typedef int32_t gpio_pin_t;

/* wasi:gpio/general@0.2.0 gpio-error, numbered from 1 (its discriminant + 1) so 0 is success. */
enum gpio_error {
    GPIO_OK = 0,
    GPIO_HARDWARE_FAULT,
    GPIO_ALREADY_IN_USE,
    GPIO_PIN_NOT_ALLOWED,
    GPIO_PIN_MODE_NOT_ALLOWED,
    GPIO_UNDEFINED_PIN_LABEL,
    GPIO_PIN_MODE_NOT_AVAILABLE,
    GPIO_WOULD_BLOCK,
    GPIO_OPERATION_NOT_SUPPORTED,
    GPIO_INVALID_FLAG,
    GPIO_MISSING_FLAGS,
    GPIO_RESOURCE_INVALIDATED,
    GPIO_OTHER,
    /* not a gpio-error: a wait saw no edge within its timeout */
    GPIO_TIMEOUT
};

/* --- the raw imports; results land in a 16-byte area: tag byte at 0, payload at 4 */

#define SKIFF_GPIO_IMPORT(fn) \
    __attribute__((import_module("wasi:gpio/digital@0.2.0"), import_name(fn)))

SKIFF_GPIO_IMPORT("[static]digital-out-pin.get")
void skiff_gpio_digital_out_pin_get(const char *label, size_t label_len,
                                    const uint8_t *flags, size_t flags_len, void *ret);
SKIFF_GPIO_IMPORT("[static]digital-in-pin.get")
void skiff_gpio_digital_in_pin_get(const char *label, size_t label_len,
                                   const uint8_t *flags, size_t flags_len, void *ret);
SKIFF_GPIO_IMPORT("[method]digital-out-pin.set-state")
void skiff_gpio_digital_out_pin_set_state(gpio_pin_t self, int32_t state, void *ret);
SKIFF_GPIO_IMPORT("[method]digital-in-pin.read")
void skiff_gpio_digital_in_pin_read(gpio_pin_t self, void *ret);
SKIFF_GPIO_IMPORT("[resource-drop]digital-out-pin")
void skiff_gpio_digital_out_pin_drop(gpio_pin_t self);
SKIFF_GPIO_IMPORT("[resource-drop]digital-in-pin")
void skiff_gpio_digital_in_pin_drop(gpio_pin_t self);

SKIFF_GPIO_IMPORT("[method]digital-in-pin.watch-rising-edge")
void skiff_gpio_digital_in_pin_watch_rising_edge(gpio_pin_t self, void *ret);
SKIFF_GPIO_IMPORT("[method]digital-in-pin.watch-falling-edge")
void skiff_gpio_digital_in_pin_watch_falling_edge(gpio_pin_t self, void *ret);

/* wasi:io/poll@0.2.0 and the monotonic clock, for edge waits with a timeout */
typedef int32_t skiff_pollable_t;

typedef struct {
    uint32_t *indices; /* allocated with cabi_realloc: free() it */
    size_t len;
} skiff_poll_ready;

__attribute__((import_module("wasi:io/poll@0.2.0"), import_name("poll")))
void skiff_io_poll(const skiff_pollable_t *pollables, size_t len, skiff_poll_ready *ret);
__attribute__((import_module("wasi:io/poll@0.2.0"), import_name("[resource-drop]pollable")))
void skiff_io_pollable_drop(skiff_pollable_t self);
__attribute__((import_module("wasi:clocks/monotonic-clock@0.2.0"), import_name("subscribe-duration")))
skiff_pollable_t skiff_clock_subscribe_duration(uint64_t nanoseconds);

/* digital-flag members are bits of one byte, in WIT order; pin-state: active = 0, inactive = 1 */
#define SKIFF_GPIO_FLAG_ACTIVE_HIGH 0x01
#define SKIFF_GPIO_STATE_ACTIVE 0
#define SKIFF_GPIO_STATE_INACTIVE 1

typedef struct {
    _Alignas(4) uint8_t bytes[16];
} skiff_gpio_result;

/* GPIO_OK, or the error of an err result. */
static inline int skiff_gpio_status(const skiff_gpio_result *r) {
    return r->bytes[0] == 0 ? GPIO_OK : r->bytes[4] + 1;
}

static inline int32_t skiff_gpio_payload_i32(const skiff_gpio_result *r) {
    int32_t value;
    memcpy(&value, r->bytes + 4, sizeof value);
    return value;
}

/* --- the API */

static inline int gpio_out_get(const char *label, gpio_pin_t *pin) {
    static const uint8_t flags[] = {SKIFF_GPIO_FLAG_ACTIVE_HIGH};
    skiff_gpio_result r;
    skiff_gpio_digital_out_pin_get(label, strlen(label), flags, 1, &r);
    int status = skiff_gpio_status(&r);
    if (status == GPIO_OK) *pin = skiff_gpio_payload_i32(&r);
    return status;
}

static inline int gpio_in_get(const char *label, gpio_pin_t *pin) {
    static const uint8_t flags[] = {SKIFF_GPIO_FLAG_ACTIVE_HIGH};
    skiff_gpio_result r;
    skiff_gpio_digital_in_pin_get(label, strlen(label), flags, 1, &r);
    int status = skiff_gpio_status(&r);
    if (status == GPIO_OK) *pin = skiff_gpio_payload_i32(&r);
    return status;
}

/* level: 1 = active, 0 = inactive. May wait when the grant's max-writes-per-second is reached. */
static inline int gpio_set(gpio_pin_t pin, int level) {
    skiff_gpio_result r;
    skiff_gpio_digital_out_pin_set_state(pin, level ? SKIFF_GPIO_STATE_ACTIVE : SKIFF_GPIO_STATE_INACTIVE, &r);
    return skiff_gpio_status(&r);
}

/* *level: 1 = active, 0 = inactive. */
static inline int gpio_read(gpio_pin_t pin, int *level) {
    skiff_gpio_result r;
    skiff_gpio_digital_in_pin_read(pin, &r);
    int status = skiff_gpio_status(&r);
    if (status == GPIO_OK) *level = r.bytes[4] == SKIFF_GPIO_STATE_ACTIVE;
    return status;
}

/* An armed edge watch: edges from the moment it is armed count, so arm, read the pin, then wait,
 * and no edge falls between the read and the wait. */
typedef struct {
    skiff_pollable_t pollables[2];
    size_t count;
} gpio_watch_t;

typedef void (*skiff_gpio_watch_fn)(gpio_pin_t, void *);

static inline int skiff_gpio_arm(gpio_pin_t pin, skiff_gpio_watch_fn edge, gpio_watch_t *watch) {
    skiff_gpio_result r;
    edge(pin, &r);
    int status = skiff_gpio_status(&r);
    if (status == GPIO_OK) watch->pollables[watch->count++] = skiff_gpio_payload_i32(&r);
    return status;
}

/* Arms a watch for the pin becoming active (its rising edge, if active-high). */
static inline int gpio_watch_rising(gpio_pin_t pin, gpio_watch_t *watch) {
    watch->count = 0;
    return skiff_gpio_arm(pin, skiff_gpio_digital_in_pin_watch_rising_edge, watch);
}

/* Arms a watch for the pin becoming inactive. */
static inline int gpio_watch_falling(gpio_pin_t pin, gpio_watch_t *watch) {
    watch->count = 0;
    return skiff_gpio_arm(pin, skiff_gpio_digital_in_pin_watch_falling_edge, watch);
}

/* Arms a watch for either edge. */
static inline int gpio_watch_edge(gpio_pin_t pin, gpio_watch_t *watch) {
    int status = gpio_watch_rising(pin, watch);
    if (status == GPIO_OK) status = skiff_gpio_arm(pin, skiff_gpio_digital_in_pin_watch_falling_edge, watch);
    if (status != GPIO_OK && watch->count) skiff_io_pollable_drop(watch->pollables[--watch->count]);
    return status;
}

/* Waits for an armed watch's edge: GPIO_OK, or GPIO_TIMEOUT after timeout_ms (< 0: no timeout).
 * Either way the watch is used up. */
static inline int gpio_watch_wait(gpio_watch_t *watch, int timeout_ms) {
    skiff_pollable_t waits[3];
    size_t n = 0;
    for (; n < watch->count; n++) waits[n] = watch->pollables[n];
    if (timeout_ms >= 0) waits[n++] = skiff_clock_subscribe_duration((uint64_t)timeout_ms * 1000000u);
    skiff_poll_ready ready;
    skiff_io_poll(waits, n, &ready);
    int status = GPIO_TIMEOUT;
    for (size_t i = 0; i < ready.len; i++) {
        if (ready.indices[i] < watch->count) status = GPIO_OK;
    }
    free(ready.indices);
    for (size_t i = 0; i < n; i++) skiff_io_pollable_drop(waits[i]);
    watch->count = 0;
    return status;
}

/* Waits for the pin's next rising edge (edges before the call do not count): GPIO_OK, or
 * GPIO_TIMEOUT after timeout_ms (< 0: no timeout). */
static inline int gpio_wait_rising(gpio_pin_t pin, int timeout_ms) {
    gpio_watch_t watch;
    int status = gpio_watch_rising(pin, &watch);
    return status == GPIO_OK ? gpio_watch_wait(&watch, timeout_ms) : status;
}

/* Waits for the pin's next falling edge; as gpio_wait_rising. */
static inline int gpio_wait_falling(gpio_pin_t pin, int timeout_ms) {
    gpio_watch_t watch;
    int status = gpio_watch_falling(pin, &watch);
    return status == GPIO_OK ? gpio_watch_wait(&watch, timeout_ms) : status;
}

/* Waits for the pin's next edge either way; as gpio_wait_rising. */
static inline int gpio_wait_edge(gpio_pin_t pin, int timeout_ms) {
    gpio_watch_t watch;
    int status = gpio_watch_edge(pin, &watch);
    return status == GPIO_OK ? gpio_watch_wait(&watch, timeout_ms) : status;
}

static inline void gpio_out_release(gpio_pin_t pin) { skiff_gpio_digital_out_pin_drop(pin); }

static inline void gpio_in_release(gpio_pin_t pin) { skiff_gpio_digital_in_pin_drop(pin); }

static inline const char *gpio_error_name(int error) {
    static const char *const names[] = {
        "ok", "hardware-fault", "already-in-use", "pin-not-allowed", "pin-mode-not-allowed",
        "undefined-pin-label", "pin-mode-not-available", "would-block", "operation-not-supported",
        "invalid-flag", "missing-flags", "resource-invalidated", "other", "timeout"};
    return error >= 0 && error <= GPIO_TIMEOUT ? names[error] : "unknown gpio error";
}

#endif
