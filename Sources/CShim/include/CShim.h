// Thin wrappers for what Swift cannot call directly: raw syscalls without a glibc
// wrapper, GNU-only functions hidden from Swift's Glibc module (_GNU_SOURCE), variadic
// calls (prctl, ioctl, fcntl) and CMSG macros. Each wrapper is one call; no policy here.
#ifndef STRATA_CSHIM_H
#define STRATA_CSHIM_H
#include <sys/types.h>
#include <stdint.h>
#include <stddef.h>

/// fork-like clone(2) with namespace flags: returns 0 in the child, the pid in the parent.
pid_t strata_clone(uint64_t flags);
int strata_unshare(int flags);
int strata_setns(int fd, int nstype);
int strata_pivot_root(const char *new_root, const char *put_old);
int strata_pipe2(int fds[2], int flags);
int strata_prctl(int option, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5);
int strata_setresuid(uid_t r, uid_t e, uid_t s);
int strata_setresgid(gid_t r, gid_t e, gid_t s);
int strata_prlimit(pid_t pid, int resource, uint64_t soft, uint64_t hard);
/// capset(2) for the calling thread, version 3 (64-bit sets split in two words each).
int strata_capset(uint64_t effective, uint64_t permitted, uint64_t inheritable);
int strata_ioctl_int(int fd, unsigned long request, int value);
int strata_ioctl_ptr(int fd, unsigned long request, void *arg);
int strata_fcntl_int(int fd, int cmd, int value);
/// Marks every fd >= first close-on-exec (close_range with CLOSE_RANGE_CLOEXEC).
int strata_cloexec_from(unsigned int first);
/// openat2(2) with RESOLVE_* flags; -1/errno like open.
int strata_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve);
dev_t strata_makedev(unsigned int major, unsigned int minor);
/// Sends `len` bytes plus, when fd >= 0, that fd as SCM_RIGHTS.
ssize_t strata_send_with_fd(int sock, const void *buf, size_t len, int fd);
/// Receives into buf; a passed fd (or -1) lands in *fd_out.
ssize_t strata_recv_with_fd(int sock, void *buf, size_t len, int *fd_out);
/// signalfd(2) for a set given as a bitmask of signals 1..64.
int strata_signalfd_mask(uint64_t mask, int flags);
/// sigprocmask SIG_SETMASK with a bitmask set; the old mask is returned via *old.
int strata_sigmask_set(uint64_t mask, uint64_t *old);
int strata_memfd_create(const char *name, unsigned int flags);
int strata_gettid(void);
int strata_sethostname(const char *name, size_t len);
int strata_setdomainname(const char *name, size_t len);
/// pidfd_open(2): a pollable handle on a process, for waiting with a timeout.
int strata_pidfd_open(pid_t pid);
/// The TIOCSCTTY/TIOCGPTN/TIOCSPTLCK/TIOCSWINSZ request numbers (macros Swift cannot import).
unsigned long strata_tiocsctty(void);
unsigned long strata_tiocgptn(void);
unsigned long strata_tiocsptlck(void);
unsigned long strata_tiocswinsz(void);
unsigned long strata_tiocgwinsz(void);
/// mount_setattr(fd, "", AT_EMPTY_PATH | AT_RECURSIVE, {set, clear}): no glibc wrapper.
int strata_mount_setattr_recursive(int fd, uint64_t set, uint64_t clear);
/// The new mount API (no glibc wrappers on the glibc we target). Mounting through these
/// takes descriptors, never a path the container could swap between check and use.
/// fsopen(2): a filesystem context for `fsname`; FSOPEN_CLOEXEC is always set.
int strata_fsopen(const char *fsname);
/// fsconfig(2) FSCONFIG_SET_STRING (value non-NULL) or FSCONFIG_SET_FLAG (value NULL).
int strata_fsconfig_set(int fsfd, const char *key, const char *value);
/// fsconfig(2) FSCONFIG_CMD_CREATE: makes the superblock.
int strata_fsconfig_create(int fsfd);
/// fsmount(2) with FSMOUNT_CLOEXEC: a detached mount of the context's superblock.
int strata_fsmount(int fsfd, unsigned int attr_flags);
/// open_tree(2) with OPEN_TREE_CLOEXEC; `flags` adds OPEN_TREE_CLONE, AT_RECURSIVE, AT_EMPTY_PATH...
int strata_open_tree(int dirfd, const char *path, unsigned int flags);
/// move_mount(from_fd, "", to_fd, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH):
/// attaches the mount `from_fd` names onto the file or directory `to_fd` names.
int strata_move_mount_fds(int from_fd, int to_fd);
/// mount_setattr(fd, "", AT_EMPTY_PATH [| AT_RECURSIVE], {set, clear, propagation, 0}).
int strata_mount_setattr(int fd, int recursive, uint64_t set, uint64_t clear, uint64_t propagation);
/// fstatvfs(2) f_flag of `fd`'s mount (ST_* bits), or -1.
long strata_fd_mount_flags(int fd);
/// statfs(2) f_type of the filesystem holding `path`, or -1 (sys/vfs.h is not in Glibc's module).
long long strata_fs_magic(const char *path);
/// fstatfs(2) f_type of the filesystem holding `fd`, or -1.
long long strata_fd_fs_magic(int fd);
/// keyctl(KEYCTL_JOIN_SESSION_KEYRING, name): a new session keyring (no glibc wrapper).
long strata_join_session_keyring(const char *name);
/// keyctl(KEYCTL_SETPERM, serial, perm): a keyring's permission mask (no glibc wrapper).
long strata_keyring_setperm(int32_t serial, uint32_t perm);
/// A sealed memfd holding the exec stub (see shim.c), or -1 with errno (ENOSYS off x86-64).
int strata_exec_stub_fd(void);
/// execveat(fd, "", argv, envp, AT_EMPTY_PATH).
int strata_execveat_empty(int fd, char *const argv[], char *const envp[]);
/// bpf(2): glibc has no wrapper and syscall(2) is variadic. `attr` is a zeroed union
/// bpf_attr laid out by the caller; returns the kernel's result, or -1 with errno.
long strata_bpf(int cmd, void *attr, unsigned int size);
/// eventfd(2) with EFD_CLOEXEC | EFD_NONBLOCK: sys/eventfd.h is not in Glibc's module.
/// The fd is what cgroup v1's cgroup.event_control signals on an OOM.
int strata_eventfd_cloexec_nonblock(void);
/// seccomp(SECCOMP_SET_MODE_FILTER, flags, &{count, insns}): installs an exported BPF
/// program (8-byte sock_filter instructions). Returns the listener fd with
/// SECCOMP_FILTER_FLAG_NEW_LISTENER, else 0; -1 with errno on failure. No glibc wrapper.
int strata_seccomp_install(const void *insns, unsigned short count, unsigned int flags);
/// Whether this kernel knows a SECCOMP_FILTER_FLAG_* bit: the kernel checks flags before
/// it reads the program, so a NULL program gives EFAULT for a known flag, EINVAL otherwise.
int strata_seccomp_flag_known(unsigned int flag);
/// Drops this process's mappings of its own code segment (MADV_DONTNEED) when that is
/// safe: a static non-PIE executable, whose code pages are never written. Returns the
/// bytes released, 0 where it does not apply, -1 with errno. See shim.c.
long strata_release_code_segment(void);
/// Bytes of scratch `strata_with_stack_scratch` gives.
#define STRATA_STACK_SCRATCH_BYTES 16384
/// Calls body(context, buffer, STRATA_STACK_SCRATCH_BYTES) with that much uninitialized
/// memory on this thread's stack (see shim.c).
void strata_with_stack_scratch(void (*body)(void *context, void *buffer, size_t size), void *context);
/// renameat2(old_dir, old_name, new_dir, new_name, RENAME_NOREPLACE): fails with EEXIST
/// instead of replacing an existing target (an empty directory included). The glibc
/// wrapper is GNU-only and hidden from Swift's Glibc module.
int strata_renameat_noreplace(int old_dir, const char *old_name, int new_dir, const char *new_name);
#endif
