/// The lifecycle status of a container.
public enum ContainerStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// `create` is in progress.
    case creating
    /// `create` finished; the user process has not been started.
    case created
    /// The user process is running.
    case running
    /// The user process has exited.
    case stopped
    /// The container's processes are frozen (runc extension to the spec's statuses).
    case paused
}

extension ContainerStatus: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        let text = try reader.readString()
        guard let status = ContainerStatus(rawValue: text) else {
            throw SpecError(kind: .type, reason: "unknown container status \"\(text)\"")
        }
        self = status
    }

    var jsonOutput: JSONOutput { .value(.string(rawValue)) }
}

extension ContainerState {
    /// Decodes a state document, such as `state.json` or `runc state` output.
    public static func load(fromJSON bytes: some Collection<UInt8>) throws(SpecError) -> ContainerState {
        try JSONReader.decodeDocument(ContainerState.self, from: bytes)
    }

    /// The state as JSON, members in runc's order; `pretty` indents with tabs as runc does.
    public func jsonBytes(pretty: Bool = false) -> [UInt8] {
        jsonOutput.bytes(pretty: pretty)
    }

    /// Formats a Unix time as RFC 3339 in UTC with nanoseconds, trailing zeros dropped,
    /// the way Go's `time.Time` marshals (`2024-05-01T10:00:00.12345Z`).
    public static func timestamp(seconds: Int64, nanoseconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        text += "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        let nanos = max(0, min(nanoseconds, 999_999_999))
        if nanos > 0 {
            var fraction = pad(Int64(nanos), 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // Howard Hinnant's days-to-civil algorithm, proleptic Gregorian calendar.
    private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

extension Features {
    /// Decodes a features document, such as another runtime's `features` output.
    public static func load(fromJSON bytes: some Collection<UInt8>) throws(SpecError) -> Features {
        try JSONReader.decodeDocument(Features.self, from: bytes)
    }

    /// The document as JSON; `pretty` indents with tabs as runc does.
    public func jsonBytes(pretty: Bool = false) -> [UInt8] {
        jsonOutput.bytes(pretty: pretty)
    }
}
