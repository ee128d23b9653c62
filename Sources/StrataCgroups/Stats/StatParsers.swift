import StrataSystem

/// Text-to-number parsing of cgroup stat files, kept free of I/O so fixtures can test it.
/// `source` only names the file in error messages.
public enum StatParsers {
    /// A cgroup number the way runc reads one: "max" is unlimited (UInt64.max), and a
    /// negative value (some kernels print -1 for an unset counter) counts as 0.
    public static func number(_ text: Substring) -> UInt64? {
        if text == "max" { return UInt64.max }
        if let value = UInt64(text) { return value }
        if let negative = Int64(text), negative < 0 { return 0 }
        return nil
    }

    /// "KEY VALUE" lines (memory.stat, cpu.stat, memory.events, cgroup.events).
    public static func keyValues(_ text: String, source: String) throws(StrataError) -> [String: UInt64] {
        var out: [String: UInt64] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let value = number(parts[1]) else {
                throw malformed(source, line)
            }
            out[String(parts[0])] = value
        }
        return out
    }

    /// One line of a v1 blkio file per entry: "MAJOR:MINOR OP VALUE" or "MAJOR:MINOR VALUE";
    /// the closing "Total N" line is skipped, as runc does.
    public static func blkio(_ text: String, source: String) throws(StrataError) -> [CgroupStats.BlkioEntry] {
        var out: [CgroupStats.BlkioEntry] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == ":" })
            if fields.isEmpty { continue }
            if fields.count == 2 && fields[0] == "Total" { continue }
            guard fields.count == 3 || fields.count == 4,
                  let major = UInt64(fields[0]), let minor = UInt64(fields[1]),
                  let value = UInt64(fields[fields.count - 1]) else {
                throw malformed(source, line)
            }
            out.append(.init(major: major, minor: minor, op: fields.count == 4 ? String(fields[2]) : "", value: value))
        }
        return out
    }

    /// v2's io.stat ("MAJOR:MINOR rbytes=N wbytes=N rios=N wios=N ...") mapped onto v1's
    /// tables as runc maps it: bytes into io_service_bytes, ios into io_serviced, each as
    /// a Read and a Write entry. Other keys (dbytes, dios, cost.*) have no v1 table.
    public static func ioStat(_ text: String, source: String) throws(StrataError)
        -> (serviceBytes: [CgroupStats.BlkioEntry], serviced: [CgroupStats.BlkioEntry]) {
        var bytes: [CgroupStats.BlkioEntry] = []
        var ios: [CgroupStats.BlkioEntry] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2 else { continue }
            let device = fields[0].split(separator: ":")
            guard device.count == 2 else { continue }
            guard let major = UInt64(device[0]), let minor = UInt64(device[1]) else { throw malformed(source, line) }
            for item in fields.dropFirst() {
                let pair = item.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                let table: Int, op: String
                switch pair[0] {
                case "rbytes": (table, op) = (0, "Read")
                case "wbytes": (table, op) = (0, "Write")
                case "rios": (table, op) = (1, "Read")
                case "wios": (table, op) = (1, "Write")
                default: continue
                }
                guard let value = UInt64(pair[1]) else { throw malformed(source, line) }
                let entry = CgroupStats.BlkioEntry(major: major, minor: minor, op: op, value: value)
                if table == 0 { bytes.append(entry) } else { ios.append(entry) }
            }
        }
        return (bytes, ios)
    }

    /// USER_HZ: cpuacct.stat counts in these ticks. It is 100 on every Linux ABI (the
    /// kernel converts for userspace), which is why runc hard-codes it too.
    static let ticksPerSecond: UInt64 = 100

    /// cpuacct.stat ("user N\nsystem N", in USER_HZ ticks) as nanoseconds.
    public static func cpuacctStat(_ text: String, source: String) throws(StrataError) -> (user: UInt64, system: UInt64) {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 4, fields[0] == "user", fields[2] == "system",
              let user = UInt64(fields[1]), let system = UInt64(fields[3]) else {
            throw StrataError("parse", source, reason: "expected \"user N system N\"")
        }
        let perTick = 1_000_000_000 / ticksPerSecond
        return (user.multipliedReportingOverflow(by: perTick).partialValue,
                system.multipliedReportingOverflow(by: perTick).partialValue)
    }

    /// Whitespace-separated numbers (cpuacct.usage_percpu).
    public static func numbers(_ text: String, source: String) throws(StrataError) -> [UInt64] {
        var out: [UInt64] = []
        for field in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let value = UInt64(field) else { throw malformed(source, field) }
            out.append(value)
        }
        return out
    }

    /// cpuacct.usage_all: a header, then "CPU USER SYSTEM" per cpu, in nanoseconds.
    public static func usageAll(_ text: String, source: String) throws(StrataError) -> (kernel: [UInt64], user: [UInt64]) {
        var kernel: [UInt64] = []
        var user: [UInt64] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count == 3 else { continue }
            guard let u = UInt64(fields[1]), let k = UInt64(fields[2]) else { throw malformed(source, line) }
            user.append(u)
            kernel.append(k)
        }
        return (kernel, user)
    }

    /// A cpuset list ("0-3,8,10-11") expanded.
    public static func cpuList(_ text: String, source: String) throws(StrataError) -> [UInt16] {
        var out: [UInt16] = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let low = UInt16(bounds[0]),
                  let high = bounds.count == 2 ? UInt16(bounds[1]) : low, low <= high else {
                throw malformed(source, part)
            }
            out.append(contentsOf: low...high)
        }
        return out
    }

    /// runc's name for a huge page size given in kB by /sys/kernel/mm/hugepages
    /// ("hugepages-2048kB" -> "2MB", "hugepages-1048576kB" -> "1GB"); nil for other names.
    public static func hugePageSizeName(directory name: String) -> String? {
        guard name.hasPrefix("hugepages-"), name.hasSuffix("kB"),
              let kb = UInt64(name.dropFirst("hugepages-".count).dropLast(2)) else { return nil }
        let units = ["B", "KB", "MB", "GB", "TB", "PB"]
        var value = Double(kb) * 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let number = value == value.rounded() ? String(UInt64(value)) : String(value)
        return number + units[unit]
    }

    /// /proc/PID/net/dev: two header lines, then "NAME: 8 receive counters 8 transmit
    /// counters" per interface. Loopback is left out: runc reports only the interfaces a
    /// container was given.
    public static func netDev(_ text: String, source: String) throws(StrataError) -> [CgroupStats.NetworkInterface] {
        var out: [CgroupStats.NetworkInterface] = []
        for line in text.split(separator: "\n").dropFirst(2) {
            guard let colon = line.firstIndex(of: ":") else { throw malformed(source, line) }
            let name = String(line[..<colon]).trimmingASCIIWhitespace()
            let counters = line[line.index(after: colon)...].split(separator: " ").compactMap { UInt64($0) }
            guard counters.count >= 16 else { throw malformed(source, line) }
            if name == "lo" { continue }
            var interface = CgroupStats.NetworkInterface(name: name)
            interface.rxBytes = counters[0]
            interface.rxPackets = counters[1]
            interface.rxErrors = counters[2]
            interface.rxDropped = counters[3]
            interface.txBytes = counters[8]
            interface.txPackets = counters[9]
            interface.txErrors = counters[10]
            interface.txDropped = counters[11]
            out.append(interface)
        }
        return out
    }

    static func malformed(_ source: String, _ line: some StringProtocol) -> StrataError {
        StrataError("parse", source, reason: "unexpected line \"\(line)\"")
    }
}
