/*
 * escape — hostile fixture: tries to read and write outside its mapped dir.
 *
 * Usage: escape DIR
 * DIR is the guest path of a mapped host directory. Before running, the test
 * creates a secret.txt next to the mapped directory (in its parent) and, inside it:
 *   DIR/link-to-secret      -> symlink to that secret file outside DIR
 *   DIR/link-to-etc         -> symlink to /etc
 *   DIR/link-to-outside-dir -> symlink to a directory outside DIR
 * One line per attempt, in this order:
 *   dotdot=...            open DIR/../secret.txt
 *   dotdot_deep=...       open DIR/a/../../secret.txt
 *   absolute=...          open /secret.txt
 *   abs_etc=...           open /etc/passwd
 *   symlink_file=...      open DIR/link-to-secret
 *   symlink_dir=...       open DIR/link-to-etc/passwd
 *   symlink_dir_list=...  opendir DIR/link-to-etc
 *   write_symlink=...     fopen DIR/link-to-outside-dir/pwned.txt for writing
 * Each value is "BLOCKED errno=<n>" or, if the attempt worked, "READ <first
 * line>" (reads), "LISTED <number of entries without . and ..>" (opendir) or
 * "WROTE" (write; the file then contains "pwned"). errno numbers are WASI's
 * (e.g. ENOENT=44, EPERM=63, ENOTCAPABLE=76). Always exits 0; the test
 * decides: every attempt must be BLOCKED.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static void try_read(const char *name, const char *path) {
    errno = 0;
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("%s=BLOCKED errno=%d\n", name, errno);
        return;
    }
    char line[512] = "";
    if (!fgets(line, sizeof line, f) && ferror(f)) {
        printf("%s=BLOCKED errno=%d\n", name, errno);  /* e.g. opened a directory */
        fclose(f);
        return;
    }
    line[strcspn(line, "\r\n")] = '\0';
    printf("%s=READ %s\n", name, line);
    fclose(f);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        printf("FAIL: usage: escape DIR\n");
        return 0;
    }
    const char *dir = argv[1];
    char path[1024];

    snprintf(path, sizeof path, "%s/../secret.txt", dir);
    try_read("dotdot", path);
    snprintf(path, sizeof path, "%s/a/../../secret.txt", dir);
    try_read("dotdot_deep", path);
    try_read("absolute", "/secret.txt");
    try_read("abs_etc", "/etc/passwd");
    snprintf(path, sizeof path, "%s/link-to-secret", dir);
    try_read("symlink_file", path);
    snprintf(path, sizeof path, "%s/link-to-etc/passwd", dir);
    try_read("symlink_dir", path);

    snprintf(path, sizeof path, "%s/link-to-etc", dir);
    errno = 0;
    DIR *d = opendir(path);
    if (!d) {
        printf("symlink_dir_list=BLOCKED errno=%d\n", errno);
    } else {
        long n = 0;
        struct dirent *de;
        errno = 0;
        while ((de = readdir(d)) != NULL)
            if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
                n++;
        if (errno && n == 0)
            printf("symlink_dir_list=BLOCKED errno=%d\n", errno);
        else
            printf("symlink_dir_list=LISTED %ld\n", n);
        closedir(d);
    }

    snprintf(path, sizeof path, "%s/link-to-outside-dir/pwned.txt", dir);
    errno = 0;
    FILE *f = fopen(path, "w");
    if (!f) {
        printf("write_symlink=BLOCKED errno=%d\n", errno);
    } else {
        int ok = fputs("pwned\n", f) >= 0;
        int e = errno;
        ok = (fclose(f) == 0) && ok;
        if (ok)
            printf("write_symlink=WROTE\n");
        else
            printf("write_symlink=BLOCKED errno=%d\n", e ? e : errno);
    }
    return 0;
}
