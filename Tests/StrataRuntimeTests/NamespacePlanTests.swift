import Testing
import StrataSystem
import StrataSpec
@testable import StrataRuntime

@Suite("NamespacePlan")
struct NamespacePlanTests {
    static func ns(_ type: String, _ path: String? = nil) -> LinuxNamespace {
        LinuxNamespace(type: type, path: path)
    }

    /// What `runc spec` writes.
    static let runcDefault = ["pid", "network", "ipc", "uts", "mount"].map { ns($0) }

    @Test func defaultSpecTakesTheFastPath() throws {
        let plan = try NamespacePlan(Self.runcDefault)
        #expect(plan.fastPath)
        #expect(plan.joins.isEmpty)
        #expect(plan.create == [.pid, .network, .ipc, .uts, .mount])
        let expected = NamespaceKind.pid.cloneFlag | NamespaceKind.network.cloneFlag | NamespaceKind.ipc.cloneFlag
            | NamespaceKind.uts.cloneFlag | NamespaceKind.mount.cloneFlag
        #expect(plan.cloneFlags == expected)
        #expect(plan.needsSecondFork)
    }

    @Test func cloneFlagsExcludeCgroupAndTime() throws {
        let plan = try NamespacePlan(NamespaceTypes.all.map { Self.ns($0) })
        #expect(plan.create.count == 8)
        #expect(plan.cloneFlags & NamespaceKind.cgroup.cloneFlag == 0)
        #expect(plan.cloneFlags & NamespaceKind.time.cloneFlag == 0)
        #expect(plan.cloneFlags & NamespaceKind.user.cloneFlag != 0)
        #expect(plan.unshareFlags & NamespaceKind.user.cloneFlag == 0)
        #expect(plan.unshareFlags & NamespaceKind.cgroup.cloneFlag == 0)
        #expect(plan.unshareFlags & NamespaceKind.time.cloneFlag == 0)
        #expect(plan.unshareFlags & NamespaceKind.mount.cloneFlag != 0)
    }

    @Test func joinsTakeTheSlowPath() throws {
        // A Kubernetes container joining its pod sandbox's namespaces.
        let plan = try NamespacePlan([
            Self.ns("pid", "/proc/100/ns/pid"), Self.ns("ipc", "/proc/100/ns/ipc"), Self.ns("uts", "/proc/100/ns/uts"),
            Self.ns("network", "/var/run/netns/cni-1234"), Self.ns("mount"), Self.ns("cgroup"),
        ])
        #expect(!plan.fastPath)
        #expect(plan.create == [.mount, .cgroup])
        #expect(plan.joins.map(\.kind) == [.pid, .ipc, .uts, .network])
        #expect(plan.joins.map(\.path) == ["/proc/100/ns/pid", "/proc/100/ns/ipc", "/proc/100/ns/uts", "/var/run/netns/cni-1234"])
        #expect(plan.has(.pid) && plan.has(.network) && plan.has(.cgroup))
        #expect(!plan.has(.user) && !plan.has(.time))
        // Joining a pid namespace also applies only to children.
        #expect(plan.needsSecondFork)
    }

    @Test func emptyPathMeansCreate() throws {
        let plan = try NamespacePlan([Self.ns("network", ""), Self.ns("mount")])
        #expect(plan.fastPath)
        #expect(plan.create == [.network, .mount])
    }

    @Test func secondForkOnlyForPidOrTime() throws {
        #expect(try !NamespacePlan([Self.ns("mount"), Self.ns("network"), Self.ns("user")]).needsSecondFork)
        #expect(try NamespacePlan([Self.ns("mount"), Self.ns("time")]).needsSecondFork)
        #expect(try NamespacePlan([Self.ns("time", "/proc/1/ns/time")]).needsSecondFork)
        #expect(try !NamespacePlan([]).needsSecondFork)
        #expect(try NamespacePlan([]).cloneFlags == 0)
    }

    @Test func unknownTypeNamesTheJSONPath() {
        let error = #expect(throws: StrataError.self) {
            try NamespacePlan([Self.ns("pid"), Self.ns("mount"), Self.ns("net")])
        }
        #expect(error?.object == "linux.namespaces[2].type")
        #expect(error?.description == "validate linux.namespaces[2].type: unknown namespace type \"net\"")
    }

    @Test func openJoinsFailureNamesThePath() {
        let plan = try? NamespacePlan([Self.ns("network", "/nonexistent/strata/netns")])
        let error = #expect(throws: StrataError.self) { try plan?.openJoins() }
        #expect(error?.description.contains("/nonexistent/strata/netns") == true)
    }
}
