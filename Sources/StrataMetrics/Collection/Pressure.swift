import StrataSystem

/// Pressure stall information of one resource (cgroup v2's cpu.pressure, memory.pressure,
/// io.pressure; see the kernel's Documentation/accounting/psi.rst). "some" is the share of
/// wall time in which at least one task waited for the resource, "full" the share in which
/// all non-idle tasks did.
public struct PressureStall: Sendable, Equatable {
    /// Percent of the last 10 and 60 seconds.
    public var someAvg10: Double = 0
    public var someAvg60: Double = 0
    public var fullAvg10: Double = 0
    /// Cumulative stall time, microseconds.
    public var someTotal: UInt64 = 0
    public var fullTotal: UInt64 = 0

    public init() {}

    /// Parses "some avg10=A avg60=B avg300=C total=T" and the optional "full ..." line.
    public static func parse(_ text: String, source: String) throws(StrataError) -> PressureStall {
        var out = PressureStall()
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let kind = fields.first, kind == "some" || kind == "full" else {
                throw StrataError("parse", source, reason: "unexpected line \"\(line)\"")
            }
            var values: [Substring: Substring] = [:]
            for field in fields.dropFirst() {
                let pair = field.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { values[pair[0]] = pair[1] }
            }
            guard let avg10 = values["avg10"].flatMap({ Double($0) }),
                  let avg60 = values["avg60"].flatMap({ Double($0) }),
                  let total = values["total"].flatMap({ UInt64($0) }) else {
                throw StrataError("parse", source, reason: "unexpected line \"\(line)\"")
            }
            if kind == "some" {
                (out.someAvg10, out.someAvg60, out.someTotal) = (avg10, avg60, total)
            } else {
                (out.fullAvg10, out.fullTotal) = (avg10, total)
            }
        }
        return out
    }
}

/// The three pressure files of a v2 cgroup; nil where the kernel has no PSI (v1, or
/// booted with psi=0).
public struct Pressure: Sendable, Equatable {
    public var cpu: PressureStall?
    public var memory: PressureStall?
    public var io: PressureStall?

    public init(cpu: PressureStall? = nil, memory: PressureStall? = nil, io: PressureStall? = nil) {
        self.cpu = cpu
        self.memory = memory
        self.io = io
    }
}
