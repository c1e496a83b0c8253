internal import Core

/// The ranges the numbers of playbook blocks must lie in (docs/blocks.md, "Limits").
///
/// Each is wider than any real sales team needs, and narrow enough that the arithmetic on the
/// numbers can never overflow or leave the finite numbers: closed deals × deal size stays below
/// 10^18 (within `Int`, and exact enough in `Double`), a revenue target over the smallest deal size
/// is at most 10^14 deals, points add up far below `Int.max`, and a duration in minutes is at most
/// 5,256,000.
public enum BlockLimits {
    /// Leads, deals and attempts: `sql_target`, `min_closed`, `attempts.count`.
    public static let count: ClosedRange<Int> = 1...1_000_000
    /// Money: `revenue_target`, `avg_deal_size`; from one cent (or øre).
    public static let amount: ClosedRange<Double> = 0.01...1_000_000_000_000
    /// `min_close_rate`: from 0.1% (at least one deal at any `sql_target`) to 100%.
    public static let rate: ClosedRange<Double> = 0.001...1
    /// A criterion's `points`.
    public static let points: ClosedRange<Int> = 0...1_000_000
    /// `min_points`.
    public static let minPoints: ClosedRange<Int> = 0...1_000_000_000
    /// The longest duration (`first_response`, `attempts.within`, `escalation.after`): ten years of
    /// 365 days, in minutes.
    public static let durationMinutes = 10 * 365 * 24 * 60

    /// The largest number of `unit`s a duration may have: 5256000m, 87600h, 3650d or 521w.
    public static func maxDuration(_ unit: TimeSpan.Unit) -> Int {
        durationMinutes / TimeSpan(1, unit).minutes()
    }

    // MARK: - Messages

    /// `sql_target 9223372036854775807 is out of range; expected a whole number from 1 to 1,000,000 (10^6)`
    static func outOfRange(_ key: String, _ written: String, _ range: ClosedRange<Int>) -> String {
        "\(key) \(written) is out of range; expected a whole number from \(show(range.lowerBound)) to \(show(range.upperBound))"
    }

    /// `revenue_target 1e20 is out of range; expected an amount from 0.01 to 1,000,000,000,000 (10^12)`
    static func amountOutOfRange(_ key: String, _ written: String) -> String {
        "\(key) \(written) is out of range; expected an amount from \(BlockFormat.decimal(amount.lowerBound, .en)) to \(show(Int(amount.upperBound)))"
    }

    /// `min_close_rate 1e-12 is out of range; expected a share from 0.001 (0.1%) to 1 (100%), e.g. 0.2 for 20%`
    static func rateOutOfRange(_ written: String) -> String {
        "min_close_rate \(written) is out of range; expected a share from \(BlockFormat.decimal(rate.lowerBound, .en, maxDecimals: 3)) (\(BlockFormat.percent(rate.lowerBound, .en))) to 1 (100%), e.g. 0.2 for 20%"
    }

    /// `first_response 1000000000000000w is out of range; expected a duration from 1w to 521w (10 years)`
    static func durationOutOfRange(_ key: String, _ written: String, _ unit: TimeSpan.Unit) -> String {
        "\(key) \(written) is out of range; expected a duration from 1\(unit.rawValue) to \(maxDuration(unit))\(unit.rawValue) (10 years)"
    }

    /// `1,000,000 (10^6)`: a limit with its power of ten, which is easier to count than the zeros.
    static func show(_ value: Int) -> String {
        var power = 0
        var rest = value
        while rest >= 10 && rest % 10 == 0 {
            rest /= 10
            power += 1
        }
        let number = BlockFormat.integer(value, .en)
        return rest == 1 && power >= 6 ? "\(number) (10^\(power))" : number
    }
}
