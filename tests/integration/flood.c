/* A notification flood for the monitor tests: `flood COUNT NR [ARG]` makes syscall NR
 * COUNT times as fast as it can and prints how each call ended, e.g.
 * "calls 20000 ok 0 eperm 20000 enosys 0 other 0". Built statically by audit.bats. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: flood COUNT NR [ARG]\n");
        return 2;
    }
    long count = strtol(argv[1], NULL, 0), nr = strtol(argv[2], NULL, 0);
    long arg = argc > 3 ? strtol(argv[3], NULL, 0) : 0;
    long ok = 0, eperm = 0, enosys = 0, other = 0;
    for (long i = 0; i < count; i++) {
        if (syscall(nr, arg, 0, 0, 0, 0, 0) >= 0) ok++;
        else if (errno == EPERM) eperm++;
        else if (errno == ENOSYS) enosys++;
        else other++;
    }
    printf("calls %ld ok %ld eperm %ld enosys %ld other %ld\n", count, ok, eperm, enosys, other);
    return 0;
}
