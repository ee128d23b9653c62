import Foundation
import StrataSystem

/// Paths of the store under its root, an OCI image layout plus Strata's own directories:
///
///     oci-layout, index.json      the OCI layout (index.json names the images, see ImageIndexFile)
///     blobs/sha256/<hex>          content-addressed blobs, verified before they are renamed in
///     layers/<chain hex>/         unpacked layers, one per chain id, shared by every image
///     tmp/                        downloads and unpacks in progress (collected when nobody pulls)
///     mounts/<id>/                `strata image mount` targets
///     gc.lock, index.lock         see StoreLock
public struct StoreLayout: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// /var/lib/strata as root, $XDG_DATA_HOME/strata (or ~/.local/share/strata) otherwise;
    /// STRATA_ROOT overrides both (tests).
    public static func defaultRoot() -> String {
        let env = ProcessInfo.processInfo.environment
        if let r = env["STRATA_ROOT"], !r.isEmpty { return r }
        if geteuid() == 0 { return "/var/lib/strata" }
        if let x = env["XDG_DATA_HOME"], !x.isEmpty { return x + "/strata" }
        return (env["HOME"] ?? "/tmp") + "/.local/share/strata"
    }

    var blobsDir: String { root + "/blobs/sha256" }
    var layersDir: String { root + "/layers" }
    var tmpDir: String { root + "/tmp" }
    var mountsDir: String { root + "/mounts" }
    var indexPath: String { root + "/index.json" }

    func blobPath(_ d: Digest) -> String { blobsDir + "/" + d.hex }
    func layerPath(chain: Digest) -> String { layersDir + "/" + chain.hex }

    /// Creates the directories and the oci-layout marker on first use.
    func prepare() throws(StrataError) {
        for dir in [root, blobsDir, layersDir, tmpDir, mountsDir] {
            try Files.makeDirectories(dir, mode: 0o700)
        }
        let marker = root + "/oci-layout"
        if !Files.exists(marker) {
            try Files.writeAtomically(marker, Array(#"{"imageLayoutVersion":"1.0.0"}"#.utf8))
        }
    }

    /// A fresh name under tmp/ for one download or unpack (pid + random: unique across processes).
    func tempPath(_ kind: String) -> String {
        tmpDir + "/\(kind)-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }
}

/// flock(2)-based locks of the store.
///
/// gc.lock: every pull holds it shared for its whole run; rmi/prune hold it exclusive, so a
/// collection never deletes a blob or layer a running pull has stored but not yet named.
/// index.lock: held exclusive around each read-modify-write of index.json.
/// The kernel drops a flock when its holder dies, so a kill -9 never leaves the store locked.
final class StoreLock: @unchecked Sendable {
    private let fd: Int32
    let path: String

    init(_ path: String) throws(StrataError) {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 { throw StrataError.system("open lock", path) }
    }

    deinit { close(fd) }

    func lock(exclusive: Bool) throws(StrataError) {
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            let e = errno
            if e != EINTR { throw StrataError("lock", path, errno: e) }
        }
    }

    /// Exclusive without waiting: false when someone holds it.
    func tryExclusive() -> Bool { flock(fd, LOCK_EX | LOCK_NB) == 0 }

    func unlock() { _ = flock(fd, LOCK_UN) }
}
