// Generated from a field table mirroring runtime-spec specs-go; member order is Go's, so output reads like runc's.
// Non-Linux sections: typed so that they survive decoding and encoding; the runtime ignores them.

/// Solaris-specific configuration.
public struct Solaris: Sendable, Hashable, Codable {
    public var milestone: String?
    public var limitpriv: String?
    public var maxShmMemory: String?
    public var anet: [SolarisAnet]?
    public var cappedCPU: SolarisCappedCPU?
    public var cappedMemory: SolarisCappedMemory?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        milestone: String? = nil,
        limitpriv: String? = nil,
        maxShmMemory: String? = nil,
        anet: [SolarisAnet]? = nil,
        cappedCPU: SolarisCappedCPU? = nil,
        cappedMemory: SolarisCappedMemory? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.milestone = milestone
        self.limitpriv = limitpriv
        self.maxShmMemory = maxShmMemory
        self.anet = anet
        self.cappedCPU = cappedCPU
        self.cappedMemory = cappedMemory
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Solaris.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Solaris: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "milestone": milestone = try reader.decode(jsonKey)
            case "limitpriv": limitpriv = try reader.decode(jsonKey)
            case "maxShmMemory": maxShmMemory = try reader.decode(jsonKey)
            case "anet": anet = try reader.decode(jsonKey)
            case "cappedCPU": cappedCPU = try reader.decode(jsonKey)
            case "cappedMemory": cappedMemory = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("milestone", milestone)
        writer.add("limitpriv", limitpriv)
        writer.add("maxShmMemory", maxShmMemory)
        writer.add("anet", anet)
        writer.add("cappedCPU", cappedCPU)
        writer.add("cappedMemory", cappedMemory)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Solaris CPU cap.
public struct SolarisCappedCPU: Sendable, Hashable, Codable {
    public var ncpus: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        ncpus: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.ncpus = ncpus
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(SolarisCappedCPU.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension SolarisCappedCPU: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "ncpus": ncpus = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("ncpus", ncpus)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Solaris memory cap.
public struct SolarisCappedMemory: Sendable, Hashable, Codable {
    public var physical: String?
    public var swap: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        physical: String? = nil,
        swap: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.physical = physical
        self.swap = swap
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(SolarisCappedMemory.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension SolarisCappedMemory: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "physical": physical = try reader.decode(jsonKey)
            case "swap": swap = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("physical", physical)
        writer.add("swap", swap)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A Solaris automatic network interface.
public struct SolarisAnet: Sendable, Hashable, Codable {
    public var linkname: String?
    public var lowerLink: String?
    public var allowedAddress: String?
    public var configureAllowedAddress: String?
    public var defrouter: String?
    public var linkProtection: String?
    public var macAddress: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        linkname: String? = nil,
        lowerLink: String? = nil,
        allowedAddress: String? = nil,
        configureAllowedAddress: String? = nil,
        defrouter: String? = nil,
        linkProtection: String? = nil,
        macAddress: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.linkname = linkname
        self.lowerLink = lowerLink
        self.allowedAddress = allowedAddress
        self.configureAllowedAddress = configureAllowedAddress
        self.defrouter = defrouter
        self.linkProtection = linkProtection
        self.macAddress = macAddress
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(SolarisAnet.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension SolarisAnet: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "linkname": linkname = try reader.decode(jsonKey)
            case "lowerLink": lowerLink = try reader.decode(jsonKey)
            case "allowedAddress": allowedAddress = try reader.decode(jsonKey)
            case "configureAllowedAddress": configureAllowedAddress = try reader.decode(jsonKey)
            case "defrouter": defrouter = try reader.decode(jsonKey)
            case "linkProtection": linkProtection = try reader.decode(jsonKey)
            case "macAddress": macAddress = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("linkname", linkname)
        writer.add("lowerLink", lowerLink)
        writer.add("allowedAddress", allowedAddress)
        writer.add("configureAllowedAddress", configureAllowedAddress)
        writer.add("defrouter", defrouter)
        writer.add("linkProtection", linkProtection)
        writer.add("macAddress", macAddress)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Windows-specific configuration.
public struct Windows: Sendable, Hashable, Codable {
    public var layerFolders: [String]
    public var devices: [WindowsDevice]?
    public var resources: WindowsResources?
    public var credentialSpec: JSONValue?
    public var servicing: Bool?
    public var ignoreFlushesDuringBoot: Bool?
    public var hyperv: WindowsHyperV?
    public var network: WindowsNetwork?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        layerFolders: [String] = [],
        devices: [WindowsDevice]? = nil,
        resources: WindowsResources? = nil,
        credentialSpec: JSONValue? = nil,
        servicing: Bool? = nil,
        ignoreFlushesDuringBoot: Bool? = nil,
        hyperv: WindowsHyperV? = nil,
        network: WindowsNetwork? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.layerFolders = layerFolders
        self.devices = devices
        self.resources = resources
        self.credentialSpec = credentialSpec
        self.servicing = servicing
        self.ignoreFlushesDuringBoot = ignoreFlushesDuringBoot
        self.hyperv = hyperv
        self.network = network
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Windows.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Windows: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "layerFolders": layerFolders = try reader.decode(jsonKey) ?? []
            case "devices": devices = try reader.decode(jsonKey)
            case "resources": resources = try reader.decode(jsonKey)
            case "credentialSpec": credentialSpec = try reader.decode(jsonKey)
            case "servicing": servicing = try reader.decode(jsonKey)
            case "ignoreFlushesDuringBoot": ignoreFlushesDuringBoot = try reader.decode(jsonKey)
            case "hyperv": hyperv = try reader.decode(jsonKey)
            case "network": network = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("layerFolders", layerFolders)
        writer.add("devices", devices)
        writer.add("resources", resources)
        writer.add("credentialSpec", credentialSpec)
        writer.add("servicing", servicing)
        writer.add("ignoreFlushesDuringBoot", ignoreFlushesDuringBoot)
        writer.add("hyperv", hyperv)
        writer.add("network", network)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A Windows device.
public struct WindowsDevice: Sendable, Hashable, Codable {
    public var id: String
    public var idType: String
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        id: String = "",
        idType: String = "",
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.idType = idType
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(WindowsDevice.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension WindowsDevice: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "id": id = try reader.decode(jsonKey) ?? ""
            case "idType": idType = try reader.decode(jsonKey) ?? ""
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("id", id)
        writer.add("idType", idType)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Windows resource limits.
public struct WindowsResources: Sendable, Hashable, Codable {
    public var memory: WindowsMemoryResources?
    public var cpu: WindowsCPUResources?
    public var storage: WindowsStorageResources?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        memory: WindowsMemoryResources? = nil,
        cpu: WindowsCPUResources? = nil,
        storage: WindowsStorageResources? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.memory = memory
        self.cpu = cpu
        self.storage = storage
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(WindowsResources.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension WindowsResources: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "memory": memory = try reader.decode(jsonKey)
            case "cpu": cpu = try reader.decode(jsonKey)
            case "storage": storage = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("memory", memory)
        writer.add("cpu", cpu)
        writer.add("storage", storage)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Windows memory limit.
public struct WindowsMemoryResources: Sendable, Hashable, Codable {
    public var limit: UInt64?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        limit: UInt64? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.limit = limit
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(WindowsMemoryResources.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension WindowsMemoryResources: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "limit": limit = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("limit", limit)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Windows CPU limits.
public struct WindowsCPUResources: Sendable, Hashable, Codable {
    public var count: UInt64?
    public var shares: UInt16?
    public var maximum: UInt16?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        count: UInt64? = nil,
        shares: UInt16? = nil,
        maximum: UInt16? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.count = count
        self.shares = shares
        self.maximum = maximum
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(WindowsCPUResources.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension WindowsCPUResources: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "count": count = try reader.decode(jsonKey)
            case "shares": shares = try reader.decode(jsonKey)
            case "maximum": maximum = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("count", count)
        writer.add("shares", shares)
        writer.add("maximum", maximum)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Windows storage limits.
public struct WindowsStorageResources: Sendable, Hashable, Codable {
    public var iops: UInt64?
    public var bps: UInt64?
    public var sandboxSize: UInt64?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        iops: UInt64? = nil,
        bps: UInt64? = nil,
        sandboxSize: UInt64? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.iops = iops
        self.bps = bps
        self.sandboxSize = sandboxSize
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(WindowsStorageResources.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension WindowsStorageResources: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "iops": iops = try reader.decode(jsonKey)
            case "bps": bps = try reader.decode(jsonKey)
            case "sandboxSize": sandboxSize = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("iops", iops)
        writer.add("bps", bps)
        writer.add("sandboxSize", sandboxSize)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Windows network settings.
public struct WindowsNetwork: Sendable, Hashable, Codable {
    public var endpointList: [String]?
    public var allowUnqualifiedDNSQuery: Bool?
    public var DNSSearchList: [String]?
    public var networkSharedContainerName: String?
    public var networkNamespace: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        endpointList: [String]? = nil,
        allowUnqualifiedDNSQuery: Bool? = nil,
        DNSSearchList: [String]? = nil,
        networkSharedContainerName: String? = nil,
        networkNamespace: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.endpointList = endpointList
        self.allowUnqualifiedDNSQuery = allowUnqualifiedDNSQuery
        self.DNSSearchList = DNSSearchList
        self.networkSharedContainerName = networkSharedContainerName
        self.networkNamespace = networkNamespace
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(WindowsNetwork.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension WindowsNetwork: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "endpointList": endpointList = try reader.decode(jsonKey)
            case "allowUnqualifiedDNSQuery": allowUnqualifiedDNSQuery = try reader.decode(jsonKey)
            case "DNSSearchList": DNSSearchList = try reader.decode(jsonKey)
            case "networkSharedContainerName": networkSharedContainerName = try reader.decode(jsonKey)
            case "networkNamespace": networkNamespace = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("endpointList", endpointList)
        writer.add("allowUnqualifiedDNSQuery", allowUnqualifiedDNSQuery)
        writer.add("DNSSearchList", DNSSearchList)
        writer.add("networkSharedContainerName", networkSharedContainerName)
        writer.add("networkNamespace", networkNamespace)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Hyper-V isolation settings.
public struct WindowsHyperV: Sendable, Hashable, Codable {
    public var utilityVMPath: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        utilityVMPath: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.utilityVMPath = utilityVMPath
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(WindowsHyperV.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension WindowsHyperV: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "utilityVMPath": utilityVMPath = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("utilityVMPath", utilityVMPath)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Configuration for containers run as virtual machines.
public struct VM: Sendable, Hashable, Codable {
    public var hypervisor: VMHypervisor?
    public var kernel: VMKernel
    public var image: VMImage?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        hypervisor: VMHypervisor? = nil,
        kernel: VMKernel = VMKernel(),
        image: VMImage? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.hypervisor = hypervisor
        self.kernel = kernel
        self.image = image
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(VM.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension VM: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "hypervisor": hypervisor = try reader.decode(jsonKey)
            case "kernel": kernel = try reader.decode(jsonKey) ?? VMKernel()
            case "image": image = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("hypervisor", hypervisor)
        writer.add("kernel", kernel)
        writer.add("image", image)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// The hypervisor to run.
public struct VMHypervisor: Sendable, Hashable, Codable {
    public var path: String
    public var parameters: [String]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        path: String = "",
        parameters: [String]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.path = path
        self.parameters = parameters
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(VMHypervisor.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension VMHypervisor: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "path": path = try reader.decode(jsonKey) ?? ""
            case "parameters": parameters = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("path", path)
        writer.add("parameters", parameters)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// The guest kernel.
public struct VMKernel: Sendable, Hashable, Codable {
    public var path: String
    public var parameters: [String]?
    public var initrd: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        path: String = "",
        parameters: [String]? = nil,
        initrd: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.path = path
        self.parameters = parameters
        self.initrd = initrd
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(VMKernel.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension VMKernel: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "path": path = try reader.decode(jsonKey) ?? ""
            case "parameters": parameters = try reader.decode(jsonKey)
            case "initrd": initrd = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("path", path)
        writer.add("parameters", parameters)
        writer.add("initrd", initrd)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// The guest root image.
public struct VMImage: Sendable, Hashable, Codable {
    public var path: String
    public var format: String
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        path: String = "",
        format: String = "",
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.path = path
        self.format = format
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(VMImage.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension VMImage: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "path": path = try reader.decode(jsonKey) ?? ""
            case "format": format = try reader.decode(jsonKey) ?? ""
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("path", path)
        writer.add("format", format)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// z/OS-specific configuration.
public struct ZOS: Sendable, Hashable, Codable {
    public var devices: [ZOSDevice]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        devices: [ZOSDevice]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.devices = devices
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(ZOS.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension ZOS: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "devices": devices = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("devices", devices)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A z/OS device.
public struct ZOSDevice: Sendable, Hashable, Codable {
    public var path: String
    public var type: String
    public var major: Int64
    public var minor: Int64
    public var fileMode: UInt32?
    public var uid: UInt32?
    public var gid: UInt32?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        path: String = "",
        type: String = "",
        major: Int64 = 0,
        minor: Int64 = 0,
        fileMode: UInt32? = nil,
        uid: UInt32? = nil,
        gid: UInt32? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.path = path
        self.type = type
        self.major = major
        self.minor = minor
        self.fileMode = fileMode
        self.uid = uid
        self.gid = gid
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(ZOSDevice.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension ZOSDevice: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "path": path = try reader.decode(jsonKey) ?? ""
            case "type": type = try reader.decode(jsonKey) ?? ""
            case "major": major = try reader.decode(jsonKey) ?? 0
            case "minor": minor = try reader.decode(jsonKey) ?? 0
            case "fileMode": fileMode = try reader.decode(jsonKey)
            case "uid": uid = try reader.decode(jsonKey)
            case "gid": gid = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("path", path)
        writer.add("type", type)
        writer.add("major", major)
        writer.add("minor", minor)
        writer.add("fileMode", fileMode)
        writer.add("uid", uid)
        writer.add("gid", gid)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}
