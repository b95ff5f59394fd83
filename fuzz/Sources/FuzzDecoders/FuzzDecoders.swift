import Foundation
import ScapePipeline

/// libFuzzer's callback: one input through the decoder named by `MLSCAPE_FUZZ_DECODER`
/// (yaml, mermaid, csv, lifecycle, radar), then validation and the layout of a few figures,
/// exactly as `mlscape fuzz` exercises it. A trap, an AddressSanitizer report, a hang past
/// libFuzzer's -timeout or memory past -rss_limit_mb is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = MutationFuzzer().exercise(FuzzTarget.decoder, bytes)
    return 0
}

enum FuzzTarget {
    static let decoder: MutationFuzzer.Target = {
        let name = ProcessInfo.processInfo.environment["MLSCAPE_FUZZ_DECODER"] ?? "yaml"
        guard let target = MutationFuzzer.Target(rawValue: name) else {
            FileHandle.standardError.write(Data("MLSCAPE_FUZZ_DECODER='\(name)'; expected one of \(MutationFuzzer.Target.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }()
}
