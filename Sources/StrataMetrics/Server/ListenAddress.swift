import StrataSystem

/// `--listen HOST:PORT`: an IPv4 address, or an IPv6 one in brackets ("[::1]:9100").
/// Port 0 asks the kernel for a free port (the server prints the one it got).
public struct ListenAddress: Sendable, Equatable {
    public var host: String
    public var port: UInt16
    public var isIPv6: Bool

    public init(parsing text: String) throws(StrataError) {
        func bad(_ reason: String) -> StrataError { StrataError("parse", "--listen \"\(text)\"", reason: reason) }
        guard let colon = text.lastIndex(of: ":") else { throw bad("expected HOST:PORT, e.g. 127.0.0.1:9101") }
        var host = String(text[..<colon])
        guard let port = UInt16(text[text.index(after: colon)...]) else { throw bad("the port is not a number from 0 to 65535") }
        isIPv6 = host.hasPrefix("[") && host.hasSuffix("]")
        if isIPv6 { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" { host = "127.0.0.1" }
        guard !host.isEmpty else { throw bad("no host: give an address such as 127.0.0.1") }
        guard isIPv6 ? host.contains(":") : Self.isIPv4(host) else {
            throw bad("\"\(host)\" is not an IPv4 address or a bracketed IPv6 address")
        }
        self.host = host
        self.port = port
    }

    static func isIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }

    /// "HOST:PORT" with brackets for IPv6, for URLs and messages.
    public func display(port: UInt16) -> String { (isIPv6 ? "[\(host)]" : host) + ":\(port)" }
}
