import ArgumentParser
import Foundation
import StrataEngine
import StrataSystem

/// What `ps` and `inspect` say about a container, in Docker's words.
struct ContainerView {
    let record: ContainerRecord
    let active: Bool

    /// Up 5 seconds (healthy), Exited (0) 3 seconds ago, Restarting (1) 2 seconds ago, Created.
    var status: String {
        let now = WallClock.seconds()
        switch record.state {
        case .created: return "Created"
        case .starting: return "Starting"
        case .running where active:
            var text = "Up " + Self.human(now - (record.startedAt ?? now))
            if record.health != .none {
                text += record.health == .starting ? " (health: starting)" : " (\(record.health.rawValue))"
            }
            return text
        case .restarting where active:
            return "Restarting (\(record.exitCode ?? 0)) " + Self.human(now - (record.finishedAt ?? now)) + " ago"
        default:
            guard let finished = record.finishedAt else { return "Exited" }
            return "Exited (\(record.exitCode ?? -1)) " + Self.human(now - finished) + " ago"
        }
    }

    var state: String {
        if record.state.needsMonitor && !active { return "exited" }
        return record.state.rawValue
    }

    var command: String { record.config.command.joined(separator: " ") }
    var ports: String { record.config.ports.map(\.display).joined(separator: ", ") }

    static func human(_ seconds: Double) -> String {
        let s = Int(max(0, seconds))
        if s < 1 { return "Less than a second" }
        if s < 60 { return s == 1 ? "1 second" : "\(s) seconds" }
        if s < 3600 { return s / 60 == 1 ? "About a minute" : "\(s / 60) minutes" }
        if s < 86400 { return s / 3600 == 1 ? "About an hour" : "\(s / 3600) hours" }
        return "\(s / 86400) days"
    }

    static func iso(_ seconds: Double?) -> String {
        guard let seconds else { return "0001-01-01T00:00:00Z" }
        let whole = Int(seconds.rounded(.down))
        return LogWriter.timestamp(timespec(tv_sec: whole, tv_nsec: Int((seconds - Double(whole)) * 1e9)))
    }

    /// The `--format json` object of ps.
    var summary: [String: Any] {
        ["Id": record.id, "Names": [record.name], "Image": record.config.source.display, "Command": command,
         "Created": Int(record.createdAt), "State": state, "Status": status, "Ports": record.config.ports.map(\.display),
         "ExitCode": record.exitCode.map { Int($0) as Any } ?? NSNull(), "RestartCount": record.restartCount,
         "Health": record.health.rawValue]
    }

    /// Docker's inspect shape, the parts that exist here.
    var inspect: [String: Any] {
        let config = record.config
        var health: [String: Any] = [:]
        if let check = config.health {
            health = ["Status": record.health.rawValue, "FailingStreak": record.healthFailingStreak,
                      "Log": record.healthLog.isEmpty ? [] : [["Output": record.healthLog]],
                      "Test": ["CMD"] + check.test, "Interval": Int(check.intervalNanos), "Timeout": Int(check.timeoutNanos),
                      "Retries": check.retries, "StartPeriod": Int(check.startPeriodNanos)]
        }
        var stateObject: [String: Any] = [
            "Status": state, "Running": state == "running", "Restarting": state == "restarting",
            "Pid": Int(record.pid), "ExitCode": Int(record.exitCode ?? 0), "Error": record.error,
            "StartedAt": Self.iso(record.startedAt), "FinishedAt": Self.iso(record.finishedAt),
            "MonitorAlive": active, "MonitorPid": Int(record.monitorPid),
        ]
        if !health.isEmpty { stateObject["Health"] = health }
        return [
            "Id": record.id, "Name": record.name, "Created": Self.iso(record.createdAt),
            "Path": config.command.first ?? "", "Args": Array(config.command.dropFirst()),
            "State": stateObject,
            "RestartCount": record.restartCount,
            "Rootfs": config.source.display,
            "LogPath": "", "Runtime": config.runtime,
            "Config": ["Env": config.env, "WorkingDir": config.workingDir ?? "", "User": config.user ?? "",
                       "Tty": config.tty, "OpenStdin": config.interactive, "StopSignal": config.stopSignal,
                       "StopTimeout": config.stopTimeout, "Cmd": config.command] as [String: Any],
            "HostConfig": [
                "RestartPolicy": ["Name": config.restart.description.split(separator: ":").first.map(String.init) ?? "no",
                                  "MaximumRetryCount": { if case .onFailure(let n) = config.restart { return n }; return 0 }()],
                "AutoRemove": config.autoRemove, "ReadonlyRootfs": config.readOnly,
                "Memory": Int(config.memory ?? 0), "NanoCpus": Int((config.cpus ?? 0) * 1e9),
                "PidsLimit": Int(config.pidsLimit ?? BundleBuilder.defaultPidsLimit),
                "CapAdd": config.capAdd, "CapDrop": config.capDrop, "NetworkMode": config.network.rawValue,
                "Binds": config.volumes.map { "\($0.source):\($0.destination)" + ($0.readOnly ? ":ro" : "") },
                "Tmpfs": config.tmpfs,
                "SecurityOpt": (config.security.noNewPrivileges ? ["no-new-privileges"] : [])
                    + (config.security.seccomp.map { ["seccomp=\($0)"] } ?? []),
                "PortBindings": config.ports.map(\.display),
            ] as [String: Any],
        ]
    }
}

func printJSON(_ value: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    FileHandleOut.stdout(Array(data) + [UInt8(ascii: "\n")])
}

struct PsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ps", abstract: "List containers (running ones unless -a).")
    @OptionGroup var engineOptions: EngineOptions
    @Flag(name: .shortAndLong, help: "All containers, stopped ones too.") var all = false
    @Flag(name: .shortAndLong, help: "Only the ids.") var quiet = false
    @Flag(name: .customLong("no-trunc"), help: "Full ids and commands.") var noTrunc = false
    @Option(help: "table or json.") var format: ListFormat = .table

    func run() throws {
        let engine = try engineOptions.engine()
        var views = try engine.store.all().map { ContainerView(record: $0, active: engine.isActive($0)) }
        if !all { views = views.filter { $0.active } }
        if quiet {
            for view in views { print(noTrunc ? view.record.id : view.record.shortID) }
            return
        }
        if format == .json { return try printJSON(views.map(\.summary)) }
        var rows = [["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]]
        for view in views {
            let command = noTrunc || view.command.count <= 20 ? view.command : String(view.command.prefix(19)) + "…"
            rows.append([noTrunc ? view.record.id : view.record.shortID, view.record.config.source.display,
                         "\"\(command)\"", ContainerView.human(WallClock.seconds() - view.record.createdAt) + " ago",
                         view.status, view.ports, view.record.name])
        }
        print(Table.render(rows), terminator: "")
    }
}

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Details of containers as JSON.")
    @OptionGroup var engineOptions: EngineOptions
    @Option(help: "json (the only format).") var format: ListFormat = .json
    @Argument(help: "Containers (names or ids).") var containers: [String]

    func run() throws {
        let engine = try engineOptions.engine()
        var out: [[String: Any]] = []
        for container in containers {
            let record = try engine.store.find(container)
            var view = ContainerView(record: record, active: engine.isActive(record)).inspect
            view["LogPath"] = engine.root.logFile(record.id)
            view["NetworkSettings"] = ["IPAddress": CNINetwork.recordedAddress(directory: engine.root.containerDirectory(record.id)) ?? "",
                                       "Ports": record.config.ports.map(\.display)]
            out.append(view)
        }
        try printJSON(out)
    }
}

/// Columns padded to their widest cell, three spaces apart, as Docker prints tables.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 3)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
