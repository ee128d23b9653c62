import StrataSpec
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// `strata sandbox`: a host command in a sandbox, no image. The root is an empty directory
/// with the host's system directories bound read-only (/usr, /bin, /lib*, /etc without its
/// secrets), a fresh /tmp, the current directory writable, and nothing else of the host:
/// no home, no /run (no SSH agent socket, no D-Bus), a new session keyring, an environment
/// from a short allow-list. The hardened seccomp list, no capabilities, no_new_privs, a
/// user namespace mapping the caller to its root (as `unshare -r` does), a pids limit; no
/// network unless asked.
public struct SandboxPlan {
    public var command: [String]
    public var network = false
    public var readWrite: [String] = []
    public var readOnly: [String] = []
    public var memory: Int64?
    public var cpus: Double?
    public var workDir: String
    public var extraEnv: [String] = []
    public var terminal = false

    public init(command: [String], workDir: String) {
        self.command = command
        self.workDir = workDir
    }

    /// Host system directories shown read-only when present (symlinks, as merged-/usr
    /// systems have for /bin and /lib, are recreated as symlinks instead).
    public static let systemDirectories = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/opt"]

    /// Files and directories of /etc that hold secrets: masked (an empty file or directory).
    public static let secrets = [
        "/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-", "/etc/ssh", "/etc/sudoers",
        "/etc/sudoers.d", "/etc/ssl/private", "/etc/security/opasswd", "/etc/subuid", "/etc/subgid",
        "/etc/machine-id", "/etc/strata",
    ]

    /// The variables passed through from the host; everything else is dropped.
    public static let allowedEnvironment = ["PATH", "TERM", "LANG", "LANGUAGE", "TZ", "COLORTERM", "NO_COLOR", "USER", "LOGNAME"]

    /// Finds the command as the sandbox will (the host's PATH over the same directories);
    /// a missing command is refused before anything is made.
    public static func resolveCommand(_ name: String) throws(StrataError) -> String {
        if name.contains("/") {
            guard access(name, X_OK) == 0 else { throw StrataError.message("sandbox: command not found: \(name)") }
            return name
        }
        let path = getenv("PATH").map { String(cString: $0) } ?? BundleBuilder.defaultPath
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/" + name
            if access(candidate, X_OK) == 0 && !Files.isDirectory(candidate) { return candidate }
        }
        throw StrataError.message("sandbox: command not found: \(name)")
    }

    /// Prepares the empty root (with the symlinks of merged /usr) in `rootfs`.
    public func prepareRoot(_ rootfs: String) throws(StrataError) {
        try Files.makeDirectories(rootfs, mode: 0o755)
        for dir in Self.systemDirectories {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(dir, &buffer, buffer.count - 1)
            if n > 0 {
                let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                guard symlink(target, rootfs + dir) == 0 else { throw StrataError.system("symlink", rootfs + dir) }
            }
        }
    }

    public func spec(rootfs: String, id: String) throws(StrataError) -> Spec {
        let uid = UInt32(getuid())
        let gid = UInt32(getgid())
        var spec = Spec.hardened(Spec.rootlessConfig(uid: uid, gid: gid))
        spec.hostname = "sandbox"
        spec.root = Root(path: rootfs, readonly: true)
        spec.annotations = ["org.strata.sandbox": id]
        guard var process = spec.process, var linux = spec.linux else {
            throw StrataError("generate", "sandbox config", reason: "the default spec has no process")
        }
        process.args = command
        process.cwd = workDir
        process.terminal = terminal
        // Root of the user namespace, which is the caller outside: the runtime's init needs a
        // mapped uid 0, and it has no capability over anything the namespace does not own.
        process.user = User(uid: 0, gid: 0)
        process.capabilities = LinuxCapabilities(bounding: [], effective: [], permitted: [], ambient: [])
        process.noNewPrivileges = true
        process.env = environment()
        spec.process = process

        linux.uidMappings = [LinuxIDMapping(containerID: 0, hostID: uid, size: 1)]
        linux.gidMappings = [LinuxIDMapping(containerID: 0, hostID: gid, size: 1)]
        if !network && !(linux.namespaces ?? []).contains(where: { $0.type == "network" }) {
            linux.namespaces?.append(LinuxNamespace(type: "network"))
        }
        if network { linux.namespaces = linux.namespaces?.filter { $0.type != "network" } }
        var resources = linux.resources ?? LinuxResources()
        if let memory { resources.memory = LinuxMemory(limit: memory) }
        if let cpus { resources.cpu = LinuxCPU(quota: Int64(cpus * 100_000), period: 100_000) }
        linux.resources = resources
        linux.maskedPaths = (linux.maskedPaths ?? []) + Self.secrets.filter(Files.exists)
        spec.linux = linux

        var mounts = spec.mounts ?? []
        // The sandbox cannot mount a fresh sysfs in a user namespace: the rootless config binds it.
        for dir in Self.systemDirectories where Files.isDirectory(dir) && !Self.isSymlink(dir) {
            mounts.append(Mount(destination: dir, type: "bind", source: dir, options: ["rbind", "ro", "nosuid", "nodev"]))
        }
        mounts.append(Mount(destination: "/tmp", type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", "mode=1777"]))
        for path in readOnly {
            mounts.append(Mount(destination: path, type: "bind", source: path, options: ["rbind", "ro", "nosuid", "nodev"]))
        }
        for path in [workDir] + readWrite {
            mounts.append(Mount(destination: path, type: "bind", source: path, options: ["rbind", "nosuid", "nodev"]))
        }
        spec.mounts = mounts
        return spec
    }

    static func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    func environment() -> [String] {
        var env: [String] = []
        for name in Self.allowedEnvironment {
            if let value = getenv(name) { env.append(name + "=" + String(cString: value)) }
        }
        for (key, value) in Self.localeVariables() { env.append(key + "=" + value) }
        if !env.contains(where: { $0.hasPrefix("PATH=") }) { env.append("PATH=" + BundleBuilder.defaultPath) }
        env.append("HOME=/tmp")
        return env + extraEnv
    }

    static func localeVariables() -> [(String, String)] {
        var out: [(String, String)] = []
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if text.hasPrefix("LC_"), let eq = text.firstIndex(of: "=") {
                out.append((String(text[..<eq]), String(text[text.index(after: eq)...])))
            }
            cursor += 1
        }
        return out
    }
}
