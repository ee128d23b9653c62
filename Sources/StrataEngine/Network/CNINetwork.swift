import CShim
import Foundation
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Bridge networking through Debian's containernetworking-plugins, by the CNI spec: the
/// engine makes a network namespace (`ip netns add`, so it is a file the runtime joins by
/// path), runs the loopback plugin on `lo` and the conflist's plugins (bridge with
/// host-local IPAM, portmap, firewall) on `eth0`, and keeps the ADD result in the
/// container's directory for DEL. Teardown is idempotent: it runs after a normal exit, on
/// `rm`, and again after a kill -9 left it half done.
public struct CNINetwork: Sendable {
    /// The directory of `*.conflist` files (the first by name is used).
    public let configDirectory: String
    public let pluginDirectories: [String]

    public static let defaultConfigDirectory = "/etc/strata/net.d"

    public init(configDirectory: String? = nil) {
        let fromEnvironment = getenv("STRATA_NETWORK_CONFIG_DIR").map { String(cString: $0) }
        self.configDirectory = configDirectory ?? fromEnvironment ?? Self.defaultConfigDirectory
        self.pluginDirectories = ["/usr/lib/cni", "/opt/cni/bin"]
    }

    /// The bridge network a fresh host gets: bridge strata0 on 10.89.0.0/24.
    public static let defaultConflist = """
        {
          "cniVersion": "1.0.0",
          "name": "strata",
          "plugins": [
            {"type": "bridge", "bridge": "strata0", "isGateway": true, "ipMasq": true, "hairpinMode": true,
             "ipam": {"type": "host-local", "routes": [{"dst": "0.0.0.0/0"}],
                      "ranges": [[{"subnet": "10.89.0.0/24", "gateway": "10.89.0.1"}]]}},
            {"type": "portmap", "capabilities": {"portMappings": true}},
            {"type": "firewall"}
          ]
        }

        """

    /// The network namespace file of a container.
    public static func namespacePath(_ id: String) -> String { "/run/netns/" + namespaceName(id) }
    static func namespaceName(_ id: String) -> String { "strata-" + String(id.prefix(12)) }

    /// Reads the conflist, writing the default one first when the directory has none.
    func conflist() throws(StrataError) -> [String: Any] {
        var names = ((try? Files.list(configDirectory)) ?? []).filter { $0.hasSuffix(".conflist") }.sorted()
        if names.isEmpty {
            try Files.makeDirectories(configDirectory)
            try Files.writeAtomically(configDirectory + "/strata.conflist", Array(Self.defaultConflist.utf8))
            names = ["strata.conflist"]
        }
        let path = configDirectory + "/" + names[0]
        let bytes = try Files.read(path)
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              object["plugins"] is [[String: Any]], object["name"] is String else {
            throw StrataError("parse", "network config \(path)", reason: "not a CNI conflist (name, plugins)")
        }
        return object
    }

    /// Makes the namespace and attaches it; returns the container's IPv4 address.
    public func setUp(id: String, directory: String, ports: [PortMapping]) throws(StrataError) -> String {
        let list = try conflist()
        let name = Self.namespaceName(id)
        // A monitor that took over from a killed one finds the network already attached.
        if Files.exists(Self.namespacePath(id)), let address = Self.recordedAddress(directory: directory) { return address }
        if !Files.exists(Self.namespacePath(id)) {
            let made = try ProcessSpawner.run(["/usr/sbin/ip", "netns", "add", name])
            guard made.status == .exited(0) else {
                throw StrataError("make network namespace", name, reason: String(decoding: made.stderr, as: UTF8.self).trimmingASCIIWhitespace())
            }
        }
        do throws(StrataError) {
            _ = try invoke(plugin: ["type": "loopback"], list: ["cniVersion": list["cniVersion"] ?? "1.0.0", "name": "lo"],
                           command: "ADD", id: id, ifname: "lo", previous: nil, ports: [])
            var previous: [String: Any]?
            for plugin in list["plugins"] as? [[String: Any]] ?? [] {
                previous = try invoke(plugin: plugin, list: list, command: "ADD", id: id, ifname: "eth0", previous: previous, ports: ports)
            }
            let result = previous ?? [:]
            guard let data = try? JSONSerialization.data(withJSONObject: result) else {
                throw StrataError("encode", "network result of \(id.prefix(12))", reason: "not JSON")
            }
            try Files.writeAtomically(directory + "/network.json", Array(data), mode: 0o600)
            return Self.address(in: result) ?? ""
        } catch {
            tearDown(id: id, directory: directory, ports: ports)
            throw error
        }
    }

    /// DEL in reverse order with the cached result, then the namespace. Errors are
    /// swallowed: a half-made network must still be cleaned as far as possible.
    public func tearDown(id: String, directory: String, ports: [PortMapping]) {
        guard let list = try? conflist() else { return }
        let cached = (try? Files.read(directory + "/network.json")).flatMap {
            try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
        }
        for plugin in (list["plugins"] as? [[String: Any]] ?? []).reversed() {
            _ = try? invoke(plugin: plugin, list: list, command: "DEL", id: id, ifname: "eth0", previous: cached, ports: ports)
        }
        _ = try? ProcessSpawner.run(["/usr/sbin/ip", "netns", "delete", Self.namespaceName(id)])
        unlink(directory + "/network.json")
    }

    /// The first IPv4 address of a CNI result ("10.89.0.2/24" -> "10.89.0.2").
    public static func address(in result: [String: Any]) -> String? {
        for ip in result["ips"] as? [[String: Any]] ?? [] {
            if let address = ip["address"] as? String, address.contains(".") {
                return String(address.split(separator: "/").first ?? "")
            }
        }
        return nil
    }

    /// The address recorded for a container, if it is on the bridge.
    public static func recordedAddress(directory: String) -> String? {
        guard let bytes = try? Files.read(directory + "/network.json"),
              let result = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        return address(in: result)
    }

    /// Runs one plugin (CNI_COMMAND, config on stdin, result on stdout).
    func invoke(plugin: [String: Any], list: [String: Any], command: String, id: String, ifname: String,
                previous: [String: Any]?, ports: [PortMapping]) throws(StrataError) -> [String: Any] {
        guard let type = plugin["type"] as? String, !type.contains("/") else {
            throw StrataError("run", "network plugin", reason: "a plugin has no type")
        }
        guard let binary = pluginDirectories.map({ $0 + "/" + type }).first(where: { access($0, X_OK) == 0 }) else {
            throw StrataError("find", "network plugin \(type)", reason: "not in \(pluginDirectories.joined(separator: " or ")) (install containernetworking-plugins)")
        }
        var config = plugin
        config["name"] = list["name"]
        config["cniVersion"] = list["cniVersion"] ?? "1.0.0"
        if let previous { config["prevResult"] = previous }
        if let capabilities = plugin["capabilities"] as? [String: Bool], capabilities["portMappings"] == true {
            config["runtimeConfig"] = ["portMappings": ports.map { port -> [String: Any] in
                var mapping: [String: Any] = ["hostPort": Int(port.hostPort), "containerPort": Int(port.containerPort), "protocol": port.proto]
                if let ip = port.hostIP { mapping["hostIP"] = ip }
                return mapping
            }]
        }
        guard let input = try? JSONSerialization.data(withJSONObject: config) else {
            throw StrataError("encode", "network config for \(type)", reason: "not JSON")
        }
        let environment = [
            "CNI_COMMAND=" + command, "CNI_CONTAINERID=" + id, "CNI_NETNS=" + Self.namespacePath(id),
            "CNI_IFNAME=" + ifname, "CNI_PATH=" + pluginDirectories.joined(separator: ":"),
            "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
        ]
        let result = try Self.runWithInput([binary], input: Array(input), environment: environment)
        guard result.status == .exited(0) else {
            var message = String(decoding: result.stdout, as: UTF8.self)
            if let error = try? JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any] {
                message = [error["msg"] as? String, error["details"] as? String].compactMap { $0 }.joined(separator: ": ")
            }
            if message.isEmpty { message = String(decoding: result.stderr, as: UTF8.self).trimmingASCIIWhitespace() }
            throw StrataError("network \(command)", "plugin \(type) for \(id.prefix(12))", reason: message)
        }
        if result.stdout.isEmpty { return previous ?? [:] }
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any]) ?? (previous ?? [:])
    }

    /// Runs a plugin with `input` on its stdin.
    static func runWithInput(_ argv: [String], input: [UInt8], environment: [String]) throws(StrataError)
        -> (status: ExitStatus, stdout: [UInt8], stderr: [UInt8]) {
        let fd = memfd(input)
        defer { if fd >= 0 { close(fd) } }
        return try ProcessSpawner.run(argv, stdin: fd >= 0 ? fd : nil, environment: environment)
    }

    /// A pipe already holding `bytes` (a conflist entry is far below the pipe's 64 KiB),
    /// its write end closed: the read end is the plugin's stdin.
    static func memfd(_ bytes: [UInt8]) -> Int32 {
        var fds: [Int32] = [-1, -1]
        guard strata_pipe2(&fds, O_CLOEXEC) == 0 else { return -1 }
        try? Files.writeAll(fd: fds[1], bytes, name: "network config")
        close(fds[1])
        return fds[0]
    }

    /// Refuses a host port something on the host already listens on (portmap's DNAT would
    /// shadow it silently) by binding it for a moment.
    public static func checkPortFree(_ port: PortMapping) throws(StrataError) {
        let type = port.proto == "udp" ? Int32(SOCK_DGRAM.rawValue) : Int32(SOCK_STREAM.rawValue)
        let fd = socket(AF_INET, type | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw StrataError.system("socket", "port check") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.hostPort.bigEndian
        address.sin_addr.s_addr = inet_addr(port.hostIP ?? "0.0.0.0")
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if rc != 0 {
            let code = errno
            if code == EADDRINUSE {
                throw StrataError.message("publish port \(port.hostPort)/\(port.proto): the port is already in use on the host")
            }
            throw StrataError.system("bind", "host port \(port.hostPort)/\(port.proto)", errno: code)
        }
    }
}
