#!/usr/bin/env bash
# Label placement, mlscape against matplotlib + adjustText, on the same points, side by side.
#   bench/peers.sh           sizes 45, 80, 150, 300, 1000 (adjustText needs minutes and ~20 GB at 1000)
#   bench/peers.sh --quick   sizes 45, 80, 150 and 300
# Both lines count ambiguous= and far= by the same rule (see bench/adjusttext_peer.py).
# matplotlib and adjustText are installed from PyPI into a venv under .build/ (once).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="45 80 150 300 1000"
[ "${1:-}" = "--quick" ] && sizes="45 80 150 300"

venv=.build/peers-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check matplotlib adjustText
fi
swift build -c release --product mlscape >/dev/null
bin="$(swift build -c release --show-bin-path)/mlscape"

echo "# $("$venv/bin/python" -c 'import matplotlib, adjustText; print("matplotlib", matplotlib.__version__, "adjustText", adjustText.__version__)'); $(nproc) cores"
for n in $sizes; do
    "$bin" bench labels --n "$n" --sets uniform | grep -v '^blog'
    "$bin" bench points --n "$n" | "$venv/bin/python" bench/adjusttext_peer.py
done
