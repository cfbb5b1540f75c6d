// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "kpi-align",
  products: [
    .executable(name: "kpi-align", targets: ["kpi-align"])
  ],
  targets: [
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "KPICascade"),
    .target(name: "Workshop", dependencies: ["KPICascade", "Exports"]),
    .target(name: "Exports", dependencies: ["KPICascade"]),
    .target(name: "LineEditing", dependencies: ["CEditLine"]),
    .executableTarget(
      name: "kpi-align",
      dependencies: ["Workshop", "Exports", "LineEditing", "KPICascade"]
    ),
    .executableTarget(name: "kpi-align-bench", dependencies: ["Workshop", "KPICascade"]),
    .testTarget(name: "KPICascadeTests", dependencies: ["KPICascade"]),
    .testTarget(name: "WorkshopTests", dependencies: ["Workshop", "KPICascade", "Exports"]),
    .testTarget(name: "ExportsTests", dependencies: ["Exports", "KPICascade"]),
    .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["kpi-align"],
      resources: [.copy("Fixtures")]
    ),
  ]
)
