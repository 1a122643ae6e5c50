#!/usr/bin/env python3
"""Where a Flight Recorder profile's CPU samples went: reads `jfr print --events jdk.ExecutionSample`
of FILE and prints, for the threads whose name starts with one of the given prefixes (all threads
if none), the share of samples by thread kind, then the frames most often on the stack (inclusive)
among Magnetar's own code and the libraries it calls, and the most frequent top frames (self).

    bench/jfr_top.py server.jfr [magnetar-worker magnetar-periodic ...]

Run with the JDK that recorded the file first on PATH (its `jfr`). Used to write the account in
BENCHMARKS.md; not part of the test suite.
"""
import collections
import re
import subprocess
import sys


def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         check=True, capture_output=True, text=True).stdout
    thread, frames = None, []
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("jdk.ExecutionSample"):
            if thread is not None:
                yield thread, frames
            thread, frames = None, []
        elif line.startswith("sampledThread"):
            thread = line.split('"')[1]
        elif " line:" in line:
            frames.append(re.sub(r"\(.*", "", line))
    if thread is not None:
        yield thread, frames


def main():
    path, prefixes = sys.argv[1], sys.argv[2:]
    total = 0
    by_thread = collections.Counter()
    inclusive = collections.Counter()
    self_frames = collections.Counter()
    for thread, frames in samples(path):
        kind = re.sub(r"[-#]?\d+$", "", thread)
        if prefixes and not any(thread.startswith(p) for p in prefixes):
            continue
        total += 1
        by_thread[kind] += 1
        if frames:
            self_frames[frames[0]] += 1
        for frame in set(frames):
            inclusive[frame] += 1
    print(f"{total} samples")
    for kind, n in by_thread.most_common(12):
        print(f"  thread {kind}: {100.0 * n / total:.1f} %")
    print("inclusive (frames on the stack):")
    for frame, n in inclusive.most_common(60):
        print(f"  {100.0 * n / total:5.1f} %  {frame}")
    print("self (top frame):")
    for frame, n in self_frames.most_common(25):
        print(f"  {100.0 * n / total:5.1f} %  {frame}")


if __name__ == "__main__":
    main()
