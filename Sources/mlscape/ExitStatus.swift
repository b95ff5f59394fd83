import ArgumentParser
import Foundation
import ScapeModel

/// sysexits(3) codes, so scripts can tell bad data from a missing file from a full disk.
enum ExitStatus {
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let cannotCreate = ExitCode(73)
}

/// Diagnostics and notes go to standard error; standard output is for results.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Lines written with one write: many warnings cost one system call, not one each.
    static func error(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        var bytes: [UInt8] = []
        for line in lines { bytes += line.utf8; bytes.append(0x0A) }
        FileHandle.standardError.write(Data(bytes))
    }

    /// Rewrites one status line on a terminal; nil clears it.
    static func progress(_ line: String?) {
        let text = line.map { "\r\($0)\u{1b}[K" } ?? "\r\u{1b}[K"
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { error(d.description) }
    }
}
