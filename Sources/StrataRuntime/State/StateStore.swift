#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// The on-disk state of every container under one `--root`.
///
/// Layout: `<root>/<id>/state.json`, `<root>/<id>/config.json` (the config the container
/// was created from), `<root>/<id>/exec.fifo` (from create until start).
///
/// The rules that keep it consistent when commands race or are killed:
/// - A container directory appears under its id already locked and already holding a
///   state.json: `reserve` fills a private `@creating-…` directory and renames it into
///   place with RENAME_NOREPLACE, so no other command ever sees a half-made directory.
/// - Whoever changes a container holds an exclusive flock on its directory, taken by
///   `lock`, which also checks that the locked directory is still the one named by the
///   id (a delete may have renamed it away and a create made a new one meanwhile).
/// - Every read and write inside the directory goes through the locked descriptor;
///   writes replace files by renameat within the directory.
/// - `remove` first renames the directory to an `@deleted-…` name, which frees the id at
///   once, then empties and removes it.
/// Names starting with "@" are never container ids (ContainerID refuses them).
public struct StateStore: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    public func directory(_ id: String) -> String { root + "/" + id }
    public func stateFile(_ id: String) -> String { directory(id) + "/state.json" }
    public func fifo(_ id: String) -> String { directory(id) + "/exec.fifo" }
    /// The config.json the container was created from.
    public func config(_ id: String) -> String { directory(id) + "/config.json" }

    static let stateName = "state.json"
    static let configName = "config.json"
    static let fifoName = "exec.fifo"
    static let creatingPrefix = "@creating-"
    static let deletedPrefix = "@deleted-"

    /// Makes `<root>/<id>` holding `record` (a creating record) and `config`, locked by the
    /// caller. A second create of the same id fails here with "already exists".
    public func reserve(_ id: String, record: ContainerRecord, config: [UInt8]) throws(StrataError) -> ContainerLock {
        try Files.makeDirectories(root, mode: 0o700)
        let scratchName = Self.creatingPrefix + id + "-" + String(getpid())
        let scratch = root + "/" + scratchName
        if mkdir(scratch, 0o711) != 0 {
            // Left by a killed strun whose pid we now have: it holds no container.
            guard currentErrno() == EEXIST else { throw StrataError.system("mkdir", scratch) }
            try Files.removeTree(scratch)
            try sys("mkdir", scratch) { mkdir(scratch, 0o711) }
        }
        let fd = open(scratch, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            let code = currentErrno()
            _ = try? Files.removeTree(scratch)
            throw StrataError.system("open", scratch, errno: code)
        }
        let lock = ContainerLock(fd: fd, path: directory(id))
        do throws(StrataError) {
            try Self.acquire(fd, LOCK_EX, path: scratch)
            try DirectoryFiles.writeAtomically(fd, Self.configName, config, mode: 0o600, display: scratch)
            try DirectoryFiles.writeAtomically(fd, Self.stateName, Self.bytes(record), mode: 0o600, display: scratch)
            let code = DirectoryFiles.renameNoReplace(scratch, to: directory(id))
            if code == EEXIST || code == ENOTEMPTY {
                throw StrataError.message("container \"\(id)\" already exists", errno: EEXIST)
            }
            if code != 0 { throw StrataError.system("rename", "\(scratch) to \(directory(id))", errno: code) }
        } catch {
            lock.release()
            _ = try? Files.removeTree(scratch)
            throw error
        }
        return lock
    }

    /// Takes an exclusive lock on the container directory until `ContainerLock.release()`.
    public func lock(_ id: String) throws(StrataError) -> ContainerLock {
        try lock(id, mode: LOCK_EX)
    }

    func lock(_ id: String, mode: Int32) throws(StrataError) -> ContainerLock {
        let path = directory(id)
        // A directory renamed away while we waited for its lock is the deleted container:
        // look again at what the id names now. A handful of rounds covers any real race.
        for _ in 0..<16 {
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if fd < 0 {
                let code = currentErrno()
                if code == ENOENT { throw Self.notExist(id) }
                throw StrataError.system("open", path, errno: code)
            }
            do { try Self.acquire(fd, mode, path: path) } catch { close(fd); throw error }
            if DirectoryFiles.isLinked(fd, as: id, in: root) { return ContainerLock(fd: fd, path: path) }
            close(fd)
        }
        throw StrataError("lock", path, errno: EAGAIN, reason: "the container directory keeps being replaced")
    }

    static func acquire(_ fd: Int32, _ mode: Int32, path: String) throws(StrataError) {
        while flock(fd, mode) != 0 {
            if currentErrno() != EINTR { throw StrataError.system("flock", path) }
        }
    }

    /// Writes the record's state.json in the locked directory.
    public func save(_ record: ContainerRecord, in lock: ContainerLock) throws(StrataError) {
        try DirectoryFiles.writeAtomically(lock.fd, Self.stateName, Self.bytes(record), mode: 0o600, display: lock.path)
    }

    static func bytes(_ record: ContainerRecord) -> [UInt8] {
        let status: ContainerStatus = record.creating ? .creating : (record.started ? .running : .created)
        return record.document(status: status).jsonBytes()
    }

    /// The record, read through the locked directory.
    public func load(_ id: String, in lock: ContainerLock) throws(StrataError) -> ContainerRecord {
        try Self.decode(try readState(id, dir: lock.fd), file: stateFile(id))
    }

    /// The record, read without the lock (`state`, `list`, `kill`, `exec`): state.json is
    /// only ever replaced whole, so this sees one complete version.
    public func load(_ id: String) throws(StrataError) -> ContainerRecord {
        let fd = open(directory(id), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            if currentErrno() == ENOENT || currentErrno() == ENOTDIR { throw Self.notExist(id) }
            throw StrataError.system("open", directory(id))
        }
        defer { close(fd) }
        return try Self.decode(try readState(id, dir: fd), file: stateFile(id))
    }

    private func readState(_ id: String, dir: Int32) throws(StrataError) -> [UInt8] {
        do { return try DirectoryFiles.read(dir, Self.stateName, display: directory(id)) } catch {
            if error.errno == ENOENT { throw Self.notExist(id) }
            throw error
        }
    }

    static func decode(_ bytes: [UInt8], file: String) throws(StrataError) -> ContainerRecord {
        let state: ContainerState
        do { state = try ContainerState.load(fromJSON: bytes) } catch {
            throw StrataError("decode state", file, reason: error.description)
        }
        return try ContainerRecord(document: state, file: file)
    }

    /// The container's copy of its config.json, read through the locked directory.
    public func loadConfig(_ id: String, in lock: ContainerLock) throws(StrataError) -> [UInt8] {
        try DirectoryFiles.read(lock.fd, Self.configName, display: directory(id))
    }

    /// True while another process holds the container's lock (a create in progress holds
    /// it throughout). Never blocks.
    public func isLockedElsewhere(_ id: String) -> Bool {
        let fd = open(directory(id), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 { return false }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 { return false }
        return currentErrno() == EWOULDBLOCK
    }

    /// Ids of every container directory that holds a state file.
    public func ids() -> [String] {
        guard let names = try? Files.list(root) else { return [] }
        return names.filter { name in
            (try? ContainerID.validate(name)) != nil && Files.exists(stateFile(name))
        }.sorted()
    }

    /// Removes the locked container directory: renamed away first, so the id is free the
    /// moment this starts and nobody ever sees it half-emptied, then removed.
    public func remove(_ id: String, lock: ContainerLock) throws(StrataError) {
        let grave = root + "/" + Self.deletedPrefix + id + "-" + String(getpid())
        if Files.exists(grave) { try Files.removeTree(grave) }
        if rename(directory(id), grave) != 0 {
            let code = currentErrno()
            if code == ENOENT { return }
            throw StrataError.system("rename", "\(directory(id)) to \(grave)", errno: code)
        }
        try Files.removeTree(grave)
    }

    /// Removes `@creating-ID-PID` and `@deleted-ID-PID` directories of `id` left by a
    /// strun killed while it made or removed them (PID no longer runs). They hold no
    /// process and no cgroup: those are made only after the directory got its id.
    public func sweepDebris(of id: String) {
        guard let names = try? Files.list(root) else { return }
        for name in names {
            for prefix in [Self.creatingPrefix, Self.deletedPrefix] where name.hasPrefix(prefix + id + "-") {
                let pidText = name.dropFirst(prefix.count + id.count + 1)
                guard let pid = Int32(pidText), pid > 0, !Processes.isAlive(pid) else { continue }
                _ = try? Files.removeTree(root + "/" + name)
            }
        }
    }

    /// runc's phrase, which containerd matches on: "does not exist".
    public static func notExist(_ id: String) -> StrataError {
        StrataError.message("container \"\(id)\" does not exist", errno: ENOENT)
    }
}

/// An flock held on a container directory, and the descriptor that names it.
public struct ContainerLock: Sendable {
    /// The locked directory's fd; a forked child must close its copy.
    public let fd: Int32
    /// The directory's path under the id, for messages.
    public let path: String
    public func release() { close(fd) }
}
