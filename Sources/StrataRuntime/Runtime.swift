import Logging
import StrataSystem
import StrataSpec

/// The entry point of the runtime library: one value per `strun` invocation, holding the
/// global options. Each lifecycle command is a method in its own file.
public struct Runtime: Sendable {
    public let store: StateStore
    public let logger: Logger
    /// --systemd-cgroup: a "slice:prefix:name" cgroupsPath, mapped onto cgroupfs at create.
    public let systemdCgroup: Bool
    /// Running without root on the host (--rootless, or auto: a non-zero euid): cgroups
    /// that are not delegated to us are skipped instead of failing the create.
    public let rootless: Bool
    /// --policy: the security policy file create enforces; nil falls back to
    /// $STRATA_POLICY and the well-known path (StrataPolicy.Admission.policyPath).
    public let policy: String?

    public init(root: String, logger: Logger, systemdCgroup: Bool = false, rootless: Bool = false,
                policy: String? = nil) {
        self.store = StateStore(root: root)
        self.logger = logger
        self.systemdCgroup = systemdCgroup
        self.rootless = rootless
        self.policy = policy
    }
}
