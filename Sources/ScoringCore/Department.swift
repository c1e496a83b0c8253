/// The department a respondent belongs to, as far as the gap is concerned.
///
/// Results carry `department` as any string; the loader maps `sales` and `marketing` here and
/// everything else to ``other``.
public enum Department: UInt8, Hashable, Sendable, CaseIterable {
    case sales = 0
    case marketing = 1
    case other = 2
}
