/// Rounds and trend (docs/scoring.md, rule 5).
///
/// Rounds are ordered by label. Labels reach the core as UTF-8 bytes so that the order is the
/// same byte-wise order everywhere (ISO dates and quarters sort correctly) and `String` stays out
/// of the WebAssembly build; native callers pass `Array(label.utf8)`.
public enum Rounds {
    /// The positions of `labels` in round order: byte-wise ascending, ties kept in input order.
    ///
    /// - Parameter labels: Each round's label as UTF-8 bytes.
    /// - Returns: A permutation of `labels.indices`.
    public static func order(_ labels: [[UInt8]]) -> [Int] {
        // Insertion sort: stable, allocation-free beyond the result, and rounds are few.
        var order = Array(labels.indices)
        for i in order.indices.dropFirst() {
            let current = order[i]
            var j = i
            while j > 0, precedes(labels[current], labels[order[j - 1]]) {
                order[j] = order[j - 1]
                j -= 1
            }
            order[j] = current
        }
        return order
    }

    /// Whether `a` sorts before `b`, comparing bytes as unsigned numbers; a prefix sorts first.
    public static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        for i in 0..<min(a.count, b.count) where a[i] != b[i] {
            return a[i] < b[i]
        }
        return a.count < b.count
    }

    /// Each round's trend: its overall mean minus the previous round's.
    ///
    /// - Parameter means: The rounds' overall means, already in round order; `nil` where a round
    ///   has no complete respondent.
    /// - Returns: One entry per round; `nil` for the first round and wherever either mean is `nil`.
    public static func trend(_ means: [Double?]) -> [Double?] {
        var trend: [Double?] = []
        trend.reserveCapacity(means.count)
        for round in means.indices {
            if round > 0, let current = means[round], let previous = means[round - 1] {
                trend.append(current - previous)
            } else {
                trend.append(nil)
            }
        }
        return trend
    }
}
