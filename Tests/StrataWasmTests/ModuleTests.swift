import Testing
@testable import StrataWasm

@Test func moduleLinks() {}
