import StrataRuntimeClient
import Testing
import StrataCgroups
import StrataSystem
@testable import StrataMetrics
#if canImport(Glibc)
import Glibc
#endif

/// The sampler on this host's real cgroups, read for the test process itself.
@Suite struct SamplerTests {
    @Test func readsTheCgroupOfARunningProcess() throws {
        let me = ListedContainer(id: "self", pid: getpid(), status: "running", bundle: "/", root: "/none")
        let sample = try Sampler().sample(me)
        #expect(sample.stats.cpu.usage.total > 0)
        #expect(sample.stats.memory.usage.usage > 0)
        #expect(sample.cgroup.hasPrefix("/"))
        // The test runner shares the host's network namespace: no interfaces are reported.
        #expect(sample.stats.networkInterfaces == nil)
    }

    @Test func aProcessThatIsGoneIsLeftOutSilently() throws {
        let gone = ListedContainer(id: "gone", pid: Int32.max - 1, status: "running", bundle: "/", root: "/none")
        let (samples, errors) = try Sampler().sample([gone])
        #expect(samples.isEmpty && errors.isEmpty)
    }

    @Test func stoppedContainersAreNotRead() throws {
        let stopped = ListedContainer(id: "s", pid: getpid(), status: "stopped", bundle: "/", root: "/none")
        #expect(try Sampler().sample([stopped]).samples.isEmpty)
    }
}
