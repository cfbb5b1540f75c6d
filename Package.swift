// swift-tools-version:6.0
import PackageDescription

/// Release builds carry the Swift runtime and Foundation inside the executable: loading and
/// relocating about twenty shared libraries was most of the time `kpi-align --version` took
/// (7 ms → 3.5 ms on the benchmark machine). Every module linked into an executable is
/// compiled with it too, so Foundation's own libraries (ICU) are linked statically with it.
/// Debug builds (`swift test`, the README's `./kpi-align`) stay dynamic.
let staticRuntime: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
let linkRuntimeStatically: [LinkerSetting] = [
  .unsafeFlags(["-static-stdlib"], .when(configuration: .release))
]

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
    .target(name: "KPICascade", swiftSettings: staticRuntime),
    .target(name: "Workshop", dependencies: ["KPICascade", "Exports"], swiftSettings: staticRuntime),
    .target(name: "Exports", dependencies: ["KPICascade"], swiftSettings: staticRuntime),
    .target(name: "LineEditing", dependencies: ["CEditLine"], swiftSettings: staticRuntime),
    .executableTarget(
      name: "kpi-align",
      dependencies: ["Workshop", "Exports", "LineEditing", "KPICascade"],
      swiftSettings: staticRuntime,
      linkerSettings: linkRuntimeStatically
    ),
    .executableTarget(
      name: "kpi-align-bench", dependencies: ["Workshop", "KPICascade"], swiftSettings: staticRuntime,
      linkerSettings: linkRuntimeStatically),
    // Corpus/ holds labelled answers the tests read from the checkout.
    .testTarget(name: "KPICascadeTests", dependencies: ["KPICascade"], exclude: ["Corpus"]),
    .testTarget(name: "WorkshopTests", dependencies: ["Workshop", "KPICascade", "Exports"]),
    .testTarget(name: "ExportsTests", dependencies: ["Exports", "KPICascade"]),
    .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["kpi-align"],
      // Expected/ is read from the checkout (and rewritten there), never from the bundle.
      exclude: ["Expected"],
      resources: [.copy("Fixtures")]
    ),
  ]
)
