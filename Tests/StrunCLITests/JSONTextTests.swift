import Testing
@testable import StrunCLI

@Suite("JSONText.escape")
struct JSONTextTests {
    @Test("escapes", arguments: [
        ("plain text", "plain text"),
        ("say \"hi\"", "say \\\"hi\\\""),
        ("C:\\path", "C:\\\\path"),
        ("a\nb\r\tc", "a\\nb\\r\\tc"),
        ("\u{0}", "\\u0000"),
        ("\u{1}x", "\\u0001x"),
        ("\u{8}\u{c}", "\\u0008\\u000c"),
        ("\u{1b}[31m", "\\u001b[31m"),
        ("\u{1f}", "\\u001f"),
        ("\u{7f}", "\u{7f}"),
        ("héllo ✓ 容器", "héllo ✓ 容器"),
        ("", ""),
        ("/", "/"),
    ])
    func escape(input: String, expected: String) {
        #expect(JSONText.escape(input) == expected)
    }

    @Test func everyControlCharacterIsEscaped() {
        for value in UInt32(0)..<0x20 {
            let scalar = Unicode.Scalar(value).map { String(Character($0)) } ?? ""
            let escaped = JSONText.escape(scalar)
            #expect(escaped.hasPrefix("\\"), "U+\(String(value, radix: 16))")
            #expect(escaped.unicodeScalars.allSatisfy { $0.value >= 0x20 })
        }
    }

    @Test func realErrorMessage() {
        let message = "open /run/strun/x/state.json: no such file or directory\n\t\"quoted\""
        #expect(JSONText.escape(message) == "open /run/strun/x/state.json: no such file or directory\\n\\t\\\"quoted\\\"")
    }
}
