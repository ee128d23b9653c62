#define _GNU_SOURCE
#include "CShim.h"
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/syscall.h>
#include <sys/prctl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/mman.h>
#include <sys/auxv.h>
#include <elf.h>
#include <link.h>
#include <linux/capability.h>

// The raw syscall, not glibc's clone(): that one needs a separate stack and a function,
// while the runtime wants fork semantics with namespace flags in one step. Stack 0 means
// the child runs on a copy of the parent's stack, exactly as fork does.
pid_t strata_clone(uint64_t flags) {
    return (pid_t)syscall(SYS_clone, (unsigned long)(flags | SIGCHLD), 0, NULL, NULL, 0);
}

// GNU-only declarations: not visible through Swift's Glibc module.
int strata_unshare(int flags) { return unshare(flags); }
int strata_setns(int fd, int nstype) { return setns(fd, nstype); }
int strata_pipe2(int fds[2], int flags) { return pipe2(fds, flags); }
int strata_setresuid(uid_t r, uid_t e, uid_t s) { return setresuid(r, e, s); }
int strata_setresgid(gid_t r, gid_t e, gid_t s) { return setresgid(r, e, s); }
int strata_sethostname(const char *name, size_t len) { return sethostname(name, len); }
int strata_setdomainname(const char *name, size_t len) { return setdomainname(name, len); }
int strata_memfd_create(const char *name, unsigned int flags) { return memfd_create(name, flags); }
int strata_gettid(void) { return (int)syscall(SYS_gettid); }

// No glibc wrapper for pivot_root, openat2 or close_range on every glibc we target.
int strata_pivot_root(const char *new_root, const char *put_old) {
    return (int)syscall(SYS_pivot_root, new_root, put_old);
}

struct strata_open_how { uint64_t flags; uint64_t mode; uint64_t resolve; };
int strata_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve) {
    struct strata_open_how how = { flags, mode, resolve };
    return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof(how));
}

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
int strata_cloexec_from(unsigned int first) {
    return (int)syscall(SYS_close_range, first, ~0U, CLOSE_RANGE_CLOEXEC);
}

// Variadic in libc: Swift cannot call these directly.
int strata_prctl(int option, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5) {
    return prctl(option, a2, a3, a4, a5);
}
int strata_ioctl_int(int fd, unsigned long request, int value) { return ioctl(fd, request, value); }
int strata_ioctl_ptr(int fd, unsigned long request, void *arg) { return ioctl(fd, request, arg); }
int strata_fcntl_int(int fd, int cmd, int value) { return fcntl(fd, cmd, value); }

int strata_prlimit(pid_t pid, int resource, uint64_t soft, uint64_t hard) {
    struct rlimit64 lim = { soft, hard };
    return prlimit64(pid, (enum __rlimit_resource)resource, &lim, NULL);
}

// capset has no glibc wrapper; version 3 carries 64 bits per set in two 32-bit words.
int strata_capset(uint64_t effective, uint64_t permitted, uint64_t inheritable) {
    struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct data[2];
    data[0].effective = (uint32_t)effective;   data[1].effective = (uint32_t)(effective >> 32);
    data[0].permitted = (uint32_t)permitted;   data[1].permitted = (uint32_t)(permitted >> 32);
    data[0].inheritable = (uint32_t)inheritable; data[1].inheritable = (uint32_t)(inheritable >> 32);
    return (int)syscall(SYS_capset, &header, data);
}

dev_t strata_makedev(unsigned int major, unsigned int minor) { return makedev(major, minor); }

// CMSG_* are macros: the ancillary-data layout cannot be built from Swift portably.
ssize_t strata_send_with_fd(int sock, const void *buf, size_t len, int fd) {
    struct iovec iov = { (void *)buf, len };
    union { char raw[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } control;
    struct msghdr msg;
    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (fd >= 0) {
        memset(&control, 0, sizeof(control));
        msg.msg_control = control.raw;
        msg.msg_controllen = sizeof(control.raw);
        struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
        cmsg->cmsg_level = SOL_SOCKET;
        cmsg->cmsg_type = SCM_RIGHTS;
        cmsg->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
    }
    ssize_t n;
    do { n = sendmsg(sock, &msg, MSG_NOSIGNAL); } while (n < 0 && errno == EINTR);
    return n;
}

ssize_t strata_recv_with_fd(int sock, void *buf, size_t len, int *fd_out) {
    struct iovec iov = { buf, len };
    union { char raw[CMSG_SPACE(sizeof(int) * 4)]; struct cmsghdr align; } control;
    struct msghdr msg;
    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.raw;
    msg.msg_controllen = sizeof(control.raw);
    *fd_out = -1;
    ssize_t n;
    do { n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC); } while (n < 0 && errno == EINTR);
    if (n < 0) return n;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            memcpy(fd_out, CMSG_DATA(c), sizeof(int));
            break;
        }
    }
    return n;
}

// sigset_t is opaque to Swift; a 64-bit mask covers every Linux signal number.
static void strata_fill_set(sigset_t *set, uint64_t mask) {
    sigemptyset(set);
    for (int sig = 1; sig <= 64; sig++) {
        if (mask & (1ULL << (sig - 1))) sigaddset(set, sig);
    }
}

int strata_signalfd_mask(uint64_t mask, int flags) {
    sigset_t set;
    strata_fill_set(&set, mask);
    return signalfd(-1, &set, flags);
}

int strata_sigmask_set(uint64_t mask, uint64_t *old) {
    sigset_t set, prev;
    strata_fill_set(&set, mask);
    int rc = sigprocmask(SIG_SETMASK, &set, &prev);
    if (rc == 0 && old != NULL) {
        uint64_t out = 0;
        for (int sig = 1; sig <= 64; sig++) {
            if (sigismember(&prev, sig) == 1) out |= (1ULL << (sig - 1));
        }
        *old = out;
    }
    return rc;
}

int strata_pidfd_open(pid_t pid) { return (int)syscall(SYS_pidfd_open, pid, 0); }

#include <termios.h>
unsigned long strata_tiocsctty(void) { return TIOCSCTTY; }
unsigned long strata_tiocgptn(void) { return TIOCGPTN; }
unsigned long strata_tiocsptlck(void) { return TIOCSPTLCK; }
unsigned long strata_tiocswinsz(void) { return TIOCSWINSZ; }
unsigned long strata_tiocgwinsz(void) { return TIOCGWINSZ; }

struct strata_mount_attr { uint64_t attr_set; uint64_t attr_clr; uint64_t propagation; uint64_t userns_fd; };
int strata_mount_setattr_recursive(int fd, uint64_t set, uint64_t clear) {
    struct strata_mount_attr attr = { set, clear, 0, 0 };
    return (int)syscall(SYS_mount_setattr, fd, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof(attr));
}

// The new mount API: syscalls without glibc wrappers. The constants are the kernel's
// (linux/mount.h), spelled out because that header clashes with sys/mount.h.
int strata_fsopen(const char *fsname) {
    return (int)syscall(SYS_fsopen, fsname, 1 /* FSOPEN_CLOEXEC */);
}
int strata_fsconfig_set(int fsfd, const char *key, const char *value) {
    if (value == NULL) return (int)syscall(SYS_fsconfig, fsfd, 0 /* FSCONFIG_SET_FLAG */, key, NULL, 0);
    return (int)syscall(SYS_fsconfig, fsfd, 1 /* FSCONFIG_SET_STRING */, key, value, 0);
}
int strata_fsconfig_create(int fsfd) {
    return (int)syscall(SYS_fsconfig, fsfd, 6 /* FSCONFIG_CMD_CREATE */, NULL, NULL, 0);
}
int strata_fsmount(int fsfd, unsigned int attr_flags) {
    return (int)syscall(SYS_fsmount, fsfd, 1 /* FSMOUNT_CLOEXEC */, attr_flags);
}
int strata_open_tree(int dirfd, const char *path, unsigned int flags) {
    return (int)syscall(SYS_open_tree, dirfd, path, flags | O_CLOEXEC /* OPEN_TREE_CLOEXEC */);
}
int strata_move_mount_fds(int from_fd, int to_fd) {
    return (int)syscall(SYS_move_mount, from_fd, "", to_fd, "",
                        0x4 /* MOVE_MOUNT_F_EMPTY_PATH */ | 0x40 /* MOVE_MOUNT_T_EMPTY_PATH */);
}
int strata_mount_setattr(int fd, int recursive, uint64_t set, uint64_t clear, uint64_t propagation) {
    struct strata_mount_attr attr = { set, clear, propagation, 0 };
    return (int)syscall(SYS_mount_setattr, fd, "", AT_EMPTY_PATH | (recursive ? AT_RECURSIVE : 0),
                        &attr, sizeof(attr));
}
#include <sys/statvfs.h>
long strata_fd_mount_flags(int fd) {
    struct statvfs st;
    if (fstatvfs(fd, &st) != 0) return -1;
    return (long)st.f_flag;
}

#include <sys/vfs.h>
long long strata_fs_magic(const char *path) {
    struct statfs st;
    if (statfs(path, &st) != 0) return -1;
    return (long long)st.f_type;
}

long strata_join_session_keyring(const char *name) {
    return syscall(SYS_keyctl, 1 /* KEYCTL_JOIN_SESSION_KEYRING */, name, 0, 0, 0);
}

long strata_keyring_setperm(int32_t serial, uint32_t perm) {
    return syscall(SYS_keyctl, 5 /* KEYCTL_SETPERM */, serial, perm, 0, 0);
}

/*
 * The exec stub: a 158-byte static x86-64 ELF that does execve(argv[1], &argv[2], envp)
 * and exit_group(127) if that fails. The container's init execs the user process
 * through it, from a sealed memfd: until that exec, the init's /proc/self/exe is this
 * runtime's binary on the host, and a process that re-executes /proc/self/exe (as
 * argv[0], a #! line or an ELF interpreter) would run, and could then overwrite, the host
 * binary (CVE-2019-5736). Through the stub, /proc/self/exe is the sealed memfd instead.
 *
 * Source (GNU as), built with `gcc -nostdlib -static -Wl,--build-id=none -Wl,-n
 * -Wl,-z,noseparate-code`, then cut after the LOAD segment with the section headers
 * zeroed:
 *     mov 16(%rsp), %rdi          argv[1]: the program's path
 *     lea 24(%rsp), %rsi          &argv[2]: its argv
 *     mov (%rsp), %rax            argc
 *     lea 16(%rsp,%rax,8), %rdx   envp = rsp + 8 + 8 * (argc + 1)
 *     mov $59, %eax               execve
 *     syscall
 *     mov $127, %edi
 *     mov $231, %eax              exit_group(127)
 *     syscall
 */
#if defined(__x86_64__)
static const unsigned char strata_stub_elf[] = {
    0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x3e, 0x00, 0x01, 0x00, 0x00, 0x00, 0x78, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x38, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x78, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x78, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x78, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x26, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x26, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x48, 0x8b, 0x7c, 0x24, 0x10, 0x48, 0x8d, 0x74,
    0x24, 0x18, 0x48, 0x8b, 0x04, 0x24, 0x48, 0x8d, 0x54, 0xc4, 0x10, 0xb8, 0x3b, 0x00, 0x00, 0x00,
    0x0f, 0x05, 0xbf, 0x7f, 0x00, 0x00, 0x00, 0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05,
};

int strata_exec_stub_fd(void) {
    int fd = memfd_create("strata-exec", MFD_CLOEXEC | MFD_ALLOW_SEALING | 0x0010U /* MFD_EXEC */);
    if (fd < 0 && errno == EINVAL) fd = memfd_create("strata-exec", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) return -1;
    size_t done = 0;
    while (done < sizeof(strata_stub_elf)) {
        ssize_t n = write(fd, strata_stub_elf + done, sizeof(strata_stub_elf) - done);
        if (n < 0) { if (errno == EINTR) continue; close(fd); return -1; }
        done += (size_t)n;
    }
    if (fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}
#else
int strata_exec_stub_fd(void) { errno = ENOSYS; return -1; }
#endif

int strata_execveat_empty(int fd, char *const argv[], char *const envp[]) {
    return (int)syscall(SYS_execveat, fd, "", argv, envp, AT_EMPTY_PATH);
}

// Variadic syscall(2) is out of Swift's reach; the attr layout is built in Swift
// (Sources/StrataCgroups/DeviceFilter), so this stays one call.
long strata_bpf(int cmd, void *attr, unsigned int size) {
    return syscall(SYS_bpf, cmd, attr, size);
}

// sys/eventfd.h is outside Glibc's Swift module; one call, so one wrapper.
#include <sys/eventfd.h>
int strata_eventfd_cloexec_nonblock(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

#include <linux/filter.h>
#include <linux/seccomp.h>

int strata_seccomp_install(const void *insns, unsigned short count, unsigned int flags) {
    struct sock_fprog prog = { .len = count, .filter = (struct sock_filter *)insns };
    return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
}

int strata_seccomp_flag_known(unsigned int flag) {
    long rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flag, NULL);
    return rc < 0 && errno == EFAULT;
}

long long strata_fd_fs_magic(int fd) {
    struct statfs st;
    if (fstatfs(fd, &st) != 0) return -1;
    return (long long)st.f_type;
}

// Program headers are C structures reached through the auxiliary vector and ElfW(): the
// walk stays here. The code segment (the first PT_LOAD that is executable and not
// writable) is a private file mapping. In an executable without PT_DYNAMIC (static,
// non-PIE) nothing relocates it, so no page of it was ever written: every page this
// process holds is the file's own page in the page cache, and after MADV_DONTNEED the next
// touch maps it again from there (a minor fault, no I/O). Only the process's RSS changes.
// A dynamic or PIE executable may carry text relocations (written, private pages that
// DONTNEED would throw away): there this is a no-op returning 0. (A debugger's breakpoints
// are written pages too: a traced init would lose them.)
long strata_release_code_segment(void) {
    const ElfW(Phdr) *phdr = (const ElfW(Phdr) *)getauxval(AT_PHDR);
    unsigned long count = getauxval(AT_PHNUM);
    if (phdr == NULL || count == 0) return 0;
    const ElfW(Phdr) *code = NULL;
    for (unsigned long i = 0; i < count; i++) {
        if (phdr[i].p_type == PT_DYNAMIC || phdr[i].p_type == PT_INTERP) return 0;
        if (code == NULL && phdr[i].p_type == PT_LOAD
            && (phdr[i].p_flags & PF_X) && !(phdr[i].p_flags & PF_W)) code = &phdr[i];
    }
    if (code == NULL) return 0;
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0) return 0;
    // Whole pages inside the segment only: a page shared with the next segment stays.
    uintptr_t mask = ~((uintptr_t)page - 1);
    uintptr_t start = (uintptr_t)code->p_vaddr & mask;
    uintptr_t end = (uintptr_t)(code->p_vaddr + code->p_filesz) & mask;
    if (end <= start) return 0;
    if (madvise((void *)start, end - start, MADV_DONTNEED) != 0) return -1;
    return (long)(end - start);
}

// Swift cannot give a caller uninitialized stack memory of this size: a fixed-size value it
// keeps on the stack is zero-filled first (16 KB of memset on every call), and a temporary
// allocation over 1 KB goes to the heap unless the runtime can prove the stack has room
// (fresh heap pages, a page fault each in a VM). strun reads its cache entries into this.
void strata_with_stack_scratch(void (*body)(void *context, void *buffer, size_t size), void *context) {
    unsigned char buffer[STRATA_STACK_SCRATCH_BYTES];
    body(context, buffer, sizeof buffer);
}

// RENAME_NOREPLACE is 1 (linux/fs.h); called through syscall(2) so that no glibc version
// or feature macro decides whether the wrapper exists.
int strata_renameat_noreplace(int old_dir, const char *old_name, int new_dir, const char *new_name) {
    return (int)syscall(SYS_renameat2, old_dir, old_name, new_dir, new_name, 1U);
}
