import PsqluiCore
import PsqluiPluginAPI

/// `\crosstabview [COLV [COLH [COLD [SORTCOLH]]]]`: runs the query buffer (or the
/// previous statement) and shows its result pivoted, as psql does: COLV's distinct
/// values down the side, COLH's across the top, COLD in the cells.
struct CrosstabViewCommand: REPLCommand {
    let about = CommandDescription(name: "\\crosstabview", summary: "run the query and show its result as a crosstab",
                                   usage: "\\crosstabview [COLV [COLH [COLD [SORTCOLH]]]]", group: "Query buffer")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard let sql = env.statementToRun(for: call) else { return .failed }
        let collector = RowCollector()
        let result = env.processor.runUserStatement(sql, prefix: evaluator.messagePrefix, consumer: collector)
        guard result == .ok else { return result }
        guard !collector.columnInfo.isEmpty else {
            evaluator.reportError("\\crosstabview: statement did not return a result set")
            return .failed
        }
        let settings = evaluator.printSettings(for: sql, paged: false)
        let pivot: CrosstabPivot
        switch CrosstabPivot.make(columns: collector.columns, rows: collector.rows, arguments: Array(call.words.prefix(4)),
                                  nullText: settings.nullString) {
        case .success(let p): pivot = p
        case .failure(let error):
            evaluator.reportError("\\crosstabview: \(error)")
            return .failed
        }
        // The grid goes through the screen printer as a result of its own.
        var printing = settings
        printing.fetchCount = 0
        let printer = ResultPrinter(out: evaluator.queryOutput.buffer, settings: printing)
        let columns = zip(pivot.headers, pivot.headerSourceColumns).map { ColumnInfo(name: $0, typeOID: collector.columnInfo[$1].typeOID) }
        var bytes: [UInt8] = [], spans: [(Int, Int)?] = []
        for row in pivot.rows {
            for cell in row {
                switch cell {
                case .some(.some(let text)):
                    spans.append((bytes.count, text.utf8.count))
                    bytes.append(contentsOf: text.utf8)
                case .some(.none): spans.append(nil)
                case .none: spans.append((bytes.count, 0))
                }
            }
        }
        bytes.append(0)  // a valid address for empty cells
        do {
            try printer.resultStarted(columns: columns)
            try bytes.withUnsafeBufferPointer { buf in
                let cells = spans.enumerated().map { i, span -> CellView in
                    let type = columns[i % columns.count].typeOID
                    guard let (start, count) = span else { return CellView(base: nil, count: 0, typeOID: type) }
                    return CellView(base: buf.baseAddress! + start, count: count, typeOID: type)
                }
                try cells.withUnsafeBufferPointer { try printer.rows(RowBatch(cells: $0, columnCount: columns.count)) }
            }
            try printer.resultFinished(rowCount: pivot.rows.count, commandTag: "SELECT \(pivot.rows.count)")
            try evaluator.queryOutput.flush()
            return .ok
        } catch OutputWriteError.brokenPipe {
            return .brokenPipe
        } catch {
            evaluator.reportError("could not print result table: \(error)")
            return .failed
        }
    }
}
