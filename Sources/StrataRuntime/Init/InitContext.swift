import StrataSpec
import StrataSystem

/// Everything the container's init needs, prepared by `strun` before the clone. The child
/// inherits it by memory (clone without exec), so nothing is serialised.
struct InitContext {
    let id: String
    let spec: Spec
    let process: Process
    let bundle: String
    let rootfs: String
    /// The child's end of the sync channel.
    let channel: Channel
    /// The exec fifo, opened O_RDWR by the parent: a read on it blocks until `start`.
    let fifoFD: Int32
    /// Connected console socket (terminal: true), or -1.
    let consoleSocketFD: Int32
    let noPivot: Bool
    /// --no-new-keyring: keep the caller's session keyring instead of a fresh one.
    let noNewKeyring: Bool
    let preserveFDs: Int32
    /// Namespaces to join, with fds opened before any namespace changed (user first).
    let joins: [(kind: NamespaceKind, fd: Int32, path: String)]
    /// CLONE_NEW* flags still to unshare in the child (stage one of the slow path).
    let unshareInChild: Int32
    /// True when the clone itself created the namespaces (fast path).
    let clonedNamespaces: Bool
    let newUserNamespace: Bool
    let newCgroupNamespace: Bool
    let newTimeNamespace: Bool
    let hasMountNamespace: Bool
    let hasUTSNamespace: Bool
    /// The child must fork once more so that a new or joined pid/time namespace applies.
    let needsSecondFork: Bool
    /// The host's cgroups are unified v2 (from the superblock of /sys/fs/cgroup).
    let cgroupUnified: Bool
    /// prestart or createRuntime hooks exist: init pauses for them before pivot_root.
    let hasRuntimeHooks: Bool
    /// The signal mask to restore before exec (the parent blocks signals while it forwards).
    let signalMaskToRestore: UInt64
    /// The compiled `linux.seccomp` filter, installed by init just before exec (or, when it
    /// notifies, just before `ready`, so that strun can still pass the listener fd on).
    let seccomp: SeccompProgram?
    /// Parent-only fds the child closes first (the state lock: flock is shared with a
    /// forked child until every copy is closed).
    let closeInChild: [Int32]
}
