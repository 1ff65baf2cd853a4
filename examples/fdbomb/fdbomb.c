/*
 * fdbomb — hostile fixture: opens files until the host says no.
 *
 * Usage: fdbomb DIR
 * Opens DIR/f0, DIR/f1, ... with O_CREAT and never closes them. At the first
 * failure prints "opened=N", "errno=<number>" and "error=<strerror>" and exits
 * 0 if the error is EMFILE or ENFILE (a descriptor limit), 1 otherwise. After
 * 100000 successful opens it stops, prints "opened=100000" and
 * "limit_reached=0" and exits 2 (no limit enforced).
 * Tests map a scratch directory, run it and check that a per-container file
 * descriptor limit holds (and that the host is unaffected afterwards).
 * Note: wasi-libc's errno numbers are WASI's (EMFILE=33, ENFILE=41), not Linux's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        printf("FAIL: usage: fdbomb DIR\n");
        return 1;
    }
    char path[1024];
    long opened = 0;
    for (; opened < 100000; opened++) {
        snprintf(path, sizeof path, "%s/f%ld", argv[1], opened);
        int fd = open(path, O_WRONLY | O_CREAT, 0644);
        if (fd < 0) {
            int e = errno;
            printf("opened=%ld\n", opened);
            printf("errno=%d\n", e);
            printf("error=%s\n", strerror(e));
            return (e == EMFILE || e == ENFILE) ? 0 : 1;
        }
    }
    printf("opened=%ld\n", opened);
    printf("limit_reached=0\n");
    return 2;
}
