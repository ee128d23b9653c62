/// One eBPF instruction, `struct bpf_insn` of linux/bpf.h: an 8-bit opcode, two 4-bit
/// registers, a signed 16-bit offset and a signed 32-bit immediate, 8 bytes in all.
///
/// Only the handful of forms the device filter needs have constructors; `description`
/// prints them in a readable assembler so tests can compare whole programs.
public struct BPFInstruction: Sendable, Equatable, CustomStringConvertible {
    /// Class, operation and operand source bits (linux/bpf_common.h).
    public var code: UInt8
    /// Destination register number (r0 holds the return value, r1 the context pointer).
    public var dst: UInt8
    /// Source register number, for register forms.
    public var src: UInt8
    /// Jump distance in instructions, counted from the instruction after this one.
    public var offset: Int16
    /// Constant operand, for immediate forms.
    public var immediate: Int32

    /// An instruction from its fields; the named constructors below cover the usual forms.
    public init(code: UInt8, dst: UInt8 = 0, src: UInt8 = 0, offset: Int16 = 0, immediate: Int32 = 0) {
        self.code = code
        self.dst = dst
        self.src = src
        self.offset = offset
        self.immediate = immediate
    }

    /// The 8 bytes the kernel reads. The register byte is a C bitfield (`dst_reg:4,
    /// src_reg:4`), whose nibble order follows the host's byte order.
    public var bytes: [UInt8] {
        #if _endian(little)
        let registers = (dst & 0x0f) | (src << 4)
        #else
        let registers = (dst << 4) | (src & 0x0f)
        #endif
        let off = UInt16(bitPattern: offset)
        let imm = UInt32(bitPattern: immediate)
        var out: [UInt8] = [code, registers]
        withUnsafeBytes(of: off) { out += $0 }
        withUnsafeBytes(of: imm) { out += $0 }
        return out
    }

    // Opcode parts (linux/bpf_common.h, linux/bpf.h).
    static let classLDX: UInt8 = 0x01, classALU: UInt8 = 0x04, classJMP: UInt8 = 0x05
    static let sizeWord: UInt8 = 0x00, modeMem: UInt8 = 0x60
    static let sourceImm: UInt8 = 0x00, sourceReg: UInt8 = 0x08
    static let opAnd: UInt8 = 0x50, opRsh: UInt8 = 0x70, opMov: UInt8 = 0xb0
    static let jumpEq: UInt8 = 0x10, jumpNe: UInt8 = 0x50, exitOp: UInt8 = 0x90

    /// dst = *(u32 *)(src + offset)
    static func loadWord(_ dst: UInt8, _ src: UInt8, offset: Int16) -> BPFInstruction {
        BPFInstruction(code: classLDX | sizeWord | modeMem, dst: dst, src: src, offset: offset)
    }

    /// dst = (u32)dst & imm
    static func and32(_ dst: UInt8, _ imm: Int32) -> BPFInstruction {
        BPFInstruction(code: classALU | opAnd | sourceImm, dst: dst, immediate: imm)
    }

    /// dst = (u32)dst >> imm
    static func rightShift32(_ dst: UInt8, _ imm: Int32) -> BPFInstruction {
        BPFInstruction(code: classALU | opRsh | sourceImm, dst: dst, immediate: imm)
    }

    /// dst = (u32)src
    static func move32(_ dst: UInt8, register src: UInt8) -> BPFInstruction {
        BPFInstruction(code: classALU | opMov | sourceReg, dst: dst, src: src)
    }

    /// dst = (u32)imm
    static func move32(_ dst: UInt8, _ imm: Int32) -> BPFInstruction {
        BPFInstruction(code: classALU | opMov | sourceImm, dst: dst, immediate: imm)
    }

    /// if dst != imm goto +offset
    static func jumpIfNotEqual(_ dst: UInt8, _ imm: Int32, skip offset: Int16) -> BPFInstruction {
        BPFInstruction(code: classJMP | jumpNe | sourceImm, dst: dst, offset: offset, immediate: imm)
    }

    /// if dst != src goto +offset
    static func jumpIfNotEqual(_ dst: UInt8, register src: UInt8, skip offset: Int16) -> BPFInstruction {
        BPFInstruction(code: classJMP | jumpNe | sourceReg, dst: dst, src: src, offset: offset)
    }

    /// if dst == imm goto +offset
    static func jumpIfEqual(_ dst: UInt8, _ imm: Int32, skip offset: Int16) -> BPFInstruction {
        BPFInstruction(code: classJMP | jumpEq | sourceImm, dst: dst, offset: offset, immediate: imm)
    }

    /// return r0
    static let exit = BPFInstruction(code: classJMP | exitOp)

    public var description: String {
        let d = "r\(dst)", s = "r\(src)"
        switch code {
        case Self.classLDX | Self.sizeWord | Self.modeMem: return "ldxw \(d), [\(s)+\(offset)]"
        case Self.classALU | Self.opAnd | Self.sourceImm: return "and32 \(d), \(immediate)"
        case Self.classALU | Self.opRsh | Self.sourceImm: return "rsh32 \(d), \(immediate)"
        case Self.classALU | Self.opMov | Self.sourceReg: return "mov32 \(d), \(s)"
        case Self.classALU | Self.opMov | Self.sourceImm: return "mov32 \(d), \(immediate)"
        case Self.classJMP | Self.jumpNe | Self.sourceImm: return "jne \(d), \(immediate), +\(offset)"
        case Self.classJMP | Self.jumpNe | Self.sourceReg: return "jne \(d), \(s), +\(offset)"
        case Self.classJMP | Self.jumpEq | Self.sourceImm: return "jeq \(d), \(immediate), +\(offset)"
        case Self.classJMP | Self.exitOp: return "exit"
        default: return "op 0x\(String(code, radix: 16)) \(d), \(s), \(offset), \(immediate)"
        }
    }
}
