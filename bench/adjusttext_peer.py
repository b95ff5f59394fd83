"""The label benchmark's peer: the same points through matplotlib + adjustText.

Reads `mlscape bench points` CSV on stdin and prints one line in mlscape's format:
adjusttext n=... placed=... leaders=0 omitted=0 ambiguous=... far=... overlaps=... ms=... peak_mb=...
(overlaps: pairs of label boxes that intersect after adjustText has run; ambiguous: labels
whose nearest point is another's; far: labels further from their own point than about one
marker and a gap, the rule mlscape's LabelAudit applies. adjustText draws no leader lines
here, so every label is judged by nearness alone.)
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


MARKER_RADIUS = 4.0


def box_distance(b, x, y):
    dx = max(b.x0 - x, 0, x - b.x1)
    dy = max(b.y0 - y, 0, y - b.y1)
    return (dx * dx + dy * dy) ** 0.5


def judge(boxes, points):
    """(ambiguous, far) by the rule: the nearest point to a label's box must be its own,
    within 2r + max(12, r) of the marker's edge. A grid keeps it near-linear."""
    cell = 64.0
    grid = {}
    for k, (x, y) in enumerate(points):
        grid.setdefault((int(x // cell), int(y // cell)), []).append(k)
    reach = 2 * MARKER_RADIUS + max(12.0, MARKER_RADIUS)
    ambiguous = far = 0
    for i, b in enumerate(boxes):
        own = box_distance(b, *points[i])
        probe = own + 1
        found = False
        for gx in range(int((b.x0 - probe) // cell), int((b.x1 + probe) // cell) + 1):
            for gy in range(int((b.y0 - probe) // cell), int((b.y1 + probe) // cell) + 1):
                for k in grid.get((gx, gy), []):
                    if k != i and box_distance(b, *points[k]) < own - 0.5:
                        found = True
        if found:
            ambiguous += 1
        elif own - MARKER_RADIUS > reach:
            far += 1
    return ambiguous, far


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
    points = [tuple(p) for p in ax.transData.transform(list(zip(xs, ys)))]
    ambiguous, far = judge(boxes, points)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"adjusttext n={len(rows)} placed={len(rows)} leaders=0 omitted=0 ambiguous={ambiguous} far={far} "
          f"overlaps={count_overlaps(boxes)} ms={seconds * 1000:.1f} peak_mb={peak_mb:.0f}")


if __name__ == "__main__":
    main()
