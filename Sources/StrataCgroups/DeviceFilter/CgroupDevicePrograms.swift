import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Query, attach and detach of BPF_CGROUP_DEVICE programs on one cgroup directory fd.
/// Errors name the cgroup directory `path`.
enum CgroupDevicePrograms {
    /// Ids of the device programs attached to this cgroup itself (not its ancestors').
    static func attachedIDs(_ dirFD: Int32, path: String) throws(StrataError) -> [UInt32] {
        // The kernel has allowed 64 programs per attach point; ENOSPC reports the real count.
        var capacity = 64
        for _ in 0..<4 {
            var ids = [UInt32](repeating: 0, count: capacity)
            var attr = BPF.Attr()
            attr.set(0, UInt32(bitPattern: dirFD))     // query.target_fd
            attr.set(4, BPF.attachCgroupDevice)          // query.attach_type
            attr.set(24, UInt32(capacity))               // query.prog_cnt
            let result = ids.withUnsafeMutableBytes { buffer in
                attr.set(16, pointer: buffer.baseAddress) // query.prog_ids
                return BPF.call(BPF.progQuery, &attr)
            }
            let count = Int(attr.u32(24))
            if result == -Int(ENOSPC) {
                capacity = max(count, capacity * 2)
                continue
            }
            if result < 0 { throw StrataError("query device programs of", path, errno: Int32(-result)) }
            return Array(ids.prefix(min(count, capacity)))
        }
        throw StrataError("query device programs of", path, errno: ENOSPC)
    }

    /// An fd for program `id`, or nil when it is gone (ENOENT) or hidden from us by an LSM
    /// (EPERM, EACCES): runc skips those too, and a program we cannot see is not ours.
    static func open(id: UInt32) throws(StrataError) -> Int32? {
        var attr = BPF.Attr()
        attr.set(0, id)                                  // prog_id
        let fd = BPF.call(BPF.progGetFDByID, &attr)
        if fd >= 0 { return Int32(fd) }
        let code = Int32(-fd)
        if code == ENOENT || code == EPERM || code == EACCES { return nil }
        throw StrataError("open device program", "id \(id)", errno: code)
    }

    /// The name a program was loaded with (bpf_prog_info.name), or nil.
    static func name(ofProgram fd: Int32) -> String? {
        var info = [UInt8](repeating: 0, count: 80)     // up to and including name[16]
        var attr = BPF.Attr()
        attr.set(0, UInt32(bitPattern: fd))              // info.bpf_fd
        attr.set(4, UInt32(info.count))                  // info.info_len
        let result = info.withUnsafeMutableBytes { buffer in
            attr.set(8, pointer: buffer.baseAddress)     // info.info
            return BPF.call(BPF.objGetInfoByFD, &attr)
        }
        guard result >= 0 else { return nil }
        return String(decoding: info[64..<80].prefix { $0 != 0 }, as: UTF8.self)
    }

    /// Attaches `program` with BPF_F_ALLOW_MULTI, in place of `replacing` when given
    /// (BPF_F_REPLACE: one atomic swap). Returns 0 or the errno.
    static func attach(_ program: Int32, to dirFD: Int32, replacing old: Int32?) -> Int32 {
        var attr = BPF.Attr()
        attr.set(0, UInt32(bitPattern: dirFD))           // target_fd
        attr.set(4, UInt32(bitPattern: program))         // attach_bpf_fd
        attr.set(8, BPF.attachCgroupDevice)              // attach_type
        var flags = BPF.flagAllowMulti
        if let old {
            flags |= BPF.flagReplace
            attr.set(16, UInt32(bitPattern: old))        // replace_bpf_fd
        }
        attr.set(12, flags)                              // attach_flags
        let result = BPF.call(BPF.progAttach, &attr)
        return result < 0 ? Int32(-result) : 0
    }

    /// Detaches `program`; one that is already gone is fine.
    static func detach(_ program: Int32, from dirFD: Int32, path: String) throws(StrataError) {
        var attr = BPF.Attr()
        attr.set(0, UInt32(bitPattern: dirFD))           // target_fd
        attr.set(4, UInt32(bitPattern: program))         // attach_bpf_fd
        attr.set(8, BPF.attachCgroupDevice)              // attach_type
        let result = BPF.call(BPF.progDetach, &attr)
        if result < 0 && result != -Int(ENOENT) {
            throw StrataError("detach device program from", path, errno: Int32(-result))
        }
    }
}
