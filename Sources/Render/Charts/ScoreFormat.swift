public import Core

/// Scores as people read them: one decimal, with the language's decimal separator (`3.4`, `3,4`).
///
/// Pages show these; the unrounded value goes into a `data-` attribute with ``full(_:)``, so a
/// reader or a test can check every rounded number against `tandem score --format json`.
public enum ScoreFormat {
    /// The typographic minus sign: easier to tell from a hyphen next to a number.
    public static let minus = "\u{2212}"

    /// `3.4444` -> `3.4` (English), `3,4` (Danish); always one decimal, `4.0`.
    public static func decimal(_ value: Double, _ language: Language) -> String {
        FixedPoint(digits: 1, point: language.decimalSeparator, minus: minus).format(value)
    }

    /// A difference with its sign: `+1.5`, `−0.7`; one that rounds to zero is `0.0`.
    public static func signed(_ value: Double, _ language: Language) -> String {
        FixedPoint(digits: 1, point: language.decimalSeparator, minus: minus, plus: "+").format(value)
    }

    /// The shortest text that reads back as the same `Double`, as `tandem score --format json`
    /// writes it: `3.4444444444444446`, `4.0`.
    public static func full(_ value: Double) -> String {
        value.description
    }

    /// Whether a difference shows as `0.0` once rounded.
    public static func roundsToZero(_ value: Double) -> Bool {
        (value * 10).rounded(.toNearestOrAwayFromZero) == 0
    }
}
