/*
 * fannkuch — CPU benchmark: fannkuch-redux (Computer Language Benchmarks Game),
 * small-integer array permutations and reversals.
 *
 * Usage: fannkuch [N [ROUNDS]]   (defaults N=10 ROUNDS=3, 3 <= N <= 12)
 * Visits all N! permutations of 0..N-1 in the Benchmarks Game order, ROUNDS
 * times (N=11 would be 12x the work of N=10, so ROUNDS tunes the run time),
 * and prints one deterministic line with the checksum and the maximum number
 * of flips (the same for every round; a mismatch prints FAIL and exits 1):
 *   fannkuch: <checksum> <maxflips>
 * (N=7 gives "228 16", N=10 gives "73196 38".) The benchmark (bench/) runs the
 * same .wasm under node and Skiff; tests compare the line. No calls in the
 * hot loop.
 */
#include <stdio.h>
#include <stdlib.h>

static void fannkuch(int n, long *checksum_out, int *maxflips_out) {
    int perm[16], perm1[16], count[16];
    int maxflips = 0, r = n;
    long checksum = 0, permcount = 0;

    for (int i = 0; i < n; i++)
        perm1[i] = i;
    for (;;) {
        for (; r != 1; r--)
            count[r - 1] = r;

        for (int i = 0; i < n; i++)
            perm[i] = perm1[i];
        int flips = 0;
        for (int k = perm[0]; k != 0; k = perm[0]) {   /* flip the first k+1 */
            for (int i = 0, j = k; i < j; i++, j--) {
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            flips++;
        }
        if (flips > maxflips)
            maxflips = flips;
        checksum += (permcount % 2 == 0) ? flips : -flips;

        for (;;) {                                     /* next permutation */
            if (r == n) {
                *checksum_out = checksum;
                *maxflips_out = maxflips;
                return;
            }
            int perm0 = perm1[0];
            for (int i = 0; i < r; i++)
                perm1[i] = perm1[i + 1];
            perm1[r] = perm0;
            if (--count[r] > 0)
                break;
            r++;
        }
        permcount++;
    }
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10;
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    if (n < 3 || n > 12 || rounds < 1) {
        printf("FAIL: N must be between 3 and 12, ROUNDS at least 1\n");
        return 1;
    }
    volatile int vn = n;        /* keeps the compiler from merging the rounds */
    long checksum = 0;
    int maxflips = 0;
    for (int round = 0; round < rounds; round++) {
        long c;
        int m;
        fannkuch(vn, &c, &m);
        if (round > 0 && (c != checksum || m != maxflips)) {
            printf("FAIL: round %d gave %ld %d, round 0 gave %ld %d\n", round, c, m, checksum, maxflips);
            return 1;
        }
        checksum = c;
        maxflips = m;
    }
    printf("fannkuch: %ld %d\n", checksum, maxflips);
    return 0;
}
