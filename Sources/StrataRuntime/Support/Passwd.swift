import StrataSystem

/// Lookups in an /etc/passwd file, read directly: getpwuid would load NSS modules into
/// a static binary.
enum Passwd {
    /// The name and home directory of `uid` in `file`, if it has an entry.
    static func entry(uid: UInt32, file: String = "/etc/passwd") -> (name: String, home: String)? {
        guard let text = try? Files.readText(file) else { return nil }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            if fields.count >= 6, UInt32(fields[2]) == uid {
                return (String(fields[0]), String(fields[5]))
            }
        }
        return nil
    }
}
