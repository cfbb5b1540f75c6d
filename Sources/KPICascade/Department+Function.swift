extension Department {
  /// The function the rules apply to: the one the facilitator confirmed, or until then the
  /// guess from the name, so "Sales floor" counts as sales before anyone confirms it.
  var workingFunction: DepartmentFunction {
    function ?? DepartmentFunction.guess(from: name)
  }
}
