import ScoringCore
import Testing

@Suite("Rounds and trend (rule 5)")
struct RoundsTests {
    @Test func roundsSortByLabelBytes() {
        let labels = ["2026-Q2", "2025-Q4", "2026-Q1", "2026-Q1-retake", "2025-Q4"]
        #expect(Rounds.order(labels.map { Array($0.utf8) }) == [1, 4, 2, 3, 0])
    }

    @Test func byteOrderPutsAPrefixFirstAndComparesBytesUnsigned() {
        #expect(Rounds.precedes(Array("2026".utf8), Array("2026-Q1".utf8)))
        #expect(!Rounds.precedes(Array("2026-Q1".utf8), Array("2026".utf8)))
        #expect(Rounds.precedes([0x7F], [0x80]))
        #expect(!Rounds.precedes([0x41], [0x41]))
        #expect(Rounds.order([]) == [])
    }

    @Test func trendIsEachRoundMinusThePrevious() {
        #expect(Rounds.trend([2, 2.75, 3.5]) == [nil, 0.75, 0.75])
        #expect(Rounds.trend([4, 3.5]) == [nil, -0.5])
    }

    @Test func trendIsAbsentAroundARoundWithoutAMean() {
        #expect(Rounds.trend([3, nil, 3.5, 4]) == [nil, nil, nil, 0.5])
        #expect(Rounds.trend([]) == [])
        #expect(Rounds.trend([3]) == [nil])
    }
}
