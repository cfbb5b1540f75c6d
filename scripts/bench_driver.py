#!/usr/bin/env python3
"""The measuring half of scripts/bench: runs the release binary on generated samples and prints
one line per figure (median and min–max over repeated runs). Called by scripts/bench, which
builds the binary and owns the temporary folder; everything this writes goes under WORK."""
import json
import os
import pty
import re
import select
import shutil
import statistics
import subprocess
import sys
import time

BIN, WORK = sys.argv[1], sys.argv[2]
GROWTH_BASE = int(os.environ.get("KPI_BENCH_GROWTH_BASE", "25"))
ANSWERS = int(os.environ.get("KPI_BENCH_ANSWERS", "300"))
TABS = int(os.environ.get("KPI_BENCH_TABS", "200"))
SCRIPTED = [int(n) for n in os.environ.get("KPI_BENCH_SCRIPTED", "50 100 200").split()]
ENV = dict(os.environ, NO_COLOR="1", KPI_ALIGN_HISTORY="", TERM="xterm")
ENV.pop("KPI_ALIGN_SESSIONS", None)
PROMPT_END = "›".encode()


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def ms(ns):
    return ns / 1e6


def fmt(values):
    """median (min–max) of milliseconds."""
    return f"median {statistics.median(values):9.2f} ms  (min {min(values):.2f} – max {max(values):.2f}, n={len(values)})"


def pct(values, p):
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))
    return s[k]


def run(args, stdin=None, ok=(0,)):
    t = time.perf_counter_ns()
    p = subprocess.run(args, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    dt = ms(time.perf_counter_ns() - t)
    if p.returncode not in ok:
        raise SystemExit(f"bench: {' '.join(args)} exited {p.returncode}: {p.stderr.decode()[-500:]}")
    return dt


def sample(name, departments, kpis=8, individual=4):
    path = os.path.join(WORK, name + ".json")
    if not os.path.exists(path):
        run([BIN, "sample", "-o", path, "--departments", str(departments), "--kpis-per-department",
             str(kpis), "--individual-per-kpi", str(individual)])
    return path


def import_check(path, tag):
    """`import FILE` into a fresh sessions folder, then `check` of the imported session."""
    sessions = os.path.join(WORK, "sessions-" + tag)
    shutil.rmtree(sessions, ignore_errors=True)
    t = time.perf_counter_ns()
    run([BIN, "--sessions", sessions, "import", path])
    slug = [f for f in os.listdir(sessions) if f.endswith(".json")][0][:-5]
    run([BIN, "--sessions", sessions, "check", slug], ok=(0, 1))
    dt = ms(time.perf_counter_ns() - t)
    shutil.rmtree(sessions, ignore_errors=True)
    return dt


def python_load(path):
    return run([sys.executable, "-c", "import json,sys; json.load(open(sys.argv[1]))", path])


def max_rss_kb(args, ok=(0,)):
    p = subprocess.run(["/usr/bin/time", "-v"] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       env=ENV)
    if p.returncode not in ok:
        raise SystemExit(f"bench: {' '.join(args)} exited {p.returncode}")
    m = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return int(m.group(1))


class Pty:
    """The binary on a pseudo-terminal: the interactive path, with libedit and real prompts."""

    def __init__(self, args):
        self.start = time.perf_counter_ns()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(BIN, [BIN] + args, ENV)
        self.buf = b""

    def read_some(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return None
        try:
            chunk = os.read(self.fd, 1 << 20)
        except OSError:
            chunk = b""
        self.buf += chunk
        return chunk

    def until_prompt(self, timeout=120):
        deadline = time.monotonic() + timeout
        while not self.buf.rstrip(b" ").endswith(PROMPT_END):
            chunk = self.read_some(max(0.0, deadline - time.monotonic()))
            if not chunk:
                raise SystemExit(f"bench: no prompt; last output {self.buf[-400:]!r}")
        out, self.buf = self.buf, b""
        return out

    def quiet(self, gap=0.03):
        while self.read_some(gap):
            pass
        self.buf = b""

    def send(self, text):
        os.write(self.fd, text)

    def round_trip(self, line):
        t = time.perf_counter_ns()
        self.send(line + b"\r")
        out = self.until_prompt()
        return ms(time.perf_counter_ns() - t), out

    def close(self):
        self.send(b"/quit\r")
        try:
            while self.read_some(30):
                pass
        except OSError:
            pass
        os.waitpid(self.pid, 0)


def main():
    results = []

    def out(line):
        results.append(line)
        print(line, flush=True)

    log("bench: generating samples…")
    small = sample("small", 4, 3, 1)
    large = sample("large", 200, 8, 4)
    with open(large) as f:
        doc = json.load(f)
    exchanges = len(doc["exchanges"])
    kpis = [k["id"] for d in doc["cascade"]["departments"] for k in d.get("kpis", [])]
    names = [d["name"] for d in doc["cascade"]["departments"]]
    del doc
    size_mb = os.path.getsize(large) / 1e6
    print(f"large session: 200 departments x 8 KPIs x 4 individual KPIs, {exchanges} exchanges, "
          f"{size_mb:.1f} MB", flush=True)

    # 1. Start-up.
    log("bench: start-up…")
    version = [run([BIN, "--version"]) for _ in range(10)]
    small_copy = os.path.join(WORK, "small-open.json")
    shutil.copy(small, small_copy)
    sess = os.path.join(WORK, "sessions-open")
    quit_runs = [run([BIN, "--sessions", sess, "open", small_copy], stdin=b"/quit\n") for _ in range(10)]
    first_prompt = []
    for _ in range(10):
        p = Pty(["--sessions", sess, "open", small_copy])
        p.until_prompt(30)
        first_prompt.append(ms(time.perf_counter_ns() - p.start))
        p.close()
    out(f"1  --version (floor)                          {fmt(version)}")
    out(f"1  open small sample, piped /quit (start→exit) {fmt(quit_runs)}   target ≤ 10 ms: "
        f"{'met' if statistics.median(quit_runs) <= 10 else 'MISSED'}")
    out(f"1  open small sample on a pty, start→prompt    {fmt(first_prompt)}   target ≤ 10 ms: "
        f"{'met' if statistics.median(first_prompt) <= 10 else 'MISSED'}")

    # 2. import + replay + check vs python's json.load.
    log("bench: import + check of the large session (3 runs)…")
    py = [python_load(large) for _ in range(5)]
    ic = [import_check(large, "large") for _ in range(3)]
    ratio = statistics.median(ic) / statistics.median(py)
    out(f"2  python3 json.load of the large file         {fmt(py)}")
    out(f"2  import + replay + check of the large session {fmt(ic)}")
    out(f"2  ratio (import+check) / json.load: {ratio:.1f}x   target ≤ 2x: {'met' if ratio <= 2 else 'MISSED'}")

    # 3–5. Per-answer latency, Tab completion and /check, on the large session over a pty.
    log(f"bench: {ANSWERS} answers, {TABS} Tabs and 5 /check on the large session (pty)…")
    live = os.path.join(WORK, "large-live.json")
    shutil.copy(large, live)
    p = Pty(["--sessions", sess, "open", live])
    p.until_prompt(300)
    latencies = []
    for i in range(ANSWERS):
        kpi = kpis[(i * 7) % len(kpis)].encode()
        if i % 2 == 0:
            line = b"/lead %s %d" % (kpi, 20 + i % 60)
        else:
            line = b"/owner %s Bench Person %d" % (kpi, i)
        dt, reply = p.round_trip(line)
        if b"[pass]" not in reply and b"owned by" not in reply and b"[warn]" not in reply:
            raise SystemExit(f"bench: unexpected reply to {line!r}: {reply[-300:]!r}")
        latencies.append(dt)
    journal = os.path.join(WORK, "large-live.journal")
    journal_lines = sum(1 for _ in open(journal, "rb")) if os.path.exists(journal) else -1
    p99 = pct(latencies, 99)
    out(f"3  per answer (/lead, /owner; line → next prompt, journal fsync included), n={len(latencies)}: "
        f"p50 {pct(latencies, 50):.2f} ms  p99 {p99:.2f} ms  (min {min(latencies):.2f} – max {max(latencies):.2f})"
        f"   target p99 ≤ 2 ms: {'met' if p99 <= 2 else 'MISSED'}   [journal lines after: {journal_lines}]")

    # Tab: type a prefix of a department name after /show, press Tab, time to the first byte the
    # line editor writes back (the completion is computed before libedit redraws anything).
    tabs = []
    for i in range(TABS):
        name = names[(i * 13) % len(names)]
        prefix = ("/show " + name[: max(3, len(name) - 2)]).encode()
        p.send(prefix)
        p.quiet(0.02)
        t = time.perf_counter_ns()
        p.send(b"\t")
        if p.read_some(5) is None:
            raise SystemExit("bench: Tab produced no output")
        tabs.append(ms(time.perf_counter_ns() - t))
        p.quiet(0.02)
        p.send(b"\x15")  # Ctrl-U: clear the line, nothing is entered
        p.quiet(0.02)
    # The floor of that method: a plain character typed at the same point, to its echo.
    echoes = []
    for i in range(TABS):
        p.send(b"/show Ab")
        p.quiet(0.02)
        t = time.perf_counter_ns()
        p.send(b"c")
        if p.read_some(5) is None:
            raise SystemExit("bench: no echo")
        echoes.append(ms(time.perf_counter_ns() - t))
        p.quiet(0.02)
        p.send(b"\x15")
        p.quiet(0.02)
    tp99 = pct(tabs, 99)
    out(f"4  Tab completion (/show PREFIX⇥ → first byte redrawn, over a pty), n={len(tabs)}: "
        f"p50 {pct(tabs, 50):.2f} ms  p99 {tp99:.2f} ms   target p99 ≤ 1 ms: {'met' if tp99 <= 1 else 'MISSED'}")
    out(f"4  (floor of that method: a typed letter → its echo, n={len(echoes)}: "
        f"p50 {pct(echoes, 50):.2f} ms  p99 {pct(echoes, 99):.2f} ms)")

    checks = []
    for _ in range(5):
        dt, reply = p.round_trip(b"/check")
        checks.append(dt)
    p.close()
    out(f"5  /check round trip on the open large session {fmt(checks)}   target ≤ 50 ms: "
        f"{'met' if statistics.median(checks) <= 50 else 'MISSED'}")

    # 6. Peak memory.
    log("bench: peak memory…")
    sessions = os.path.join(WORK, "sessions-rss")
    shutil.rmtree(sessions, ignore_errors=True)
    rss_import = max_rss_kb([BIN, "--sessions", sessions, "import", large])
    slug = [f for f in os.listdir(sessions) if f.endswith(".json")][0][:-5]
    rss_check = max_rss_kb([BIN, "--sessions", sessions, "check", slug], ok=(0, 1))
    rss_py = max_rss_kb([sys.executable, "-c", "import json,sys; json.load(open(sys.argv[1]))", large])
    peak = max(rss_import, rss_check) / 1024
    out(f"6  peak RSS: import {rss_import / 1024:.0f} MB, check {rss_check / 1024:.0f} MB, "
        f"python json.load {rss_py / 1024:.0f} MB   target ≤ 120 MB: {'met' if peak <= 120 else 'MISSED'}")

    # 7. Growth.
    sizes = [GROWTH_BASE, GROWTH_BASE * 4, GROWTH_BASE * 16]
    log(f"bench: growth at {sizes} departments (3 runs each)…")
    medians, megabytes = [], []
    for n in sizes:
        path = sample(f"growth-{n}", n)
        times = [import_check(path, f"g{n}") for _ in range(3)]
        medians.append(statistics.median(times))
        megabytes.append(os.path.getsize(path) / 1e6)
        out(f"7  import + check, {n:5d} departments ({megabytes[-1]:5.1f} MB) {fmt(times)}")
    # The sample stores a conflict for every classic pair of departments, so 4x and 16x the
    # departments make files somewhat more than 4x and 16x the size: time is judged against size.
    r4, r16 = medians[1] / medians[0], medians[2] / medians[0]
    s4, s16 = megabytes[1] / megabytes[0], megabytes[2] / megabytes[0]
    per_mb = ", ".join(f"{m / b:.0f}" for m, b in zip(medians, megabytes))
    linear = r4 <= s4 * 1.1 and r16 <= s16 * 1.1
    out(f"7  growth 1x : 4x : 16x departments: time 1 : {r4:.1f} : {r16:.1f}, file size 1 : {s4:.1f} : {s16:.1f} "
        f"({per_mb} ms per MB)   target no faster than linear: {'met' if linear else 'MISSED'}")

    # 8. A whole workshop answered from a script (`--script`, no subcommand: the first line is the
    # name), its answers taken from `sample` transcripts at growing sizes: the path a facilitator
    # takes who prepares the workshop in a file. Total time against lines; every answer's own time
    # at the largest size over a pty (line → next prompt).
    log(f"bench: scripted workshops at {SCRIPTED} departments…")
    totals, line_counts, last = [], [], None
    for n in SCRIPTED:
        with open(sample(f"scripted-{n}", n, 3, 1)) as f:
            doc = json.load(f)
        lines = [doc["session"]["name"]] + [e["answer"] for e in doc["exchanges"]]
        script = os.path.join(WORK, f"scripted-{n}.txt")
        with open(script, "w") as f:
            f.write("\n".join(lines) + "\n")
        total = run([BIN, "--sessions", os.path.join(WORK, f"sessions-scripted-{n}"), "--script", script])
        totals.append(total)
        line_counts.append(len(lines))
        last = lines
        out(f"8  scripted workshop, {n:4d} departments ({len(lines):6d} lines) total {total:9.0f} ms, "
            f"{total / len(lines):.2f} ms per line")
    ratios = [t / totals[0] for t in totals]
    line_ratios = [c / line_counts[0] for c in line_counts]
    flat = all(r <= lr * 1.1 for r, lr in zip(ratios, line_ratios))
    out(f"8  growth: time 1 : {' : '.join(f'{r:.2f}' for r in ratios[1:])}, lines 1 : "
        f"{' : '.join(f'{r:.2f}' for r in line_ratios[1:])}   target ≤ 1.1 × the line ratio: "
        f"{'met' if flat else 'MISSED'}")
    p = Pty(["--sessions", os.path.join(WORK, "sessions-scripted-pty"), "new", last[0]])
    p.until_prompt(60)
    each = [p.round_trip(line.encode())[0] for line in last[1:]]
    p.close()
    ep99 = pct(each, 99)
    out(f"8  every answer of the {SCRIPTED[-1]}-department workshop on a pty, n={len(each)}: p50 {pct(each, 50):.2f} ms  "
        f"p99 {ep99:.2f} ms  max {max(each):.2f} ms   target p99 ≤ 2 ms: {'met' if ep99 <= 2 else 'MISSED'}")


if __name__ == "__main__":
    main()
