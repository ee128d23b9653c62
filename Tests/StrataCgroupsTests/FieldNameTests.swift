import Testing
import StrataSystem
@testable import StrataCgroups

@Suite("refused writes name the OCI field")
struct FieldNameTests {
    @Test(arguments: [("memory.limit_in_bytes", "5", "memory.limit"), ("memory.max", "5", "memory.limit"),
                      ("memory.swap.max", "0", "memory.swap"), ("cpu.weight", "39", "cpu.shares"),
                      ("io.max", "8:0 wiops=5", "blockIO.throttleWriteIOPSDevice"),
                      ("io.weight", "8:0 50", "blockIO.weightDevice"), ("io.weight", "50", "blockIO.weight"),
                      ("hugetlb.2MB.max", "0", "hugepageLimits"), ("cpuset.cpus", "99", "cpu.cpus")])
    func mapping(file: String, value: String, field: String) {
        #expect(ResourceFieldNames.field(file: file, value: value) == field)
    }

    @Test func writeErrorCarriesFieldAndValue() throws {
        let dir = "/proc/self"
        do {
            // /proc/self has no such file: the refusal still names field, path and value.
            try CgroupFiles.write(dir, "pids.max", "12")
            Issue.record("write succeeded")
        } catch {
            #expect(error.description.hasPrefix("linux.resources.pids.limit: write /proc/self/pids.max \"12\""))
        }
    }

    @Test func cgroupProcsIsNotAField() {
        #expect(ResourceFieldNames.field(file: "cgroup.procs", value: "1") == nil)
    }
}
