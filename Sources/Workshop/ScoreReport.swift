import KPICascade

/// `/score` and `kpi-align score`: the maturity percentage and level, every criterion of the
/// rubric with its weight and whether it is met, and the three most valuable next steps.
public struct ScoreReport {
  let cascade: Cascade
  let style: TextStyle

  public init(cascade: Cascade, style: TextStyle) {
    self.cascade = cascade
    self.style = style
  }

  public func text() -> String {
    let score = MaturityScore(cascade: cascade)
    var lines = [
      style.heading("Maturity \(score.percent)% — \(score.level.title)")
        + style.dim("  (\(score.metWeight) of \(score.totalWeight) points; docs/score.md has the rubric)")
    ]
    let titleWidth = score.criteria.map(\.title.count).max() ?? 0
    for level in MaturityLevel.allCases {
      let criteria = score.criteria.filter { $0.level == level }
      guard !criteria.isEmpty else { continue }
      lines.append(style.heading(level.title))
      for criterion in criteria {
        let mark = style.mark(criterion.isMet ? .pass : .fail)
        let weight = String(criterion.weight).leftPadded(2)
        lines.append(
          "  \(mark) \(weight)  " + criterion.title.padded(titleWidth) + "  "
            + style.dim(DisplayText.safe(criterion.detail)))
      }
    }
    if let next = score.level.next {
      lines.append(style.heading("To reach \(next.title) (\(next.lowerBound)%)") + ", most valuable first:")
    } else {
      lines.append(style.heading("Still open") + ", most valuable first:")
    }
    let steps = score.nextSteps
    if steps.isEmpty { lines.append("  Nothing: every criterion is met.") }
    for (index, step) in steps.enumerated() {
      lines.append("  \(index + 1). \(step.title) (+\(step.weight)) — \(DisplayText.safe(step.detail))")
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  /// Right-aligned in a column of `width` characters.
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
