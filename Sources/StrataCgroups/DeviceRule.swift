/// One device-access rule of the devices controller, applied in order.
public struct DeviceRule: Sendable, Equatable {
    public var allow: Bool
    /// "a" (every device), "c" or "b".
    public var type: String
    /// nil means every major (or minor) number.
    public var major: Int64?
    public var minor: Int64?
    /// Any of "r", "w", "m".
    public var access: String

    public init(allow: Bool, type: String = "a", major: Int64? = nil, minor: Int64? = nil, access: String = "rwm") {
        self.allow = allow
        self.type = type
        self.major = major
        self.minor = minor
        self.access = access
    }

    /// The line written to v1 devices.allow / devices.deny ("c 1:3 rwm", or "a" for all).
    public var v1Line: String {
        if type == "a" { return "a" }
        let major = self.major.map(String.init) ?? "*"
        let minor = self.minor.map(String.init) ?? "*"
        return "\(type) \(major):\(minor) \(access)"
    }
}
