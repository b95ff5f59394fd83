#ifndef MLSCAPE_CFUZZDRIVER_H
#define MLSCAPE_CFUZZDRIVER_H
// The entry point of the fuzzing harness is in driver.c; nothing to import from Swift.
#endif
