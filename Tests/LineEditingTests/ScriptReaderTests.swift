import Testing

@testable import LineEditing
