import StrataSpec
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Resolves `-u user[:group]` against the container's own /etc/passwd and /etc/group, read
/// by descriptor inside the rootfs (RESOLVE_IN_ROOT: a symlink in the rootfs cannot point
/// the read at the host's files). A name that is not there is an error; numbers need no entry.
public struct UserResolver {
    public let rootfs: String

    public init(rootfs: String) { self.rootfs = rootfs }

    public func resolve(_ spec: String?) throws(StrataError) -> User {
        guard let spec, !spec.isEmpty else { return User(uid: 0, gid: 0) }
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        let userPart = parts[0]
        var uid: UInt32
        var gid: UInt32
        var name: String?
        if let number = UInt32(userPart) {
            uid = number
            gid = (try? passwd().first { $0.uid == number }?.gid) ?? 0
        } else {
            guard let entry = try passwd().first(where: { $0.name == userPart }) else {
                throw StrataError("resolve user", userPart, reason: "no such user in the container's /etc/passwd")
            }
            uid = entry.uid
            gid = entry.gid
            name = entry.name
        }
        if parts.count == 2 {
            if let number = UInt32(parts[1]) {
                gid = number
            } else {
                guard let group = try groups().first(where: { $0.name == parts[1] }) else {
                    throw StrataError("resolve group", parts[1], reason: "no such group in the container's /etc/group")
                }
                gid = group.gid
            }
        }
        var user = User(uid: uid, gid: gid)
        if let name {
            let extra = ((try? groups()) ?? []).filter { $0.members.contains(name) && $0.gid != gid }.map(\.gid)
            if !extra.isEmpty { user.additionalGids = extra }
        }
        return user
    }

    struct PasswdEntry { var name: String; var uid: UInt32; var gid: UInt32 }
    struct GroupEntry { var name: String; var gid: UInt32; var members: [String] }

    func passwd() throws(StrataError) -> [PasswdEntry] {
        try lines("/etc/passwd").compactMap { fields in
            guard fields.count >= 4, let uid = UInt32(fields[2]), let gid = UInt32(fields[3]) else { return nil }
            return PasswdEntry(name: fields[0], uid: uid, gid: gid)
        }
    }

    func groups() throws(StrataError) -> [GroupEntry] {
        try lines("/etc/group").compactMap { fields in
            guard fields.count >= 3, let gid = UInt32(fields[2]) else { return nil }
            let members = fields.count > 3 ? fields[3].split(separator: ",").map(String.init) : []
            return GroupEntry(name: fields[0], gid: gid, members: members)
        }
    }

    /// The colon-separated fields of each line of a file inside the rootfs; a missing file is empty.
    func lines(_ path: String) throws(StrataError) -> [[String]] {
        let root = open(rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw StrataError.system("open", rootfs) }
        defer { close(root) }
        let fd = Descriptors.openatResolveInRoot(root, path, flags: O_RDONLY)
        if fd < 0 {
            if currentErrno() == ENOENT { return [] }
            throw StrataError.system("open", rootfs + path)
        }
        defer { close(fd) }
        let text = String(decoding: try Files.readAll(fd: fd, name: rootfs + path), as: UTF8.self)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init) }
    }
}
