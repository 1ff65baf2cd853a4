/*
 * skiff_serial.h — serial ports for C apps in Skiff containers, without the canonical ABI.
 *
 * Wraps the core-wasm imports of skiff:serial/port@0.1.0 (docs/capabilities.md lists them):
 *
 *     serial_port_t gps;
 *     uint8_t buf[64];
 *     size_t n;
 *     if (serial_open("GPS", &gps) == SERIAL_OK &&
 *         serial_read(gps, buf, sizeof buf, 1000, &n) == SERIAL_OK) serial_write(gps, buf, n);
 *
 * Ports are opened by the name the app's skiff.yaml grants (capabilities: serial: GPS: ...);
 * baud and parity come from the grant. Every function returns SERIAL_OK (0) or one of the
 * error cases below; serial_error_name() names it.
 * Header only: include it and build with clang --target=wasm32-wasi -I sdk/c. Through
 * skiff_cabi.h it defines the module's cabi_realloc export, through which the host returns read
 * bytes: include it in one source file only, or define SKIFF_NO_CABI_REALLOC where another
 * library already defines cabi_realloc.
 */
#ifndef SKIFF_SERIAL_H
#define SKIFF_SERIAL_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "skiff_cabi.h"

typedef int32_t serial_port_t;

/* skiff:serial/port@0.1.0 error, numbered from 1 (its discriminant + 1) so 0 is success. */
enum serial_error {
    SERIAL_OK = 0,
    SERIAL_NOT_GRANTED,
    SERIAL_ALREADY_OPEN,
    SERIAL_IO,
    SERIAL_CLOSED
};

/* --- the raw imports; results land in a 12-byte area: tag byte at 0, payload at 4 */

#define SKIFF_SERIAL_IMPORT(fn) \
    __attribute__((import_module("skiff:serial/port@0.1.0"), import_name(fn)))

SKIFF_SERIAL_IMPORT("open")
void skiff_serial_open(const char *name, size_t name_len, void *ret);
SKIFF_SERIAL_IMPORT("[method]port.read")
void skiff_serial_port_read(serial_port_t self, uint32_t max, uint32_t timeout_ms, void *ret);
SKIFF_SERIAL_IMPORT("[method]port.write")
void skiff_serial_port_write(serial_port_t self, const uint8_t *bytes, size_t len, void *ret);
SKIFF_SERIAL_IMPORT("[resource-drop]port")
void skiff_serial_port_drop(serial_port_t self);

typedef struct {
    _Alignas(4) uint8_t bytes[12];
} skiff_serial_result;

/* SERIAL_OK, or the error of an err result. */
static inline int skiff_serial_status(const skiff_serial_result *r) {
    return r->bytes[0] == 0 ? SERIAL_OK : r->bytes[4] + 1;
}

static inline uint32_t skiff_serial_word(const skiff_serial_result *r, int offset) {
    uint32_t value;
    memcpy(&value, r->bytes + offset, sizeof value);
    return value;
}

/* --- the API */

static inline int serial_open(const char *name, serial_port_t *port) {
    skiff_serial_result r;
    skiff_serial_open(name, strlen(name), &r);
    int status = skiff_serial_status(&r);
    if (status == SERIAL_OK) *port = (serial_port_t)skiff_serial_word(&r, 4);
    return status;
}

/*
 * Waits up to timeout_ms for input, then copies what has arrived (at most max bytes, at most
 * 64 KiB) to buf; *n is 0 when nothing came in time.
 */
static inline int serial_read(serial_port_t port, uint8_t *buf, size_t max, uint32_t timeout_ms, size_t *n) {
    skiff_serial_result r;
    skiff_serial_port_read(port, (uint32_t)max, timeout_ms, &r);
    int status = skiff_serial_status(&r);
    if (status == SERIAL_OK) {
        uint8_t *bytes = (uint8_t *)(uintptr_t)skiff_serial_word(&r, 4);
        *n = skiff_serial_word(&r, 8);
        memcpy(buf, bytes, *n);
        free(bytes);
    }
    return status;
}

/* Writes all len bytes. */
static inline int serial_write(serial_port_t port, const uint8_t *buf, size_t len) {
    skiff_serial_result r;
    skiff_serial_port_write(port, buf, len, &r);
    return skiff_serial_status(&r);
}

static inline void serial_close(serial_port_t port) { skiff_serial_port_drop(port); }

static inline const char *serial_error_name(int error) {
    static const char *const names[] = {"ok", "not-granted", "already-open", "io", "closed"};
    return error >= 0 && error <= SERIAL_CLOSED ? names[error] : "unknown serial error";
}

#endif
