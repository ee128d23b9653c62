#if canImport(Glibc)
import Glibc
#endif
import CSeccomp
import CShim
import StrataSystem
import StrataSpec

/// Turns `linux.seccomp` into BPF with libseccomp, in the parent before the clone: the
/// child inherits the bytes and only installs them, late, so that the runtime's own setup
/// syscalls are never filtered and the child never runs libseccomp.
///
/// runc's semantics where the spec is silent: syscall names this libseccomp does not know
/// are skipped; a rule whose action equals the default is dropped; when a rule has several
/// conditions on the same argument, each condition becomes a rule of its own (OR), else all
/// conditions form one rule (AND).
enum SeccompCompiler {
    static func compile(_ seccomp: LinuxSeccomp) throws(StrataError) -> SeccompProgram {
        try program(seccomp, bpf: filter(seccomp))
    }

    /// The program around already compiled BPF: the listener and the seccomp(2) flags,
    /// which depend on the running kernel and so are never cached.
    static func program(_ seccomp: LinuxSeccomp, bpf: [UInt8]) throws(StrataError) -> SeccompProgram {
        let field = "linux.seccomp"
        let notifies = seccomp.defaultAction == "SCMP_ACT_NOTIFY" || (seccomp.syscalls ?? []).contains { $0.action == "SCMP_ACT_NOTIFY" }
        if notifies && (seccomp.listenerPath ?? "").isEmpty {
            throw StrataError("validate", field + ".listenerPath", reason: "required when an action is SCMP_ACT_NOTIFY")
        }
        var flags = try SeccompFlags.resolve(seccomp.flags, field: field + ".flags")
        // WAIT_KILLABLE_RECV qualifies the listener; without one the kernel refuses it.
        flags = notifies ? flags | SeccompFlags.newListener : flags & ~SeccompFlags.waitKillableRecv
        return SeccompProgram(bpf: bpf, flags: flags, notifies: notifies,
                              listenerPath: seccomp.listenerPath, listenerMetadata: seccomp.listenerMetadata)
    }

    /// The BPF for a profile: libseccomp's program, behind the ENOSYS stub where it applies.
    /// Depends only on the profile and the libseccomp version (see `SeccompCache`).
    static func filter(_ seccomp: LinuxSeccomp) throws(StrataError) -> [UInt8] {
        let field = "linux.seccomp"
        // The init's own sendmsg of the listener fd would wait for a listener that can
        // only get the fd through it (runc refuses this too).
        if seccomp.defaultAction == "SCMP_ACT_NOTIFY" {
            throw StrataError("validate", field + ".defaultAction", reason: "SCMP_ACT_NOTIFY cannot be the default action")
        }
        let defaultAction = try action(seccomp.defaultAction, errnoRet: seccomp.defaultErrnoRet,
                                       field: field + ".defaultAction")
        guard let ctx = seccomp_init(defaultAction) else {
            throw StrataError("seccomp_init", field + ".defaultAction", reason: "libseccomp refused \(seccomp.defaultAction)")
        }
        defer { seccomp_release(ctx) }
        // We install the BPF ourselves and set no_new_privs only when the config asks.
        _ = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0)

        for (index, name) in (seccomp.architectures ?? []).enumerated() {
            let token = architecture(name)
            if token == 0 {
                throw StrataError("validate", "\(field).architectures[\(index)]", reason: "unknown architecture \"\(name)\"")
            }
            let rc = seccomp_arch_add(ctx, token)
            if rc < 0 && rc != -EEXIST {
                throw StrataError("seccomp_arch_add", "\(field).architectures[\(index)] \(name)", errno: -rc)
            }
        }

        for (index, rule) in (seccomp.syscalls ?? []).enumerated() {
            let ruleField = "\(field).syscalls[\(index)]"
            let ruleAction = try action(rule.action, errnoRet: rule.errnoRet, field: ruleField + ".action")
            // The init hands the listener fd to strun with sendmsg after installing the
            // filter: a notified sendmsg would wait for a listener that cannot have the fd yet.
            if rule.action == "SCMP_ACT_NOTIFY" && rule.names.contains("sendmsg") {
                throw StrataError("validate", ruleField, reason: "SCMP_ACT_NOTIFY cannot be used for sendmsg (strun passes the listener fd with it)")
            }
            let conditions = try conditions(rule.args ?? [], field: ruleField)
            if ruleAction == defaultAction { continue }
            for name in rule.names {
                let number = seccomp_syscall_resolve_name(name)
                if number == __NR_SCMP_ERROR { continue }
                try add(ctx, action: ruleAction, syscall: number, conditions: conditions,
                        object: "\(ruleField) \(name)")
            }
        }
        var bpf = try export(ctx)
        if let highest = highestNativeSyscall(seccomp), deniesByDefault(seccomp.defaultAction, errnoRet: seccomp.defaultErrnoRet) {
            bpf = ENOSYSStub.instructions(above: highest) + bpf
        }
        if bpf.count / 8 > 4096 {
            throw StrataError("compile", "linux.seccomp", reason: "the filter has \(bpf.count / 8) instructions; the kernel takes at most 4096 (BPF_MAXINSNS)")
        }
        return bpf
    }

    /// The highest x86-64 syscall number the profile names, when the filter covers x86-64.
    private static func highestNativeSyscall(_ seccomp: LinuxSeccomp) -> Int32? {
        #if arch(x86_64)
        let archs = seccomp.architectures ?? []
        guard archs.isEmpty || archs.contains("SCMP_ARCH_X86_64") else { return nil }
        let token = architecture("SCMP_ARCH_X86_64")
        let numbers = (seccomp.syscalls ?? []).flatMap(\.names).map { seccomp_syscall_resolve_name_arch(token, $0) }
        return numbers.filter { $0 >= 0 }.max()
        #else
        return nil
        #endif
    }

    /// A default that refuses (errno other than ENOSYS, kill, trap): then syscalls newer than
    /// any the profile knows get ENOSYS instead, as with runc, so that libc falls back to an
    /// older call rather than failing on EPERM (faccessat2 and clone3 broke containers so).
    private static func deniesByDefault(_ action: String, errnoRet: UInt?) -> Bool {
        switch action {
        case "SCMP_ACT_ERRNO": return (errnoRet ?? UInt(EPERM)) != UInt(ENOSYS)
        case "SCMP_ACT_KILL", "SCMP_ACT_KILL_THREAD", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_TRAP": return true
        default: return false
        }
    }

    /// One rule, or one per condition when an argument is tested more than once.
    private static func add(_ ctx: scmp_filter_ctx, action: UInt32, syscall: Int32,
                            conditions: [scmp_arg_cmp], object: String) throws(StrataError) {
        var perArgument = [Int](repeating: 0, count: 6)
        for c in conditions { perArgument[Int(c.arg)] += 1 }
        let groups: [[scmp_arg_cmp]] = perArgument.contains(where: { $0 > 1 }) ? conditions.map { [$0] } : [conditions]
        for group in groups {
            let rc = group.withUnsafeBufferPointer { buf in
                seccomp_rule_add_array(ctx, action, syscall, UInt32(buf.count), buf.baseAddress)
            }
            if rc < 0 {
                throw StrataError("seccomp_rule_add", object, errno: -rc)
            }
        }
    }

    private static func conditions(_ args: [LinuxSeccompArg], field: String) throws(StrataError) -> [scmp_arg_cmp] {
        var out: [scmp_arg_cmp] = []
        for (index, arg) in args.enumerated() {
            let argField = "\(field).args[\(index)]"
            guard arg.index < 6 else {
                throw StrataError("validate", argField + ".index", reason: "\(arg.index) is out of range (0 to 5)")
            }
            guard let op = operators[arg.op] else {
                throw StrataError("validate", argField + ".op", reason: "unknown operator \"\(arg.op)\"")
            }
            // For SCMP_CMP_MASKED_EQ, value is the mask and valueTwo the masked datum.
            out.append(scmp_arg_cmp(arg: UInt32(arg.index), op: op, datum_a: arg.value, datum_b: arg.valueTwo ?? 0))
        }
        return out
    }

    static let operators: [String: scmp_compare] = [
        "SCMP_CMP_NE": SCMP_CMP_NE, "SCMP_CMP_LT": SCMP_CMP_LT, "SCMP_CMP_LE": SCMP_CMP_LE,
        "SCMP_CMP_EQ": SCMP_CMP_EQ, "SCMP_CMP_GE": SCMP_CMP_GE, "SCMP_CMP_GT": SCMP_CMP_GT,
        "SCMP_CMP_MASKED_EQ": SCMP_CMP_MASKED_EQ,
    ]

    /// The SCMP_ACT_* value (seccomp.h's macros, which Swift cannot import).
    static func action(_ name: String, errnoRet: UInt?, field: String) throws(StrataError) -> UInt32 {
        let ret = UInt32(truncatingIfNeeded: errnoRet ?? UInt(EPERM)) & 0xffff
        let value: UInt32
        switch name {
        case "SCMP_ACT_KILL", "SCMP_ACT_KILL_THREAD": value = 0x0000_0000
        case "SCMP_ACT_KILL_PROCESS": value = 0x8000_0000
        case "SCMP_ACT_TRAP": value = 0x0003_0000
        case "SCMP_ACT_ERRNO": return 0x0005_0000 | ret
        case "SCMP_ACT_TRACE": return 0x7ff0_0000 | ret
        case "SCMP_ACT_NOTIFY": value = 0x7fc0_0000
        case "SCMP_ACT_LOG": value = 0x7ffc_0000
        case "SCMP_ACT_ALLOW": value = 0x7fff_0000
        default: throw StrataError("validate", field, reason: "unknown seccomp action \"\(name)\"")
        }
        if errnoRet != nil {
            throw StrataError("validate", field, reason: "errnoRet is only valid with SCMP_ACT_ERRNO and SCMP_ACT_TRACE, not \(name)")
        }
        return value
    }

    /// Bumped whenever the BPF this compiler makes for a profile changes (the stub, the
    /// rule shapes), so that cached programs from an older strun are not reused.
    static let formatVersion = 1

    static let actionNames = [
        "SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO", "SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD",
        "SCMP_ACT_LOG", "SCMP_ACT_NOTIFY", "SCMP_ACT_TRACE", "SCMP_ACT_TRAP",
    ]

    /// The architectures this libseccomp resolves, for `features`.
    static var architectureNames: [String] {
        ["AARCH64", "ARM", "LOONGARCH64", "M68K", "MIPS", "MIPS64", "MIPS64N32", "MIPSEL", "MIPSEL64", "MIPSEL64N32",
         "PARISC", "PARISC64", "PPC", "PPC64", "PPC64LE", "RISCV64", "S390", "S390X", "SH", "SHEB", "X32", "X86", "X86_64"]
            .map { "SCMP_ARCH_" + $0 }.filter { architecture($0) != 0 }
    }

    /// "2.5.4", as runc's features annotation reports it.
    static var libseccompVersion: String {
        guard let v = seccomp_version() else { return "" }
        return "\(v.pointee.major).\(v.pointee.minor).\(v.pointee.micro)"
    }

    /// "SCMP_ARCH_X86_64" → libseccomp's token for "x86_64"; 0 when unknown.
    static func architecture(_ name: String) -> UInt32 {
        let prefix = "SCMP_ARCH_"
        guard name.hasPrefix(prefix) else { return 0 }
        return seccomp_arch_resolve_name(String(name.dropFirst(prefix.count)).lowercased())
    }

    /// libseccomp 2.5 exports only to an fd: a memfd, read back whole.
    private static func export(_ ctx: scmp_filter_ctx) throws(StrataError) -> [UInt8] {
        let fd = try sys("memfd_create", "seccomp bpf") { strata_memfd_create("strata-seccomp", 1 /* MFD_CLOEXEC */) }
        defer { closeFD(fd) }
        let rc = seccomp_export_bpf(ctx, fd)
        if rc < 0 { throw StrataError("seccomp_export_bpf", "linux.seccomp", errno: -rc) }
        let size = lseek(fd, 0, SEEK_CUR)
        guard size > 0, size % 8 == 0 else {
            throw StrataError("seccomp_export_bpf", "linux.seccomp", reason: "unexpected program size \(size)")
        }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        if n != size { throw StrataError.system("read", "seccomp bpf") }
        return bytes
    }
}
