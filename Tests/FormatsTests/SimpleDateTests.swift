import Core
import Formats
import Testing

@Suite struct SimpleDateTests {
    @Test func parsesAndFormats() throws {
        let date = try #require(SimpleDate("2026-03-04"))
        #expect(date.description == "2026-03-04")
        #expect(date.quarter == "2026-Q1")
        #expect(date.formatted(.en) == "4 March 2026")
        #expect(date.formatted(.da) == "4. marts 2026")
        #expect(SimpleDate("2026-02-29") == nil)
        #expect(SimpleDate("2024-02-29") != nil)
        #expect(SimpleDate("2026-13-01") == nil)
        #expect(SimpleDate("26-1-1") == nil)
    }
}
