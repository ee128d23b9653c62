import StrataSystem

/// Generates the BPF_PROG_TYPE_CGROUP_DEVICE program for a list of device rules.
///
/// The kernel calls the program with `struct bpf_cgroup_dev_ctx { u32 access_type; u32
/// major; u32 minor; }`, where access_type is `(access << 16) | type`, and denies the
/// access (EPERM) when it returns 0. The program is the shape runc and crun generate:
///
///     r2 = type, r3 = access, r4 = major, r5 = minor
///     for each exception:                    (one block; a mismatch jumps to the next)
///         if r2 != type goto next
///         [access test]                      (left out when the exception covers rwm)
///         [if r4 != major goto next]         (left out for a wildcard)
///         [if r5 != minor goto next]
///         return exception's action
///     return default action
///
/// Every exception carries the opposite of the default action (see `DeviceExceptions`),
/// so their order does not change the outcome.
public enum DeviceProgram {
    static let r0: UInt8 = 0, r1: UInt8 = 1, r2: UInt8 = 2, r3: UInt8 = 3, r4: UInt8 = 4, r5: UInt8 = 5

    /// The program for `rules`, applied in order the way the v1 devices controller applies
    /// them, starting from deny-all. Throws for a malformed rule or one that would carve a
    /// hole in an earlier wildcard.
    public static func instructions(for rules: [DeviceRule]) throws(StrataError) -> [BPFInstruction] {
        instructions(for: try DeviceExceptions(rules))
    }

    static func instructions(for state: DeviceExceptions) -> [BPFInstruction] {
        var program: [BPFInstruction] = [
            .loadWord(r2, r1, offset: 0), .and32(r2, 0xffff),
            .loadWord(r3, r1, offset: 0), .rightShift32(r3, 16),
            .loadWord(r4, r1, offset: 4),
            .loadWord(r5, r1, offset: 8),
        ]
        for (pattern, access) in state.ordered {
            program += block(pattern, access, allow: !state.defaultAllow)
        }
        program += [.move32(r0, state.defaultAllow ? 1 : 0), .exit]
        return program
    }

    /// One exception's block. Each test jumps past the rest of the block when it fails,
    /// so the offset is the number of instructions left after it.
    static func block(_ pattern: DeviceExceptions.Pattern, _ access: DeviceAccess, allow: Bool) -> [BPFInstruction] {
        let testsAccess = access != .all
        let length = 1 + (testsAccess ? 3 : 0) + (pattern.major == nil ? 0 : 1) + (pattern.minor == nil ? 0 : 1) + 2
        var out: [BPFInstruction] = []
        func skip() -> Int16 { Int16(length - out.count - 1) }

        out.append(.jumpIfNotEqual(r2, pattern.type, skip: skip()))
        if testsAccess {
            // r1 (the context pointer) is free once the fields are loaded.
            out.append(.move32(r1, register: r3))
            out.append(.and32(r1, Int32(access.rawValue)))
            if allow {
                // An allow exception must cover all the access asked for at once, as
                // in the kernel's match_exception: (access & allowed) == access.
                out.append(.jumpIfNotEqual(r1, register: r3, skip: skip()))
            } else {
                // A deny exception applies as soon as any asked-for bit is denied, as
                // in match_exception_partial. runc tests "covers all" here too, which
                // lets "rw" through a "w"-only deny; this is the kernel's v1 behaviour.
                out.append(.jumpIfEqual(r1, 0, skip: skip()))
            }
        }
        if let major = pattern.major { out.append(.jumpIfNotEqual(r4, Int32(major), skip: skip())) }
        if let minor = pattern.minor { out.append(.jumpIfNotEqual(r5, Int32(minor), skip: skip())) }
        out += [.move32(r0, allow ? 1 : 0), .exit]
        return out
    }
}
