/// One respondent in a group: their department and their answers by question position.
public struct Respondent: Hashable, Sendable {
    public var department: Department
    public var answers: [Int?]

    public init(department: Department, answers: [Int?]) {
        self.department = department
        self.answers = answers
    }
}
