// swap A B [A2 B2 ...]: exchanges each pair of paths with renameat2(RENAME_EXCHANGE), in a
// loop until killed: the racing process of attacks.bats, which turns a mount destination
// into a symlink and back while a runtime mounts onto it. Atomic: at every moment each
// name is one of the two files, never missing.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int main(int argc, char **argv) {
    if (argc < 3 || argc % 2 == 0) {
        fprintf(stderr, "usage: swap A B [A2 B2 ...]\n");
        return 2;
    }
    for (;;) {
        for (int i = 1; i + 1 < argc; i += 2) {
            if (syscall(SYS_renameat2, AT_FDCWD, argv[i], AT_FDCWD, argv[i + 1], RENAME_EXCHANGE) != 0) {
                perror("renameat2");
                return 1;
            }
        }
    }
}
