import Testing
import StrataSpec
import StrataCgroups
@testable import StrataRuntime

@Suite("CgroupSetup.resources")
struct CgroupSetupTests {
    @Test func nilAndEmptyMapToNoLimitsButTheDefaultDevices() {
        // Device access is always restricted, as with runc: no rules in the config means
        // the default allowed devices only.
        let defaults = CgroupResources(devices: CgroupSetup.defaultAllowedDevices)
        #expect(CgroupSetup.resources(from: nil) == defaults)
        #expect(CgroupSetup.resources(from: LinuxResources()) == defaults)
    }

    @Test func everyFieldIsMapped() {
        let spec = LinuxResources(
            memory: LinuxMemory(limit: 536_870_912, reservation: 268_435_456, swap: 1_073_741_824, kernel: 1,
                                swappiness: 60, disableOOMKiller: true),
            cpu: LinuxCPU(shares: 1024, quota: 50_000, burst: 10_000, period: 100_000, realtimeRuntime: 950_000,
                          realtimePeriod: 1_000_000, cpus: "0-2,5", mems: "0", idle: 1),
            pids: LinuxPids(limit: 1024),
            blockIO: LinuxBlockIO(
                weight: 500, leafWeight: 300,
                weightDevice: [LinuxWeightDevice(major: 8, minor: 0, weight: 600, leafWeight: 200)],
                throttleReadBpsDevice: [LinuxThrottleDevice(major: 8, minor: 0, rate: 1_048_576)],
                throttleWriteBpsDevice: [LinuxThrottleDevice(major: 8, minor: 16, rate: 2_097_152)],
                throttleReadIOPSDevice: [LinuxThrottleDevice(major: 253, minor: 1, rate: 100)],
                throttleWriteIOPSDevice: [LinuxThrottleDevice(major: 253, minor: 2, rate: 200)]),
            hugepageLimits: [LinuxHugepageLimit(pageSize: "2MB", limit: 209_715_200),
                             LinuxHugepageLimit(pageSize: "1GB", limit: 0)],
            network: LinuxNetwork(classID: 0x100001, priorities: [LinuxInterfacePriority(name: "eth0", priority: 5),
                                                                  LinuxInterfacePriority(name: "lo", priority: 1)]),
            unified: ["memory.high": "400M", "io.max": "8:0 rbps=1048576"])
        let r = CgroupSetup.resources(from: spec)
        #expect(r.memory == .init(limit: 536_870_912, reservation: 268_435_456, swap: 1_073_741_824,
                                  swappiness: 60, disableOOMKiller: true))
        #expect(r.cpu == .init(shares: 1024, quota: 50_000, period: 100_000, burst: 10_000, realtimeRuntime: 950_000,
                               realtimePeriod: 1_000_000, cpus: "0-2,5", mems: "0", idle: 1))
        #expect(r.pidsLimit == 1024)
        #expect(r.blockIO.weight == 500)
        #expect(r.blockIO.leafWeight == 300)
        #expect(r.blockIO.weightDevice == [.init(major: 8, minor: 0, weight: 600, leafWeight: 200)])
        #expect(r.blockIO.throttleReadBpsDevice == [.init(major: 8, minor: 0, rate: 1_048_576)])
        #expect(r.blockIO.throttleWriteBpsDevice == [.init(major: 8, minor: 16, rate: 2_097_152)])
        #expect(r.blockIO.throttleReadIOPSDevice == [.init(major: 253, minor: 1, rate: 100)])
        #expect(r.blockIO.throttleWriteIOPSDevice == [.init(major: 253, minor: 2, rate: 200)])
        #expect(r.hugepageLimits == [.init(pageSize: "2MB", limit: 209_715_200), .init(pageSize: "1GB", limit: 0)])
        #expect(r.network == .init(classID: 0x100001, priorities: [.init(name: "eth0", priority: 5), .init(name: "lo", priority: 1)]))
        #expect(r.unified == ["memory.high": "400M", "io.max": "8:0 rbps=1048576"])
    }

    @Test func unlimitedValuesPassThrough() {
        let spec = LinuxResources(memory: LinuxMemory(limit: -1, swap: -1), cpu: LinuxCPU(quota: -1), pids: LinuxPids(limit: -1))
        let r = CgroupSetup.resources(from: spec)
        #expect(r.memory.limit == -1)
        #expect(r.memory.swap == -1)
        #expect(r.memory.reservation == nil)
        #expect(r.cpu.quota == -1)
        #expect(r.cpu.shares == nil)
        #expect(r.pidsLimit == -1)
        #expect(r.blockIO == CgroupResources.BlockIO())
    }
}
