#!/usr/bin/env python3
"""Mutation check: does the test suite catch the bugs its tests are named for?

Each mutation in scripts/mutations.txt is a small, realistic bug: a file, an exact piece of
text to find (it must occur exactly once), its replacement, and the tests to run. They are
applied one at a time to a scratch copy of the sources (.build-mutate/tree), never to the
working tree, so an interrupted run (Ctrl-C, a crash) leaves the sources as they were.
A mutation is *caught* when a test fails, *survived* when every test passes, and *broken*
when it no longer applies (its text is gone) or does not compile.

    scripts/mutate.py                  every mutation of the list
    scripts/mutate.py NAME ...         only these
    scripts/mutate.py --list FILE      another list
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, ".build-mutate")
TREE = os.path.join(SCRATCH, "tree")
SWIFT = os.environ.get("SWIFT", "swift")


def parse(path):
    """Blocks of `key: value` lines separated by blank lines; `#` starts a comment line.
    Keys: name, file, find, replace, tests (a `swift test --filter` pattern), why.
    In find/replace, `\\n` stands for a newline."""
    mutations, block = [], {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n") + [""]
    for number, line in enumerate(lines, 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if block:
                mutations.append(block)
                block = {}
            continue
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in ("name", "file", "find", "replace", "tests", "why"):
            sys.exit(f"{path}:{number}: expected 'key: value' with key name, file, find, replace, tests or why")
        value = value[1:] if value.startswith(" ") else value
        block[key.strip()] = value.replace("\\n", "\n")
    for m in mutations:
        missing = [k for k in ("name", "file", "find", "replace", "tests") if k not in m]
        if missing:
            sys.exit(f"{path}: mutation {m.get('name', '?')} lacks {', '.join(missing)}")
    return mutations


def copy_tree():
    """The scratch copy: the sources, tests, fixtures and manifest, not the build folders.
    Files whose bytes are unchanged keep their times, so the copy rebuilds incrementally."""
    skip = {".build", ".git", "output"}
    wanted = set()
    for folder, dirs, files in os.walk(ROOT):
        rel = os.path.relpath(folder, ROOT)
        if rel == ".":
            dirs[:] = [d for d in dirs if d not in skip and not d.startswith(".build-")]
        for name in files:
            src = os.path.join(folder, name)
            relpath = os.path.normpath(os.path.join(rel, name))
            wanted.add(relpath)
            dst = os.path.join(TREE, relpath)
            if os.path.isfile(dst) and not os.path.islink(src):
                with open(src, "rb") as a, open(dst, "rb") as b:
                    if a.read() == b.read():
                        continue
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            if os.path.lexists(dst):
                os.remove(dst)
            shutil.copy2(src, dst, follow_symlinks=False)
    for folder, dirs, files in os.walk(TREE):
        rel = os.path.relpath(folder, TREE)
        if rel == ".":
            dirs[:] = [d for d in dirs if d != ".build"]
        for name in files:
            relpath = os.path.normpath(os.path.join(rel, name))
            if relpath not in wanted:
                os.remove(os.path.join(folder, name))


TIMEOUT = int(os.environ.get("MUTATE_TIMEOUT", "900"))
TIMED_OUT = -1000


def run(args, log):
    """Runs a command in the copy, its output to `log`; a run past TIMEOUT seconds (a mutation
    that makes a test hang) is stopped with its whole process group."""
    with open(log, "w") as out:
        p = subprocess.Popen(args, cwd=TREE, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            return p.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, 9)
            p.wait()
            return TIMED_OUT
        except KeyboardInterrupt:
            os.killpg(p.pid, 9)
            p.wait()
            raise


def failed_tests(log):
    """The names of the failed tests, from swift-testing's and XCTest's summary lines; a
    swift-testing name is prefixed with the file of its first recorded issue (the suite)."""
    names, files = [], {}
    with open(log, errors="replace") as f:
        for line in f:
            where = re.search(r" at ([^ :/]+)\.swift:\d+", line)
            if line.startswith("✘ Test ") and " recorded an issue" in line and where:
                name = line[len("✘ Test "):].split(" recorded an issue")[0].split("(")[0].strip()
                files.setdefault(name, where.group(1))
                continue
            if line.startswith("✘ Test ") and " failed after" in line and not line.startswith("✘ Test run "):
                name = line[len("✘ Test "):].split(" failed after")[0].split(" with ")[0].split("(")[0].strip()
            elif line.startswith("Test Case") and " failed (" in line:
                name = line.split("'")[1] if "'" in line else line
            else:
                continue
            if name not in names:
                names.append(name)
    return [f"{files[n]}.{n}" if n in files else n for n in names]


def table(results):
    """The summary, one row per mutation: its verdict and the tests that caught it (or why
    not), as a Markdown table that reads in a terminal and pastes into an issue."""
    rows = [("mutation", "result", "caught by / detail")]
    for name, verdict, detail in results:
        rows.append((name, verdict, detail[len("by "):] if verdict == "caught" and detail.startswith("by ") else detail))
    widths = [max(len(r[k]) for r in rows) for k in range(2)]
    lines = []
    for k, (name, verdict, detail) in enumerate(rows):
        lines.append(f"| {name:{widths[0]}} | {verdict:{widths[1]}} | {detail} |")
        if k == 0:
            lines.append(f"| {'-' * widths[0]} | {'-' * widths[1]} | --- |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="run only these mutations")
    parser.add_argument("--list", default=os.path.join(ROOT, "scripts", "mutations.txt"))
    opts = parser.parse_args()
    mutations = parse(opts.list)
    if opts.names:
        unknown = set(opts.names) - {m["name"] for m in mutations}
        if unknown:
            sys.exit(f"unknown mutation(s): {', '.join(sorted(unknown))}")
        mutations = [m for m in mutations if m["name"] in opts.names]

    copy_tree()
    logs = os.path.join(SCRATCH, "logs")
    os.makedirs(logs, exist_ok=True)
    filters = sorted({m["tests"] for m in mutations})
    print(f"mutate: {len(mutations)} mutations; building the unmutated copy in {os.path.relpath(TREE, ROOT)}", flush=True)
    if run([SWIFT, "build", "--build-tests"], os.path.join(logs, "baseline-build.log")) != 0:
        sys.exit(f"mutate: the unmutated sources do not build; see {logs}/baseline-build.log")
    for f in filters:
        log = os.path.join(logs, "baseline-" + f.replace("/", "_") + ".log")
        if run([SWIFT, "test", "--skip-build", "--filter", f], log) != 0:
            sys.exit(f"mutate: the unmutated tests '{f}' fail already; see {log}")

    results = []
    for m in mutations:
        path = os.path.join(TREE, m["file"])
        start = time.time()
        with open(path, encoding="utf-8") as f:
            original = f.read()
        count = original.count(m["find"])
        if count != 1:
            results.append((m["name"], "broken", f"its text occurs {count} times in {m['file']}"))
        else:
            log = os.path.join(logs, m["name"] + ".log")
            try:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original.replace(m["find"], m["replace"]))
                if run([SWIFT, "build", "--build-tests"], log) != 0:
                    results.append((m["name"], "broken", f"does not compile; see {log}"))
                else:
                    status = run([SWIFT, "test", "--skip-build", "--filter", m["tests"]], log)
                    if status == 0:
                        results.append((m["name"], "SURVIVED", f"every test of '{m['tests']}' passed"))
                    elif status == TIMED_OUT:
                        results.append((m["name"], "caught", f"the tests hung (stopped after {TIMEOUT} s)"))
                    else:
                        failed = failed_tests(log)
                        shown = ", ".join(failed[:3]) + (f" and {len(failed) - 3} more" if len(failed) > 3 else "")
                        results.append((m["name"], "caught", f"by {shown or 'the test run (exit %d)' % status}"))
            finally:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original)
        name, verdict, detail = results[-1]
        print(f"{verdict:9} {name:44} {time.time() - start:4.0f} s  {detail}", flush=True)

    caught = sum(1 for r in results if r[1] == "caught")
    survived = sum(1 for r in results if r[1] == "SURVIVED")
    broken = len(results) - caught - survived
    print()
    print(table(results))
    print(f"mutate: {len(results)} mutations, {caught} caught, {survived} survived, {broken} broken")
    return 0 if caught == len(results) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\nmutate: interrupted; the working tree was never changed (mutations go to .build-mutate/tree)")
        sys.exit(130)
