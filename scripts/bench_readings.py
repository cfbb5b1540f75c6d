#!/usr/bin/env python3
"""The readings half of scripts/bench (issue 5's figures): a large session with a year of weekly
readings, recorded from a CSV file and then shown on the dashboard and diagnosed, on the release
binary. Called by scripts/bench with BIN and WORK; prints one line per figure.

- readings import: the file read and checked against the session in process
  (`kpi-align-bench`: CSV, KPI names, days, values and units) against python's csv module
  reading the same file (≈ 416,000 rows, long shape); then the whole `kpi-align readings SESSION
  FILE` (open, replay, record, journal, save) beside `kpi-align check` of the same session;
- dashboard and diagnose in process (`kpi-align-bench`), and /dashboard, /diagnose typed on the
  open session on a 120×40 pseudo-terminal, line to the next prompt (the terminal included)."""
import os
import random
import re
import shutil
import statistics
import sys
import time

import bench_driver as bench

WEEKS = int(os.environ.get("KPI_BENCH_WEEKS", "52"))


def readings_file(cascade_path, out_path):
    """One reading per KPI with a number in its target, every week for WEEKS weeks (seeded)."""
    import json
    with open(cascade_path) as f:
        cascade = json.load(f)["cascade"]
    kpis = [(k["id"], k.get("target", "")) for k in cascade["companyKPIs"]]
    kpis += [(k["id"], k.get("target", "")) for d in cascade["departments"] for k in d["kpis"]]
    kpis += [(k["id"], k.get("target", "")) for k in cascade["individualKPIs"]]
    rng = random.Random(5)
    rows = 0
    with open(out_path, "w") as f:
        f.write("kpi,date,value\n")
        for kpi, target in kpis:
            m = re.search(r"-?\d+(?:\.\d+)?", target.replace(",", ""))
            base = float(m.group(0)) if m else 50.0
            for week in range(WEEKS):
                day = time.strftime("%Y-%m-%d", time.gmtime(1762128000 + week * 7 * 86400))  # from 2025-11-03
                f.write(f"{kpi},{day},{base * (1 + rng.gauss(0.05, 0.03)):.2f}\n")
                rows += 1
    return rows


def in_process(bench_bin, session_json, csv_path):
    """kpi-align-bench's lines, as printed, and its readings-file median in ms."""
    import subprocess
    out = subprocess.run([bench_bin, session_json, csv_path, "5"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=bench.ENV, check=True).stdout.decode()
    lines = [line for line in out.splitlines() if "median" in line]
    parse = float(re.search(r"median\s+([\d.]+) ms", lines[0]).group(1))
    return lines, parse


def main():
    bin_path, work = bench.BIN, bench.WORK
    bench_bin = os.path.join(os.path.dirname(bin_path), "kpi-align-bench")
    large = bench.sample("large", 200)
    sessions = os.path.join(work, "sessions-readings")
    shutil.rmtree(sessions, ignore_errors=True)
    bench.run([bin_path, "--sessions", sessions, "import", large])
    slug = [f for f in os.listdir(sessions) if f.endswith(".json")][0][:-5]
    cascade = os.path.join(work, "large-cascade.json")
    bench.run([bin_path, "--sessions", sessions, "export", slug, "-o", cascade])
    csv_path = os.path.join(work, "readings.csv")
    rows = readings_file(cascade, csv_path)
    size = os.path.getsize(csv_path) / 1e6
    print(f"readings file: {rows} rows, {size:.1f} MB, {WEEKS} weeks")

    py = [bench.run([sys.executable, "-c",
                     "import csv,sys; sum(1 for _ in csv.reader(open(sys.argv[1], newline='')))", csv_path])
          for _ in range(5)]
    print(f"5  python csv.reader of the readings file       {bench.fmt(py)}")
    lines, parse = in_process(bench_bin, os.path.join(sessions, slug + ".json"), csv_path)
    for line in lines:
        print("5  " + line)
    ratio = parse / statistics.median(py)
    print(f"5  ratio readings file read and checked / python csv: {ratio:.1f}x   "
          f"target ≤ 2x: {'met' if ratio <= 2 else 'MISSED'}")
    pristine = sessions + "-pristine"
    shutil.copytree(sessions, pristine)
    base = [bench.run([bin_path, "--sessions", pristine, "check", slug], ok=(0, 1)) for _ in range(3)]
    print(f"5  check of the session (open + replay + check) {bench.fmt(base)}")
    record = []
    for _ in range(3):
        shutil.rmtree(sessions, ignore_errors=True)
        shutil.copytree(pristine, sessions)
        record.append(bench.run([bin_path, "--sessions", sessions, "readings", slug, csv_path]))
    print(f"5  kpi-align readings SESSION FILE              {bench.fmt(record)}")
    own = statistics.median(record) - statistics.median(base)
    print(f"5  readings − check (record, journal and save of the readings): {own:.0f} ms")
    rss = bench.max_rss_kb([bin_path, "--sessions", sessions, "dashboard", slug])
    print(f"5  peak RSS of dashboard on the session with readings: {rss / 1024:.0f} MB")

    term = bench.Pty(["--sessions", sessions, "open", slug])
    os.set_blocking(term.fd, True)
    import fcntl
    import struct
    import termios
    fcntl.ioctl(term.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    term.until_prompt(timeout=600)
    term.quiet()
    dashboard = [term.round_trip(b"/dashboard")[0] for _ in range(5)]
    print(f"5  /dashboard on the open session (line → prompt) {bench.fmt(dashboard)}   "
          f"target ≤ 200 ms: {'met' if statistics.median(dashboard) <= 200 else 'MISSED'}")
    diagnose = [term.round_trip(b"/diagnose c1")[0] for _ in range(5)]
    print(f"5  /diagnose c1 on the open session              {bench.fmt(diagnose)}   "
          f"target ≤ 50 ms: {'met' if statistics.median(diagnose) <= 50 else 'MISSED'}")
    term.close()


if __name__ == "__main__":
    main()
