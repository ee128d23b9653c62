import Testing
@testable import StrataSpec

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws(SpecError) -> JSONValue {
        try JSONValue(parsing: Array(text.utf8))
    }

    @Test func scalarsAndContainers() throws {
        #expect(try parse(#"{"a": [1, -2, 1.5, true, false, null, "x"], "b": {}}"#)
            == .object(["a": .array([.int(1), .int(-2), .double(1.5), .bool(true), .bool(false), .null, .string("x")]),
                        "b": .object([:])]))
        #expect(try parse(" \n\t[] ") == .array([]))
    }

    @Test func integersStayExact() throws {
        #expect(try parse("9223372036854775807") == .int(Int64.max))
        #expect(try parse("-9223372036854775808") == .int(Int64.min))
        #expect(try parse("9223372036854775808") == .uint(9_223_372_036_854_775_808))
        #expect(try parse("18446744073709551615") == .uint(UInt64.max))
        #expect(try parse("18446744073709551616") == .double(18_446_744_073_709_551_616))
        #expect(try parse("1e3") == .double(1000))
        #expect(try parse("-0") == .int(0))
    }

    @Test func stringEscapes() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{c}\n\r\t"))
        #expect(try parse(#""\u00e9\u4e2d\ud83d\ude00""#) == .string("é中😀"))
        #expect(try parse(#""\ud800x""#) == .string("\u{FFFD}x"))
        #expect(try parse("\"héllo\"") == .string("héllo"))
    }

    @Test(arguments: [
        ("{\"a\": 1,\n  \"b\" 2}", "line 2, column 7"),
        ("[1, 2", "unexpected end of input"),
        ("{\"a\": tru}", "line 1, column 7"),
        ("[01]", "leading zero"),
        ("\"abc", "unterminated string"),
        ("{} x", "after the top-level value"),
        ("{\"a\": \"\u{1}\"}", "control character"),
        ("[1,]", "expected a value"),
        ("{\"a\":1,}", "expected a member name"),
        ("\"\\x\"", "invalid escape"),
        ("", "unexpected end of input"),
    ])
    func malformedInputNamesTheSpot(text: String, fragment: String) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            guard let error = error as? SpecError else { return false }
            return error.kind == .syntax && error.description.contains(fragment) && error.description.hasPrefix("invalid json at line")
        }
    }

    @Test func deepNestingIsRejectedNotCrashed() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: SpecError.self) { _ = try parse(text) }
    }

    @Test func writerEscapesAndSortsUnknownObjects() throws {
        let value: JSONValue = ["z": 1, "a": ["s": "q\"\n\u{1}"], "m": [1.5, nil, true]]
        let text = value.jsonText()
        #expect(text == #"{"a":{"s":"q\"\n\u0001"},"m":[1.5,null,true],"z":1}"#)
        #expect(try parse(text) == value)
    }
}
