// Realistic configs as each client writes them (runc's are verbatim `runc spec` output of
// runc 1.1.5; the others are assembled in the shape Docker 24, Podman 4, containerd 1.7 CRI
// and CRI-O 1.28 produce, ids made up). Inline so the test target needs no resources.

enum Fixtures {
    /// `runc spec` output, runc 1.1.5.
    static let runcSpec = #"""
{
	"ociVersion": "1.0.2-dev",
	"process": {
		"terminal": true,
		"user": {
			"uid": 0,
			"gid": 0
		},
		"args": [
			"sh"
		],
		"env": [
			"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
			"TERM=xterm"
		],
		"cwd": "/",
		"capabilities": {
			"bounding": [
				"CAP_AUDIT_WRITE",
				"CAP_KILL",
				"CAP_NET_BIND_SERVICE"
			],
			"effective": [
				"CAP_AUDIT_WRITE",
				"CAP_KILL",
				"CAP_NET_BIND_SERVICE"
			],
			"permitted": [
				"CAP_AUDIT_WRITE",
				"CAP_KILL",
				"CAP_NET_BIND_SERVICE"
			],
			"ambient": [
				"CAP_AUDIT_WRITE",
				"CAP_KILL",
				"CAP_NET_BIND_SERVICE"
			]
		},
		"rlimits": [
			{
				"type": "RLIMIT_NOFILE",
				"hard": 1024,
				"soft": 1024
			}
		],
		"noNewPrivileges": true
	},
	"root": {
		"path": "rootfs",
		"readonly": true
	},
	"hostname": "runc",
	"mounts": [
		{
			"destination": "/proc",
			"type": "proc",
			"source": "proc"
		},
		{
			"destination": "/dev",
			"type": "tmpfs",
			"source": "tmpfs",
			"options": [
				"nosuid",
				"strictatime",
				"mode=755",
				"size=65536k"
			]
		},
		{
			"destination": "/dev/pts",
			"type": "devpts",
			"source": "devpts",
			"options": [
				"nosuid",
				"noexec",
				"newinstance",
				"ptmxmode=0666",
				"mode=0620",
				"gid=5"
			]
		},
		{
			"destination": "/dev/shm",
			"type": "tmpfs",
			"source": "shm",
			"options": [
				"nosuid",
				"noexec",
				"nodev",
				"mode=1777",
				"size=65536k"
			]
		},
		{
			"destination": "/dev/mqueue",
			"type": "mqueue",
			"source": "mqueue",
			"options": [
				"nosuid",
				"noexec",
				"nodev"
			]
		},
		{
			"destination": "/sys",
			"type": "sysfs",
			"source": "sysfs",
			"options": [
				"nosuid",
				"noexec",
				"nodev",
				"ro"
			]
		},
		{
			"destination": "/sys/fs/cgroup",
			"type": "cgroup",
			"source": "cgroup",
			"options": [
				"nosuid",
				"noexec",
				"nodev",
				"relatime",
				"ro"
			]
		}
	],
	"linux": {
		"resources": {
			"devices": [
				{
					"allow": false,
					"access": "rwm"
				}
			]
		},
		"namespaces": [
			{
				"type": "pid"
			},
			{
				"type": "network"
			},
			{
				"type": "ipc"
			},
			{
				"type": "uts"
			},
			{
				"type": "mount"
			}
		],
		"maskedPaths": [
			"/proc/acpi",
			"/proc/asound",
			"/proc/kcore",
			"/proc/keys",
			"/proc/latency_stats",
			"/proc/timer_list",
			"/proc/timer_stats",
			"/proc/sched_debug",
			"/sys/firmware",
			"/proc/scsi"
		],
		"readonlyPaths": [
			"/proc/bus",
			"/proc/fs",
			"/proc/irq",
			"/proc/sys",
			"/proc/sysrq-trigger"
		]
	}
}
"""#

    /// `runc spec --rootless` output, runc 1.1.5, as root (uid 0).
    static let runcRootless = #"""
{
	"ociVersion": "1.0.2-dev",
	"process": {
		"terminal": true,
		"user": {
			"uid": 0,
			"gid": 0
		},
		"args": [
			"sh"
		],
		"env": [
			"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
			"TERM=xterm"
		],
		"cwd": "/",
		"capabilities": {
			"bounding": [
				"CAP_AUDIT_WRITE",
				"CAP_KILL",
				"CAP_NET_BIND_SERVICE"
			],
			"effective": [
				"CAP_AUDIT_WRITE",
				"CAP_KILL",
				"CAP_NET_BIND_SERVICE"
			],
			"permitted": [
				"CAP_AUDIT_WRITE",
				"CAP_KILL",
				"CAP_NET_BIND_SERVICE"
			],
			"ambient": [
				"CAP_AUDIT_WRITE",
				"CAP_KILL",
				"CAP_NET_BIND_SERVICE"
			]
		},
		"rlimits": [
			{
				"type": "RLIMIT_NOFILE",
				"hard": 1024,
				"soft": 1024
			}
		],
		"noNewPrivileges": true
	},
	"root": {
		"path": "rootfs",
		"readonly": true
	},
	"hostname": "runc",
	"mounts": [
		{
			"destination": "/proc",
			"type": "proc",
			"source": "proc"
		},
		{
			"destination": "/dev",
			"type": "tmpfs",
			"source": "tmpfs",
			"options": [
				"nosuid",
				"strictatime",
				"mode=755",
				"size=65536k"
			]
		},
		{
			"destination": "/dev/pts",
			"type": "devpts",
			"source": "devpts",
			"options": [
				"nosuid",
				"noexec",
				"newinstance",
				"ptmxmode=0666",
				"mode=0620"
			]
		},
		{
			"destination": "/dev/shm",
			"type": "tmpfs",
			"source": "shm",
			"options": [
				"nosuid",
				"noexec",
				"nodev",
				"mode=1777",
				"size=65536k"
			]
		},
		{
			"destination": "/dev/mqueue",
			"type": "mqueue",
			"source": "mqueue",
			"options": [
				"nosuid",
				"noexec",
				"nodev"
			]
		},
		{
			"destination": "/sys",
			"type": "none",
			"source": "/sys",
			"options": [
				"rbind",
				"nosuid",
				"noexec",
				"nodev",
				"ro"
			]
		},
		{
			"destination": "/sys/fs/cgroup",
			"type": "cgroup",
			"source": "cgroup",
			"options": [
				"nosuid",
				"noexec",
				"nodev",
				"relatime",
				"ro"
			]
		}
	],
	"linux": {
		"uidMappings": [
			{
				"containerID": 0,
				"hostID": 0,
				"size": 1
			}
		],
		"gidMappings": [
			{
				"containerID": 0,
				"hostID": 0,
				"size": 1
			}
		],
		"namespaces": [
			{
				"type": "pid"
			},
			{
				"type": "ipc"
			},
			{
				"type": "uts"
			},
			{
				"type": "mount"
			},
			{
				"type": "user"
			}
		],
		"maskedPaths": [
			"/proc/acpi",
			"/proc/asound",
			"/proc/kcore",
			"/proc/keys",
			"/proc/latency_stats",
			"/proc/timer_list",
			"/proc/timer_stats",
			"/proc/sched_debug",
			"/sys/firmware",
			"/proc/scsi"
		],
		"readonlyPaths": [
			"/proc/bus",
			"/proc/fs",
			"/proc/irq",
			"/proc/sys",
			"/proc/sysrq-trigger"
		]
	}
}
"""#

    /// Docker: seccomp profile, libnetwork hooks, sysctls, systemd cgroupsPath, masked paths.
    static let docker = #"""
{
	"ociVersion": "1.0.2-dev",
	"process": {
		"user": {
			"uid": 0,
			"gid": 0
		},
		"args": [
			"/bin/sh",
			"-c",
			"nginx -g 'daemon off;'"
		],
		"env": [
			"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
			"HOSTNAME=3f9c2a7d1e4b",
			"NGINX_VERSION=1.25.3",
			"NJS_VERSION=0.8.2",
			"PKG_RELEASE=1~bookworm"
		],
		"cwd": "/",
		"capabilities": {
			"bounding": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FSETID",
				"CAP_FOWNER",
				"CAP_MKNOD",
				"CAP_NET_RAW",
				"CAP_SETGID",
				"CAP_SETUID",
				"CAP_SETFCAP",
				"CAP_SETPCAP",
				"CAP_NET_BIND_SERVICE",
				"CAP_SYS_CHROOT",
				"CAP_KILL",
				"CAP_AUDIT_WRITE"
			],
			"effective": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FSETID",
				"CAP_FOWNER",
				"CAP_MKNOD",
				"CAP_NET_RAW",
				"CAP_SETGID",
				"CAP_SETUID",
				"CAP_SETFCAP",
				"CAP_SETPCAP",
				"CAP_NET_BIND_SERVICE",
				"CAP_SYS_CHROOT",
				"CAP_KILL",
				"CAP_AUDIT_WRITE"
			],
			"permitted": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FSETID",
				"CAP_FOWNER",
				"CAP_MKNOD",
				"CAP_NET_RAW",
				"CAP_SETGID",
				"CAP_SETUID",
				"CAP_SETFCAP",
				"CAP_SETPCAP",
				"CAP_NET_BIND_SERVICE",
				"CAP_SYS_CHROOT",
				"CAP_KILL",
				"CAP_AUDIT_WRITE"
			]
		},
		"apparmorProfile": "docker-default",
		"oomScoreAdj": 0
	},
	"root": {
		"path": "/var/lib/docker/overlay2/8a1b3c5d7e9f/merged"
	},
	"hostname": "3f9c2a7d1e4b",
	"mounts": [
		{
			"destination": "/proc",
			"type": "proc",
			"source": "proc",
			"options": [
				"nosuid",
				"noexec",
				"nodev"
			]
		},
		{
			"destination": "/dev",
			"type": "tmpfs",
			"source": "tmpfs",
			"options": [
				"nosuid",
				"strictatime",
				"mode=755",
				"size=65536k"
			]
		},
		{
			"destination": "/dev/pts",
			"type": "devpts",
			"source": "devpts",
			"options": [
				"nosuid",
				"noexec",
				"newinstance",
				"ptmxmode=0666",
				"mode=0620",
				"gid=5"
			]
		},
		{
			"destination": "/sys",
			"type": "sysfs",
			"source": "sysfs",
			"options": [
				"nosuid",
				"noexec",
				"nodev",
				"ro"
			]
		},
		{
			"destination": "/sys/fs/cgroup",
			"type": "cgroup",
			"source": "cgroup",
			"options": [
				"ro",
				"nosuid",
				"noexec",
				"nodev"
			]
		},
		{
			"destination": "/dev/mqueue",
			"type": "mqueue",
			"source": "mqueue",
			"options": [
				"nosuid",
				"noexec",
				"nodev"
			]
		},
		{
			"destination": "/dev/shm",
			"type": "bind",
			"source": "/var/lib/docker/containers/3f9c2a7d1e4b8a6c5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c/mounts/shm",
			"options": [
				"rbind",
				"rprivate"
			]
		},
		{
			"destination": "/etc/resolv.conf",
			"type": "bind",
			"source": "/var/lib/docker/containers/3f9c2a7d1e4b8a6c5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c/resolv.conf",
			"options": [
				"rbind",
				"rprivate"
			]
		},
		{
			"destination": "/etc/hostname",
			"type": "bind",
			"source": "/var/lib/docker/containers/3f9c2a7d1e4b8a6c5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c/hostname",
			"options": [
				"rbind",
				"rprivate"
			]
		},
		{
			"destination": "/etc/hosts",
			"type": "bind",
			"source": "/var/lib/docker/containers/3f9c2a7d1e4b8a6c5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c/hosts",
			"options": [
				"rbind",
				"rprivate"
			]
		},
		{
			"destination": "/usr/share/nginx/html",
			"type": "bind",
			"source": "/srv/www",
			"options": [
				"rbind",
				"ro",
				"rprivate"
			]
		}
	],
	"hooks": {
		"prestart": [
			{
				"path": "/proc/1318/exe",
				"args": [
					"libnetwork-setkey",
					"-exec-root=/var/run/docker",
					"3f9c2a7d1e4b8a6c5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c",
					"d2b7c0e6a4f1"
				]
			}
		],
		"createRuntime": [
			{
				"path": "/proc/1318/exe",
				"args": [
					"libnetwork-setkey",
					"-exec-root=/var/run/docker",
					"3f9c2a7d1e4b8a6c5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c",
					"d2b7c0e6a4f1"
				]
			}
		]
	},
	"linux": {
		"sysctl": {
			"net.ipv4.ip_unprivileged_port_start": "0",
			"net.ipv4.ping_group_range": "0 2147483647"
		},
		"resources": {
			"devices": [
				{
					"allow": false,
					"access": "rwm"
				},
				{
					"allow": true,
					"type": "c",
					"major": 1,
					"minor": 5,
					"access": "rwm"
				},
				{
					"allow": true,
					"type": "c",
					"major": 1,
					"minor": 3,
					"access": "rwm"
				},
				{
					"allow": true,
					"type": "c",
					"major": 1,
					"minor": 9,
					"access": "rwm"
				},
				{
					"allow": true,
					"type": "c",
					"major": 1,
					"minor": 8,
					"access": "rwm"
				},
				{
					"allow": true,
					"type": "c",
					"major": 5,
					"minor": 0,
					"access": "rwm"
				},
				{
					"allow": true,
					"type": "c",
					"major": 5,
					"minor": 1,
					"access": "rwm"
				},
				{
					"allow": false,
					"type": "c",
					"major": 10,
					"minor": 229,
					"access": "rwm"
				},
				{
					"allow": true,
					"type": "c",
					"major": 136,
					"access": "rwm"
				},
				{
					"allow": true,
					"type": "c",
					"major": 5,
					"minor": 2,
					"access": "rwm"
				},
				{
					"allow": true,
					"type": "c",
					"major": 10,
					"minor": 200,
					"access": "rwm"
				}
			],
			"memory": {
				"limit": 536870912,
				"swap": 1073741824,
				"disableOOMKiller": false
			},
			"cpu": {
				"shares": 512,
				"quota": 150000,
				"period": 100000,
				"cpus": "0-1"
			},
			"pids": {
				"limit": 4096
			},
			"blockIO": {
				"weight": 500,
				"throttleReadBpsDevice": [
					{
						"major": 8,
						"minor": 0,
						"rate": 10485760
					}
				]
			}
		},
		"cgroupsPath": "system.slice:docker:3f9c2a7d1e4b8a6c5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c",
		"namespaces": [
			{
				"type": "mount"
			},
			{
				"type": "network"
			},
			{
				"type": "uts"
			},
			{
				"type": "pid"
			},
			{
				"type": "ipc"
			},
			{
				"type": "cgroup"
			}
		],
		"seccomp": {
			"defaultAction": "SCMP_ACT_ERRNO",
			"defaultErrnoRet": 1,
			"architectures": [
				"SCMP_ARCH_X86_64",
				"SCMP_ARCH_X86",
				"SCMP_ARCH_X32"
			],
			"syscalls": [
				{
					"names": [
						"accept",
						"accept4",
						"access",
						"adjtimex",
						"alarm",
						"bind",
						"brk",
						"cachestat",
						"capget",
						"capset",
						"chdir",
						"chmod",
						"chown",
						"chown32",
						"clock_adjtime",
						"clock_adjtime64",
						"clock_getres",
						"clock_getres_time64",
						"clock_gettime",
						"clock_gettime64",
						"clock_nanosleep",
						"clock_nanosleep_time64",
						"close",
						"close_range",
						"connect",
						"copy_file_range",
						"creat",
						"dup",
						"dup2",
						"dup3",
						"epoll_create",
						"epoll_create1",
						"epoll_ctl",
						"epoll_ctl_old",
						"epoll_pwait",
						"epoll_pwait2",
						"epoll_wait",
						"epoll_wait_old",
						"eventfd",
						"eventfd2",
						"execve",
						"execveat",
						"exit",
						"exit_group",
						"faccessat",
						"faccessat2",
						"fadvise64",
						"fadvise64_64",
						"fallocate",
						"fanotify_mark",
						"fchdir",
						"fchmod",
						"fchmodat",
						"fchmodat2",
						"fchown",
						"fchown32",
						"fchownat",
						"fcntl",
						"fcntl64",
						"fdatasync",
						"fgetxattr",
						"flistxattr",
						"flock",
						"fork",
						"fremovexattr",
						"fsetxattr",
						"fstat",
						"fstat64",
						"fstatat64",
						"fstatfs",
						"fstatfs64",
						"fsync",
						"ftruncate",
						"ftruncate64",
						"futex",
						"futex_requeue",
						"futex_time64",
						"futex_wait",
						"futex_waitv",
						"futex_wake",
						"futimesat",
						"getcpu",
						"getcwd",
						"getdents",
						"getdents64",
						"getegid",
						"getegid32",
						"geteuid",
						"geteuid32",
						"getgid",
						"getgid32",
						"getgroups",
						"getgroups32",
						"getitimer",
						"getpeername",
						"getpgid",
						"getpgrp",
						"getpid",
						"getppid",
						"getpriority",
						"getrandom",
						"getresgid",
						"getresgid32",
						"getresuid",
						"getresuid32",
						"getrlimit",
						"get_robust_list",
						"getrusage",
						"getsid",
						"getsockname",
						"getsockopt",
						"get_thread_area",
						"gettid",
						"gettimeofday",
						"getuid",
						"getuid32",
						"getxattr",
						"inotify_add_watch",
						"inotify_init",
						"inotify_init1",
						"inotify_rm_watch",
						"io_cancel",
						"ioctl",
						"io_destroy",
						"io_getevents",
						"io_pgetevents",
						"io_pgetevents_time64",
						"ioprio_get",
						"ioprio_set",
						"io_setup",
						"io_submit",
						"ipc",
						"kill",
						"landlock_add_rule",
						"landlock_create_ruleset",
						"landlock_restrict_self",
						"lchown",
						"lchown32",
						"lgetxattr",
						"link",
						"linkat",
						"listen",
						"listxattr",
						"llistxattr",
						"_llseek",
						"lremovexattr",
						"lseek",
						"lsetxattr",
						"lstat",
						"lstat64",
						"madvise",
						"map_shadow_stack",
						"membarrier",
						"memfd_create",
						"memfd_secret",
						"mincore",
						"mkdir",
						"mkdirat",
						"mknod",
						"mknodat",
						"mlock",
						"mlock2",
						"mlockall",
						"mmap",
						"mmap2",
						"mprotect",
						"mq_getsetattr",
						"mq_notify",
						"mq_open",
						"mq_timedreceive",
						"mq_timedreceive_time64",
						"mq_timedsend",
						"mq_timedsend_time64",
						"mq_unlink",
						"mremap",
						"msgctl",
						"msgget",
						"msgrcv",
						"msgsnd",
						"msync",
						"munlock",
						"munlockall",
						"munmap",
						"name_to_handle_at",
						"nanosleep",
						"newfstatat",
						"_newselect",
						"open",
						"openat",
						"openat2",
						"pause",
						"pidfd_open",
						"pidfd_send_signal",
						"pipe",
						"pipe2",
						"pkey_alloc",
						"pkey_free",
						"pkey_mprotect",
						"poll",
						"ppoll",
						"ppoll_time64",
						"prctl",
						"pread64",
						"preadv",
						"preadv2",
						"prlimit64",
						"process_mrelease",
						"pselect6",
						"pselect6_time64",
						"pwrite64",
						"pwritev",
						"pwritev2",
						"read",
						"readahead",
						"readlink",
						"readlinkat",
						"readv",
						"recv",
						"recvfrom",
						"recvmmsg",
						"recvmmsg_time64",
						"recvmsg",
						"remap_file_pages",
						"removexattr",
						"rename",
						"renameat",
						"renameat2",
						"restart_syscall",
						"rmdir",
						"rseq",
						"rt_sigaction",
						"rt_sigpending",
						"rt_sigprocmask",
						"rt_sigqueueinfo",
						"rt_sigreturn",
						"rt_sigsuspend",
						"rt_sigtimedwait",
						"rt_sigtimedwait_time64",
						"rt_tgsigqueueinfo",
						"sched_getaffinity",
						"sched_getattr",
						"sched_getparam",
						"sched_get_priority_max",
						"sched_get_priority_min",
						"sched_getscheduler",
						"sched_rr_get_interval",
						"sched_rr_get_interval_time64",
						"sched_setaffinity",
						"sched_setattr",
						"sched_setparam",
						"sched_setscheduler",
						"sched_yield",
						"seccomp",
						"select",
						"semctl",
						"semget",
						"semop",
						"semtimedop",
						"semtimedop_time64",
						"send",
						"sendfile",
						"sendfile64",
						"sendmmsg",
						"sendmsg",
						"sendto",
						"setfsgid",
						"setfsgid32",
						"setfsuid",
						"setfsuid32",
						"setgid",
						"setgid32",
						"setgroups",
						"setgroups32",
						"setitimer",
						"setpgid",
						"setpriority",
						"setregid",
						"setregid32",
						"setresgid",
						"setresgid32",
						"setresuid",
						"setresuid32",
						"setreuid",
						"setreuid32",
						"setrlimit",
						"set_robust_list",
						"setsid",
						"setsockopt",
						"set_thread_area",
						"set_tid_address",
						"setuid",
						"setuid32",
						"setxattr",
						"shmat",
						"shmctl",
						"shmdt",
						"shmget",
						"shutdown",
						"sigaltstack",
						"signalfd",
						"signalfd4",
						"sigprocmask",
						"sigreturn",
						"socketcall",
						"socketpair",
						"splice",
						"stat",
						"stat64",
						"statfs",
						"statfs64",
						"statx",
						"symlink",
						"symlinkat",
						"sync",
						"sync_file_range",
						"syncfs",
						"sysinfo",
						"tee",
						"tgkill",
						"time",
						"timer_create",
						"timer_delete",
						"timer_getoverrun",
						"timer_gettime",
						"timer_gettime64",
						"timer_settime",
						"timer_settime64",
						"timerfd_create",
						"timerfd_gettime",
						"timerfd_gettime64",
						"timerfd_settime",
						"timerfd_settime64",
						"times",
						"tkill",
						"truncate",
						"truncate64",
						"ugetrlimit",
						"umask",
						"uname",
						"unlink",
						"unlinkat",
						"utime",
						"utimensat",
						"utimensat_time64",
						"utimes",
						"vfork",
						"vmsplice",
						"wait4",
						"waitid",
						"waitpid",
						"write",
						"writev"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 0,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 8,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 131072,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 131080,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 4294967295,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"arch_prctl"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"modify_ldt"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"clone"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 2114060288,
							"op": "SCMP_CMP_MASKED_EQ"
						}
					]
				},
				{
					"names": [
						"clone3"
					],
					"action": "SCMP_ACT_ERRNO",
					"errnoRet": 38
				},
				{
					"names": [
						"socket"
					],
					"action": "SCMP_ACT_ERRNO",
					"errnoRet": 22,
					"args": [
						{
							"index": 0,
							"value": 16,
							"op": "SCMP_CMP_EQ"
						},
						{
							"index": 2,
							"value": 9,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"socket"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 2,
							"value": 9,
							"op": "SCMP_CMP_NE"
						}
					]
				},
				{
					"names": [
						"chroot"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"ptrace"
					],
					"action": "SCMP_ACT_ALLOW"
				}
			]
		},
		"maskedPaths": [
			"/proc/asound",
			"/proc/acpi",
			"/proc/kcore",
			"/proc/keys",
			"/proc/latency_stats",
			"/proc/timer_list",
			"/proc/timer_stats",
			"/proc/sched_debug",
			"/proc/scsi",
			"/sys/firmware",
			"/sys/devices/virtual/powercap"
		],
		"readonlyPaths": [
			"/proc/bus",
			"/proc/fs",
			"/proc/irq",
			"/proc/sys",
			"/proc/sysrq-trigger"
		]
	}
}
"""#

    /// Podman: umask, rlimits, annotations, joined network namespace, idmapped mount.
    static let podman = #"""
{
	"ociVersion": "1.1.0+dev",
	"process": {
		"terminal": true,
		"user": {
			"uid": 0,
			"gid": 0,
			"umask": 18,
			"additionalGids": [
				0,
				1,
				2,
				3,
				4,
				6,
				10,
				11,
				20,
				26,
				27
			]
		},
		"args": [
			"/bin/bash"
		],
		"env": [
			"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
			"TERM=xterm",
			"container=podman",
			"HOME=/root",
			"HOSTNAME=c7d1e4b8a6c5"
		],
		"cwd": "/",
		"capabilities": {
			"bounding": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FOWNER",
				"CAP_FSETID",
				"CAP_KILL",
				"CAP_NET_BIND_SERVICE",
				"CAP_SETFCAP",
				"CAP_SETGID",
				"CAP_SETPCAP",
				"CAP_SETUID",
				"CAP_SYS_CHROOT"
			],
			"effective": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FOWNER",
				"CAP_FSETID",
				"CAP_KILL",
				"CAP_NET_BIND_SERVICE",
				"CAP_SETFCAP",
				"CAP_SETGID",
				"CAP_SETPCAP",
				"CAP_SETUID",
				"CAP_SYS_CHROOT"
			],
			"permitted": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FOWNER",
				"CAP_FSETID",
				"CAP_KILL",
				"CAP_NET_BIND_SERVICE",
				"CAP_SETFCAP",
				"CAP_SETGID",
				"CAP_SETPCAP",
				"CAP_SETUID",
				"CAP_SYS_CHROOT"
			]
		},
		"rlimits": [
			{
				"type": "RLIMIT_NOFILE",
				"hard": 1048576,
				"soft": 1048576
			},
			{
				"type": "RLIMIT_NPROC",
				"hard": 4194304,
				"soft": 4194304
			}
		],
		"oomScoreAdj": 0
	},
	"root": {
		"path": "/var/lib/containers/storage/overlay/5e4d3c2b1a09/merged"
	},
	"hostname": "c7d1e4b8a6c5",
	"mounts": [
		{
			"destination": "/proc",
			"type": "proc",
			"source": "proc",
			"options": [
				"nosuid",
				"noexec",
				"nodev"
			]
		},
		{
			"destination": "/dev",
			"type": "tmpfs",
			"source": "tmpfs",
			"options": [
				"nosuid",
				"strictatime",
				"mode=755",
				"size=65536k"
			]
		},
		{
			"destination": "/sys",
			"type": "sysfs",
			"source": "sysfs",
			"options": [
				"nosuid",
				"noexec",
				"nodev",
				"ro"
			]
		},
		{
			"destination": "/dev/pts",
			"type": "devpts",
			"source": "devpts",
			"options": [
				"nosuid",
				"noexec",
				"newinstance",
				"ptmxmode=0666",
				"mode=0620",
				"gid=5"
			]
		},
		{
			"destination": "/dev/mqueue",
			"type": "mqueue",
			"source": "mqueue",
			"options": [
				"nodev",
				"noexec",
				"nosuid"
			]
		},
		{
			"destination": "/etc/hostname",
			"type": "bind",
			"source": "/run/containers/storage/overlay-containers/c7d1/userdata/hostname",
			"options": [
				"bind",
				"rprivate"
			]
		},
		{
			"destination": "/run/.containerenv",
			"type": "bind",
			"source": "/run/containers/storage/overlay-containers/c7d1/userdata/.containerenv",
			"options": [
				"bind",
				"rprivate"
			]
		},
		{
			"destination": "/etc/resolv.conf",
			"type": "bind",
			"source": "/run/containers/storage/overlay-containers/c7d1/userdata/resolv.conf",
			"options": [
				"bind",
				"rprivate"
			]
		},
		{
			"destination": "/etc/hosts",
			"type": "bind",
			"source": "/run/containers/storage/overlay-containers/c7d1/userdata/hosts",
			"options": [
				"bind",
				"rprivate"
			]
		},
		{
			"destination": "/dev/shm",
			"type": "bind",
			"source": "/var/lib/containers/storage/overlay-containers/c7d1/userdata/shm",
			"options": [
				"bind",
				"rprivate",
				"nosuid",
				"noexec",
				"nodev"
			]
		},
		{
			"destination": "/sys/fs/cgroup",
			"type": "cgroup",
			"source": "cgroup",
			"options": [
				"rprivate",
				"nosuid",
				"noexec",
				"nodev",
				"relatime",
				"ro"
			]
		},
		{
			"destination": "/data",
			"type": "bind",
			"source": "/home/alice/data",
			"options": [
				"rbind",
				"idmap",
				"rprivate"
			],
			"uidMappings": [
				{
					"containerID": 0,
					"hostID": 100000,
					"size": 65536
				}
			],
			"gidMappings": [
				{
					"containerID": 0,
					"hostID": 100000,
					"size": 65536
				}
			]
		}
	],
	"annotations": {
		"io.container.manager": "libpod",
		"io.podman.annotations.autoremove": "TRUE",
		"io.podman.annotations.init": "FALSE",
		"io.podman.annotations.privileged": "FALSE",
		"io.podman.annotations.publish-all": "FALSE",
		"org.opencontainers.image.stopSignal": "15"
	},
	"linux": {
		"sysctl": {
			"net.ipv4.ping_group_range": "0 0"
		},
		"resources": {
			"pids": {
				"limit": 2048
			}
		},
		"cgroupsPath": "machine.slice:libpod:c7d1e4b8a6c5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c3f9c2a7",
		"namespaces": [
			{
				"type": "pid"
			},
			{
				"type": "network",
				"path": "/run/netns/netns-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"
			},
			{
				"type": "ipc"
			},
			{
				"type": "uts"
			},
			{
				"type": "mount"
			},
			{
				"type": "cgroup"
			}
		],
		"seccomp": {
			"defaultAction": "SCMP_ACT_ERRNO",
			"defaultErrnoRet": 1,
			"architectures": [
				"SCMP_ARCH_X86_64",
				"SCMP_ARCH_X86",
				"SCMP_ARCH_X32"
			],
			"syscalls": [
				{
					"names": [
						"accept",
						"accept4",
						"access",
						"adjtimex",
						"alarm",
						"bind",
						"brk",
						"cachestat",
						"capget",
						"capset",
						"chdir",
						"chmod",
						"chown",
						"chown32",
						"clock_adjtime",
						"clock_adjtime64",
						"clock_getres",
						"clock_getres_time64",
						"clock_gettime",
						"clock_gettime64",
						"clock_nanosleep",
						"clock_nanosleep_time64",
						"close",
						"close_range",
						"connect",
						"copy_file_range",
						"creat",
						"dup",
						"dup2",
						"dup3",
						"epoll_create",
						"epoll_create1",
						"epoll_ctl",
						"epoll_ctl_old",
						"epoll_pwait",
						"epoll_pwait2",
						"epoll_wait",
						"epoll_wait_old",
						"eventfd",
						"eventfd2",
						"execve",
						"execveat",
						"exit",
						"exit_group",
						"faccessat",
						"faccessat2",
						"fadvise64",
						"fadvise64_64",
						"fallocate",
						"fanotify_mark",
						"fchdir",
						"fchmod",
						"fchmodat",
						"fchmodat2",
						"fchown",
						"fchown32",
						"fchownat",
						"fcntl",
						"fcntl64",
						"fdatasync",
						"fgetxattr",
						"flistxattr",
						"flock",
						"fork",
						"fremovexattr",
						"fsetxattr",
						"fstat",
						"fstat64",
						"fstatat64",
						"fstatfs",
						"fstatfs64",
						"fsync",
						"ftruncate",
						"ftruncate64",
						"futex",
						"futex_requeue",
						"futex_time64",
						"futex_wait",
						"futex_waitv",
						"futex_wake",
						"futimesat",
						"getcpu",
						"getcwd",
						"getdents",
						"getdents64",
						"getegid",
						"getegid32",
						"geteuid",
						"geteuid32",
						"getgid",
						"getgid32",
						"getgroups",
						"getgroups32",
						"getitimer",
						"getpeername",
						"getpgid",
						"getpgrp",
						"getpid",
						"getppid",
						"getpriority",
						"getrandom",
						"getresgid",
						"getresgid32",
						"getresuid",
						"getresuid32",
						"getrlimit",
						"get_robust_list",
						"getrusage",
						"getsid",
						"getsockname",
						"getsockopt",
						"get_thread_area",
						"gettid",
						"gettimeofday",
						"getuid",
						"getuid32",
						"getxattr",
						"inotify_add_watch",
						"inotify_init",
						"inotify_init1",
						"inotify_rm_watch",
						"io_cancel",
						"ioctl",
						"io_destroy",
						"io_getevents",
						"io_pgetevents",
						"io_pgetevents_time64",
						"ioprio_get",
						"ioprio_set",
						"io_setup",
						"io_submit",
						"ipc",
						"kill",
						"landlock_add_rule",
						"landlock_create_ruleset",
						"landlock_restrict_self",
						"lchown",
						"lchown32",
						"lgetxattr",
						"link",
						"linkat",
						"listen",
						"listxattr",
						"llistxattr",
						"_llseek",
						"lremovexattr",
						"lseek",
						"lsetxattr",
						"lstat",
						"lstat64",
						"madvise",
						"map_shadow_stack",
						"membarrier",
						"memfd_create",
						"memfd_secret",
						"mincore",
						"mkdir",
						"mkdirat",
						"mknod",
						"mknodat",
						"mlock",
						"mlock2",
						"mlockall",
						"mmap",
						"mmap2",
						"mprotect",
						"mq_getsetattr",
						"mq_notify",
						"mq_open",
						"mq_timedreceive",
						"mq_timedreceive_time64",
						"mq_timedsend",
						"mq_timedsend_time64",
						"mq_unlink",
						"mremap",
						"msgctl",
						"msgget",
						"msgrcv",
						"msgsnd",
						"msync",
						"munlock",
						"munlockall",
						"munmap",
						"name_to_handle_at",
						"nanosleep",
						"newfstatat",
						"_newselect",
						"open",
						"openat",
						"openat2",
						"pause",
						"pidfd_open",
						"pidfd_send_signal",
						"pipe",
						"pipe2",
						"pkey_alloc",
						"pkey_free",
						"pkey_mprotect",
						"poll",
						"ppoll",
						"ppoll_time64",
						"prctl",
						"pread64",
						"preadv",
						"preadv2",
						"prlimit64",
						"process_mrelease",
						"pselect6",
						"pselect6_time64",
						"pwrite64",
						"pwritev",
						"pwritev2",
						"read",
						"readahead",
						"readlink",
						"readlinkat",
						"readv",
						"recv",
						"recvfrom",
						"recvmmsg",
						"recvmmsg_time64",
						"recvmsg",
						"remap_file_pages",
						"removexattr",
						"rename",
						"renameat",
						"renameat2",
						"restart_syscall",
						"rmdir",
						"rseq",
						"rt_sigaction",
						"rt_sigpending",
						"rt_sigprocmask",
						"rt_sigqueueinfo",
						"rt_sigreturn",
						"rt_sigsuspend",
						"rt_sigtimedwait",
						"rt_sigtimedwait_time64",
						"rt_tgsigqueueinfo",
						"sched_getaffinity",
						"sched_getattr",
						"sched_getparam",
						"sched_get_priority_max",
						"sched_get_priority_min",
						"sched_getscheduler",
						"sched_rr_get_interval",
						"sched_rr_get_interval_time64",
						"sched_setaffinity",
						"sched_setattr",
						"sched_setparam",
						"sched_setscheduler",
						"sched_yield",
						"seccomp",
						"select",
						"semctl",
						"semget",
						"semop",
						"semtimedop",
						"semtimedop_time64",
						"send",
						"sendfile",
						"sendfile64",
						"sendmmsg",
						"sendmsg",
						"sendto",
						"setfsgid",
						"setfsgid32",
						"setfsuid",
						"setfsuid32",
						"setgid",
						"setgid32",
						"setgroups",
						"setgroups32",
						"setitimer",
						"setpgid",
						"setpriority",
						"setregid",
						"setregid32",
						"setresgid",
						"setresgid32",
						"setresuid",
						"setresuid32",
						"setreuid",
						"setreuid32",
						"setrlimit",
						"set_robust_list",
						"setsid",
						"setsockopt",
						"set_thread_area",
						"set_tid_address",
						"setuid",
						"setuid32",
						"setxattr",
						"shmat",
						"shmctl",
						"shmdt",
						"shmget",
						"shutdown",
						"sigaltstack",
						"signalfd",
						"signalfd4",
						"sigprocmask",
						"sigreturn",
						"socketcall",
						"socketpair",
						"splice",
						"stat",
						"stat64",
						"statfs",
						"statfs64",
						"statx",
						"symlink",
						"symlinkat",
						"sync",
						"sync_file_range",
						"syncfs",
						"sysinfo",
						"tee",
						"tgkill",
						"time",
						"timer_create",
						"timer_delete",
						"timer_getoverrun",
						"timer_gettime",
						"timer_gettime64",
						"timer_settime",
						"timer_settime64",
						"timerfd_create",
						"timerfd_gettime",
						"timerfd_gettime64",
						"timerfd_settime",
						"timerfd_settime64",
						"times",
						"tkill",
						"truncate",
						"truncate64",
						"ugetrlimit",
						"umask",
						"uname",
						"unlink",
						"unlinkat",
						"utime",
						"utimensat",
						"utimensat_time64",
						"utimes",
						"vfork",
						"vmsplice",
						"wait4",
						"waitid",
						"waitpid",
						"write",
						"writev"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 0,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 8,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 131072,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 131080,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 4294967295,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"arch_prctl"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"modify_ldt"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"clone"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 2114060288,
							"op": "SCMP_CMP_MASKED_EQ"
						}
					]
				},
				{
					"names": [
						"clone3"
					],
					"action": "SCMP_ACT_ERRNO",
					"errnoRet": 38
				},
				{
					"names": [
						"socket"
					],
					"action": "SCMP_ACT_ERRNO",
					"errnoRet": 22,
					"args": [
						{
							"index": 0,
							"value": 16,
							"op": "SCMP_CMP_EQ"
						},
						{
							"index": 2,
							"value": 9,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"socket"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 2,
							"value": 9,
							"op": "SCMP_CMP_NE"
						}
					]
				},
				{
					"names": [
						"chroot"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"ptrace"
					],
					"action": "SCMP_ACT_ALLOW"
				}
			]
		},
		"maskedPaths": [
			"/proc/acpi",
			"/proc/kcore",
			"/proc/keys",
			"/proc/latency_stats",
			"/proc/timer_list",
			"/proc/timer_stats",
			"/proc/sched_debug",
			"/proc/scsi",
			"/sys/firmware",
			"/sys/fs/selinux",
			"/sys/dev/block"
		],
		"readonlyPaths": [
			"/proc/asound",
			"/proc/bus",
			"/proc/fs",
			"/proc/irq",
			"/proc/sys",
			"/proc/sysrq-trigger"
		]
	}
}
"""#

    /// containerd CRI: Kubernetes annotations, joined pod namespaces, unified cgroup v2 keys.
    static let containerd = #"""
{
	"ociVersion": "1.1.0",
	"process": {
		"user": {
			"uid": 101,
			"gid": 101,
			"additionalGids": [
				101
			]
		},
		"args": [
			"/docker-entrypoint.sh",
			"nginx",
			"-g",
			"daemon off;"
		],
		"env": [
			"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
			"HOSTNAME=web-7d9f8c6b5-x2k4j",
			"KUBERNETES_SERVICE_HOST=10.96.0.1",
			"KUBERNETES_SERVICE_PORT=443",
			"KUBERNETES_PORT=tcp://10.96.0.1:443"
		],
		"cwd": "/",
		"capabilities": {
			"bounding": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FSETID",
				"CAP_FOWNER",
				"CAP_MKNOD",
				"CAP_NET_RAW",
				"CAP_SETGID",
				"CAP_SETUID",
				"CAP_SETFCAP",
				"CAP_SETPCAP",
				"CAP_NET_BIND_SERVICE",
				"CAP_SYS_CHROOT",
				"CAP_KILL",
				"CAP_AUDIT_WRITE"
			],
			"effective": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FSETID",
				"CAP_FOWNER",
				"CAP_MKNOD",
				"CAP_NET_RAW",
				"CAP_SETGID",
				"CAP_SETUID",
				"CAP_SETFCAP",
				"CAP_SETPCAP",
				"CAP_NET_BIND_SERVICE",
				"CAP_SYS_CHROOT",
				"CAP_KILL",
				"CAP_AUDIT_WRITE"
			],
			"permitted": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FSETID",
				"CAP_FOWNER",
				"CAP_MKNOD",
				"CAP_NET_RAW",
				"CAP_SETGID",
				"CAP_SETUID",
				"CAP_SETFCAP",
				"CAP_SETPCAP",
				"CAP_NET_BIND_SERVICE",
				"CAP_SYS_CHROOT",
				"CAP_KILL",
				"CAP_AUDIT_WRITE"
			]
		},
		"noNewPrivileges": true,
		"apparmorProfile": "cri-containerd.apparmor.d",
		"oomScoreAdj": 936
	},
	"root": {
		"path": "rootfs",
		"readonly": true
	},
	"mounts": [
		{
			"destination": "/proc",
			"type": "proc",
			"source": "proc",
			"options": [
				"nosuid",
				"noexec",
				"nodev"
			]
		},
		{
			"destination": "/dev",
			"type": "tmpfs",
			"source": "tmpfs",
			"options": [
				"nosuid",
				"strictatime",
				"mode=755",
				"size=65536k"
			]
		},
		{
			"destination": "/dev/pts",
			"type": "devpts",
			"source": "devpts",
			"options": [
				"nosuid",
				"noexec",
				"newinstance",
				"ptmxmode=0666",
				"mode=0620",
				"gid=5"
			]
		},
		{
			"destination": "/dev/mqueue",
			"type": "mqueue",
			"source": "mqueue",
			"options": [
				"nosuid",
				"noexec",
				"nodev"
			]
		},
		{
			"destination": "/sys",
			"type": "sysfs",
			"source": "sysfs",
			"options": [
				"nosuid",
				"noexec",
				"nodev",
				"ro"
			]
		},
		{
			"destination": "/sys/fs/cgroup",
			"type": "cgroup",
			"source": "cgroup",
			"options": [
				"nosuid",
				"noexec",
				"nodev",
				"relatime",
				"ro"
			]
		},
		{
			"destination": "/etc/hosts",
			"type": "bind",
			"source": "/var/lib/kubelet/pods/4f1e2d3c-b5a6-4987-8c7d-6e5f4a3b2c1d/etc-hosts",
			"options": [
				"rbind",
				"rprivate",
				"rw"
			]
		},
		{
			"destination": "/dev/termination-log",
			"type": "bind",
			"source": "/var/lib/kubelet/pods/4f1e2d3c-b5a6-4987-8c7d-6e5f4a3b2c1d/containers/web/0b1c2d3e",
			"options": [
				"rbind",
				"rprivate",
				"rw"
			]
		},
		{
			"destination": "/etc/hostname",
			"type": "bind",
			"source": "/var/lib/containerd/io.containerd.grpc.v1.cri/sandboxes/9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b/hostname",
			"options": [
				"rbind",
				"rprivate",
				"rw"
			]
		},
		{
			"destination": "/etc/resolv.conf",
			"type": "bind",
			"source": "/var/lib/containerd/io.containerd.grpc.v1.cri/sandboxes/9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b/resolv.conf",
			"options": [
				"rbind",
				"rprivate",
				"rw"
			]
		},
		{
			"destination": "/dev/shm",
			"type": "bind",
			"source": "/run/containerd/io.containerd.grpc.v1.cri/sandboxes/9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b/shm",
			"options": [
				"rbind",
				"rprivate",
				"rw"
			]
		},
		{
			"destination": "/var/run/secrets/kubernetes.io/serviceaccount",
			"type": "bind",
			"source": "/var/lib/kubelet/pods/4f1e2d3c-b5a6-4987-8c7d-6e5f4a3b2c1d/volumes/kubernetes.io~projected/kube-api-access-7xq2m",
			"options": [
				"rbind",
				"rprivate",
				"ro"
			]
		}
	],
	"annotations": {
		"io.kubernetes.cri.container-name": "web",
		"io.kubernetes.cri.container-type": "container",
		"io.kubernetes.cri.image-name": "docker.io/library/nginx:1.25",
		"io.kubernetes.cri.sandbox-id": "9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
		"io.kubernetes.cri.sandbox-name": "web-7d9f8c6b5-x2k4j",
		"io.kubernetes.cri.sandbox-namespace": "default",
		"io.kubernetes.cri.sandbox-uid": "4f1e2d3c-b5a6-4987-8c7d-6e5f4a3b2c1d"
	},
	"linux": {
		"resources": {
			"devices": [
				{
					"allow": false,
					"access": "rwm"
				}
			],
			"memory": {
				"limit": 268435456,
				"swap": 268435456
			},
			"cpu": {
				"shares": 256,
				"quota": 50000,
				"period": 100000
			},
			"hugepageLimits": [
				{
					"pageSize": "2MB",
					"limit": 0
				},
				{
					"pageSize": "1GB",
					"limit": 0
				}
			],
			"unified": {
				"memory.oom.group": "1",
				"memory.swap.max": "0"
			}
		},
		"cgroupsPath": "kubepods-burstable-pod4f1e2d3c_b5a6_4987_8c7d_6e5f4a3b2c1d.slice:cri-containerd:3f9c2a7d1e4b8a6c5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c",
		"namespaces": [
			{
				"type": "pid"
			},
			{
				"type": "ipc",
				"path": "/proc/2876/ns/ipc"
			},
			{
				"type": "uts",
				"path": "/proc/2876/ns/uts"
			},
			{
				"type": "mount"
			},
			{
				"type": "network",
				"path": "/proc/2876/ns/net"
			}
		],
		"seccomp": {
			"defaultAction": "SCMP_ACT_ERRNO",
			"defaultErrnoRet": 1,
			"architectures": [
				"SCMP_ARCH_X86_64",
				"SCMP_ARCH_X86",
				"SCMP_ARCH_X32"
			],
			"syscalls": [
				{
					"names": [
						"accept",
						"accept4",
						"access",
						"adjtimex",
						"alarm",
						"bind",
						"brk",
						"cachestat",
						"capget",
						"capset",
						"chdir",
						"chmod",
						"chown",
						"chown32",
						"clock_adjtime",
						"clock_adjtime64",
						"clock_getres",
						"clock_getres_time64",
						"clock_gettime",
						"clock_gettime64",
						"clock_nanosleep",
						"clock_nanosleep_time64",
						"close",
						"close_range",
						"connect",
						"copy_file_range",
						"creat",
						"dup",
						"dup2",
						"dup3",
						"epoll_create",
						"epoll_create1",
						"epoll_ctl",
						"epoll_ctl_old",
						"epoll_pwait",
						"epoll_pwait2",
						"epoll_wait",
						"epoll_wait_old",
						"eventfd",
						"eventfd2",
						"execve",
						"execveat",
						"exit",
						"exit_group",
						"faccessat",
						"faccessat2",
						"fadvise64",
						"fadvise64_64",
						"fallocate",
						"fanotify_mark",
						"fchdir",
						"fchmod",
						"fchmodat",
						"fchmodat2",
						"fchown",
						"fchown32",
						"fchownat",
						"fcntl",
						"fcntl64",
						"fdatasync",
						"fgetxattr",
						"flistxattr",
						"flock",
						"fork",
						"fremovexattr",
						"fsetxattr",
						"fstat",
						"fstat64",
						"fstatat64",
						"fstatfs",
						"fstatfs64",
						"fsync",
						"ftruncate",
						"ftruncate64",
						"futex",
						"futex_requeue",
						"futex_time64",
						"futex_wait",
						"futex_waitv",
						"futex_wake",
						"futimesat",
						"getcpu",
						"getcwd",
						"getdents",
						"getdents64",
						"getegid",
						"getegid32",
						"geteuid",
						"geteuid32",
						"getgid",
						"getgid32",
						"getgroups",
						"getgroups32",
						"getitimer",
						"getpeername",
						"getpgid",
						"getpgrp",
						"getpid",
						"getppid",
						"getpriority",
						"getrandom",
						"getresgid",
						"getresgid32",
						"getresuid",
						"getresuid32",
						"getrlimit",
						"get_robust_list",
						"getrusage",
						"getsid",
						"getsockname",
						"getsockopt",
						"get_thread_area",
						"gettid",
						"gettimeofday",
						"getuid",
						"getuid32",
						"getxattr",
						"inotify_add_watch",
						"inotify_init",
						"inotify_init1",
						"inotify_rm_watch",
						"io_cancel",
						"ioctl",
						"io_destroy",
						"io_getevents",
						"io_pgetevents",
						"io_pgetevents_time64",
						"ioprio_get",
						"ioprio_set",
						"io_setup",
						"io_submit",
						"ipc",
						"kill",
						"landlock_add_rule",
						"landlock_create_ruleset",
						"landlock_restrict_self",
						"lchown",
						"lchown32",
						"lgetxattr",
						"link",
						"linkat",
						"listen",
						"listxattr",
						"llistxattr",
						"_llseek",
						"lremovexattr",
						"lseek",
						"lsetxattr",
						"lstat",
						"lstat64",
						"madvise",
						"map_shadow_stack",
						"membarrier",
						"memfd_create",
						"memfd_secret",
						"mincore",
						"mkdir",
						"mkdirat",
						"mknod",
						"mknodat",
						"mlock",
						"mlock2",
						"mlockall",
						"mmap",
						"mmap2",
						"mprotect",
						"mq_getsetattr",
						"mq_notify",
						"mq_open",
						"mq_timedreceive",
						"mq_timedreceive_time64",
						"mq_timedsend",
						"mq_timedsend_time64",
						"mq_unlink",
						"mremap",
						"msgctl",
						"msgget",
						"msgrcv",
						"msgsnd",
						"msync",
						"munlock",
						"munlockall",
						"munmap",
						"name_to_handle_at",
						"nanosleep",
						"newfstatat",
						"_newselect",
						"open",
						"openat",
						"openat2",
						"pause",
						"pidfd_open",
						"pidfd_send_signal",
						"pipe",
						"pipe2",
						"pkey_alloc",
						"pkey_free",
						"pkey_mprotect",
						"poll",
						"ppoll",
						"ppoll_time64",
						"prctl",
						"pread64",
						"preadv",
						"preadv2",
						"prlimit64",
						"process_mrelease",
						"pselect6",
						"pselect6_time64",
						"pwrite64",
						"pwritev",
						"pwritev2",
						"read",
						"readahead",
						"readlink",
						"readlinkat",
						"readv",
						"recv",
						"recvfrom",
						"recvmmsg",
						"recvmmsg_time64",
						"recvmsg",
						"remap_file_pages",
						"removexattr",
						"rename",
						"renameat",
						"renameat2",
						"restart_syscall",
						"rmdir",
						"rseq",
						"rt_sigaction",
						"rt_sigpending",
						"rt_sigprocmask",
						"rt_sigqueueinfo",
						"rt_sigreturn",
						"rt_sigsuspend",
						"rt_sigtimedwait",
						"rt_sigtimedwait_time64",
						"rt_tgsigqueueinfo",
						"sched_getaffinity",
						"sched_getattr",
						"sched_getparam",
						"sched_get_priority_max",
						"sched_get_priority_min",
						"sched_getscheduler",
						"sched_rr_get_interval",
						"sched_rr_get_interval_time64",
						"sched_setaffinity",
						"sched_setattr",
						"sched_setparam",
						"sched_setscheduler",
						"sched_yield",
						"seccomp",
						"select",
						"semctl",
						"semget",
						"semop",
						"semtimedop",
						"semtimedop_time64",
						"send",
						"sendfile",
						"sendfile64",
						"sendmmsg",
						"sendmsg",
						"sendto",
						"setfsgid",
						"setfsgid32",
						"setfsuid",
						"setfsuid32",
						"setgid",
						"setgid32",
						"setgroups",
						"setgroups32",
						"setitimer",
						"setpgid",
						"setpriority",
						"setregid",
						"setregid32",
						"setresgid",
						"setresgid32",
						"setresuid",
						"setresuid32",
						"setreuid",
						"setreuid32",
						"setrlimit",
						"set_robust_list",
						"setsid",
						"setsockopt",
						"set_thread_area",
						"set_tid_address",
						"setuid",
						"setuid32",
						"setxattr",
						"shmat",
						"shmctl",
						"shmdt",
						"shmget",
						"shutdown",
						"sigaltstack",
						"signalfd",
						"signalfd4",
						"sigprocmask",
						"sigreturn",
						"socketcall",
						"socketpair",
						"splice",
						"stat",
						"stat64",
						"statfs",
						"statfs64",
						"statx",
						"symlink",
						"symlinkat",
						"sync",
						"sync_file_range",
						"syncfs",
						"sysinfo",
						"tee",
						"tgkill",
						"time",
						"timer_create",
						"timer_delete",
						"timer_getoverrun",
						"timer_gettime",
						"timer_gettime64",
						"timer_settime",
						"timer_settime64",
						"timerfd_create",
						"timerfd_gettime",
						"timerfd_gettime64",
						"timerfd_settime",
						"timerfd_settime64",
						"times",
						"tkill",
						"truncate",
						"truncate64",
						"ugetrlimit",
						"umask",
						"uname",
						"unlink",
						"unlinkat",
						"utime",
						"utimensat",
						"utimensat_time64",
						"utimes",
						"vfork",
						"vmsplice",
						"wait4",
						"waitid",
						"waitpid",
						"write",
						"writev"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 0,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 8,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 131072,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 131080,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 4294967295,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"arch_prctl"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"modify_ldt"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"clone"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 2114060288,
							"op": "SCMP_CMP_MASKED_EQ"
						}
					]
				},
				{
					"names": [
						"clone3"
					],
					"action": "SCMP_ACT_ERRNO",
					"errnoRet": 38
				},
				{
					"names": [
						"socket"
					],
					"action": "SCMP_ACT_ERRNO",
					"errnoRet": 22,
					"args": [
						{
							"index": 0,
							"value": 16,
							"op": "SCMP_CMP_EQ"
						},
						{
							"index": 2,
							"value": 9,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"socket"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 2,
							"value": 9,
							"op": "SCMP_CMP_NE"
						}
					]
				},
				{
					"names": [
						"chroot"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"ptrace"
					],
					"action": "SCMP_ACT_ALLOW"
				}
			]
		},
		"maskedPaths": [
			"/proc/asound",
			"/proc/acpi",
			"/proc/kcore",
			"/proc/keys",
			"/proc/latency_stats",
			"/proc/timer_list",
			"/proc/timer_stats",
			"/proc/sched_debug",
			"/proc/scsi",
			"/sys/firmware",
			"/sys/devices/virtual/powercap"
		],
		"readonlyPaths": [
			"/proc/bus",
			"/proc/fs",
			"/proc/irq",
			"/proc/sys",
			"/proc/sysrq-trigger"
		]
	}
}
"""#

    /// CRI-O: hooks with timeouts, SELinux labels, device nodes, joined namespaces.
    static let crio = #"""
{
	"ociVersion": "1.0.2-dev",
	"process": {
		"user": {
			"uid": 1000,
			"gid": 3000,
			"additionalGids": [
				2000,
				3000
			]
		},
		"args": [
			"/usr/bin/redis-server",
			"/etc/redis/redis.conf"
		],
		"env": [
			"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
			"TERM=xterm",
			"HOSTNAME=cache-0",
			"REDIS_VERSION=7.2.3",
			"container=crio"
		],
		"cwd": "/data",
		"capabilities": {
			"bounding": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FSETID",
				"CAP_FOWNER",
				"CAP_MKNOD",
				"CAP_NET_RAW",
				"CAP_SETGID",
				"CAP_SETUID",
				"CAP_SETFCAP",
				"CAP_SETPCAP",
				"CAP_NET_BIND_SERVICE"
			],
			"effective": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FSETID",
				"CAP_FOWNER",
				"CAP_MKNOD",
				"CAP_NET_RAW",
				"CAP_SETGID",
				"CAP_SETUID",
				"CAP_SETFCAP",
				"CAP_SETPCAP",
				"CAP_NET_BIND_SERVICE"
			],
			"permitted": [
				"CAP_CHOWN",
				"CAP_DAC_OVERRIDE",
				"CAP_FSETID",
				"CAP_FOWNER",
				"CAP_MKNOD",
				"CAP_NET_RAW",
				"CAP_SETGID",
				"CAP_SETUID",
				"CAP_SETFCAP",
				"CAP_SETPCAP",
				"CAP_NET_BIND_SERVICE"
			]
		},
		"rlimits": [
			{
				"type": "RLIMIT_NOFILE",
				"hard": 1048576,
				"soft": 1048576
			}
		],
		"noNewPrivileges": true,
		"oomScoreAdj": 1000,
		"selinuxLabel": "system_u:system_r:container_t:s0:c123,c456"
	},
	"root": {
		"path": "/var/lib/containers/storage/overlay/a1b2c3d4e5f6/merged"
	},
	"hostname": "cache-0",
	"mounts": [
		{
			"destination": "/proc",
			"type": "proc",
			"source": "proc",
			"options": [
				"nosuid",
				"noexec",
				"nodev"
			]
		},
		{
			"destination": "/dev",
			"type": "tmpfs",
			"source": "tmpfs",
			"options": [
				"nosuid",
				"strictatime",
				"mode=755",
				"size=65536k"
			]
		},
		{
			"destination": "/dev/pts",
			"type": "devpts",
			"source": "devpts",
			"options": [
				"nosuid",
				"noexec",
				"newinstance",
				"ptmxmode=0666",
				"mode=0620",
				"gid=5"
			]
		},
		{
			"destination": "/dev/mqueue",
			"type": "mqueue",
			"source": "mqueue",
			"options": [
				"nosuid",
				"noexec",
				"nodev"
			]
		},
		{
			"destination": "/sys",
			"type": "sysfs",
			"source": "sysfs",
			"options": [
				"nosuid",
				"noexec",
				"nodev",
				"ro"
			]
		},
		{
			"destination": "/sys/fs/cgroup",
			"type": "cgroup",
			"source": "cgroup",
			"options": [
				"nosuid",
				"noexec",
				"nodev",
				"relatime",
				"ro"
			]
		},
		{
			"destination": "/dev/shm",
			"type": "bind",
			"source": "/run/containers/storage/overlay-containers/d4e5/userdata/shm",
			"options": [
				"rw",
				"bind"
			]
		},
		{
			"destination": "/etc/resolv.conf",
			"type": "bind",
			"source": "/run/containers/storage/overlay-containers/d4e5/userdata/resolv.conf",
			"options": [
				"rw",
				"bind",
				"nodev",
				"nosuid",
				"noexec"
			]
		},
		{
			"destination": "/etc/hostname",
			"type": "bind",
			"source": "/run/containers/storage/overlay-containers/d4e5/userdata/hostname",
			"options": [
				"rw",
				"bind"
			]
		},
		{
			"destination": "/run/.containerenv",
			"type": "bind",
			"source": "/run/containers/storage/overlay-containers/d4e5/userdata/.containerenv",
			"options": [
				"rw",
				"bind"
			]
		},
		{
			"destination": "/data",
			"type": "bind",
			"source": "/var/lib/kubelet/pods/7e8f/volumes/kubernetes.io~csi/pvc-1234/mount",
			"options": [
				"rw",
				"rbind",
				"rprivate",
				"bind"
			]
		},
		{
			"destination": "/var/run/secrets/kubernetes.io/serviceaccount",
			"type": "bind",
			"source": "/var/lib/kubelet/pods/7e8f/volumes/kubernetes.io~projected/kube-api-access-abcde",
			"options": [
				"ro",
				"rbind",
				"rprivate",
				"bind"
			]
		}
	],
	"hooks": {
		"createRuntime": [
			{
				"path": "/usr/libexec/oci/hooks.d/oci-nvidia-hook",
				"args": [
					"oci-nvidia-hook",
					"prestart"
				],
				"env": [
					"PATH=/usr/bin"
				],
				"timeout": 10
			}
		],
		"poststop": [
			{
				"path": "/usr/libexec/oci/hooks.d/oci-nvidia-hook",
				"args": [
					"oci-nvidia-hook",
					"poststop"
				]
			}
		]
	},
	"annotations": {
		"io.container.manager": "cri-o",
		"io.kubernetes.container.hash": "8a3f2c1b",
		"io.kubernetes.container.name": "redis",
		"io.kubernetes.container.restartCount": "0",
		"io.kubernetes.container.terminationMessagePath": "/dev/termination-log",
		"io.kubernetes.cri-o.Annotations": "{\"io.kubernetes.container.hash\":\"8a3f2c1b\"}",
		"io.kubernetes.cri-o.ContainerID": "d4e5f6a7b8c9",
		"io.kubernetes.cri-o.Created": "2024-05-01T10:00:00.123456789Z",
		"io.kubernetes.cri-o.Labels": "{\"io.kubernetes.pod.name\":\"cache-0\"}",
		"io.kubernetes.cri-o.SandboxID": "e5f6a7b8c9d0",
		"io.kubernetes.cri-o.TTY": "false",
		"io.kubernetes.pod.name": "cache-0",
		"io.kubernetes.pod.namespace": "prod",
		"io.kubernetes.pod.uid": "7e8f9a0b-1c2d-3e4f-5a6b-7c8d9e0f1a2b"
	},
	"linux": {
		"sysctl": {
			"net.core.somaxconn": "1024",
			"kernel.shm_rmid_forced": "1"
		},
		"resources": {
			"devices": [
				{
					"allow": false,
					"access": "rwm"
				},
				{
					"allow": true,
					"type": "c",
					"major": 195,
					"minor": 0,
					"access": "rw"
				}
			],
			"memory": {
				"limit": 1073741824,
				"swap": 1073741824
			},
			"cpu": {
				"shares": 1024,
				"quota": 100000,
				"period": 100000,
				"cpus": "2-3",
				"mems": "0"
			},
			"pids": {
				"limit": 1024
			},
			"hugepageLimits": [
				{
					"pageSize": "2MB",
					"limit": 0
				},
				{
					"pageSize": "1GB",
					"limit": 0
				}
			]
		},
		"cgroupsPath": "kubepods-burstable-pod7e8f9a0b_1c2d_3e4f_5a6b_7c8d9e0f1a2b.slice:crio:d4e5f6a7b8c9",
		"namespaces": [
			{
				"type": "pid"
			},
			{
				"type": "network",
				"path": "/var/run/netns/1a2b3c4d"
			},
			{
				"type": "ipc",
				"path": "/var/run/ipcns/1a2b3c4d"
			},
			{
				"type": "uts",
				"path": "/var/run/utsns/1a2b3c4d"
			},
			{
				"type": "mount"
			},
			{
				"type": "cgroup"
			}
		],
		"devices": [
			{
				"path": "/dev/nvidia0",
				"type": "c",
				"major": 195,
				"minor": 0,
				"fileMode": 438,
				"uid": 0,
				"gid": 0
			}
		],
		"seccomp": {
			"defaultAction": "SCMP_ACT_ERRNO",
			"architectures": [
				"SCMP_ARCH_X86_64",
				"SCMP_ARCH_X86",
				"SCMP_ARCH_X32"
			],
			"syscalls": [
				{
					"names": [
						"accept",
						"accept4",
						"access",
						"adjtimex",
						"alarm",
						"bind",
						"brk",
						"cachestat",
						"capget",
						"capset",
						"chdir",
						"chmod",
						"chown",
						"chown32",
						"clock_adjtime",
						"clock_adjtime64",
						"clock_getres",
						"clock_getres_time64",
						"clock_gettime",
						"clock_gettime64",
						"clock_nanosleep",
						"clock_nanosleep_time64",
						"close",
						"close_range",
						"connect",
						"copy_file_range",
						"creat",
						"dup",
						"dup2",
						"dup3",
						"epoll_create",
						"epoll_create1",
						"epoll_ctl",
						"epoll_ctl_old",
						"epoll_pwait",
						"epoll_pwait2",
						"epoll_wait",
						"epoll_wait_old",
						"eventfd",
						"eventfd2",
						"execve",
						"execveat",
						"exit",
						"exit_group",
						"faccessat",
						"faccessat2",
						"fadvise64",
						"fadvise64_64",
						"fallocate",
						"fanotify_mark",
						"fchdir",
						"fchmod",
						"fchmodat",
						"fchmodat2",
						"fchown",
						"fchown32",
						"fchownat",
						"fcntl",
						"fcntl64",
						"fdatasync",
						"fgetxattr",
						"flistxattr",
						"flock",
						"fork",
						"fremovexattr",
						"fsetxattr",
						"fstat",
						"fstat64",
						"fstatat64",
						"fstatfs",
						"fstatfs64",
						"fsync",
						"ftruncate",
						"ftruncate64",
						"futex",
						"futex_requeue",
						"futex_time64",
						"futex_wait",
						"futex_waitv",
						"futex_wake",
						"futimesat",
						"getcpu",
						"getcwd",
						"getdents",
						"getdents64",
						"getegid",
						"getegid32",
						"geteuid",
						"geteuid32",
						"getgid",
						"getgid32",
						"getgroups",
						"getgroups32",
						"getitimer",
						"getpeername",
						"getpgid",
						"getpgrp",
						"getpid",
						"getppid",
						"getpriority",
						"getrandom",
						"getresgid",
						"getresgid32",
						"getresuid",
						"getresuid32",
						"getrlimit",
						"get_robust_list",
						"getrusage",
						"getsid",
						"getsockname",
						"getsockopt",
						"get_thread_area",
						"gettid",
						"gettimeofday",
						"getuid",
						"getuid32",
						"getxattr",
						"inotify_add_watch",
						"inotify_init",
						"inotify_init1",
						"inotify_rm_watch",
						"io_cancel",
						"ioctl",
						"io_destroy",
						"io_getevents",
						"io_pgetevents",
						"io_pgetevents_time64",
						"ioprio_get",
						"ioprio_set",
						"io_setup",
						"io_submit",
						"ipc",
						"kill",
						"landlock_add_rule",
						"landlock_create_ruleset",
						"landlock_restrict_self",
						"lchown",
						"lchown32",
						"lgetxattr",
						"link",
						"linkat",
						"listen",
						"listxattr",
						"llistxattr",
						"_llseek",
						"lremovexattr",
						"lseek",
						"lsetxattr",
						"lstat",
						"lstat64",
						"madvise",
						"map_shadow_stack",
						"membarrier",
						"memfd_create",
						"memfd_secret",
						"mincore",
						"mkdir",
						"mkdirat",
						"mknod",
						"mknodat",
						"mlock",
						"mlock2",
						"mlockall",
						"mmap",
						"mmap2",
						"mprotect",
						"mq_getsetattr",
						"mq_notify",
						"mq_open",
						"mq_timedreceive",
						"mq_timedreceive_time64",
						"mq_timedsend",
						"mq_timedsend_time64",
						"mq_unlink",
						"mremap",
						"msgctl",
						"msgget",
						"msgrcv",
						"msgsnd",
						"msync",
						"munlock",
						"munlockall",
						"munmap",
						"name_to_handle_at",
						"nanosleep",
						"newfstatat",
						"_newselect",
						"open",
						"openat",
						"openat2",
						"pause",
						"pidfd_open",
						"pidfd_send_signal",
						"pipe",
						"pipe2",
						"pkey_alloc",
						"pkey_free",
						"pkey_mprotect",
						"poll",
						"ppoll",
						"ppoll_time64",
						"prctl",
						"pread64",
						"preadv",
						"preadv2",
						"prlimit64",
						"process_mrelease",
						"pselect6",
						"pselect6_time64",
						"pwrite64",
						"pwritev",
						"pwritev2",
						"read",
						"readahead",
						"readlink",
						"readlinkat",
						"readv",
						"recv",
						"recvfrom",
						"recvmmsg",
						"recvmmsg_time64",
						"recvmsg",
						"remap_file_pages",
						"removexattr",
						"rename",
						"renameat",
						"renameat2",
						"restart_syscall",
						"rmdir",
						"rseq",
						"rt_sigaction",
						"rt_sigpending",
						"rt_sigprocmask",
						"rt_sigqueueinfo",
						"rt_sigreturn",
						"rt_sigsuspend",
						"rt_sigtimedwait",
						"rt_sigtimedwait_time64",
						"rt_tgsigqueueinfo",
						"sched_getaffinity",
						"sched_getattr",
						"sched_getparam",
						"sched_get_priority_max",
						"sched_get_priority_min",
						"sched_getscheduler",
						"sched_rr_get_interval",
						"sched_rr_get_interval_time64",
						"sched_setaffinity",
						"sched_setattr",
						"sched_setparam",
						"sched_setscheduler",
						"sched_yield",
						"seccomp",
						"select",
						"semctl",
						"semget",
						"semop",
						"semtimedop",
						"semtimedop_time64",
						"send",
						"sendfile",
						"sendfile64",
						"sendmmsg",
						"sendmsg",
						"sendto",
						"setfsgid",
						"setfsgid32",
						"setfsuid",
						"setfsuid32",
						"setgid",
						"setgid32",
						"setgroups",
						"setgroups32",
						"setitimer",
						"setpgid",
						"setpriority",
						"setregid",
						"setregid32",
						"setresgid",
						"setresgid32",
						"setresuid",
						"setresuid32",
						"setreuid",
						"setreuid32",
						"setrlimit",
						"set_robust_list",
						"setsid",
						"setsockopt",
						"set_thread_area",
						"set_tid_address",
						"setuid",
						"setuid32",
						"setxattr",
						"shmat",
						"shmctl",
						"shmdt",
						"shmget",
						"shutdown",
						"sigaltstack",
						"signalfd",
						"signalfd4",
						"sigprocmask",
						"sigreturn",
						"socketcall",
						"socketpair",
						"splice",
						"stat",
						"stat64",
						"statfs",
						"statfs64",
						"statx",
						"symlink",
						"symlinkat",
						"sync",
						"sync_file_range",
						"syncfs",
						"sysinfo",
						"tee",
						"tgkill",
						"time",
						"timer_create",
						"timer_delete",
						"timer_getoverrun",
						"timer_gettime",
						"timer_gettime64",
						"timer_settime",
						"timer_settime64",
						"timerfd_create",
						"timerfd_gettime",
						"timerfd_gettime64",
						"timerfd_settime",
						"timerfd_settime64",
						"times",
						"tkill",
						"truncate",
						"truncate64",
						"ugetrlimit",
						"umask",
						"uname",
						"unlink",
						"unlinkat",
						"utime",
						"utimensat",
						"utimensat_time64",
						"utimes",
						"vfork",
						"vmsplice",
						"wait4",
						"waitid",
						"waitpid",
						"write",
						"writev"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 0,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 8,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 131072,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 131080,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"personality"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 4294967295,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"arch_prctl"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"modify_ldt"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"clone"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 0,
							"value": 2114060288,
							"op": "SCMP_CMP_MASKED_EQ"
						}
					]
				},
				{
					"names": [
						"clone3"
					],
					"action": "SCMP_ACT_ERRNO",
					"errnoRet": 38
				},
				{
					"names": [
						"socket"
					],
					"action": "SCMP_ACT_ERRNO",
					"errnoRet": 22,
					"args": [
						{
							"index": 0,
							"value": 16,
							"op": "SCMP_CMP_EQ"
						},
						{
							"index": 2,
							"value": 9,
							"op": "SCMP_CMP_EQ"
						}
					]
				},
				{
					"names": [
						"socket"
					],
					"action": "SCMP_ACT_ALLOW",
					"args": [
						{
							"index": 2,
							"value": 9,
							"op": "SCMP_CMP_NE"
						}
					]
				},
				{
					"names": [
						"chroot"
					],
					"action": "SCMP_ACT_ALLOW"
				},
				{
					"names": [
						"ptrace"
					],
					"action": "SCMP_ACT_ALLOW"
				}
			]
		},
		"maskedPaths": [
			"/proc/asound",
			"/proc/acpi",
			"/proc/kcore",
			"/proc/keys",
			"/proc/latency_stats",
			"/proc/timer_list",
			"/proc/timer_stats",
			"/proc/sched_debug",
			"/proc/scsi",
			"/sys/firmware",
			"/sys/devices/virtual/powercap"
		],
		"readonlyPaths": [
			"/proc/bus",
			"/proc/fs",
			"/proc/irq",
			"/proc/sys",
			"/proc/sysrq-trigger"
		],
		"mountLabel": "system_u:object_r:container_file_t:s0:c123,c456"
	}
}
"""#

    /// Every runtime-spec 1.2 member at least once.
    static let full = #"""
{
	"ociVersion": "1.2.0",
	"process": {
		"terminal": true,
		"consoleSize": {
			"height": 40,
			"width": 120
		},
		"user": {
			"uid": 1,
			"gid": 2,
			"umask": 63,
			"additionalGids": [
				5,
				6
			]
		},
		"args": [
			"/bin/app",
			"--flag"
		],
		"env": [
			"A=b"
		],
		"cwd": "/work",
		"capabilities": {
			"bounding": [
				"CAP_KILL"
			],
			"effective": [
				"CAP_KILL"
			],
			"inheritable": [],
			"permitted": [
				"CAP_KILL"
			],
			"ambient": []
		},
		"rlimits": [
			{
				"type": "RLIMIT_CORE",
				"hard": 18446744073709551615,
				"soft": 0
			}
		],
		"noNewPrivileges": true,
		"apparmorProfile": "p",
		"oomScoreAdj": -500,
		"scheduler": {
			"policy": "SCHED_DEADLINE",
			"nice": -5,
			"priority": 0,
			"flags": [
				"SCHED_FLAG_RESET_ON_FORK"
			],
			"runtime": 10000000,
			"deadline": 20000000,
			"period": 30000000
		},
		"selinuxLabel": "l",
		"ioPriority": {
			"class": "IOPRIO_CLASS_BE",
			"priority": 4
		},
		"execCPUAffinity": {
			"initial": "0",
			"final": "0-3"
		}
	},
	"root": {
		"path": "/rootfs",
		"readonly": false
	},
	"hostname": "h",
	"domainname": "d",
	"mounts": [
		{
			"destination": "/m",
			"type": "bind",
			"source": "/s",
			"options": [
				"rbind",
				"rro",
				"ridmap"
			],
			"uidMappings": [
				{
					"containerID": 0,
					"hostID": 1000,
					"size": 1
				}
			],
			"gidMappings": [
				{
					"containerID": 0,
					"hostID": 1000,
					"size": 1
				}
			]
		}
	],
	"hooks": {
		"prestart": [
			{
				"path": "/bin/prestart",
				"args": [
					"prestart"
				],
				"env": [
					"X=1"
				],
				"timeout": 5
			}
		],
		"createRuntime": [
			{
				"path": "/bin/createRuntime",
				"args": [
					"createRuntime"
				],
				"env": [
					"X=1"
				],
				"timeout": 5
			}
		],
		"createContainer": [
			{
				"path": "/bin/createContainer",
				"args": [
					"createContainer"
				],
				"env": [
					"X=1"
				],
				"timeout": 5
			}
		],
		"startContainer": [
			{
				"path": "/bin/startContainer",
				"args": [
					"startContainer"
				],
				"env": [
					"X=1"
				],
				"timeout": 5
			}
		],
		"poststart": [
			{
				"path": "/bin/poststart",
				"args": [
					"poststart"
				],
				"env": [
					"X=1"
				],
				"timeout": 5
			}
		],
		"poststop": [
			{
				"path": "/bin/poststop",
				"args": [
					"poststop"
				],
				"env": [
					"X=1"
				],
				"timeout": 5
			}
		]
	},
	"annotations": {
		"a": "b"
	},
	"linux": {
		"uidMappings": [
			{
				"containerID": 0,
				"hostID": 100000,
				"size": 65536
			}
		],
		"gidMappings": [
			{
				"containerID": 0,
				"hostID": 100000,
				"size": 65536
			}
		],
		"timeOffsets": {
			"boottime": {
				"secs": 86400,
				"nanosecs": 5
			},
			"monotonic": {
				"secs": -10
			}
		},
		"sysctl": {
			"net.ipv4.ip_forward": "1",
			"kernel.msgmax": "8192",
			"kernel.domainname": "d"
		},
		"resources": {
			"devices": [
				{
					"allow": false,
					"type": "a",
					"major": -1,
					"minor": -1,
					"access": "rwm"
				}
			],
			"memory": {
				"limit": -1,
				"reservation": 1,
				"swap": 2,
				"kernel": 3,
				"kernelTCP": 4,
				"swappiness": 60,
				"disableOOMKiller": true,
				"useHierarchy": true,
				"checkBeforeUpdate": true
			},
			"cpu": {
				"shares": 1,
				"quota": -1,
				"burst": 2,
				"period": 3,
				"realtimeRuntime": 4,
				"realtimePeriod": 5,
				"cpus": "0",
				"mems": "0",
				"idle": 1
			},
			"pids": {
				"limit": -1
			},
			"blockIO": {
				"weight": 10,
				"leafWeight": 20,
				"weightDevice": [
					{
						"major": 8,
						"minor": 0,
						"weight": 100,
						"leafWeight": 50
					}
				],
				"throttleReadBpsDevice": [
					{
						"major": 8,
						"minor": 0,
						"rate": 1
					}
				],
				"throttleWriteBpsDevice": [
					{
						"major": 8,
						"minor": 0,
						"rate": 2
					}
				],
				"throttleReadIOPSDevice": [
					{
						"major": 8,
						"minor": 0,
						"rate": 3
					}
				],
				"throttleWriteIOPSDevice": [
					{
						"major": 8,
						"minor": 0,
						"rate": 4
					}
				]
			},
			"hugepageLimits": [
				{
					"pageSize": "2MB",
					"limit": 4194304
				}
			],
			"network": {
				"classID": 1048577,
				"priorities": [
					{
						"name": "eth0",
						"priority": 500
					}
				]
			},
			"rdma": {
				"mlx5_1": {
					"hcaHandles": 3,
					"hcaObjects": 10000
				}
			},
			"unified": {
				"io.weight": "default 100"
			}
		},
		"cgroupsPath": "/strata/full",
		"namespaces": [
			{
				"type": "pid"
			},
			{
				"type": "network"
			},
			{
				"type": "mount"
			},
			{
				"type": "ipc"
			},
			{
				"type": "uts"
			},
			{
				"type": "user"
			},
			{
				"type": "cgroup"
			},
			{
				"type": "time"
			}
		],
		"devices": [
			{
				"path": "/dev/fuse",
				"type": "c",
				"major": 10,
				"minor": 229,
				"fileMode": 438,
				"uid": 0,
				"gid": 0
			}
		],
		"netDevices": {
			"eth1": {
				"name": "net1"
			},
			"eth2": {}
		},
		"seccomp": {
			"defaultAction": "SCMP_ACT_ALLOW",
			"defaultErrnoRet": 1,
			"architectures": [
				"SCMP_ARCH_X86_64"
			],
			"flags": [
				"SECCOMP_FILTER_FLAG_LOG"
			],
			"listenerPath": "/run/seccomp.sock",
			"listenerMetadata": "m",
			"syscalls": [
				{
					"names": [
						"mount"
					],
					"action": "SCMP_ACT_NOTIFY",
					"errnoRet": 1,
					"args": [
						{
							"index": 1,
							"value": 2,
							"valueTwo": 3,
							"op": "SCMP_CMP_MASKED_EQ"
						}
					]
				}
			]
		},
		"rootfsPropagation": "rslave",
		"maskedPaths": [
			"/proc/kcore"
		],
		"readonlyPaths": [
			"/proc/sys"
		],
		"mountLabel": "ml",
		"intelRdt": {
			"closID": "c",
			"l3CacheSchema": "L3:0=ff",
			"memBwSchema": "MB:0=50",
			"enableCMT": true,
			"enableMBM": true
		},
		"personality": {
			"domain": "LINUX32",
			"flags": []
		}
	},
	"vm": {
		"hypervisor": {
			"path": "/usr/bin/qemu",
			"parameters": [
				"-m",
				"512"
			]
		},
		"kernel": {
			"path": "/boot/vmlinuz",
			"parameters": [
				"console=ttyS0"
			],
			"initrd": "/boot/initrd"
		},
		"image": {
			"path": "/img.qcow2",
			"format": "qcow2"
		}
	}
}
"""#

}
