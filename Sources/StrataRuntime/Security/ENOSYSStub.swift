/// Classic BPF put in front of libseccomp's program: an x86-64 syscall numbered above
/// `highest` returns ENOSYS. x32 calls (bit 30 set) and other architectures fall through
/// to the profile unchanged.
enum ENOSYSStub {
    static let auditArchX86_64: UInt32 = 0xC000_003E
    static let x32SyscallBit: UInt32 = 0x4000_0000

    static func instructions(above highest: Int32) -> [UInt8] {
        let ldAbsW: UInt16 = 0x20, jeq: UInt16 = 0x15, jge: UInt16 = 0x35, jgt: UInt16 = 0x25, ret: UInt16 = 0x06
        // seccomp_data: nr at offset 0, arch at offset 4. Jumps count from the next insn;
        // 6 is the first instruction of the profile.
        let program: [(UInt16, UInt8, UInt8, UInt32)] = [
            (ldAbsW, 0, 0, 4),
            (jeq, 0, 4, auditArchX86_64),          // another arch: to the profile
            (ldAbsW, 0, 0, 0),
            (jge, 2, 0, x32SyscallBit),            // x32: to the profile
            (jgt, 0, 1, UInt32(highest)),          // newer than the profile knows:
            (ret, 0, 0, 0x0005_0000 | 38),         //   ENOSYS
        ]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(program.count * 8)
        for (code, jt, jf, k) in program {
            bytes += [UInt8(code & 0xff), UInt8(code >> 8), jt, jf,
                      UInt8(k & 0xff), UInt8((k >> 8) & 0xff), UInt8((k >> 16) & 0xff), UInt8(k >> 24)]
        }
        return bytes
    }
}
