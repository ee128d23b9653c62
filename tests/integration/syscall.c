/* A raw-syscall probe for the seccomp tests: `syscall NR [ARG...]` makes syscall NR
 * with up to six integer arguments and prints "ok RET" or "errno N" (exit 0 either way),
 * so a test can see exactly what the filter answered for a number busybox never calls.
 * Built statically by seccomp.bats's setup_file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv) {
    long a[6] = {0};
    if (argc < 2) {
        fprintf(stderr, "usage: syscall NR [ARG...]\n");
        return 2;
    }
    for (int i = 2; i < argc && i < 8; i++) a[i - 2] = strtol(argv[i], NULL, 0);
    long rc = syscall(strtol(argv[1], NULL, 0), a[0], a[1], a[2], a[3], a[4], a[5]);
    if (rc < 0) printf("errno %d\n", errno);
    else printf("ok %ld\n", rc);
    return 0;
}
