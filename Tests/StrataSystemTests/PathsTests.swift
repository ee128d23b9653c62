import Testing
@testable import StrataSystem

@Suite("Paths")
struct PathsTests {
    /// An independent component-based reference: split on "/", drop "" and ".",
    /// let ".." pop (never above the root), join under "/".
    static func cleanReference(_ path: String) -> String {
        var stack: [String] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "", ".": continue
            case "..": _ = stack.popLast()
            default: stack.append(String(component))
            }
        }
        return "/" + stack.joined(separator: "/")
    }

    /// Every string of length 0...maxLength over `alphabet`.
    static func generated(alphabet: [Character], maxLength: Int) -> [String] {
        var all: [String] = [""]
        var layer: [String] = [""]
        for _ in 0..<maxLength {
            layer = layer.flatMap { prefix in alphabet.map { prefix + String($0) } }
            all += layer
        }
        return all
    }

    static let named: [String] = [
        "/", "//", "///", "/a/./b", "/a/../..", "/..", "/../a", "/a/", "/a//", "/.a", "/a..", "/...",
        "/..a", "/a.", "/a/.", "/a/..", "/a/b/../c", "/./", "/.", "a/b", "a", ".", "..", "", "./a",
        "/a/.../b", "/a/.b/..c/d..", "/usr/lib/x86_64-linux-gnu", "/proc/self/fd/3",
        "/run/containerd/io.containerd.runtime.v2.task/k8s.io/abc/rootfs", "/sys/fs/cgroup/",
        "/var//lib/./docker/../containers", "/é/ü/..", "/a b/c",
    ]

    @Test("clean matches the component-based reference", arguments: named)
    func cleanNamed(path: String) {
        #expect(Paths.clean(path) == Self.cleanReference(path), "path \"\(path)\"")
    }

    @Test("clean and isClean agree on every generated path over {/, ., a, b} up to length 7")
    func cleanGenerated() {
        var checked = 0
        for path in Self.generated(alphabet: ["/", ".", "a", "b"], maxLength: 7) {
            let expected = Self.cleanReference(path)
            let cleaned = Paths.clean(path)
            #expect(cleaned == expected, "clean(\"\(path)\")")
            // isClean is exactly "clean would return it unchanged".
            #expect(Paths.isClean(path) == (expected == path), "isClean(\"\(path)\")")
            // Cleaning is idempotent.
            #expect(Paths.clean(cleaned) == cleaned, "clean(clean(\"\(path)\"))")
            checked += 1
        }
        #expect(checked == 21845)
    }

    @Test func isCleanOnNamedInputs() {
        for path in ["/", "/a", "/a/b", "/.a", "/a..", "/...", "/..a", "/a.b", "/usr/local/bin"] {
            #expect(Paths.isClean(path), "\"\(path)\"")
        }
        for path in ["", "a", "a/b", "//", "/a/", "/.", "/..", "/a/.", "/a/..", "/a/./b", "/a//b", "/./a"] {
            #expect(!Paths.isClean(path), "\"\(path)\"")
        }
    }

    @Test func cleanMakesRelativePathsRooted() {
        #expect(Paths.clean("a/b") == "/a/b")
        #expect(Paths.clean("") == "/")
        #expect(Paths.clean("../../etc/passwd") == "/etc/passwd")
    }

    @Test("dirname", arguments: [
        ("/a/b", "/a"), ("/a/b/", "/a"), ("/a/b//", "/a"), ("/a", "/"), ("/", "/"), ("//", "/"),
        ("a", "."), ("", "."), ("a/b", "a"), ("/run/strun/id/state.json", "/run/strun/id"),
        ("/a//b", "/a"),
    ])
    func dirname(path: String, expected: String) {
        #expect(Paths.dirname(path) == expected, "dirname(\"\(path)\")")
    }

    @Test("join", arguments: [
        ("/a", "b", "/a/b"), ("/a/", "b", "/a/b"), ("/a", "/b", "/a/b"), ("/a/", "/b", "/a/b"),
        ("/", "etc", "/etc"), ("/", "/etc", "/etc"), ("/a", "", "/a"), (".", "config.json", "./config.json"),
        ("/bundle", "rootfs/dev", "/bundle/rootfs/dev"),
    ])
    func join(base: String, child: String, expected: String) {
        #expect(Paths.join(base, child) == expected, "join(\"\(base)\", \"\(child)\")")
    }

    @Test func absoluteIsClean() {
        let path = Paths.absolute("x/./y/../z")
        #expect(path.hasPrefix("/"))
        #expect(path.hasSuffix("/x/z"))
        #expect(Paths.isClean(path))
        #expect(Paths.absolute("/a/../b") == "/b")
    }
}
