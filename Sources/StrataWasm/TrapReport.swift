import WasmKit

/// The reason and the innermost function of a trap, read from WasmKit's description
/// (`Trap: REASON` followed by backtrace lines `    N: (0xADDR) NAME`, innermost first), which is all
/// WasmKit makes public about a trap.
struct TrapReport: Equatable {
    let reason: String
    let function: String?

    init(reason: String, function: String?) {
        self.reason = reason
        self.function = function
    }

    init(_ trap: Trap) {
        self.init(description: trap.description)
    }

    init(description: String) {
        let lines = description.split(separator: "\n", omittingEmptySubsequences: true)
        var head = lines.first.map(String.init) ?? "trap"
        if head.hasPrefix("Trap: ") { head.removeFirst("Trap: ".count) }
        reason = head
        var name: String?
        if lines.count > 1, let colon = lines[1].firstIndex(of: ":") {
            var rest = lines[1][lines[1].index(after: colon)...].drop(while: { $0 == " " })
            // "(0xADDR) NAME": the address means nothing to the module's author.
            if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
                rest = rest[rest.index(after: close)...].drop(while: { $0 == " " })
            }
            if !rest.isEmpty && rest != "unknown" { name = String(rest) }
        }
        function = name
    }

    /// One line for the container's stderr.
    func message(module: String) -> String {
        "strun: wasm module \(module) trapped: \(reason), in function \(function ?? "(unnamed)")"
    }
}
