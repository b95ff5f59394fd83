"""The label benchmark's peer: the same points through matplotlib + adjustText.

Reads `mlscape bench points` CSV on stdin and prints one line in mlscape's format:
adjusttext n=... placed=... leaders=0 omitted=0 overlaps=... ms=... peak_mb=...
(overlaps: pairs of label boxes that intersect after adjustText has run).
"""
import csv
import resource
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from adjustText import adjust_text  # noqa: E402

WIDTH, HEIGHT, DPI = 2251, 1521, 100


def count_overlaps(boxes):
    boxes = sorted(boxes, key=lambda b: b.x0)
    active, count = [], 0
    for b in boxes:
        active = [a for a in active if a.x1 > b.x0]
        count += sum(1 for a in active if a.y0 < b.y1 and b.y0 < a.y1 and a.x0 < b.x1)
        active.append(b)
    return count


def main():
    rows = list(csv.DictReader(sys.stdin))
    xs = [float(r["x"]) for r in rows]
    ys = [HEIGHT - float(r["y"]) for r in rows]
    fig = plt.figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(0, HEIGHT)
    ax.axis("off")
    ax.scatter(xs, ys, s=16)
    # 25 px at 100 dpi is 18 points.
    texts = [ax.text(x, y, r["label"], fontsize=18) for x, y, r in zip(xs, ys, rows)]
    start = time.perf_counter()
    adjust_text(texts, ax=ax)
    seconds = time.perf_counter() - start
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"adjusttext n={len(rows)} placed={len(rows)} leaders=0 omitted=0 "
          f"overlaps={count_overlaps(boxes)} ms={seconds * 1000:.1f} peak_mb={peak_mb:.0f}")


if __name__ == "__main__":
    main()
