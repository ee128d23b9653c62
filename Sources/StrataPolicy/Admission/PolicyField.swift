import StrataSpec

/// Typed access to one member of a policy document, failing with the member's JSON path.
struct PolicyField {
    let value: JSONValue
    let path: String

    struct Problem: Error {
        var path: String
        var reason: String
    }

    func object(allowing keys: Set<String>) throws(Problem) -> [String: JSONValue] {
        guard case .object(let members) = value else { throw Problem(path: path, reason: "expected an object, got \(value.kindName)") }
        // A misspelt member in a security policy would silently loosen it: refuse it.
        for key in members.keys where !keys.contains(key) {
            let unknown = members.keys.filter { !keys.contains($0) }.sorted()[0]
            throw Problem(path: child(unknown).path, reason: "unknown member (known: \(keys.sorted().joined(separator: ", ")))")
        }
        return members
    }

    func child(_ key: String) -> PolicyField {
        PolicyField(value: .null, path: path.isEmpty ? key : path + "." + key)
    }

    func member(_ members: [String: JSONValue], _ key: String) -> PolicyField? {
        guard let v = members[key], v != .null else { return nil }
        return PolicyField(value: v, path: path.isEmpty ? key : path + "." + key)
    }

    func string() throws(Problem) -> String {
        guard case .string(let s) = value else { throw Problem(path: path, reason: "expected a string, got \(value.kindName)") }
        return s
    }

    func bool() throws(Problem) -> Bool {
        guard case .bool(let b) = value else { throw Problem(path: path, reason: "expected true or false, got \(value.kindName)") }
        return b
    }

    func strings() throws(Problem) -> [String] {
        guard case .array(let items) = value else { throw Problem(path: path, reason: "expected an array of strings, got \(value.kindName)") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else {
                throw Problem(path: path + "[\(i)]", reason: "expected a string, got \(item.kindName)")
            }
            out.append(s)
        }
        return out
    }

    func array() throws(Problem) -> [PolicyField] {
        guard case .array(let items) = value else { throw Problem(path: path, reason: "expected an array, got \(value.kindName)") }
        return items.enumerated().map { PolicyField(value: $1, path: path + "[\($0)]") }
    }

    /// One of the cases of a string enum, named in the error when it is none of them.
    func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(Problem) -> T where T.RawValue == String {
        let s = try string()
        guard let v = T(rawValue: s) else {
            throw Problem(path: path, reason: "\"\(s)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    func strings(from set: Set<String>) throws(Problem) -> [String] {
        let list = try strings()
        if let bad = list.first(where: { !set.contains($0) }) {
            throw Problem(path: path, reason: "\"\(bad)\" is not one of \(set.sorted().joined(separator: ", "))")
        }
        return list
    }
}
