import Foundation

/// The process's peak resident memory, read from /proc (Linux), 0 where unavailable; and its CPU time.
public enum ProcessMemory {
    /// Starts a new peak from the memory in use now, so the next `peakMegabytes` is that of the
    /// work in between (one catalogue input, not the largest so far). Memory the allocator keeps
    /// from earlier work is handed back first. False where the kernel cannot reset the peak.
    @discardableResult
    public static func resetPeak() -> Bool {
        _ = mallocTrim(0)
        guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0
    }

    public static var peakMegabytes: Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }

    /// The process's CPU time so far, user + system, in seconds (all threads).
    public static var cpuSeconds: Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// glibc's malloc_trim (malloc.h, which Swift's Glibc module does not show): hands the
/// allocator's free memory back to the kernel.
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
