/*
 * uart-echo: writes back every byte that arrives on the serial port granted as UART.
 *
 *     uart-echo [BYTES]    stop after echoing BYTES bytes (default: run until stopped)
 *
 * Exit codes: 0 done, 1 bad arguments, 2 cannot open the port, 3 a read or write failed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "skiff_serial.h"

int main(int argc, char **argv) {
    long limit = -1;
    if (argc > 2 || (argc == 2 && (limit = strtol(argv[1], NULL, 10)) <= 0)) {
        fprintf(stderr, "usage: uart-echo [BYTES]\n");
        return 1;
    }
    serial_port_t uart;
    int status = serial_open("UART", &uart);
    if (status != SERIAL_OK) {
        fprintf(stderr, "uart-echo: cannot open UART: %s\n", serial_error_name(status));
        return 2;
    }
    fprintf(stderr, "uart-echo: echoing UART\n");
    long echoed = 0;
    uint8_t buf[256];
    while (limit < 0 || echoed < limit) {
        size_t n;
        status = serial_read(uart, buf, sizeof buf, 1000, &n);
        if (status == SERIAL_OK && n > 0) status = serial_write(uart, buf, n);
        if (status != SERIAL_OK) {
            fprintf(stderr, "uart-echo: %s\n", serial_error_name(status));
            return 3;
        }
        echoed += (long)n;
    }
    serial_close(uart);
    fprintf(stderr, "uart-echo: echoed %ld bytes\n", echoed);
    return 0;
}
