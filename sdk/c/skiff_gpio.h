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
 * Header only: include it and build with clang --target=wasm32-wasi -I sdk/c.
 */
#ifndef SKIFF_GPIO_H
#define SKIFF_GPIO_H

#include <stdint.h>
#include <string.h>

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
    GPIO_OTHER
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

static inline void gpio_out_release(gpio_pin_t pin) { skiff_gpio_digital_out_pin_drop(pin); }

static inline void gpio_in_release(gpio_pin_t pin) { skiff_gpio_digital_in_pin_drop(pin); }

static inline const char *gpio_error_name(int error) {
    static const char *const names[] = {
        "ok", "hardware-fault", "already-in-use", "pin-not-allowed", "pin-mode-not-allowed",
        "undefined-pin-label", "pin-mode-not-available", "would-block", "operation-not-supported",
        "invalid-flag", "missing-flags", "resource-invalidated", "other"};
    return error >= 0 && error <= GPIO_OTHER ? names[error] : "unknown gpio error";
}

#endif
