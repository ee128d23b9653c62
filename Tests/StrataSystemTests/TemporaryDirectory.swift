#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// A fresh directory under /tmp, removed by `remove()`; each test makes its own so
/// parallel tests never share files.
struct TemporaryDirectory {
    let path: String

    init(_ tag: String) throws {
        var template = Array("/tmp/strata-systemtests-\(tag)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf -> Bool in
            guard let base = buf.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw StrataError.system("mkdtemp", "/tmp") }
        path = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() { try? Files.removeTree(path) }
}
