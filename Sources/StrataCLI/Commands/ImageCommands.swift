import ArgumentParser
import Foundation
import StrataImage
import StrataSystem

/// Options every image command shares: where the store is, which registries config applies.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Image store root (default: /var/lib/strata as root, $XDG_DATA_HOME/strata otherwise; STRATA_ROOT).", valueName: "dir"))
    var root: String?

    @Option(name: .customLong("registries-conf"), help: ArgumentHelp("registries.conf to read (default: $STRATA_REGISTRIES_CONF, /etc/strata/registries.conf).", valueName: "file"))
    var registriesConf: String?

    func store() throws -> ImageStore { try ImageStore(root: root ?? ImageStore.defaultRoot()) }
    func registries() throws -> RegistriesConfig { try RegistriesConfig.load(path: registriesConf) }
}

/// Options of commands that talk to a registry.
struct RegistryOptions: ParsableArguments {
    @Option(name: .customLong("tls-verify"), help: ArgumentHelp("Require HTTPS with a verified certificate (false: plain HTTP or any certificate, for this command).", valueName: "bool"))
    var tlsVerify: Bool?

    @Option(help: ArgumentHelp("auth.json to read credentials from (default: Podman's search list).", valueName: "file"))
    var authfile: String?

    @Option(help: ArgumentHelp("Credentials for this command.", valueName: "user:password"))
    var creds: String?

    func credentials() throws -> Credentials? {
        guard let creds else { return nil }
        guard let colon = creds.firstIndex(of: ":") else { throw ValidationError("--creds: give user:password") }
        return Credentials(username: String(creds[..<colon]), password: String(creds[creds.index(after: colon)...]))
    }
}


/// `strata pull REF`
struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull", abstract: "Pull an image from a registry into the local store.",
        discussion: "Prints the image id on stdout; progress goes to stderr (bars on a terminal, lines otherwise).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var registry: RegistryOptions

    @Option(help: ArgumentHelp("Platform to choose from an index (default linux/amd64).", valueName: "os/arch[/variant]"))
    var platform: String = "linux/amd64"

    @Flag(name: .shortAndLong, help: "Print nothing but the image id.")
    var quiet = false

    @Argument(help: "Image reference (busybox, docker.io/library/busybox:1.36, registry:5000/app@sha256:…).")
    var reference: String

    func run() async throws {
        let imageStore = try store.store()
        var options = PullOptions()
        options.platform = try Platform.parse(platform)
        options.tlsVerify = registry.tlsVerify
        options.authFile = registry.authfile
        options.credentials = try registry.credentials()
        options.registries = try store.registries()
        let printer = PullProgress(enabled: !quiet)
        options.progress = ProgressSink { printer.handle($0) }
        let image = try await imageStore.pull(reference, options: options)
        printer.finish()
        print(image.id.replacingOccurrences(of: "sha256:", with: ""))
    }
}

/// What `strata images` and `strata image ls` take and print.
struct ImageListOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: table or json.")
    var format: ListFormat = .table

    @Flag(name: .shortAndLong, help: "Print image ids only.")
    var quiet = false

    @Flag(name: .customLong("no-trunc"), help: "Show full ids.")
    var noTrunc = false

    func run() throws {
        let images = try store.store().images()
        if quiet {
            for i in images { print(noTrunc ? i.id : String(i.record.id.short)) }
            return
        }
        switch format {
        case .json:
            let rows: [[String: Any]] = images.map { i in
                ["Id": i.record.id.hex, "Names": i.names, "Digest": i.record.manifest.digest.description,
                 "RepoDigests": i.record.repoDigests.map(\.description), "Size": i.record.size,
                 "Created": i.record.created ?? "", "Pulled": i.record.pulled,
                 "Layers": i.layerDirectories.count]
            }
            print(try CLIJSON.text(rows))
        case .table:
            var table = [["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"]]
            for i in images {
                let id = noTrunc ? i.record.id.description : i.record.id.short
                let names = i.names.isEmpty ? ["<none>:<none>"] : i.names
                for n in names {
                    let (repo, tag) = ImageCommandText.split(n)
                    table.append([repo, tag, id, ImageCommandText.age(i.record.created), ImageCommandText.bytes(i.record.size)])
                }
            }
            print(ImageCommandText.columns(table), terminator: "")
        }
    }
}

/// `strata images`
struct ImagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "images", abstract: "List images in the local store.")
    @OptionGroup var list: ImageListOptions
    func run() throws { try list.run() }
}

/// `strata image ls`
struct ImageListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ls", abstract: "List images in the local store.", aliases: ["list"])
    @OptionGroup var list: ImageListOptions
    func run() throws { try list.run() }
}

/// `strata image …`: the image commands under one group, as `podman image` has them.
struct ImageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image", abstract: "Manage images in the local store.",
        subcommands: [PullCommand.self, ImageListCommand.self, ImageInspectCommand.self, TagCommand.self,
                      RmiCommand.self, ImageRmCommand.self, ImagePruneCommand.self, ImageMountCommand.self, ImageUnmountCommand.self])
}

/// `strata image inspect REF…`
struct ImageInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Show an image's record, manifest and config as JSON.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Image references or ids.")
    var references: [String]

    func run() throws {
        let s = try store.store()
        var out: [[String: Any]] = []
        for r in references {
            let image = try s.image(r)
            let docs = try s.documents(image)
            let config = try JSONSerialization.jsonObject(with: Data(docs.config))
            let manifest = try JSONSerialization.jsonObject(with: Data(docs.manifest))
            out.append(["Id": image.record.id.hex, "Names": image.names,
                        "Digest": image.record.manifest.digest.description,
                        "RepoDigests": image.record.repoDigests.map(\.description),
                        "Size": image.record.size, "Created": image.record.created ?? "", "Pulled": image.record.pulled,
                        "Os": image.config.os, "Architecture": image.config.architecture,
                        "ChainIDs": image.record.chainIDs.map(\.description),
                        "LayerDirectories": image.layerDirectories,
                        "Manifest": manifest, "Config": config])
        }
        print(try CLIJSON.text(out))
    }
}

/// `strata tag SRC DST…`
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Give an image another name.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The image.") var source: String
    @Argument(help: "New names (a bare name gets localhost/, as Podman does).") var targets: [String]

    func run() throws {
        let s = try store.store()
        for t in targets { try s.tag(source, t) }
    }
}

/// What `strata rmi` and `strata image rm` take.
struct RemoveOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Flag(name: .shortAndLong, help: "Remove an image by id even when it has several names.")
    var force = false

    @Argument(help: "Image references or ids.") var references: [String]

    func run() throws {
        let result = try store.store().remove(references, force: force)
        for n in result.untagged { print("Untagged: \(n)") }
        for d in result.deleted { print("Deleted: \(d.replacingOccurrences(of: "sha256:", with: ""))") }
    }
}

/// `strata rmi REF…`
struct RmiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rmi", abstract: "Remove images (or names of images); unreferenced blobs and layers are collected.")
    @OptionGroup var options: RemoveOptions
    func run() throws { try options.run() }
}

/// `strata image rm REF…`
struct ImageRmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove images (or names of images); unreferenced blobs and layers are collected.")
    @OptionGroup var options: RemoveOptions
    func run() throws { try options.run() }
}

/// `strata image prune`
struct ImagePruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prune", abstract: "Remove images without names (all unmounted images with --all) and every unreferenced blob, layer and leftover.")

    @OptionGroup var store: StoreOptions

    @Flag(name: .shortAndLong, help: "Remove every image that is not mounted, named or not.")
    var all = false

    @Option(help: "Output format: table or json.")
    var format: ListFormat = .table

    func run() throws {
        let r = try store.store().prune(all: all)
        switch format {
        case .json:
            print(try CLIJSON.text(["Images": r.images, "Blobs": r.blobs, "Layers": r.layers,
                                    "Temporaries": r.temporaries, "BlobBytes": r.bytes] as [String: Any]))
        case .table:
            for i in r.images { print(i.replacingOccurrences(of: "sha256:", with: "")) }
            print("removed \(r.images.count) images, \(r.blobs) blobs (\(ImageCommandText.bytes(r.bytes))), \(r.layers) layers, \(r.temporaries) leftovers")
        }
    }
}

/// `strata image mount REF`
struct ImageMountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mount", abstract: "Mount an image's merged tree read-only and print its path.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Image reference or id.") var reference: String

    func run() throws {
        let s = try store.store()
        print(try ImageMounter.mount(try s.image(reference), store: s))
    }
}

/// `strata image unmount REF`
struct ImageUnmountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unmount", abstract: "Unmount what `strata image mount` mounted.", aliases: ["umount"])

    @OptionGroup var store: StoreOptions
    @Argument(help: "Image reference or id.") var reference: String

    func run() throws {
        let s = try store.store()
        let image = try s.image(reference)
        if !(try ImageMounter.unmount(image, store: s)) {
            throw StrataError("unmount image", reference, reason: "not mounted")
        }
    }
}

/// `strata login REGISTRY`
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "login", abstract: "Check credentials against a registry and store them in auth.json.")

    @OptionGroup var store: StoreOptions
    @Option(name: .shortAndLong, help: "User name.") var username: String
    @Option(name: .shortAndLong, help: "Password (prefer --password-stdin).") var password: String?
    @Flag(name: .customLong("password-stdin"), help: "Read the password from stdin.") var passwordStdin = false
    @Option(name: .customLong("tls-verify"), help: ArgumentHelp("Require HTTPS with a verified certificate.", valueName: "bool"))
    var tlsVerify: Bool?
    @Option(help: ArgumentHelp("auth.json to write (default: $REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json).", valueName: "file"))
    var authfile: String?
    @Argument(help: "Registry host[:port].") var registry: String

    func run() async throws {
        var secret = password
        if passwordStdin { secret = readLine(strippingNewline: true) }
        guard let secret, !secret.isEmpty else { throw ValidationError("give --password or --password-stdin") }
        let creds = Credentials(username: username, password: secret)
        let domain = AuthFile.normalizeKey(registry)
        let insecure = try tlsVerify == false || store.registries().isInsecure(domain)
        let client = RegistryClient(domain: domain, insecure: insecure, credentials: creds)
        do {
            try await client.verifyLogin()
            await client.close()
        } catch {
            await client.close()
            throw error
        }
        let file = AuthFile(path: authfile ?? AuthFile.defaultPath())
        try file.set(domain, creds)
        print("Login Succeeded!")
    }
}

/// `strata logout REGISTRY`
struct LogoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Remove a registry's credentials from auth.json.")

    @Option(help: ArgumentHelp("auth.json to edit.", valueName: "file")) var authfile: String?
    @Argument(help: "Registry host[:port].") var registry: String

    func run() throws {
        let file = AuthFile(path: authfile ?? AuthFile.defaultPath())
        guard try file.set(AuthFile.normalizeKey(registry), nil) else {
            throw StrataError("logout", registry, reason: "not logged in (no entry in \(file.path))")
        }
        print("Removed login credentials for \(registry)")
    }
}
