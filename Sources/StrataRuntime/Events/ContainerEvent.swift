import StrataCgroups

/// One line of `strun events` output: runc's `types.Event`, `{"type":"stats","id":ID,
/// "data":{...}}` or `{"type":"oom","id":ID}` (no data: runc's tag is omitempty).
public struct ContainerEvent: Sendable, Equatable {
    public var type: String
    public var id: String
    public var stats: CgroupStats?

    public static func stats(id: String, _ stats: CgroupStats) -> ContainerEvent {
        ContainerEvent(type: "stats", id: id, stats: stats)
    }

    public static func oom(id: String) -> ContainerEvent {
        ContainerEvent(type: "oom", id: id, stats: nil)
    }

    /// The event as JSON followed by "\n", as Go's json.Encoder writes each value.
    public var jsonLine: [UInt8] {
        var w = GoJSONWriter()
        w.beginObject()
        w.field("type", type)
        w.field("id", id)
        if let stats {
            w.key("data")
            stats.write(to: &w)
        }
        w.endObject()
        return w.bytes + [UInt8(ascii: "\n")]
    }
}
