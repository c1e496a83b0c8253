internal import Content
internal import Core

/// Checks that need every playbook block of the site at once: one pipeline per language (the same
/// stages in every translation), SLA rules that refer to stages of that pipeline, one goal per
/// period per team, and goals whose arithmetic adds up.
///
/// Each language is checked on its own: a translation repeats the same goal and the same SLA.
struct BlockChecks {
    private(set) var diagnostics = Diagnostics()

    init(site: SiteTree, rendered: [RenderedPage]) {
        var placed: [(language: Language, page: Int, block: PlacedBlock)] = []
        for (index, page) in rendered.enumerated() {
            for block in page.blocks { placed.append((site.pages[index].language, index, block)) }
        }
        placed.sort { $0.block.location < $1.block.location }

        var pipelines = SitePipelines(mainLanguage: site.config.language)
        for item in placed {
            guard case .pipeline(let pipeline) = item.block.block else { continue }
            if let first = pipelines.add(pipeline, language: item.language, page: item.page, location: item.block.location) {
                diagnostics.error(
                    item.block.location,
                    "this is a second pipeline for the \(item.language.englishName) pages; a site has one pipeline, already written at \(first.location.description); remove one of them or merge their stages"
                )
            }
        }
        checkTranslations(pipelines)
        for item in placed {
            switch item.block.block {
            case .sla(let sla): checkStages(sla, language: item.language, pipelines: pipelines)
            case .goal(let goal) where item.block.isValid: checkArithmetic(goal)
            default: break
            }
        }
        checkGoalPeriods(
            placed.compactMap { item in
                if case .goal(let goal) = item.block.block, goal.period != nil { return (item.language, goal) }
                return nil
            })
    }

    /// A translation's pipeline has the same stage ids, in the same order, as the main language's.
    mutating func checkTranslations(_ pipelines: SitePipelines) {
        guard let main = pipelines.byLanguage[pipelines.mainLanguage] else { return }
        for (language, entry) in pipelines.byLanguage.sorted(by: { $0.key < $1.key }) where language != pipelines.mainLanguage {
            guard entry.pipeline.ids != main.pipeline.ids else { continue }
            diagnostics.error(
                entry.location,
                "the stages of this pipeline (\(entry.pipeline.ids.joined(separator: ", "))) differ from those at \(main.location.description) (\(main.pipeline.ids.joined(separator: ", "))); a translation keeps the same stage ids in the same order and translates only names and criteria"
            )
        }
    }

    mutating func checkStages(_ sla: ServiceLevelAgreement, language: Language, pipelines: SitePipelines) {
        let (pipeline, entry) = pipelines.pipeline(for: language)
        let which =
            entry.map { "the pipeline at \($0.location.description)" } ?? "the default pipeline (the site has no pipeline block)"
        for rule in sla.rules {
            guard let stage = rule.stage, let location = rule.stageLocation, pipeline.stage(stage) == nil else { continue }
            let hint = Suggestion.didYouMean(stage, in: pipeline.ids)
            diagnostics.error(
                location,
                "stage \"\(stage)\" is not a stage of \(which)"
                    + (hint.isEmpty ? "; expected one of: \(pipeline.ids.joined(separator: ", "))" : hint))
        }
    }

    /// Warns when the minimum closed deals at the average deal size cannot reach the revenue target.
    mutating func checkArithmetic(_ goal: Goal) {
        guard let shortfall = goal.shortfall, shortfall.deals > 0, let location = goal.revenueLocation else { return }
        let money = { (amount: Double) in BlockFormat.money(amount, currency: goal.currency, .en) }
        let deals = shortfall.deals == 1 ? "deal" : "deals"
        // In BlockLimits' ranges the target over the deals is at most 10^12.
        let neededAverage = Int((shortfall.target / Double(shortfall.deals)).rounded(.up))
        var raise: [String] = []
        // Closing more deals than the SQLs marketing delivers is no way out.
        if let sqls = goal.sqlTarget, shortfall.dealsNeeded <= sqls {
            raise.append(
                goal.minCloseRate != nil
                    ? "raise min_close_rate to \(Self.rate(closing: shortfall.dealsNeeded, of: sqls))"
                    : "raise min_closed to \(shortfall.dealsNeeded)")
        }
        raise.append("raise avg_deal_size to \(neededAverage)")
        diagnostics.warning(
            location,
            "the goal does not add up: \(BlockFormat.integer(shortfall.deals, .en)) \(deals) × \(money(shortfall.averageDealSize)) = \(money(shortfall.revenue)), below the \(money(shortfall.target)) revenue_target; \(raise.joined(separator: ", ")), or lower revenue_target to \(Self.plain(shortfall.revenue))"
        )
    }

    /// An amount as an author writes it in a block, without thousands separators: `480000`, `0.01`.
    static func plain(_ amount: Double) -> String {
        BlockFormat.decimal(amount, .en).filter { $0 != "," }
    }

    /// The shortest rate that closes exactly `deals` of `sqls` once rounded up to whole deals: 20 of 90 is 0.222.
    static func rate(closing deals: Int, of sqls: Int) -> String {
        let exact = Double(deals) / Double(sqls)
        var scale = 1.0
        for decimals in 1...6 {
            scale *= 10
            let rate = (exact * scale + 1e-9).rounded(.down) / scale
            if rate * Double(sqls) > Double(deals - 1) + 1e-9 { return BlockFormat.decimal(rate, .en, maxDecimals: decimals) }
        }
        return BlockFormat.decimal(exact, .en, maxDecimals: 6)
    }

    /// One goal per period per team in each language.
    mutating func checkGoalPeriods(_ goals: [(language: Language, goal: Goal)]) {
        var seen: [String: [Goal]] = [:]
        for (language, goal) in goals {
            guard let period = goal.period, let location = goal.periodLocation else { continue }
            let key = language.rawValue + "\u{1}" + (goal.team ?? "")
            if let earlier = seen[key]?.first(where: { $0.period?.overlaps(period) == true }),
                let earlierPeriod = earlier.period, let earlierLocation = earlier.periodLocation
            {
                let team = goal.team.map { "team \"\($0)\"" } ?? "the whole company (no team:)"
                let clash =
                    earlierPeriod == period
                    ? "the goal at \(earlierLocation.description) already covers that period"
                    : "which overlaps \(earlierPeriod) of the goal at \(earlierLocation.description)"
                diagnostics.error(
                    location,
                    "a second goal for \(team) for \(period), \(clash); keep one goal per period per team, or give each goal its own team:"
                )
            }
            seen[key, default: []].append(goal)
        }
    }
}
