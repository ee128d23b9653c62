import Testing
@testable import StrataPolicy

@Test func moduleLinks() {}
