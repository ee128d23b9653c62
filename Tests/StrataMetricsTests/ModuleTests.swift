import Testing
@testable import StrataMetrics

@Test func moduleLinks() {}
