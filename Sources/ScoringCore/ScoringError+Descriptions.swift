// Descriptions need String interpolation, which the WebAssembly build leaves out (see
// Scripts/build-wasm.sh): there, errors travel as numeric codes.
#if !$Embedded

    extension ScoringError: CustomStringConvertible {
        /// What is wrong and what is expected, with 1-based positions ("question 3").
        ///
        /// Loaders that know ids and file positions should build their own message from the payload.
        public var description: String {
            switch self {
            case .invalidScale(let min, let max):
                "scale {min: \(min), max: \(max)} is invalid; min must be below max, both within "
                    + "\(Questionnaire.scaleLimits.lowerBound)...\(Questionnaire.scaleLimits.upperBound)"
            case .noQuestions:
                "the questionnaire has no questions; add at least one"
            case .invalidWeight(let question):
                "question \(question + 1): weight must be a number greater than 0 and at most \(Int(Questionnaire.maxWeight))"
            case .noBands:
                "the questionnaire has no bands; add at least one, starting at scale.min"
            case .firstBandNotAtScaleMin:
                "band 1: min must equal scale.min"
            case .bandsNotSorted(let band):
                "band \(band + 1): min must be greater than the min of band \(band); sort bands by min"
            case .bandOutOfScale(let band):
                "band \(band + 1): min must not be above scale.max"
            case .invalidMinAnswered(let minAnswered, let questionCount):
                "min_answered \(minAnswered) must be between 1 and the number of questions (\(questionCount))"
            case .invalidGapThreshold:
                "gap_threshold must be a number from 0 to the width of the scale (scale.max - scale.min)"
            case .invalidMinGroupSize(let size):
                "min_group_size \(size) must be at least 1"
            case .answerCountMismatch(let respondent, let expected, let actual):
                "\(Self.prefix(respondent))\(actual) answers given; the questionnaire has \(expected) questions"
            case .answerOutOfRange(let respondent, let question, let value):
                "\(Self.prefix(respondent))question \(question + 1): answer \(value) is outside the scale"
            }
        }

        private static func prefix(_ respondent: Int?) -> String {
            respondent.map { "respondent \($0 + 1): " } ?? ""
        }
    }

#endif
