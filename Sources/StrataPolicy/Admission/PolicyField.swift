import StrataSpec

/// Typed access to one member of a policy document, failing with the member's JSON path.
struct PolicyField {
    let value: JSONValue
    /// Where the value is; made into text only for an error (building every member's
    /// path string up front was a large part of reading a policy).
    private let location: Location?

    final class Location {
        let parent: Location?
        let key: String?
        let index: Int

        init(parent: Location?, key: String? = nil, index: Int = 0) {
            self.parent = parent
            self.key = key
            self.index = index
        }

        var text: String {
            let head = parent?.text ?? ""
            guard let key else { return head + "[\(index)]" }
            return head.isEmpty ? key : head + "." + key
        }
    }

    init(root value: JSONValue) {
        self.value = value
        location = nil
    }

    private init(value: JSONValue, location: Location?) {
        self.value = value
        self.location = location
    }

    /// The JSON path, e.g. `rules[3].match.capabilities`.
    var path: String { location?.text ?? "" }

    /// Another value at this one's place (a normalised copy).
    func replacing(with value: JSONValue) -> PolicyField {
        PolicyField(value: value, location: location)
    }

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
        PolicyField(value: .null, location: Location(parent: location, key: key))
    }

    func member(_ members: [String: JSONValue], _ key: String) -> PolicyField? {
        guard let v = members[key], v != .null else { return nil }
        return PolicyField(value: v, location: Location(parent: location, key: key))
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
        return items.enumerated().map { PolicyField(value: $1, location: Location(parent: location, index: $0)) }
    }

    /// One of the cases of a string enum, named in the error when it is none of them.
    func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(Problem) -> T where T.RawValue == String {
        let s = try string()
        guard let v = T(rawValue: s) else {
            throw Problem(path: path, reason: "\"\(s)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    /// Strings of a closed vocabulary: an entry outside `set` is refused naming its index,
    /// the value and the closest known word.
    func strings(from set: Set<String>) throws(Problem) -> [String] {
        let list = try strings()
        if let i = list.firstIndex(where: { !set.contains($0) }) {
            let known = set.sorted()
            throw Problem(path: path + "[\(i)]",
                          reason: "\"\(list[i])\" is not one of \(known.joined(separator: ", "))" + ClosestName.hint(list[i], in: known))
        }
        return list
    }
}
