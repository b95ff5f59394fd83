// SwiftPM on Linux links an executable's `main` to `<module>_main`, so libFuzzer's own `main`
// never runs. This is that function for the FuzzDecoders module: it hands the command line to
// libFuzzer's driver with the Swift harness. LLVMFuzzerRunDriver is weak so that an ordinary
// build (without -sanitize=fuzzer) still links and says how to build the harness properly.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

extern int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t)) __attribute__((weak));

int FuzzDecoders_main(int argc, char **argv) {
    if (!LLVMFuzzerRunDriver) {
        fprintf(stderr, "mlscape-fuzz was built without libFuzzer; build it as fuzz/run.sh does "
                        "(-sanitize=fuzzer,address)\n");
        return 2;
    }
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
