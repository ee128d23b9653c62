/* keyprobe [NAME...]: what the calling process's session keyring is, and whether a "user"
 * key of each NAME can be reached from it. Built static into test rootfses (exec.bats):
 * busybox has no keyctl. Prints "session SERIAL DESCRIPTION", then "found NAME" or
 * "missing NAME" per argument. Raw syscalls: no libkeyutils needed. */
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define KEYCTL_GET_KEYRING_ID 0
#define KEYCTL_DESCRIBE 6
#define KEYCTL_SEARCH 10
#define KEY_SPEC_SESSION_KEYRING -3

int main(int argc, char **argv) {
    char desc[512] = "";
    long id = syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0);
    if (id >= 0 && syscall(SYS_keyctl, KEYCTL_DESCRIBE, id, desc, sizeof desc - 1) < 0) desc[0] = 0;
    /* "type;uid;gid;perm;description": the last field is the keyring's name. */
    const char *name = strrchr(desc, ';');
    printf("session %ld %s\n", id, name ? name + 1 : desc);
    for (int i = 1; i < argc; i++) {
        long key = syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, "user", argv[i], 0);
        printf("%s %s\n", key >= 0 ? "found" : "missing", argv[i]);
    }
    return 0;
}
