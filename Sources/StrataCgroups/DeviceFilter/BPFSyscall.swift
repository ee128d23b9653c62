import CShim
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// bpf(2) with `union bpf_attr` built as bytes: linux/bpf.h is not part of Swift's Glibc
/// module, and the few fields used here sit at offsets that are kernel ABI.
enum BPF {
    // Commands (enum bpf_cmd).
    static let progLoad: Int32 = 5
    static let progAttach: Int32 = 8
    static let progDetach: Int32 = 9
    static let progGetFDByID: Int32 = 13
    static let objGetInfoByFD: Int32 = 15
    static let progQuery: Int32 = 16

    static let progTypeCgroupDevice: UInt32 = 15    // BPF_PROG_TYPE_CGROUP_DEVICE
    static let attachCgroupDevice: UInt32 = 6       // BPF_CGROUP_DEVICE
    static let flagAllowMulti: UInt32 = 2           // BPF_F_ALLOW_MULTI
    static let flagReplace: UInt32 = 4              // BPF_F_REPLACE (5.6+)

    /// A zeroed `union bpf_attr`. 144 bytes is its size in current headers; the kernel
    /// accepts a larger or smaller attr as long as the bytes it does not know are zero.
    struct Attr {
        var bytes = [UInt8](repeating: 0, count: 144)

        mutating func set(_ offset: Int, _ value: UInt32) {
            withUnsafeBytes(of: value) { for (i, b) in $0.enumerated() { bytes[offset + i] = b } }
        }

        mutating func set(_ offset: Int, _ value: UInt64) {
            withUnsafeBytes(of: value) { for (i, b) in $0.enumerated() { bytes[offset + i] = b } }
        }

        /// A pointer field (`__aligned_u64`).
        mutating func set(_ offset: Int, pointer: UnsafeRawPointer?) {
            set(offset, UInt64(UInt(bitPattern: pointer)))
        }

        func u32(_ offset: Int) -> UInt32 {
            bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
        }
    }

    /// Runs one bpf(2) command; returns its result or the errno (as a negative number).
    /// EINTR and EAGAIN are retried: the verifier gives up with EAGAIN when interrupted,
    /// and libbpf retries it too.
    static func call(_ command: Int32, _ attr: inout Attr) -> Int {
        var attempts = 0
        while true {
            let size = UInt32(attr.bytes.count)
            let result = attr.bytes.withUnsafeMutableBytes { strata_bpf(command, $0.baseAddress, size) }
            if result >= 0 { return result }
            let code = currentErrno()
            attempts += 1
            if (code == EINTR || code == EAGAIN) && attempts < 5 { continue }
            return -Int(code)
        }
    }
}
