#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// Every file these tests write (audit logs, policy caches) lives under one directory per
/// test process, removed when the process exits: Swift Testing runs all suites in this
/// process, in parallel, so no single test knows when the others are done with theirs.
let testFilesRoot: String = {
    var template = Array("/tmp/strata-policy-tests.XXXXXX".utf8CString)
    guard let path = template.withUnsafeMutableBufferPointer({ buf -> String? in
        guard let base = buf.baseAddress, let made = mkdtemp(base) else { return nil }
        return String(cString: made)
    }) else { fatalError("mkdtemp /tmp/strata-policy-tests.XXXXXX: errno \(errno)") }
    atexit { try? Files.removeTree(testFilesRoot) }
    return path
}()

/// A fresh directory under `testFilesRoot`.
func tempDirectory(_ name: String) -> String {
    var template = Array("\(testFilesRoot)/\(name).XXXXXX".utf8CString)
    guard let path = template.withUnsafeMutableBufferPointer({ buf -> String? in
        guard let base = buf.baseAddress, let made = mkdtemp(base) else { return nil }
        return String(cString: made)
    }) else { fatalError("mkdtemp under \(testFilesRoot): errno \(errno)") }
    return path
}
