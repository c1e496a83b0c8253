/// The languages Tandem's themes and content speak.
public enum Language: String, Sendable, Hashable, CaseIterable, Comparable {
    case en, da

    /// The language's own name, for the language switch.
    public var nativeName: String {
        switch self {
        case .en: "English"
        case .da: "Dansk"
        }
    }

    /// The English or the Danish of a text, for words built in Swift (sentences with numbers and plurals).
    public func pick(_ english: String, _ danish: String) -> String {
        self == .da ? danish : english
    }

    /// The language's name in English, for messages.
    public var englishName: String {
        switch self {
        case .en: "English"
        case .da: "Danish"
        }
    }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public static let allNames = allCases.map(\.rawValue)
}
