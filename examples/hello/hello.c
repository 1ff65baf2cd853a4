/*
 * hello — the smallest useful Skiff guest.
 *
 * Prints "Hello from Skiff!", then one line "arg[i]=..." per argument (argv[0]
 * is skipped), then "GREETING=<value>" if the environment variable GREETING is
 * set, then "message: <first line>" if /data/message.txt can be opened.
 * Exits with the integer in the environment variable EXIT_CODE (default 0).
 *
 * Tests use it to check argv, env, a mapped directory (/data) and exit codes
 * end to end, e.g. EXIT_CODE=3 must surface as container state exited(3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    printf("Hello from Skiff!\n");
    for (int i = 1; i < argc; i++)
        printf("arg[%d]=%s\n", i, argv[i]);

    const char *greeting = getenv("GREETING");
    if (greeting)
        printf("GREETING=%s\n", greeting);

    FILE *f = fopen("/data/message.txt", "r");
    if (f) {
        char line[1024] = "";
        if (fgets(line, sizeof line, f))
            line[strcspn(line, "\r\n")] = '\0';
        printf("message: %s\n", line);
        fclose(f);
    }

    const char *code = getenv("EXIT_CODE");
    fflush(stdout);
    return code ? atoi(code) : 0;
}
