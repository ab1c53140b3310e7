/// glibc malloc settings for streaming results.
///
/// In single-row mode libpq allocates and frees one PGresult per row; with glibc's
/// defaults the freed top of the heap is trimmed back to the kernel and faulted in
/// again over and over (perf: page faults and clear_page dominated, ~0.7 s of system
/// time per million rows). Keeping 64 MB mapped makes that ~0.05 s.
enum MallocTuning {
    // <malloc.h> is not part of the Glibc module: declare mallopt and its constants.
    @_silgen_name("mallopt")
    private static func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
    private static let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3

    static func apply() {
        #if os(Linux)
        _ = mallopt(trimThreshold, 64 << 20)
        _ = mallopt(topPad, 16 << 20)
        _ = mallopt(mmapThreshold, 64 << 20)
        #endif
    }
}
