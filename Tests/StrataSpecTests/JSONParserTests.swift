import Testing
@testable import StrataSpec
