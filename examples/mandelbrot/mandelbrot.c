/*
 * mandelbrot — CPU benchmark: the Mandelbrot set bitmap (Computer Language
 * Benchmarks Game), double-precision floating point.
 *
 * Usage: mandelbrot [N]   (default 3000)
 * Computes the N x N 1-bit-per-pixel bitmap over [-1.5,0.5] x [-1,1] with 50
 * iterations per pixel, exactly like the Benchmarks Game (its PBM output would
 * be these bytes), but instead of writing the bitmap prints one deterministic
 * line with its size and an FNV-1a 64 checksum of the bitmap bytes:
 *   mandelbrot: <bytes> <fnv1a64 hex>
 * The benchmark (bench/) runs the same .wasm under node and Skiff; tests
 * compare the line. No calls in the hot loop.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 3000;
    if (n < 1) {
        printf("FAIL: N must be positive\n");
        return 1;
    }
    uint64_t hash = 0xcbf29ce484222325ULL;        /* FNV-1a 64 offset basis */
    long bytes = 0;
    for (int y = 0; y < n; y++) {
        double ci = 2.0 * y / n - 1.0;
        int bits = 0, nbits = 0;
        for (int x = 0; x < n; x++) {
            double cr = 2.0 * x / n - 1.5;
            double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
            int i = 0;
            for (; i < 50 && tr + ti <= 4.0; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
            }
            bits = (bits << 1) | (tr + ti <= 4.0);
            if (++nbits == 8 || x == n - 1) {
                bits <<= 8 - nbits;                 /* pad the row's last byte */
                hash = (hash ^ (uint8_t)bits) * 0x100000001b3ULL;
                bytes++;
                bits = 0;
                nbits = 0;
            }
        }
    }
    printf("mandelbrot: %ld %016llx\n", bytes, (unsigned long long)hash);
    return 0;
}
