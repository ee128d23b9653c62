import Testing
import StrataSystem
@testable import StrataCgroups
#if canImport(Glibc)
import Glibc
#endif

/// Runs a device program the way the kernel would for one access, over the few opcodes
/// the generator emits, so tests can check what a program decides and not only its shape.
enum DeviceProgramRunner {
    static let block: UInt32 = 1, char: UInt32 = 2
    static let mknod: UInt32 = 1, read: UInt32 = 2, write: UInt32 = 4

    static func allows(_ program: [BPFInstruction], type: UInt32, access: UInt32, major: UInt32, minor: UInt32) -> Bool? {
        let context = [(access << 16) | type, major, minor]
        var reg = [UInt64](repeating: 0, count: 11)
        var pc = 0
        while pc < program.count {
            let i = program[pc]
            let d = Int(i.dst), s = Int(i.src)
            let imm = UInt64(bitPattern: Int64(i.immediate))
            pc += 1
            switch i.code {
            case 0x61: reg[d] = UInt64(context[Int(i.offset) / 4])          // ldxw from the context
            case 0x54: reg[d] = UInt64(UInt32(truncatingIfNeeded: reg[d] & imm))
            case 0x74: reg[d] = UInt64(UInt32(truncatingIfNeeded: reg[d]) >> UInt32(i.immediate))
            case 0xbc: reg[d] = UInt64(UInt32(truncatingIfNeeded: reg[s]))
            case 0xb4: reg[d] = UInt64(UInt32(bitPattern: i.immediate))
            case 0x55: if reg[d] != imm { pc += Int(i.offset) }
            case 0x5d: if reg[d] != reg[s] { pc += Int(i.offset) }
            case 0x15: if reg[d] == imm { pc += Int(i.offset) }
            case 0x95: return reg[0] != 0
            default: return nil
            }
        }
        return nil
    }
}

@Suite struct DeviceProgramTests {
    static let header = ["ldxw r2, [r1+0]", "and32 r2, 65535", "ldxw r3, [r1+0]", "rsh32 r3, 16",
                         "ldxw r4, [r1+4]", "ldxw r5, [r1+8]"]

    /// runc's default allow list, as CgroupSetup appends it.
    static let defaults: [DeviceRule] = [
        DeviceRule(allow: true, type: "c", access: "m"), DeviceRule(allow: true, type: "b", access: "m"),
        DeviceRule(allow: true, type: "c", major: 1, minor: 3), DeviceRule(allow: true, type: "c", major: 1, minor: 8),
        DeviceRule(allow: true, type: "c", major: 1, minor: 7), DeviceRule(allow: true, type: "c", major: 5, minor: 0),
        DeviceRule(allow: true, type: "c", major: 1, minor: 5), DeviceRule(allow: true, type: "c", major: 1, minor: 9),
        DeviceRule(allow: true, type: "c", major: 136), DeviceRule(allow: true, type: "c", major: 5, minor: 2),
        DeviceRule(allow: true, type: "c", major: 10, minor: 200),
    ]

    func listing(_ rules: [DeviceRule]) throws -> [String] {
        try DeviceProgram.instructions(for: rules).map(\.description)
    }

    func allows(_ rules: [DeviceRule], _ type: UInt32, _ major: UInt32, _ minor: UInt32, _ access: UInt32) throws -> Bool? {
        DeviceProgramRunner.allows(try DeviceProgram.instructions(for: rules), type: type, access: access, major: major, minor: minor)
    }

    @Test func noRulesDeniesEverything() throws {
        #expect(try listing([]) == Self.header + ["mov32 r0, 0", "exit"])
    }

    @Test func allowAllIsOneReturn() throws {
        #expect(try listing([DeviceRule(allow: true)]) == Self.header + ["mov32 r0, 1", "exit"])
    }

    /// Instruction for instruction what runc's devicefilter_test.go expects for this list:
    /// 64 instructions, exceptions sorted by (major, minor, type), wildcards first.
    @Test func runcDefaultListMatchesRunc() throws {
        let expected = Self.header + [
            // b *:* m
            "jne r2, 1, +5", "mov32 r1, r3", "and32 r1, 1", "jne r1, r3, +2", "mov32 r0, 1", "exit",
            // c *:* m
            "jne r2, 2, +5", "mov32 r1, r3", "and32 r1, 1", "jne r1, r3, +2", "mov32 r0, 1", "exit",
            "jne r2, 2, +4", "jne r4, 1, +3", "jne r5, 3, +2", "mov32 r0, 1", "exit",
            "jne r2, 2, +4", "jne r4, 1, +3", "jne r5, 5, +2", "mov32 r0, 1", "exit",
            "jne r2, 2, +4", "jne r4, 1, +3", "jne r5, 7, +2", "mov32 r0, 1", "exit",
            "jne r2, 2, +4", "jne r4, 1, +3", "jne r5, 8, +2", "mov32 r0, 1", "exit",
            "jne r2, 2, +4", "jne r4, 1, +3", "jne r5, 9, +2", "mov32 r0, 1", "exit",
            "jne r2, 2, +4", "jne r4, 5, +3", "jne r5, 0, +2", "mov32 r0, 1", "exit",
            "jne r2, 2, +4", "jne r4, 5, +3", "jne r5, 2, +2", "mov32 r0, 1", "exit",
            "jne r2, 2, +4", "jne r4, 10, +3", "jne r5, 200, +2", "mov32 r0, 1", "exit",
            // c 136:* rwm
            "jne r2, 2, +3", "jne r4, 136, +2", "mov32 r0, 1", "exit",
            "mov32 r0, 0", "exit",
        ]
        #expect(expected.count == 64)
        #expect(try listing(Self.defaults) == expected)
        // What runtimes send: deny-all first, then the list. The leading reset changes nothing.
        #expect(try listing([DeviceRule(allow: false)] + Self.defaults) == expected)
    }

    @Test func allowAllExceptOneDevice() throws {
        let rules = [DeviceRule(allow: true), DeviceRule(allow: false, type: "b", major: 8, minor: 0)]
        #expect(try listing(rules) == Self.header + [
            "jne r2, 1, +4", "jne r4, 8, +3", "jne r5, 0, +2", "mov32 r0, 0", "exit", "mov32 r0, 1", "exit",
        ])
    }

    /// An "a" rule drops every rule before it (runc's "weird" case: 8:1 open, 8:2 closed).
    @Test func wildcardResetsEarlierRules() throws {
        let rules = [DeviceRule(allow: false, type: "b", major: 8, minor: 1), DeviceRule(allow: true),
                     DeviceRule(allow: false, type: "b", major: 8, minor: 2)]
        #expect(try listing(rules) == Self.header + [
            "jne r2, 1, +4", "jne r4, 8, +3", "jne r5, 2, +2", "mov32 r0, 0", "exit", "mov32 r0, 1", "exit",
        ])
        let b: UInt32 = DeviceProgramRunner.block, r = DeviceProgramRunner.read
        #expect(try allows(rules, b, 8, 1, r) == true)
        #expect(try allows(rules, b, 8, 2, r) == false)
    }

    @Test func defaultListDecisions() throws {
        let rules = [DeviceRule(allow: false)] + Self.defaults
        let c = DeviceProgramRunner.char, b = DeviceProgramRunner.block
        let r = DeviceProgramRunner.read, w = DeviceProgramRunner.write, m = DeviceProgramRunner.mknod
        #expect(try allows(rules, c, 1, 3, r | w) == true)            // /dev/null
        #expect(try allows(rules, c, 136, 7, r | w) == true)          // a pty
        #expect(try allows(rules, c, 10, 200, r) == true)             // /dev/net/tun
        #expect(try allows(rules, b, 8, 0, r) == false)               // /dev/sda
        #expect(try allows(rules, b, 8, 0, m) == true)                // mknod of anything
        #expect(try allows(rules, c, 4, 1, w) == false)               // a tty
        #expect(try allows(rules, b, 1, 3, r) == false)               // type matters
    }

    /// Allow exceptions must cover the whole request; access for one pattern merges.
    @Test func allowedAccessMergesAndMustCoverTheRequest() throws {
        let c = DeviceProgramRunner.char, r = DeviceProgramRunner.read, w = DeviceProgramRunner.write
        let split = [DeviceRule(allow: false), DeviceRule(allow: true, type: "c", major: 1, minor: 3, access: "r"),
                     DeviceRule(allow: true, type: "c", major: 1, minor: 3, access: "w")]
        #expect(try listing(split).count == 6 + 8 + 2)
        #expect(try allows(split, c, 1, 3, r | w) == true)
        let readOnly = [DeviceRule(allow: false), DeviceRule(allow: true, type: "c", major: 1, minor: 3, access: "r")]
        #expect(try allows(readOnly, c, 1, 3, r) == true)
        #expect(try allows(readOnly, c, 1, 3, r | w) == false)
        #expect(try allows(readOnly, c, 1, 3, w) == false)
    }

    /// A deny exception applies when any asked-for bit is denied (the v1 kernel's
    /// match_exception_partial), so "rw" does not slip past a "w" deny.
    @Test func deniedAccessAppliesToAnyOverlap() throws {
        let c = DeviceProgramRunner.char, r = DeviceProgramRunner.read, w = DeviceProgramRunner.write
        let rules = [DeviceRule(allow: true), DeviceRule(allow: false, type: "c", major: 1, minor: 3, access: "w")]
        #expect(try listing(rules).contains("jeq r1, 0, +4"))
        #expect(try allows(rules, c, 1, 3, r) == true)
        #expect(try allows(rules, c, 1, 3, w) == false)
        #expect(try allows(rules, c, 1, 3, r | w) == false)
        #expect(try allows(rules, c, 1, 5, w) == true)
    }

    @Test func ruleWithTheDefaultActionRemovesAnException() throws {
        let c = DeviceProgramRunner.char, r = DeviceProgramRunner.read
        let rules = [DeviceRule(allow: false), DeviceRule(allow: true, type: "c", major: 1, minor: 3),
                     DeviceRule(allow: false, type: "c", major: 1, minor: 3, access: "rw")]
        #expect(try allows(rules, c, 1, 3, r) == false)
        #expect(try allows(rules, c, 1, 3, DeviceProgramRunner.mknod) == true)
    }

    @Test func holeInAWildcardIsRefused() {
        let rules = [DeviceRule(allow: false), DeviceRule(allow: true, type: "c"),
                     DeviceRule(allow: false, type: "c", major: 1, minor: 3)]
        #expect {
            try DeviceProgram.instructions(for: rules)
        } throws: { error in
            "\(error)" == "apply device rule deny c 1:3 rwm: cannot carve a hole in the earlier wildcard rule c *:* rwm"
        }
    }

    @Test func malformedRulesAreRefused() {
        let bad = [DeviceRule(allow: true, type: "u", major: 1, minor: 3),
                   DeviceRule(allow: true, type: "c", major: 1, minor: 3, access: "rx"),
                   DeviceRule(allow: true, type: "c", major: 1 << 40, minor: 3),
                   DeviceRule(allow: true, type: "c", major: 1, minor: -2)]
        for rule in bad {
            #expect(throws: StrataError.self) { try DeviceProgram.instructions(for: [rule]) }
        }
        // -1 is runc's spelling of the wildcard.
        #expect(throws: Never.self) {
            try DeviceProgram.instructions(for: [DeviceRule(allow: true, type: "c", major: -1, minor: -1, access: "m")])
        }
    }

    @Test func instructionEncoding() {
        #expect(BPFInstruction.loadWord(2, 1, offset: 4).bytes == [0x61, 0x12, 4, 0, 0, 0, 0, 0])
        #expect(BPFInstruction.jumpIfNotEqual(4, 136, skip: 2).bytes == [0x55, 0x04, 2, 0, 136, 0, 0, 0])
        #expect(BPFInstruction.jumpIfNotEqual(1, register: 3, skip: 2).bytes == [0x5d, 0x31, 2, 0, 0, 0, 0, 0])
        #expect(BPFInstruction.and32(2, 0xffff).bytes == [0x54, 0x02, 0, 0, 0xff, 0xff, 0, 0])
        #expect(BPFInstruction.move32(0, -1).bytes == [0xb4, 0, 0, 0, 0xff, 0xff, 0xff, 0xff])
        #expect(BPFInstruction.exit.bytes == [0x95, 0, 0, 0, 0, 0, 0, 0])
    }
}

/// The filter on a real cgroup: this host's cgroup2 mount (hybrid mode) runs cgroup device
/// programs like a pure v2 host does.
enum Cgroup2Host {
    static let mount = "/sys/fs/cgroup/unified"

    static func mounted() -> Bool {
        guard let text = try? Files.readText("/proc/self/mountinfo") else { return false }
        return text.split(separator: "\n").contains { $0.contains(" \(mount) ") && $0.contains(" - cgroup2 ") }
    }
}

@Suite(.serialized, .enabled(if: getuid() == 0 && Cgroup2Host.mounted(), "needs root and a cgroup2 mount"))
struct DeviceFilterTests {
    static let mount = Cgroup2Host.mount

    /// A fresh child cgroup, removed by `body`'s end.
    func withCgroup(_ tag: String, _ body: (String) throws -> Void) throws {
        let dir = Self.mount + "/" + Support.uniqueName(tag)
        #expect(mkdir(dir, 0o755) == 0)
        defer {
            // The shell that joined it may take a moment to be gone from the cgroup.
            for _ in 0..<100 {
                if rmdir(dir) == 0 || errno != EBUSY { break }
                usleep(10_000)
            }
            #expect(!Support.isDirectory(dir))
        }
        try body(dir)
    }

    /// Runs `/bin/sh -c script` and returns its exit status (or -1 when killed). posix_spawn:
    /// no Swift code runs in the child of this multi-threaded test process.
    func shell(_ script: String) throws -> Int32 {
        var pid: pid_t = 0
        let args = ["sh", "-c", script]
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let rc = posix_spawn(&pid, "/bin/sh", nil, &attr, &argv, environ)
        guard rc == 0 else { throw StrataError("posix_spawn", "/bin/sh", errno: rc) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    /// Joins `dir`, then opens /dev/null and /dev/zero for reading, the shell's stderr in
    /// `errors`. Exit 0: both opened; 1: only /dev/null; 2: only /dev/zero; 3: neither.
    /// `true`, not `:`: a failed redirection of a special builtin ends the shell.
    func probe(_ dir: String, errors: String) throws -> Int32 {
        try shell("""
            echo $$ > \(dir)/cgroup.procs || exit 90
            exec 2>\(errors)
            s=0
            true < /dev/null || s=$((s + 2))
            true < /dev/zero || s=$((s + 1))
            exit $s
            """)
    }

    static let nullOnly = [DeviceRule(allow: false), DeviceRule(allow: true, type: "c", major: 1, minor: 3)]
    static let nullAndZero = nullOnly + [DeviceRule(allow: true, type: "c", major: 1, minor: 5, access: "r")]

    @Test func deniedDeviceFailsWithEPERM() throws {
        try withCgroup("bpf") { dir in
            let errors = "/tmp/\(Support.uniqueName("bpf-err"))"
            defer { unlink(errors) }
            #expect(try probe(dir, errors: errors) == 0, "no filter yet: both open")

            try DeviceFilter.install(rules: Self.nullOnly, cgroupDirectory: dir)
            #expect(try probe(dir, errors: errors) == 1, "\(Support.read(errors) ?? "")")
            let message = Support.read(errors) ?? ""
            #expect(message.contains("/dev/zero") && message.contains("Operation not permitted"), "\(message)")
            #expect(try DeviceFilter.installedPrograms(cgroupDirectory: dir).count == 1)
        }
    }

    @Test func reinstallReplacesOurProgram() throws {
        try withCgroup("bpf-re") { dir in
            let errors = "/tmp/\(Support.uniqueName("bpf-err"))"
            defer { unlink(errors) }
            try DeviceFilter.install(rules: Self.nullOnly, cgroupDirectory: dir)
            let first = try DeviceFilter.installedPrograms(cgroupDirectory: dir)
            try DeviceFilter.install(rules: Self.nullAndZero, cgroupDirectory: dir)
            let second = try DeviceFilter.installedPrograms(cgroupDirectory: dir)
            #expect(first.count == 1 && second.count == 1 && first != second)
            #expect(try probe(dir, errors: errors) == 0)

            try DeviceFilter.install(rules: Self.nullOnly, cgroupDirectory: dir)
            #expect(try DeviceFilter.installedPrograms(cgroupDirectory: dir).count == 1)
            #expect(try probe(dir, errors: errors) == 1, "\(Support.read(errors) ?? "")")
        }
    }

    /// Two programs of ours (no BPF_F_REPLACE path) are both replaced; a program someone
    /// else attached stays, and since every program must allow, it still has its say.
    @Test func attachThenDetachLeavesForeignProgramsAlone() throws {
        try withCgroup("bpf-multi") { dir in
            let errors = "/tmp/\(Support.uniqueName("bpf-err"))"
            defer { unlink(errors) }
            let dirFD = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            #expect(dirFD >= 0)
            defer { close(dirFD) }

            let allowAll = try DeviceProgram.instructions(for: [DeviceRule(allow: true)]).flatMap(\.bytes)
            for name in [DeviceProgramLoader.programName, DeviceProgramLoader.programName, "other_devices"] {
                let fd = DeviceProgramLoader.attempt(allowAll, logSize: 0, name: name).fd
                #expect(fd >= 0)
                #expect(CgroupDevicePrograms.attach(Int32(fd), to: dirFD, replacing: nil) == 0)
                close(Int32(fd))
            }
            #expect(try CgroupDevicePrograms.attachedIDs(dirFD, path: dir).count == 3)
            #expect(try DeviceFilter.installedPrograms(cgroupDirectory: dir).count == 2)

            try DeviceFilter.install(rules: Self.nullOnly, cgroupDirectory: dir)
            #expect(try CgroupDevicePrograms.attachedIDs(dirFD, path: dir).count == 2)
            #expect(try DeviceFilter.installedPrograms(cgroupDirectory: dir).count == 1)
            #expect(try probe(dir, errors: errors) == 1, "\(Support.read(errors) ?? "")")
        }
    }

    @Test func verifierRefusalSaysWhy() {
        // No exit: the verifier refuses to fall off the end of the program.
        #expect {
            _ = try DeviceProgramLoader.load([.move32(0, 1)])
        } throws: { error in
            let e = error as? StrataError
            return e?.errno == EINVAL && (e?.description.contains("verifier: ") ?? false)
        }
    }

    @Test func badRuleLeavesTheCgroupUntouched() throws {
        try withCgroup("bpf-bad") { (dir: String) throws in
            #expect(throws: StrataError.self) {
                try DeviceFilter.install(rules: [DeviceRule(allow: true, type: "x")], cgroupDirectory: dir)
            }
            #expect(try DeviceFilter.installedPrograms(cgroupDirectory: dir).isEmpty)
        }
    }
}
