#!/usr/bin/env python3
"""Prints a Thoughtworks radar CSV of N blips (default 10000), seeded, for timing the radar layout:
    python3 bench/radar-blips.py 10000 > /tmp/radar.csv && mlscape render /tmp/radar.csv --format svg"""
import random, sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
rng = random.Random(15)
print("name,ring,quadrant,isNew,description")
for i in range(n):
    print(f"Blip {i},{rng.choice(['Adopt', 'Trial', 'Assess', 'Hold'])},{rng.choice(['Tools', 'Techniques', 'Platforms', 'Languages'])},{rng.choice(['TRUE', 'FALSE'])},")
