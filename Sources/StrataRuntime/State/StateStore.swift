#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// The on-disk state of every container under one `--root`.
///
/// Layout: `<root>/<id>/state.json` (written atomically), `<root>/<id>/exec.fifo` (present
/// from create until start). Each container directory is locked with flock while a command
/// changes it, so two `strun` processes never interleave on one container.
public struct StateStore: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    public func directory(_ id: String) -> String { root + "/" + id }
    public func stateFile(_ id: String) -> String { directory(id) + "/state.json" }
    public func fifo(_ id: String) -> String { directory(id) + "/exec.fifo" }
    /// The config.json the container was created from.
    public func config(_ id: String) -> String { directory(id) + "/config.json" }

    /// Creates `<root>/<id>`; a second create of the same id fails here.
    public func reserve(_ id: String) throws(StrataError) {
        try Files.makeDirectories(root, mode: 0o700)
        if mkdir(directory(id), 0o711) != 0 {
            if currentErrno() == EEXIST {
                throw StrataError.message("container \"\(id)\" already exists", errno: EEXIST)
            }
            throw StrataError.system("mkdir", directory(id))
        }
    }

    /// Takes an exclusive lock on the container directory until `ContainerLock.release()`.
    public func lock(_ id: String) throws(StrataError) -> ContainerLock {
        let fd = open(directory(id), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 {
            if currentErrno() == ENOENT { throw Self.notExist(id) }
            throw StrataError.system("open", directory(id))
        }
        while flock(fd, LOCK_EX) != 0 {
            if currentErrno() != EINTR { close(fd); throw StrataError.system("flock", directory(id)) }
        }
        return ContainerLock(fd: fd)
    }

    public func save(_ record: ContainerRecord) throws(StrataError) {
        let bytes = record.document(status: record.started ? .running : .created).jsonBytes()
        try Files.writeAtomically(stateFile(record.id), bytes, mode: 0o600)
    }

    public func load(_ id: String) throws(StrataError) -> ContainerRecord {
        let bytes: [UInt8]
        do { bytes = try Files.read(stateFile(id)) } catch {
            if error.errno == ENOENT { throw Self.notExist(id) }
            throw error
        }
        let state: ContainerState
        do { state = try ContainerState.load(fromJSON: bytes) } catch {
            throw StrataError("decode state", stateFile(id), reason: error.description)
        }
        return try ContainerRecord(document: state, file: stateFile(id))
    }

    /// Ids of every container directory that holds a state file.
    public func ids() -> [String] {
        guard let names = try? Files.list(root) else { return [] }
        return names.filter { Files.exists(stateFile($0)) }.sorted()
    }

    public func remove(_ id: String) throws(StrataError) {
        try Files.removeTree(directory(id))
    }

    /// runc's phrase, which containerd matches on: "does not exist".
    public static func notExist(_ id: String) -> StrataError {
        StrataError.message("container \"\(id)\" does not exist", errno: ENOENT)
    }
}

/// An flock held on a container directory.
public struct ContainerLock: Sendable {
    /// The locked directory's fd; a forked child must close its copy.
    public let fd: Int32
    public func release() { close(fd) }
}
