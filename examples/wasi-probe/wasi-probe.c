/*
 * wasi-probe — a multi-purpose WASI preview1 conformance probe.
 *
 * Usage: wasi-probe TEST [ARGS...]
 * The first argument selects a test. Results are printed as "key=value"
 * lines; the exit status is 0 on success, non-zero after a "FAIL: reason" line.
 *
 *   args A B C   argc=4 argv[0]=<program name> argv[1]=A argv[2]=B argv[3]=C
 *                (the selector "args" itself is not counted)
 *   env          every environment variable as env:K=V, sorted
 *   fs DIR       file ops in a mapped directory DIR (e.g. /work): create
 *                DIR/probe.txt with "0123456789", lseek(4)+read(3) -> read=456,
 *                lseek(END) -> size=10, fstat+stat -> stat.size=10 stat.isreg=1,
 *                mkdir DIR/sub, list DIR (sorted entry=NAME lines, no . and ..),
 *                rename to DIR/sub/moved.txt -> renamed=1, unlink, rmdir -> cleaned=1
 *   clock        realtime_ok=1 (CLOCK_REALTIME year >= 2024),
 *                monotonic_ok=1 (non-decreasing, advances across busy work)
 *   random       random=<hex of 32 bytes>, random_ok=1 (non-zero, two draws differ)
 *   sleep MS     slept_ms=<CLOCK_MONOTONIC measured around usleep(MS*1000)>
 *   stdin        stdin_bytes=N and stdin_upper=<stdin upper-cased, newlines kept>
 *                (a final newline is added only if stdin did not end with one)
 *   exit N       exiting=N, then exit(N) (proc_exit(N), also for N=0)
 *
 * Tests run each subcommand against Skiff's WASI and compare with node:wasi.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int fail(const char *fmt, ...) {
    va_list ap;
    int saved = errno;
    printf("FAIL: ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    if (saved)
        printf(" (errno=%d %s)", saved, strerror(saved));
    printf("\n");
    return 1;
}

static int cmpstr(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int test_args(int argc, char **argv) {
    /* The selector "args" is dropped; argv[0] (the program name as the runtime
       passed it) is kept: "wasi-probe args A B C" -> argc=4, argv[0]=wasi-probe,
       argv[1]=A, argv[2]=B, argv[3]=C. */
    printf("argc=%d\n", argc - 1);
    printf("argv[0]=%s\n", argv[0]);
    for (int i = 2; i < argc; i++)
        printf("argv[%d]=%s\n", i - 1, argv[i]);
    return 0;
}

static int test_env(void) {
    size_t n = 0;
    for (char **e = environ; e && *e; e++)
        n++;
    char **copy = malloc((n + 1) * sizeof *copy);
    if (!copy)
        return fail("malloc");
    for (size_t i = 0; i < n; i++)
        copy[i] = environ[i];
    qsort(copy, n, sizeof *copy, cmpstr);
    for (size_t i = 0; i < n; i++)
        printf("env:%s\n", copy[i]);
    printf("env_count=%zu\n", n);
    free(copy);
    return 0;
}

static int test_fs(const char *dir) {
    char path[1024], sub[1024], moved[1024];
    snprintf(path, sizeof path, "%s/probe.txt", dir);
    snprintf(sub, sizeof sub, "%s/sub", dir);
    snprintf(moved, sizeof moved, "%s/sub/moved.txt", dir);

    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return fail("open %s", path);
    if (write(fd, "0123456789", 10) != 10)
        return fail("write");
    if (lseek(fd, 4, SEEK_SET) != 4)
        return fail("lseek SEEK_SET");
    char buf[4] = {0};
    if (read(fd, buf, 3) != 3)
        return fail("read");
    printf("read=%s\n", buf);
    off_t end = lseek(fd, 0, SEEK_END);
    if (end < 0)
        return fail("lseek SEEK_END");
    printf("size=%lld\n", (long long)end);

    struct stat fst, st;
    if (fstat(fd, &fst) != 0)
        return fail("fstat");
    if (close(fd) != 0)
        return fail("close");
    if (stat(path, &st) != 0)
        return fail("stat %s", path);
    if (fst.st_size != st.st_size || S_ISREG(fst.st_mode) != S_ISREG(st.st_mode))
        return fail("fstat and stat disagree (%lld vs %lld)",
                    (long long)fst.st_size, (long long)st.st_size);
    printf("stat.size=%lld\n", (long long)st.st_size);
    printf("stat.isreg=%d\n", S_ISREG(st.st_mode) ? 1 : 0);

    if (mkdir(sub, 0755) != 0)
        return fail("mkdir %s", sub);

    DIR *d = opendir(dir);
    if (!d)
        return fail("opendir %s", dir);
    char *names[1024];
    size_t n = 0;
    struct dirent *de;
    errno = 0;
    while ((de = readdir(d)) != NULL) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        if (n < sizeof names / sizeof names[0])
            names[n++] = strdup(de->d_name);
    }
    if (errno)
        return fail("readdir");
    closedir(d);
    qsort(names, n, sizeof names[0], cmpstr);
    for (size_t i = 0; i < n; i++) {
        printf("entry=%s\n", names[i]);
        free(names[i]);
    }

    if (rename(path, moved) != 0)
        return fail("rename %s -> %s", path, moved);
    if (stat(moved, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != 10)
        return fail("moved file not found at %s", moved);
    errno = 0;
    if (stat(path, &st) == 0)
        return fail("%s still exists after rename", path);
    printf("renamed=1\n");

    if (unlink(moved) != 0)
        return fail("unlink %s", moved);
    if (rmdir(sub) != 0)
        return fail("rmdir %s", sub);
    errno = 0;
    if (stat(sub, &st) == 0)
        return fail("%s still exists after rmdir", sub);
    printf("cleaned=1\n");
    return 0;
}

static long long ns(clockid_t clk) {
    struct timespec ts;
    if (clock_gettime(clk, &ts) != 0)
        return -1;
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int test_clock(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
        return fail("clock_gettime(CLOCK_REALTIME)");
    time_t secs = ts.tv_sec;
    struct tm tm;
    if (!gmtime_r(&secs, &tm))
        return fail("gmtime");
    int year = tm.tm_year + 1900;
    printf("realtime_year=%d\n", year);
    if (year < 2024)
        return fail("CLOCK_REALTIME year %d < 2024", year);
    printf("realtime_ok=1\n");

    long long a = ns(CLOCK_MONOTONIC);
    long long b = ns(CLOCK_MONOTONIC);
    if (a < 0 || b < 0)
        return fail("clock_gettime(CLOCK_MONOTONIC)");
    if (b < a)
        return fail("CLOCK_MONOTONIC went backwards: %lld then %lld", a, b);
    volatile unsigned long spin = 0;
    long long c = b;
    /* busy work until the clock moves (bounded: ~1e9 iterations at most) */
    for (int round = 0; round < 1000 && c <= b; round++) {
        for (int i = 0; i < 1000000; i++)
            spin++;
        c = ns(CLOCK_MONOTONIC);
    }
    if (c <= b)
        return fail("CLOCK_MONOTONIC did not advance across busy work");
    printf("monotonic_ok=1\n");
    return 0;
}

static int test_random(void) {
    unsigned char a[32], b[32];
    if (getentropy(a, sizeof a) != 0 || getentropy(b, sizeof b) != 0)
        return fail("getentropy");
    int nonzero = 0;
    for (size_t i = 0; i < sizeof a; i++)
        nonzero |= a[i];
    printf("random=");
    for (size_t i = 0; i < sizeof a; i++)
        printf("%02x", a[i]);
    printf("\n");
    if (!nonzero)
        return fail("random bytes are all zero");
    if (memcmp(a, b, sizeof a) == 0)
        return fail("two random draws are equal");
    printf("random_ok=1\n");
    return 0;
}

static int test_sleep(const char *arg) {
    long long ms = atoll(arg);
    if (ms < 0)
        return fail("negative sleep");
    long long t0 = ns(CLOCK_MONOTONIC);
    usleep((useconds_t)(ms * 1000));
    long long t1 = ns(CLOCK_MONOTONIC);
    printf("slept_ms=%lld\n", (t1 - t0) / 1000000LL);
    return 0;
}

static int test_stdin(void) {
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return fail("malloc");
    for (;;) {
        if (len == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb)
                return fail("realloc");
            buf = nb;
        }
        ssize_t r = read(0, buf + len, cap - len);
        if (r < 0)
            return fail("read stdin");
        if (r == 0)
            break;
        len += (size_t)r;
    }
    for (size_t i = 0; i < len; i++)
        buf[i] = (char)toupper((unsigned char)buf[i]);
    printf("stdin_bytes=%zu\n", len);
    printf("stdin_upper=");
    fwrite(buf, 1, len, stdout);
    if (len == 0 || buf[len - 1] != '\n')
        printf("\n");
    free(buf);
    return 0;
}

static int test_exit(const char *arg) {
    int code = atoi(arg);
    printf("exiting=%d\n", code);
    fflush(stdout);
    exit(code);
}

int main(int argc, char **argv) {
    const char *test = argc > 1 ? argv[1] : "";
    int rc;
    if (!strcmp(test, "args"))
        rc = test_args(argc, argv);
    else if (!strcmp(test, "env"))
        rc = test_env();
    else if (!strcmp(test, "fs") && argc > 2)
        rc = test_fs(argv[2]);
    else if (!strcmp(test, "clock"))
        rc = test_clock();
    else if (!strcmp(test, "random"))
        rc = test_random();
    else if (!strcmp(test, "sleep") && argc > 2)
        rc = test_sleep(argv[2]);
    else if (!strcmp(test, "stdin"))
        rc = test_stdin();
    else if (!strcmp(test, "exit") && argc > 2)
        rc = test_exit(argv[2]);
    else {
        printf("FAIL: usage: wasi-probe args|env|fs DIR|clock|random|sleep MS|stdin|exit N\n");
        rc = 2;
    }
    fflush(stdout);
    return rc;
}
