import PsqluiPluginAPI

/// One way a plugin breaks the contract, in words a plugin author can act on.
public struct ContractProblem: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates a problem.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The contract tests a plugin author runs on a descriptor. They return problems
/// instead of asserting, so XCTest (`XCTAssertEqual(problems, [])`) and Swift Testing
/// (`#expect(problems.isEmpty)`) users can both use them.
public enum PluginContractChecks {
    /// How long `onShutdown` may take (the host's deadline).
    public static let shutdownDeadlineSeconds = 2.0

    /// Runs every check: declarations, activation, commands, exporters, shutdown.
    /// `coreVersion` is the psqlui core the plugin should load into.
    public static func check(_ descriptor: PluginDescriptor, coreVersion: SemanticVersion = SemanticVersion(0, 1, 0),
                             context: PluginContext? = nil) async -> [ContractProblem] {
        var problems = checkDeclarations(descriptor, coreVersion: coreVersion)
        let ctx = context ?? .fake(pluginName: descriptor.name, coreVersion: coreVersion)
        let providers: PluginProviders
        do {
            providers = try await descriptor.activate(ctx)
        } catch {
            return problems + [ContractProblem("activate threw: \(error)")]
        }
        problems += checkProviders(providers, declaredBy: descriptor)
        problems += checkCommands(providers.commands)
        for spec in providers.exporters { problems += await checkExporter(spec) }
        problems += await checkShutdown(descriptor)
        return problems
    }

    /// Name, version and minimum core version.
    public static func checkDeclarations(_ d: PluginDescriptor, coreVersion: SemanticVersion) -> [ContractProblem] {
        var problems: [ContractProblem] = []
        let name = d.name
        if name.isEmpty { problems.append(ContractProblem("name is empty")) }
        if name != name.lowercased() || name.contains(where: { $0.isWhitespace || $0 == "." || $0 == "/" }) {
            problems.append(ContractProblem("name \"\(name)\" must be lower case, without spaces, dots or slashes (it names a config table)"))
        }
        if d.version == SemanticVersion(0, 0, 0) { problems.append(ContractProblem("version is 0.0.0: declare the plugin's version")) }
        if d.minimumCoreVersion == SemanticVersion(0, 0, 0) {
            problems.append(ContractProblem("minimumCoreVersion is 0.0.0: declare the oldest psqlui core the plugin works with"))
        }
        if d.minimumCoreVersion > coreVersion {
            problems.append(ContractProblem("minimumCoreVersion \(d.minimumCoreVersion) is newer than core \(coreVersion)"))
        }
        if d.dependencies.contains(where: { $0.name == name }) { problems.append(ContractProblem("depends on itself")) }
        for (label, names) in [("command", d.declaredCommands), ("format", d.declaredFormats), ("pane", d.declaredPanes)] {
            let dupes = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            for n in dupes { problems.append(ContractProblem("\(label) \"\(n)\" is declared twice")) }
        }
        return problems
    }

    /// The declared names match what activation provided.
    public static func checkProviders(_ p: PluginProviders, declaredBy d: PluginDescriptor) -> [ContractProblem] {
        var problems: [ContractProblem] = []
        func compare(_ label: String, declared: [String], provided: [String]) {
            for n in Set(declared).subtracting(provided).sorted() {
                problems.append(ContractProblem("\(label) \"\(n)\" is declared but activation did not provide it"))
            }
            for n in Set(provided).subtracting(declared).sorted() {
                problems.append(ContractProblem("\(label) \"\(n)\" is provided but not declared (psqlui would not find it before activation)"))
            }
        }
        compare("command", declared: d.declaredCommands, provided: p.commands.flatMap(\.allNames))
        compare("format", declared: d.declaredFormats, provided: p.exporters.map(\.name))
        compare("pane", declared: d.declaredPanes, provided: p.panes.map(\.name))
        if d.hasMetadataHooks != !p.metadataHooks.isEmpty {
            problems.append(ContractProblem("hasMetadataHooks is \(d.hasMetadataHooks) but activation provided \(p.metadataHooks.count) metadata hooks"))
        }
        if d.hasSqlAssists != !p.sqlAssists.isEmpty {
            problems.append(ContractProblem("hasSqlAssists is \(d.hasSqlAssists) but activation provided \(p.sqlAssists.count) SQL assists"))
        }
        if d.hasConnectionHooks != !p.connectionHooks.isEmpty {
            problems.append(ContractProblem("hasConnectionHooks is \(d.hasConnectionHooks) but activation provided \(p.connectionHooks.count) connection hooks"))
        }
        if !d.declaredConnectionSettings.isEmpty && !d.hasConnectionHooks {
            problems.append(ContractProblem("declares connection settings \(d.declaredConnectionSettings) but no connection hooks read them"))
        }
        for n in d.declaredConnectionSettings where n.isEmpty || n != n.lowercased() || n.contains(where: \.isWhitespace) {
            problems.append(ContractProblem("connection setting \"\(n)\" must be one lower-case word (it is a profile key)"))
        }
        return problems
    }

    /// Every command has a name, a summary and a usage line.
    public static func checkCommands(_ commands: [CommandSpec]) -> [ContractProblem] {
        var problems: [ContractProblem] = []
        for c in commands {
            if c.name.isEmpty || c.name.hasPrefix(":") || c.name.contains(where: \.isWhitespace) {
                problems.append(ContractProblem("command name \"\(c.name)\" must be one word without the colon"))
            }
            if c.summary.allSatisfy(\.isWhitespace) {
                problems.append(ContractProblem("command \"\(c.name)\" has no summary"))
            }
            if c.usage.allSatisfy(\.isWhitespace) {
                problems.append(ContractProblem("command \"\(c.name)\" has no usage line"))
            }
        }
        return problems
    }

    /// The exporter accepts a sample result in two batches (text, NULL, number,
    /// quotes, newline, non-ASCII) and finishes; it also handles an empty result.
    public static func checkExporter(_ spec: ExporterSpec) async -> [ContractProblem] {
        let columns = [ColumnInfo(name: "id", typeOID: TypeOID.int4), ColumnInfo(name: "note", typeOID: TypeOID.text)]
        let rows: [[String?]] = [["1", "plain"], ["2", nil], ["3", "quote \" and 'single'"], ["4", "line\nbreak, ünïcode"]]
        var problems: [ContractProblem] = []
        do {
            let out = try await ExporterHarness.export(spec, columns: columns, rows: rows, batchSize: 2)
            if out.isEmpty { problems.append(ContractProblem("format \"\(spec.name)\" wrote nothing for 4 rows")) }
        } catch {
            problems.append(ContractProblem("format \"\(spec.name)\" failed on a sample result: \(error)"))
        }
        do {
            _ = try await ExporterHarness.export(spec, columns: columns, rows: [])
        } catch {
            problems.append(ContractProblem("format \"\(spec.name)\" failed on an empty result: \(error)"))
        }
        return problems
    }

    /// `onShutdown` returns within the host's 2-second deadline.
    public static func checkShutdown(_ d: PluginDescriptor) async -> [ContractProblem] {
        let finished = await ShutdownDeadline.run(seconds: shutdownDeadlineSeconds) { await d.onShutdown() }
        return finished ? [] : [ContractProblem("onShutdown did not return within \(shutdownDeadlineSeconds) s")]
    }
}
