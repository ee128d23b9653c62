#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// The messages `strun` and the container's init exchange over their SEQPACKET pair.
///
/// Each message is one packet: a keyword, then an optional space and payload. Keeping it
/// text makes a protocol trace readable in `strace -f`.
/// One hierarchy's cgroup directory of the container, as mounted under /sys/fs/cgroup.
struct CgroupDirectory: Equatable {
    let name: String
    let hostPath: String
}

enum SyncMessage: Equatable {
    /// init → strun: the stage-1 child unshared a user namespace; write its id maps.
    case needMaps
    /// strun → init: the maps are written.
    case mapped
    /// init → strun: the host pid of the process that becomes the container's init.
    case pid(Int32)
    /// strun → init: cgroups are set up; the payload lists this container's cgroup
    /// directories ("name\tpath" lines) for a v1 `cgroup` mount.
    case go([CgroupDirectory])
    /// init → strun: mounts are done; run the prestart and createRuntime hooks now.
    case runtimeHooks
    /// strun → init: those hooks ran.
    case hooksDone
    /// init → strun: the seccomp filter is installed; its notify listener fd travels with
    /// this message, for strun to pass on to `listenerPath`.
    case seccompListener
    /// init → strun: everything is ready; init waits on the exec fifo next.
    case ready
    /// strun → init: the state is saved (not awaited: read while init waits for start).
    case committed
    /// init → strun: setup failed with this message.
    case failed(String)

    var encoded: String {
        switch self {
        case .needMaps: return "maps"
        case .mapped: return "mapped"
        case .pid(let p): return "pid \(p)"
        case .go(let dirs): return (["go"] + dirs.map { $0.name + "\t" + $0.hostPath }).joined(separator: "\n")
        case .runtimeHooks: return "hooks"
        case .hooksDone: return "hooks-done"
        case .seccompListener: return "seccomp-listener"
        case .ready: return "ready"
        case .committed: return "committed"
        case .failed(let m): return "error \(m)"
        }
    }

    init?(decoding bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let (word, rest): (Substring, String) = {
            if let space = text.firstIndex(where: { $0 == " " || $0 == "\n" }) {
                return (text[..<space], String(text[text.index(after: space)...]))
            }
            return (Substring(text), "")
        }()
        switch word {
        case "maps": self = .needMaps
        case "mapped": self = .mapped
        case "pid": guard let p = Int32(rest) else { return nil }; self = .pid(p)
        case "go":
            self = .go(rest.split(separator: "\n").compactMap { line in
                guard let tab = line.firstIndex(of: "\t") else { return nil }
                return CgroupDirectory(name: String(line[..<tab]), hostPath: String(line[line.index(after: tab)...]))
            })
        case "hooks": self = .runtimeHooks
        case "hooks-done": self = .hooksDone
        case "seccomp-listener": self = .seccompListener
        case "ready": self = .ready
        case "committed": self = .committed
        case "error": self = .failed(rest)
        default: return nil
        }
    }
}

extension Channel {
    /// Sends one message. If the peer is gone (EPIPE), the reason it went is usually
    /// waiting in our receive queue: a process that fails sends its error before it exits.
    /// That error names the failing step and object, so it replaces our own
    /// "send sync channel: broken pipe".
    func send(_ message: SyncMessage) throws(StrataError) {
        do {
            try send(message.encoded)
        } catch {
            // Only once the peer is gone: reading could block while it lives.
            if error.errno == EPIPE || error.errno == ECONNRESET, let reported = peerFailure() { throw reported }
            throw error
        }
    }

    /// After the peer closed its end: the first error it sent before closing, if any.
    /// Never blocks then, as every queued message is followed by end-of-file.
    func peerFailure() -> StrataError? {
        while true {
            guard let message = try? next() else { return nil }
            if case .failed(let text) = message { return StrataError.message(text) }
        }
    }

    /// The next message; a closed peer reads as `nil`.
    func next() throws(StrataError) -> SyncMessage? {
        let (message, fd) = try nextWithFD()
        if fd >= 0 { closeFD(fd) }
        return message
    }

    /// The next message and the fd passed with it (or -1), which the caller owns.
    func nextWithFD() throws(StrataError) -> (SyncMessage?, Int32) {
        var received: (bytes: [UInt8], fd: Int32)
        do {
            received = try receive()
        } catch {
            // A peer that exits with a message of ours unread makes the kernel report
            // ECONNRESET, once, ahead of what the peer sent before it went (its error):
            // read on to get that, then end-of-file.
            guard error.errno == ECONNRESET else { throw error }
            received = (try? receive()) ?? ([], -1)
        }
        let (bytes, fd) = received
        if bytes.isEmpty {
            if fd >= 0 { closeFD(fd) }
            return (nil, -1)
        }
        guard let message = SyncMessage(decoding: bytes) else {
            if fd >= 0 { closeFD(fd) }
            throw StrataError("decode", "sync message", reason: "unexpected \"\(String(decoding: bytes, as: UTF8.self))\"")
        }
        return (message, fd)
    }

    /// Waits for "go" and returns its cgroup directories.
    func expectGo() throws(StrataError) -> [CgroupDirectory] {
        guard let message = try next() else {
            throw StrataError("wait for cgroup setup", "", reason: "peer closed the sync channel")
        }
        switch message {
        case .go(let dirs): return dirs
        case .failed(let text): throw StrataError.message(text)
        default: throw StrataError("wait for cgroup setup", "", reason: "expected go, got \(message.encoded)")
        }
    }

    /// Waits for exactly `expected`; an error message from the peer is rethrown as is.
    func expect(_ expected: SyncMessage, during step: String) throws(StrataError) {
        guard let message = try next() else {
            throw StrataError(step, "", reason: "peer closed the sync channel")
        }
        if case .failed(let text) = message { throw StrataError.message(text) }
        if message != expected {
            throw StrataError(step, "", reason: "expected \(expected.encoded), got \(message.encoded)")
        }
    }
}
