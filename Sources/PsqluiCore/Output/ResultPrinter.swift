import PsqluiPluginAPI

/// Shows query results on the screen (or `-o`'s file) as psql does: aligned
/// tables streamed in chunks of 1000 rows, expanded records, unaligned text, and
/// command tags. It is a `QueryResultConsumer`, fed directly from the session.
public final class ResultPrinter: QueryResultConsumer {
    /// psql's FETCH_COUNT chunk for aligned output (DESIGN: 1000 rows).
    public static let chunkSize = 1000

    public var settings: PrintSettings
    private let out: OutputBuffer
    private var writer: ChunkWriter?

    /// A writer for one result set, in one of the formats.
    private enum ChunkWriter {
        case aligned(AlignedTableWriter)
        case expanded(ExpandedRecordWriter)
        case unaligned(UnalignedWriter)

        func write(_ batch: RowBatch) throws {
            switch self {
            case .aligned(let w): try w.writeChunk(batch)
            case .expanded(let w): try w.writeChunk(batch)
            case .unaligned(let w): try w.writeChunk(batch)
            }
        }

        func finish(rowCount: Int) throws {
            switch self {
            case .aligned(let w): try w.finish(rowCount: rowCount)
            case .expanded(let w): try w.finish(rowCount: rowCount)
            case .unaligned(let w): try w.finish(rowCount: rowCount)
            }
        }
    }

    public init(out: OutputBuffer, settings: PrintSettings) {
        self.out = out
        self.settings = settings
    }

    public var batchSize: Int { Self.chunkSize }

    public func resultStarted(columns: [ColumnInfo]) throws {
        let expanded = settings.expanded == .on
        switch (settings.format, expanded) {
        case (.unaligned, _): writer = .unaligned(UnalignedWriter(out: out, columns: columns, settings: settings))
        case (.aligned, true): writer = .expanded(ExpandedRecordWriter(out: out, columns: columns, settings: settings))
        case (.aligned, false): writer = .aligned(AlignedTableWriter(out: out, columns: columns, settings: settings))
        }
    }

    public func rows(_ batch: RowBatch) throws {
        try writer?.write(batch)
    }

    public func resultFinished(rowCount: Int, commandTag: String) throws {
        try writer?.finish(rowCount: rowCount)
        writer = nil
        // psql also shows the tag of INSERT/UPDATE/DELETE/MERGE … RETURNING.
        if settings.showCommandTags, ["INSERT", "UPDATE", "DELETE", "MERGE"].contains(where: { commandTag.hasPrefix($0) }) {
            try out.append(commandTag)
            try out.append(UInt8(ascii: "\n"))
        }
    }

    public func commandCompleted(tag: String) throws {
        guard settings.showCommandTags else { return }
        try out.append(tag)
        try out.append(UInt8(ascii: "\n"))
    }
}
