import Foundation
import KPICascade

/// Everything a sample room will say, drawn from the seed before a question is asked: who is
/// in the room, which KPIs each department picks, the numbers, the people.
///
/// Drawing it all first keeps the draws in one fixed order, so the script that walks the
/// questions can be rearranged without changing what the seed means.
struct SamplePlan {
  typealias Vocabulary = SampleVocabulary

  struct CompanyKPI {
    let entry: Vocabulary.CompanyKPI
    let target: String
    let executive: String
  }

  struct Department {
    let name: String
    let function: Vocabulary.Function
    /// Blank when the engine's guess from the name is right, else the function's label.
    let functionAnswer: String
    let head: String
    /// Per company KPI (by index): what the department does for it, or `nil` for "nothing".
    var contributions: [String?]
    /// In the order the engine will ask about them: by company KPI, then as picked.
    var kpis: [KPI]
  }

  struct KPI {
    let companyIndex: Int
    let name: String
    let leadDays: Int
    let link: String
    let shape: Vocabulary.TargetShape
    let value: Int
    let owner: String
    let individuals: [Individual]
    var target: String { shape.text(value) }
  }

  struct Individual {
    let name: String
    let role: String
    let target: String
    let owner: String
  }

  let options: SampleSession.Options
  let workshopName: String
  let start: Date
  let companyKPIs: [CompanyKPI]
  let departments: [Department]
  let velocity: BusinessVelocity
  let processOwner: String
  let disputeResolver: String
  /// Draws made while the script runs (think time, step 4 answers), after everything above.
  var random: SplitMix64

  init(_ options: SampleSession.Options) {
    self.options = options
    var random = SplitMix64(seed: options.seed)
    workshopName = "\(random.pick(Vocabulary.companyNames)) \(random.pick(Vocabulary.companyTrades))"
    // 2027-01-01 00:00 UTC plus up to 300 days, at 09:00: a weekday morning or not, as it falls.
    start = Date(timeIntervalSince1970: 1_798_761_600 + Double(random.below(300) * 86_400 + 9 * 3_600))

    func person() -> String { "\(random.pick(Vocabulary.firstNames)) \(random.pick(Vocabulary.lastNames))" }

    let companyCount = options.departments >= 6 ? 3 + random.below(3) : 3
    var executives: [String: String] = [:]
    companyKPIs = Vocabulary.companyKPIs.prefix(companyCount).map { entry in
      let name = executives[entry.title] ?? person()
      executives[entry.title] = name
      return CompanyKPI(
        entry: entry, target: entry.target.text(random.int(in: entry.target.values)),
        executive: "\(name) (\(entry.title))")
    }
    let outcomes = companyKPIs.map(\.entry.outcome)

    var departments: [Department] = []
    departments.reserveCapacity(options.departments)
    for index in 0..<options.departments {
      let function = Vocabulary.functions[index % Vocabulary.functions.count]
      let occurrence = index / Vocabulary.functions.count
      let name = occurrence == 0 ? function.name : "\(function.name) \(Self.region(occurrence - 1))"
      let guess = DepartmentFunction.guess(from: name)
      let head = person()
      let managers = [head, person(), person()]
      let leads = [person(), person()]
      let picked = random.shuffled(function.kpis.filter { outcomes.contains($0.outcome) })
        .prefix(options.kpisPerDepartment)
        .map { (company: outcomes.firstIndex(of: $0.outcome)!, entry: $0) }
      // Level 3 roles: as few as keep each at five KPIs or fewer, filled in the order asked.
      let total = picked.count * options.individualPerKPI
      let roleCount = max(1, (total + 4) / 5)
      var asked = 0
      var kpis: [KPI] = []
      for (company, entry) in picked.enumerated().sorted(by: {
        ($0.element.company, $0.offset) < ($1.element.company, $1.offset)
      }).map(\.element) {
        let activities = function.activities
        let first = random.below(activities.count)
        var individuals: [Individual] = []
        for offset in 0..<options.individualPerKPI {
          let activity = activities[(first + offset) % activities.count]
          let noun = function.roles[asked * roleCount / total]
          asked += 1
          individuals.append(
            Individual(
              name: activity.name, role: occurrence == 0 ? noun : "\(noun) (\(name))",
              target: activity.target.text(random.int(in: activity.target.values)), owner: random.pick(leads))
          )
        }
        kpis.append(
          KPI(
            companyIndex: company, name: occurrence == 0 ? entry.name : "\(entry.name) (\(name))",
            leadDays: Self.leadTime(entry.leadDays, &random), link: entry.link, shape: entry.target,
            value: random.int(in: entry.target.values), owner: random.pick(managers), individuals: individuals
          ))
      }
      let contributions = outcomes.enumerated().map { company, outcome in
        kpis.contains { $0.companyIndex == company } ? function.contributions[outcome] : nil
      }
      departments.append(
        Department(
          name: name, function: function,
          functionAnswer: guess == function.function ? "" : function.function.label,
          head: head, contributions: contributions, kpis: kpis))
    }
    // Every company KPI is moved by someone: a department with no KPI for it still says how.
    for company in companyKPIs.indices
    where !departments.contains(where: { $0.contributions[company] != nil }) {
      let index = company % departments.count
      departments[index].contributions[company] =
        departments[index].function.contributions[companyKPIs[company].entry.outcome]
    }
    self.departments = departments
    velocity = random.chance(60) ? .high : .steady
    let chief = companyKPIs[0].executive.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)
    processOwner = companyKPIs[companyKPIs.count - 1].executive.prefix { $0 != "(" }
      .trimmingCharacters(in: .whitespaces)
    disputeResolver = chief
    self.random = random
  }

  /// "EMEA", …, then "EMEA 2", … once the regions run out.
  static func region(_ index: Int) -> String {
    let regions = Vocabulary.regions
    let round = index / regions.count
    return regions[index % regions.count] + (round == 0 ? "" : " \(round + 1)")
  }

  /// Mostly inside the 30–60 day window, as a prepared room answers; one in ten outside it,
  /// which `check` warns about, as it would in a real room.
  private static func leadTime(_ typical: Int, _ random: inout SplitMix64) -> Int {
    if random.chance(10) { return random.pick([14, 21, 75, 90]) }
    return min(60, max(30, typical + 5 * random.int(in: -2...2)))
  }
}
