#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
@testable import StrataRuntime

/// A fresh directory under /tmp for one test; parallel tests never share one.
struct TemporaryDirectory {
    let path: String

    init(_ tag: String) throws {
        var template = Array("/tmp/strata-runtimetests-\(tag)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf -> Bool in
            guard let base = buf.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw StrataError.system("mkdtemp", "/tmp") }
        path = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() { try? Files.removeTree(path) }
}

extension ContainerRecord {
    /// A record as `create` would save it, with every field set to something distinct.
    static func sample(id: String = "web-1", pid: Int32 = 4242, startTime: UInt64 = 987_654) -> ContainerRecord {
        ContainerRecord(
            ociVersion: "1.2.0", id: id, pid: pid, initStartTime: startTime,
            bundle: "/run/containerd/io.containerd.runtime.v2.task/k8s.io/\(id)",
            rootfs: "/run/containerd/io.containerd.runtime.v2.task/k8s.io/\(id)/rootfs",
            created: "2024-05-01T10:00:00.123456789Z", owner: "", annotations: nil,
            cgroupsPath: "/kubepods/besteffort/pod1/\(id)", createdCgroupDirectories: [],
            privatePidNamespace: true, started: false, poststart: nil, poststop: nil, terminal: false)
    }
}
