import StrataSystem
import StrataSpec
import StrataRuntime

enum UpdateCommand: StrunCommand {
    static let spec = CommandSpec("update", summary: "update container resource constraints", arguments: "<container-id>",
                                  options: [
                                      .value("resources", short: "r", "path to the file containing the resources to update or '-' to read from the standard input"),
                                      .value("blkio-weight", "Specifies per cgroup weight, range is from 10 to 1000"),
                                      .value("cpu-period", "CPU CFS period to be used for hardcapping (in usecs). 0 to use system default"),
                                      .value("cpu-quota", "CPU CFS hardcap limit (in usecs). Allowed cpu time in a given period"),
                                      .value("cpu-burst", "CPU CFS burst limit (in usecs)"),
                                      .value("cpu-share", "CPU shares (relative weight vs. other containers)"),
                                      .value("cpu-shares", "the same as --cpu-share"),
                                      .value("cpu-rt-period", "CPU realtime period to be used for hardcapping (in usecs). 0 to use system default"),
                                      .value("cpu-rt-runtime", "CPU realtime hardcap limit (in usecs). Allowed cpu time in a given period"),
                                      .value("cpu-idle", "set cgroup SCHED_IDLE or not, 0: default behavior, 1: SCHED_IDLE"),
                                      .value("cpuset-cpus", "CPU(s) to use"),
                                      .value("cpuset-mems", "Memory node(s) to use"),
                                      .value("memory", "Memory limit (in bytes, or with a unit: 16m, 1g)"),
                                      .value("memory-reservation", "Memory reservation or soft_limit (in bytes)"),
                                      .value("memory-swap", "Total memory usage (memory + swap); set '-1' to enable unlimited swap"),
                                      .value("pids-limit", "Maximum number of pids allowed in the container"),
                                      .value("l3-cache-schema", "The string of Intel RDT/CAT L3 cache schema (not supported)"),
                                      .value("mem-bw-schema", "The string of Intel RDT/MBA memory bandwidth schema (not supported)"),
                                  ], min: 1, max: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        try runtime.update(id: args.positionals[0], resources: try resources(args))
        return 0
    }

    /// The resources from `-r` (which wins over every flag, as in runc) or from the flags.
    static func resources(_ args: ParsedArguments) throws(StrataError) -> LinuxResources {
        if let source = args.value("resources") {
            let bytes = source == "-" ? try Files.readAll(fd: 0, name: "stdin") : try Files.read(source)
            do {
                return try LinuxResources.load(fromJSON: bytes)
            } catch {
                throw StrataError("decode resources", source == "-" ? "stdin" : source, reason: error.description)
            }
        }
        for flag in ["l3-cache-schema", "mem-bw-schema"] where args.value(flag) != nil {
            throw StrataError.message("--\(flag) needs Intel RDT, which strun does not support")
        }
        var r = LinuxResources()
        var memory = LinuxMemory()
        memory.limit = try args.value("memory").map { v throws(StrataError) in try ByteSize.parse(v, flag: "memory") }
        memory.reservation = try args.value("memory-reservation").map { v throws(StrataError) in try ByteSize.parse(v, flag: "memory-reservation") }
        memory.swap = try args.value("memory-swap").map { v throws(StrataError) in try ByteSize.parse(v, flag: "memory-swap") }
        if memory != LinuxMemory() { r.memory = memory }

        var cpu = LinuxCPU()
        cpu.shares = try number(args, args.value("cpu-share") == nil ? "cpu-shares" : "cpu-share")
        cpu.quota = try number(args, "cpu-quota")
        cpu.period = try number(args, "cpu-period")
        cpu.burst = try number(args, "cpu-burst")
        cpu.realtimePeriod = try number(args, "cpu-rt-period")
        cpu.realtimeRuntime = try number(args, "cpu-rt-runtime")
        cpu.idle = try number(args, "cpu-idle")
        cpu.cpus = args.value("cpuset-cpus")
        cpu.mems = args.value("cpuset-mems")
        if cpu != LinuxCPU() { r.cpu = cpu }

        if let limit: Int64 = try number(args, "pids-limit") { r.pids = LinuxPids(limit: limit) }
        if let weight: UInt16 = try number(args, "blkio-weight") {
            var io = LinuxBlockIO()
            io.weight = weight
            r.blockIO = io
        }
        return r
    }

    /// An integer flag, with an error naming the flag and the value.
    static func number<T: FixedWidthInteger>(_ args: ParsedArguments, _ flag: String) throws(StrataError) -> T? {
        guard let text = args.value(flag) else { return nil }
        guard let value = T(text) else {
            throw StrataError.message("invalid value \"\(text)\" for --\(flag): want an integer in \(T.min)...\(T.max)")
        }
        return value
    }
}
