/*
 * skiff_cabi.h — the canonical ABI's allocator, shared by the Skiff SDK headers.
 *
 * Defines the module's cabi_realloc export (over realloc), through which the host places results
 * of variable size in guest memory: poll's ready list (skiff_gpio.h), read bytes
 * (skiff_serial.h). Included by those headers, once per source file; include them in one source
 * file only, or define SKIFF_NO_CABI_REALLOC where another library (e.g. wit-bindgen's output)
 * already defines cabi_realloc.
 */
#ifndef SKIFF_CABI_H
#define SKIFF_CABI_H

#include <stdlib.h>

#ifndef SKIFF_NO_CABI_REALLOC
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    (void)align; /* malloc's 16-byte alignment covers every canonical-ABI type */
    void *p = realloc(old, new_size ? new_size : 1);
    if (!p) abort();
    return p;
}
#endif

#endif
