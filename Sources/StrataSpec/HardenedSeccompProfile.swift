/// Strata's hardened default seccomp profile: an allow-list for x86-64 (with its 32-bit and x32 ABIs).
///
/// Namespaces, capabilities and cgroups decide what a process may touch; seccomp decides which kernel
/// entry points it may reach at all. Most kernel privilege escalations go through rarely used
/// syscalls (keyrings, BPF, perf, user namespaces, module loading, new mount API), so an untrusted
/// workload gets only the calls ordinary programs make, and every other syscall, including ones
/// added to the kernel after this list was written, fails with `EPERM`.
///
/// The shape follows the well-known container defaults, but stricter where they open things up
/// for a capability: this profile never allows new namespaces, mounts, `chroot`, tracing or
/// clock setting, whatever capabilities the container keeps.
///
/// Rules beyond the plain allow-list:
/// - `clone` is allowed only when its flags (argument 0 on x86) ask for no new namespace.
/// - `clone3` passes its flags inside a struct that seccomp cannot read, so it fails with `ENOSYS`;
///   glibc and other libcs then fall back to `clone`, which the rule above can check.
/// - `personality` is allowed only for the personas ordinary programs set or query
///   (`PER_LINUX`, `PER_LINUX32`, `UNAME26` with either, and `0xffffffff` to query).
///
/// Deliberately absent, so they fail with `EPERM`: the mount family (`mount`, `umount2`,
/// `pivot_root`, `move_mount`, `open_tree`, `fsopen`, `fsconfig`, `fsmount`, `fspick`,
/// `mount_setattr`), `unshare`, `setns`, `chroot`, `ptrace`, `process_vm_readv`/`writev`,
/// `pidfd_getfd`, `process_madvise`, `process_mrelease`, `kcmp`, kernel loading (`kexec_load`,
/// `kexec_file_load`, `init_module`, `finit_module`, `delete_module`, `create_module`,
/// `get_kernel_syms`, `query_module`), `bpf`, `perf_event_open`, keyrings (`keyctl`, `add_key`,
/// `request_key`), file handles (`open_by_handle_at`, `name_to_handle_at`), `reboot`, `swapon`,
/// `swapoff`, `syslog`, `acct`, clock setting (`settimeofday`, `clock_settime`, `clock_adjtime`,
/// `adjtimex`, `stime`), `userfaultfd`, `memfd_secret`, port I/O (`iopl`, `ioperm`), `quotactl`,
/// `quotactl_fd`, `lookup_dcookie`, `vhangup`, `nfsservctl`, `uselib`,
/// `io_uring_setup`/`enter`/`register`, `sethostname`, `setdomainname`, `_sysctl`, `ustat`,
/// `sysfs`, `vm86`, `vm86old`, `modify_ldt`, NUMA placement (`mbind`, `set_mempolicy`,
/// `set_mempolicy_home_node`, `migrate_pages`, `move_pages`) and `fanotify_*`. Table entries the
/// kernel never implemented (`afs_syscall`, `getpmsg`, `putpmsg`, `security`, `tuxcall`, `vserver`,
/// `epoll_ctl_old`, `epoll_wait_old`) are left out too.
public enum HardenedSeccompProfile {
    /// The profile as a spec value, ready for `linux.seccomp`.
    public static func profile() -> LinuxSeccomp {
        var rules = [LinuxSyscall(names: allowedSyscalls, action: "SCMP_ACT_ALLOW")]
        rules.append(
            LinuxSyscall(
                names: ["clone"],
                action: "SCMP_ACT_ALLOW",
                // For SCMP_CMP_MASKED_EQ, `value` is the mask and `valueTwo` the datum the
                // masked argument must equal: (flags & namespaceFlags) == 0.
                args: [
                    LinuxSeccompArg(index: 0, value: cloneNamespaceFlags, valueTwo: 0, op: "SCMP_CMP_MASKED_EQ"),
                ]
            )
        )
        rules.append(LinuxSyscall(names: ["clone3"], action: "SCMP_ACT_ERRNO", errnoRet: enosys))
        // Conditions within one rule are ANDed, so each allowed persona is its own rule.
        for persona in allowedPersonalities {
            rules.append(
                LinuxSyscall(
                    names: ["personality"],
                    action: "SCMP_ACT_ALLOW",
                    args: [LinuxSeccompArg(index: 0, value: persona, op: "SCMP_CMP_EQ")]
                )
            )
        }
        return LinuxSeccomp(
            defaultAction: "SCMP_ACT_ERRNO",
            defaultErrnoRet: eperm,
            architectures: ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
            syscalls: rules
        )
    }

    /// The syscalls the profile allows without conditions, sorted.
    public static let allowedSyscalls: [String] =
        [
            fileIO, filesystemMetadata, extendedAttributes, waitingAndEvents, memory, signals,
            processes, credentials, time, sockets, interprocess, asyncIO, selfRestriction,
            legacy32Bit,
        ].flatMap { $0 }.sorted()

    // MARK: - Numbers

    private static let eperm: UInt = 1
    private static let enosys: UInt = 38

    /// CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID
    /// | CLONE_NEWNET. (CLONE_NEWTIME shares its bit with the exit signal in `clone` and is only
    /// accepted by `clone3`, `unshare` and `setns`, all of which the profile refuses.)
    private static let cloneNamespaceFlags: UInt64 = 0x7E02_0000

    /// PER_LINUX, PER_LINUX32, UNAME26, UNAME26 | PER_LINUX32, and the query value.
    private static let allowedPersonalities: [UInt64] = [0x0, 0x8, 0x2_0000, 0x2_0008, 0xFFFF_FFFF]

    // MARK: - Allowed syscalls, by purpose (each group sorted)

    /// Reading and writing through descriptors; `ioctl` is needed by terminals and most devices.
    private static let fileIO: [String] = [
        "close", "close_range", "copy_file_range", "creat", "dup", "dup2", "dup3", "fadvise64",
        "fallocate", "fcntl", "fdatasync", "flock", "fsync", "ftruncate", "ioctl", "lseek", "open",
        "openat", "openat2", "pipe", "pipe2", "pread64", "preadv", "preadv2", "pwrite64", "pwritev",
        "pwritev2", "read", "readahead", "readv", "sendfile", "splice", "sync", "sync_file_range",
        "syncfs", "tee", "truncate", "vmsplice", "write", "writev",
    ]

    /// Paths, directories, permissions and ownership; changing owners or making device nodes still
    /// needs the capability and, for devices, the device cgroup.
    private static let filesystemMetadata: [String] = [
        "access", "cachestat", "chdir", "chmod", "chown", "faccessat", "faccessat2", "fchdir",
        "fchmod", "fchmodat", "fchmodat2", "fchown", "fchownat", "fstat", "fstatfs", "futimesat",
        "getcwd", "getdents", "getdents64", "lchown", "link", "linkat", "lstat", "mkdir", "mkdirat",
        "mknod", "mknodat", "newfstatat", "readlink", "readlinkat", "rename", "renameat",
        "renameat2", "rmdir", "stat", "statfs", "statx", "symlink", "symlinkat", "umask", "unlink",
        "unlinkat", "utime", "utimensat", "utimes",
    ]

    /// Extended attributes (ACLs, file capabilities, security labels, user metadata).
    private static let extendedAttributes: [String] = [
        "fgetxattr", "flistxattr", "fremovexattr", "fsetxattr", "getxattr", "lgetxattr",
        "listxattr", "llistxattr", "lremovexattr", "lsetxattr", "removexattr", "setxattr",
    ]

    /// Event loops: poll/select/epoll, and the descriptor kinds they wait on.
    private static let waitingAndEvents: [String] = [
        "epoll_create", "epoll_create1", "epoll_ctl", "epoll_pwait", "epoll_pwait2", "epoll_wait",
        "eventfd", "eventfd2", "inotify_add_watch", "inotify_init", "inotify_init1",
        "inotify_rm_watch", "poll", "ppoll", "pselect6", "select", "signalfd", "signalfd4",
        "timerfd_create", "timerfd_gettime", "timerfd_settime",
    ]

    /// Address space management; locking is bounded by RLIMIT_MEMLOCK, protection keys and
    /// shadow stacks only restrict the caller.
    private static let memory: [String] = [
        "brk", "get_mempolicy", "madvise", "map_shadow_stack", "membarrier", "memfd_create",
        "mincore", "mlock", "mlock2", "mlockall", "mmap", "mprotect", "mremap", "msync", "munlock",
        "munlockall", "munmap", "pkey_alloc", "pkey_free", "pkey_mprotect", "remap_file_pages",
    ]

    /// Signal delivery and handling; `kill` is confined by the pid namespace.
    private static let signals: [String] = [
        "kill", "pause", "pidfd_open", "pidfd_send_signal", "restart_syscall", "rt_sigaction",
        "rt_sigpending", "rt_sigprocmask", "rt_sigqueueinfo", "rt_sigreturn", "rt_sigsuspend",
        "rt_sigtimedwait", "rt_tgsigqueueinfo", "sigaltstack", "tgkill", "tkill",
    ]

    /// Processes and threads: creation (`clone` has its own rule), exec, exit, wait, futexes,
    /// thread-local storage, scheduling, limits and introspection of oneself.
    private static let processes: [String] = [
        "arch_prctl", "capget", "capset", "execve", "execveat", "exit", "exit_group", "fork",
        "futex", "futex_waitv", "get_robust_list", "get_thread_area", "getcpu", "getpgid",
        "getpgrp", "getpid", "getppid", "getpriority", "getrlimit", "getrusage", "getsid",
        "gettid", "ioprio_get", "ioprio_set", "prctl", "prlimit64", "rseq", "sched_get_priority_max",
        "sched_get_priority_min", "sched_getaffinity", "sched_getattr", "sched_getparam",
        "sched_getscheduler", "sched_rr_get_interval", "sched_setaffinity", "sched_setattr",
        "sched_setparam", "sched_setscheduler", "sched_yield", "set_robust_list",
        "set_thread_area", "set_tid_address", "setpgid", "setpriority", "setrlimit", "setsid",
        "sysinfo", "times", "uname", "vfork", "wait4", "waitid",
    ]

    /// User and group ids; changing them still needs CAP_SETUID/CAP_SETGID.
    private static let credentials: [String] = [
        "getegid", "geteuid", "getgid", "getgroups", "getresgid", "getresuid", "getuid",
        "setfsgid", "setfsuid", "setgid", "setgroups", "setregid", "setresgid", "setresuid",
        "setreuid", "setuid",
    ]

    /// Reading clocks, sleeping, timers and randomness; nothing here sets a clock.
    private static let time: [String] = [
        "alarm", "clock_getres", "clock_gettime", "clock_nanosleep", "getitimer", "getrandom",
        "gettimeofday", "nanosleep", "setitimer", "time", "timer_create", "timer_delete",
        "timer_getoverrun", "timer_gettime", "timer_settime",
    ]

    /// Sockets of every family; the network namespace decides what they reach.
    private static let sockets: [String] = [
        "accept", "accept4", "bind", "connect", "getpeername", "getsockname", "getsockopt",
        "listen", "recvfrom", "recvmmsg", "recvmsg", "sendmmsg", "sendmsg", "sendto",
        "setsockopt", "shutdown", "socket", "socketpair",
    ]

    /// System V IPC and POSIX message queues, confined by the IPC namespace.
    private static let interprocess: [String] = [
        "mq_getsetattr", "mq_notify", "mq_open", "mq_timedreceive", "mq_timedsend", "mq_unlink",
        "msgctl", "msgget", "msgrcv", "msgsnd", "semctl", "semget", "semop", "semtimedop", "shmat",
        "shmctl", "shmdt", "shmget",
    ]

    /// Linux AIO (libaio) for databases; io_uring is left out on purpose.
    private static let asyncIO: [String] = [
        "io_cancel", "io_destroy", "io_getevents", "io_pgetevents", "io_setup", "io_submit",
    ]

    /// Calls by which a program sandboxes itself further; they can only take rights away.
    private static let selfRestriction: [String] = [
        "landlock_add_rule", "landlock_create_ruleset", "landlock_restrict_self", "seccomp",
    ]

    /// Syscalls that exist only in the 32-bit x86 ABI (large-file, 32-bit id and time64
    /// variants, the socketcall/ipc multiplexers), so 32-bit programs run. They have no x86-64
    /// number; libseccomp (and so runc) adds each name only to the architectures that have it.
    private static let legacy32Bit: [String] = [
        "_llseek", "_newselect", "chown32", "clock_getres_time64", "clock_gettime64",
        "clock_nanosleep_time64", "fadvise64_64", "fchown32", "fcntl64", "fstat64", "fstatat64",
        "fstatfs64", "ftruncate64", "futex_time64", "getegid32", "geteuid32", "getgid32",
        "getgroups32", "getresgid32", "getresuid32", "getuid32", "io_pgetevents_time64", "ipc",
        "lchown32", "lstat64", "mmap2", "mq_timedreceive_time64", "mq_timedsend_time64",
        "ppoll_time64", "pselect6_time64", "recvmmsg_time64", "rt_sigtimedwait_time64",
        "sched_rr_get_interval_time64", "semtimedop_time64", "sendfile64", "setfsgid32",
        "setfsuid32", "setgid32", "setgroups32", "setregid32", "setresgid32", "setresuid32",
        "setreuid32", "setuid32", "sigaction", "signal", "sigpending", "sigprocmask", "sigreturn",
        "sigsuspend", "socketcall", "stat64", "statfs64", "timer_gettime64", "timer_settime64",
        "timerfd_gettime64", "timerfd_settime64", "truncate64", "ugetrlimit", "utimensat_time64",
        "waitpid",
    ]
}
