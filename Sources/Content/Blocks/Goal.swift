public import Core

/// The shared goal: how many sales-qualified leads marketing delivers in a period, how many of them
/// sales must at least close, and what that is worth.
public struct Goal: Sendable, Equatable {
    /// The team or business unit the goal belongs to; nil for the whole company.
    public var team: String?
    public var period: GoalPeriod?
    /// Sales-qualified leads marketing delivers in the period.
    public var sqlTarget: Int?
    /// Deals sales must at least close, when written as a number.
    public var minClosed: Int?
    /// The share of SQLs sales must at least close (0–1), when written as a rate.
    public var minCloseRate: Double?
    public var revenueTarget: Double?
    public var averageDealSize: Double?
    /// A three-letter ISO 4217 code: `DKK`.
    public var currency: String?
    public var owners: [String] = []

    /// Where the block's YAML starts, and where the period and the revenue target are written.
    public var location: SourceLocation?
    public var periodLocation: SourceLocation?
    public var revenueLocation: SourceLocation?

    public init() {}

    // MARK: - Derived numbers

    /// The minimum number of closed deals: `min_closed`, or the rate of the SQL target rounded up.
    public var closedDeals: Int? {
        if let minClosed { return minClosed }
        guard let sqlTarget, let minCloseRate else { return nil }
        // 120 × 0.2 is 24.000000000000004 in binary floating point; that is still 24 deals.
        // Within BlockLimits this is at most 10^6; nil where a goal built in code would not fit Int.
        return BlockFormat.wholeNumber((Double(sqlTarget) * minCloseRate - 1e-9).rounded(.up))
    }

    /// Closed deals as a share of the SQL target.
    public var closeRate: Double? {
        if let minCloseRate { return minCloseRate }
        guard let closed = closedDeals, let sqlTarget, sqlTarget > 0 else { return nil }
        return Double(closed) / Double(sqlTarget)
    }

    /// What the minimum closed deals bring in at the average deal size.
    public var revenue: Double? {
        guard let closed = closedDeals, let averageDealSize else { return nil }
        return Double(closed) * averageDealSize
    }

    /// The average deal the revenue target needs, when no deal size is given.
    public var averageDealNeeded: Double? {
        guard averageDealSize == nil, let revenueTarget, let closed = closedDeals, closed > 0 else { return nil }
        return revenueTarget / Double(closed)
    }

    /// When the minimum closed deals at the average deal size fall short of the revenue target.
    public struct Shortfall: Sendable, Equatable {
        public var deals: Int
        public var averageDealSize: Double
        public var revenue: Double
        public var target: Double
        /// Deals needed at this deal size to reach the target.
        public var dealsNeeded: Int

        public init(deals: Int, averageDealSize: Double, revenue: Double, target: Double, dealsNeeded: Int) {
            self.deals = deals
            self.averageDealSize = averageDealSize
            self.revenue = revenue
            self.target = target
            self.dealsNeeded = dealsNeeded
        }
    }

    public var shortfall: Shortfall? {
        guard let closed = closedDeals, let averageDealSize, let revenueTarget, let revenue,
            revenue + 0.005 < revenueTarget
        else { return nil }
        // Within BlockLimits this is at most 10^14 (10^12 over 0.01).
        guard let needed = BlockFormat.wholeNumber((revenueTarget / averageDealSize - 1e-9).rounded(.up)) else { return nil }
        return Shortfall(
            deals: closed, averageDealSize: averageDealSize, revenue: revenue, target: revenueTarget, dealsNeeded: needed)
    }
}
