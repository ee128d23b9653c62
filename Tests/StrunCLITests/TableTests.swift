import Testing
@testable import StrunCLI

@Suite("Table.render")
struct TableTests {
    @Test func alignsColumns() {
        let text = Table.render([
            ["ID", "PID", "STATUS"],
            ["web", "12345", "running"],
            ["a-much-longer-id", "1", "created"],
        ])
        #expect(text == """
            ID                 PID     STATUS
            web                12345   running
            a-much-longer-id   1       created

            """)
    }

    @Test func everyColumnStartsAtTheSameOffset() {
        let rows = [["ID", "PID", "STATUS", "BUNDLE"], ["x", "1", "stopped", "/b"], ["yy", "22", "paused", "/bundle"]]
        let lines = Table.render(rows).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let starts = lines.map { line -> [Int] in
            var out: [Int] = []
            var previous: Character = " "
            for (i, c) in line.enumerated() {
                if c != " " && previous == " " { out.append(i) }
                previous = c
            }
            return out
        }
        #expect(starts.allSatisfy { $0 == starts[0] })
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") }, "no trailing padding")
    }

    @Test func headerOnlyAndEmpty() {
        #expect(Table.render([]) == "")
        #expect(Table.render([["ID", "PID"]]) == "ID   PID\n")
    }

    @Test func emptyCells() {
        // OWNER is empty for root-owned containers.
        #expect(Table.render([["ID", "OWNER"], ["x", ""]]) == "ID   OWNER\nx    \n")
    }
}
