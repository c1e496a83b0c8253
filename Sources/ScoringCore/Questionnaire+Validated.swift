// Native callers only: Scripts/build-wasm.sh leaves this file out. The WebAssembly module scores
// what JavaScript hands it, so it checks every answer; a loader that checked its results on reading
// (Scorecard's ResultFile) scores them with these entries and does not check them again.

extension Questionnaire {
    /// Scores answers that were checked already: ``score(_:)`` without checking them again.
    ///
    /// - Parameter answers: Answers that ``validate(_:respondent:)`` accepts; others give
    ///   meaningless numbers or stop the program.
    /// - Returns: The respondent's mean, percent, answered count, completeness and band.
    public func score(validated answers: [Int?]) -> RespondentScore {
        scoreValidated(answers)
    }

    /// Scores a group whose answers were checked already: ``report(_:)`` without checking them again.
    ///
    /// - Parameter respondents: The group, in the order its results were read; every one's answers
    ///   must be answers that ``validate(_:respondent:)`` accepts. Others give meaningless numbers
    ///   or stop the program.
    /// - Returns: The group's, each department's and the gap's numbers.
    public func report(validated respondents: [Respondent]) -> GroupReport {
        reportValidated(respondents)
    }
}
