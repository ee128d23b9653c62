import StrataSystem

/// Container ids: the characters runc accepts, so an id is always a safe path component.
public enum ContainerID {
    public static func validate(_ id: String) throws(StrataError) {
        if id.isEmpty { throw StrataError.message("container id cannot be empty") }
        let ok = id.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
                || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "+")
        }
        if !ok || id == "." || id == ".." {
            throw StrataError.message("invalid container id \"\(id)\": only letters, digits, '_', '-', '.' and '+' are allowed")
        }
    }
}
