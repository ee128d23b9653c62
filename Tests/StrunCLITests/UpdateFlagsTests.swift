import Testing
import StrataSpec
@testable import StrunCLI

@Suite("update and ps arguments")
struct UpdateFlagsTests {
    @Test(arguments: [("16m", Int64(16 << 20)), ("1g", Int64(1 << 30)), ("512KiB", Int64(512 << 10)),
                      ("100", Int64(100)), ("2MB", Int64(2 << 20)), ("1.5k", Int64(1536)), ("-1", Int64(-1)),
                      ("7b", Int64(7))])
    func sizes(text: String, bytes: Int64) throws {
        #expect(try ByteSize.parse(text, flag: "memory") == bytes)
    }

    @Test(arguments: ["", "m", "12x", "-5", "1.2.3", "5 kb b", "1e3"])
    func badSizes(text: String) {
        #expect(throws: (any Error).self) { try ByteSize.parse(text, flag: "memory") }
    }

    @Test func runcFlagsBecomeResources() throws {
        let args = try parse(["update", "--memory", "32m", "--memory-swap=-1", "--cpu-share", "512",
                              "--cpu-quota", "20000", "--cpu-period", "100000", "--pids-limit", "30",
                              "--blkio-weight", "300", "--cpuset-cpus", "0-1", "cid"])
        let r = try UpdateCommand.resources(args)
        #expect(r.memory?.limit == 32 << 20)
        #expect(r.memory?.swap == -1)
        #expect(r.memory?.reservation == nil)
        #expect(r.cpu?.shares == 512)
        #expect(r.cpu?.quota == 20000)
        #expect(r.cpu?.period == 100000)
        #expect(r.cpu?.cpus == "0-1")
        #expect(r.pids?.limit == 30)
        #expect(r.blockIO?.weight == 300)
    }

    @Test func unsetFlagsLeaveSectionsOut() throws {
        let r = try UpdateCommand.resources(try parse(["update", "--pids-limit", "5", "cid"]))
        #expect(r.memory == nil && r.cpu == nil && r.blockIO == nil)
    }

    @Test func badNumberNamesFlagAndValue() throws {
        let args = try parse(["update", "--cpu-share", "lots", "cid"])
        do {
            _ = try UpdateCommand.resources(args)
            Issue.record("accepted --cpu-share lots")
        } catch {
            #expect(error.description.contains("--cpu-share"))
            #expect(error.description.contains("lots"))
        }
    }

    @Test func psPassesArgumentsThrough() throws {
        let plain = try parse(["ps", "cid", "-o", "pid,comm"])
        #expect(plain.positionals == ["cid", "-o", "pid,comm"])
        let dashed = try parse(["ps", "--format", "json", "cid", "--", "-ef"])
        #expect(dashed.positionals == ["cid", "-ef"])
        #expect(dashed.value("format") == "json")
    }
}
