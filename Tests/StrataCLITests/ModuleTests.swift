import Testing
@testable import StrataCLI

@Test func moduleLinks() {}
