import Foundation
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// The OCI runtime's command line (runc's, which strun, runc and crun share), the only way
/// the engine touches containers. One client per runtime binary and state root.
public struct RuntimeClient: Sendable {
    public let binary: String
    public let root: String

    public init(binary: String, root: String) {
        self.binary = binary
        self.root = root
    }

    var base: [String] { [binary, "--root", root] }

    public func createArgv(id: String, bundle: String, pidFile: String, consoleSocket: String? = nil) -> [String] {
        var argv = base + ["create", "--bundle", bundle, "--pid-file", pidFile]
        if let consoleSocket { argv += ["--console-socket", consoleSocket] }
        return argv + [id]
    }

    /// `exec`: the process runs with our stdio; `-t` needs a console socket with runc.
    public func execArgv(id: String, argv: [String], tty: Bool, env: [String], user: String?, cwd: String?,
                         consoleSocket: String? = nil, pidFile: String? = nil, detach: Bool = false) -> [String] {
        var out = base + ["exec"]
        if tty { out.append("--tty") }
        if let consoleSocket { out += ["--console-socket", consoleSocket] }
        if let pidFile { out += ["--pid-file", pidFile] }
        if detach { out.append("--detach") }
        for pair in env { out += ["--env", pair] }
        if let user { out += ["--user", user] }
        if let cwd { out += ["--cwd", cwd] }
        return out + [id] + argv
    }

    /// Runs a step that must succeed; the error carries the runtime's own message.
    public func run(_ args: [String], what: String, id: String) throws(StrataError) {
        let result = try ProcessSpawner.run(base + args)
        guard result.status == .exited(0) else {
            throw StrataError(what, id, reason: Self.message(result.stderr, result.stdout, status: result.status, binary: binary))
        }
    }

    public func start(_ id: String) throws(StrataError) { try run(["start", id], what: "start container", id: id) }

    /// Sends a signal to the init (or, with `all`, to every process of the container).
    public func kill(_ id: String, signal: Int32, all: Bool = false) throws(StrataError) {
        try run(["kill"] + (all ? ["--all"] : []) + [id, String(signal)], what: "signal container", id: id)
    }

    /// Forced delete; a container the runtime does not know is already gone (not an error).
    public func delete(_ id: String) throws(StrataError) {
        let result = try ProcessSpawner.run(base + ["delete", "--force", id])
        if result.status == .exited(0) { return }
        let text = Self.message(result.stderr, result.stdout, status: result.status, binary: binary)
        if text.contains("does not exist") || text.contains("not exist") || text.contains("no such") { return }
        throw StrataError("delete container", id, reason: text)
    }

    /// The runtime's status word (created, running, stopped, paused), or nil if unknown to it.
    public func status(_ id: String) -> String? {
        guard let result = try? ProcessSpawner.run(base + ["state", id]), result.status == .exited(0) else { return nil }
        let text = String(decoding: result.stdout, as: UTF8.self)
        guard let range = text.range(of: "\"status\"") else { return nil }
        let rest = text[range.upperBound...].drop { $0 == ":" || $0 == " " || $0 == "\"" }
        return String(rest.prefix { $0 != "\"" })
    }

    /// The pids inside the container (`ps --format json`).
    public func pids(_ id: String) throws(StrataError) -> [Int32] {
        let result = try ProcessSpawner.run(base + ["ps", "--format", "json", id])
        guard result.status == .exited(0) else {
            throw StrataError("list processes of", id, reason: Self.message(result.stderr, result.stdout, status: result.status, binary: binary))
        }
        let text = String(decoding: result.stdout, as: UTF8.self)
        return text.split(whereSeparator: { !$0.isNumber }).compactMap { Int32($0) }
    }

    /// The runtime's last error line (runc writes `level=error msg="..."`; strun plain text).
    static func message(_ stderr: [UInt8], _ stdout: [UInt8], status: ExitStatus, binary: String) -> String {
        var text = String(decoding: stderr.isEmpty ? stdout : stderr, as: UTF8.self)
        text = text.split(separator: "\n").last.map(String.init) ?? ""
        if let msg = text.range(of: "msg=\"") {
            text = String(text[msg.upperBound...].dropLast(text.hasSuffix("\"") ? 1 : 0))
        }
        text = text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            switch status {
            case .exited(let code): text = "\(binary) exited with status \(code)"
            case .signaled(let signal): text = "\(binary) was killed by signal \(signal)"
            }
        }
        return text
    }
}
