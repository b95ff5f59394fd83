#!/usr/bin/env bash
# Coverage-guided fuzzing of every decoder: libFuzzer with AddressSanitizer, SECONDS_PER_DECODER
# each (default 40, so five decoders take about 3.5 minutes). The committed corpus in
# fuzz/corpus/<decoder> seeds each run; what libFuzzer adds goes to .build-fuzz/corpus, so the
# repository is left as it was. A crash, a hang (-timeout) or runaway memory (-rss_limit_mb)
# fails the run and leaves the input in .build-fuzz/artifacts/. Usage: fuzz/run.sh [decoder...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${SECONDS_PER_DECODER:-40}
decoders=("$@")
[ ${#decoders[@]} -gt 0 ] || decoders=(yaml mermaid csv lifecycle radar)

swift build -c release --product mlscape-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
bin="$(swift build -c release --product mlscape-fuzz --scratch-path .build-fuzz --show-bin-path)/mlscape-fuzz"

status=0
for decoder in "${decoders[@]}"; do
    mkdir -p ".build-fuzz/corpus/$decoder" .build-fuzz/artifacts
    echo "== $decoder: ${seconds} s"
    log=".build-fuzz/$decoder.log"
    if ! MLSCAPE_FUZZ_DECODER="$decoder" ASAN_OPTIONS=detect_leaks=0 "$bin" \
        ".build-fuzz/corpus/$decoder" "fuzz/corpus/$decoder" \
        -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=16384 -detect_leaks=0 \
        -artifact_prefix=".build-fuzz/artifacts/$decoder-" -print_final_stats=1 -print_funcs=0 >"$log" 2>&1; then
        status=1
        echo "FINDING in $decoder (input in .build-fuzz/artifacts/):"
        grep -E "ERROR|Fatal error|Test unit written|deadly signal|timeout|out-of-memory" "$log" | head -20
    fi
    # Executions, speed, coverage (edges) and features, from libFuzzer's last status and final stats.
    grep -E "^#[0-9]+.*(DONE|INITED)" "$log" | tail -2 || true
    grep -E "stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added)" "$log" || true
done
exit $status
