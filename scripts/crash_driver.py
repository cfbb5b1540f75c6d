#!/usr/bin/env python3
"""The killing half of scripts/crash-suite: runs a long generated workshop on a pseudo-terminal,
SIGKILLs kpi-align at a random point of each run, and checks after every kill that

  * the session opens again without an error, and
  * every answer whose next prompt was on the terminal is in it, in order, with nothing else
    (at most the one answer typed when the kill came may also be there: it was journaled, but
    its prompt had not yet been seen).

Called by scripts/crash-suite, which builds the binary and owns the folder; everything this
writes goes under WORK. One line per run on stdout, a summary at the end; exit 1 on any failure.

    crash_driver.py BIN WORK [--runs N] [--answers M] [--seed S] [--verbose]
"""
import argparse
import json
import os
import pty
import random
import select
import signal
import subprocess
import sys
import time

PROMPT_END = "› ".encode()
ENV = dict(os.environ, NO_COLOR="1", KPI_ALIGN_HISTORY="", TERM="xterm")
ENV.pop("KPI_ALIGN_SESSIONS", None)
TIMEOUT = 30.0


class Failure(Exception):
    pass


def run(binary, arguments, stdin=""):
    """kpi-align through pipes, as a script runs it."""
    done = subprocess.run([binary] + arguments, input=stdin.encode(), capture_output=True,
                          env=ENV, timeout=120)
    return done.returncode, done.stdout.decode(errors="replace"), done.stderr.decode(errors="replace")


class Terminal:
    """kpi-align on a pseudo-terminal, read continuously so nothing it prints is missed."""

    def __init__(self, binary, arguments):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(binary, [binary] + arguments, ENV)
        self.output = bytearray()
        self.prompts = 0
        self.closed = False

    def pump(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            self.closed = True
            return
        # Count prompts in the new bytes only (and the few before them a prompt may straddle).
        start = max(0, len(self.output) - len(PROMPT_END) + 1)
        self.output += chunk
        self.prompts += self.output.count(PROMPT_END, start)

    def wait_for_prompts(self, count):
        deadline = time.monotonic() + TIMEOUT
        while self.prompts < count:
            if self.closed or time.monotonic() > deadline:
                tail = self.output[-2000:].decode(errors="replace")
                raise Failure(f"no prompt {count} (closed={self.closed}); the terminal showed:\n{tail}")
            self.pump(0.05)

    def type(self, line):
        os.write(self.fd, line.encode() + b"\r")

    def kill(self):
        """SIGKILL, then read what was already written before the kill."""
        os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        while not self.closed:
            self.pump(0.2)
        os.close(self.fd)
        return status


def recorded_answers(path):
    """The answers in the transcript at PATH, in order."""
    with open(path, encoding="utf-8") as file:
        return [exchange["answer"] for exchange in json.load(file)["exchanges"]]


def on_disk(transcript):
    """The answers the transcript and the journal beside it hold, read the way kpi-align recovers
    them: journal lines after the transcript's last exchange, a torn last line dropped."""
    with open(transcript, encoding="utf-8") as file:
        exchanges = json.load(file)["exchanges"]
    answers = [exchange["answer"] for exchange in exchanges]
    last = exchanges[-1]["seq"] if exchanges else 0
    journal = transcript[:-len(".json")] + ".journal"
    lines = open(journal, "rb").read().split(b"\n") if os.path.exists(journal) else []
    for index, line in enumerate(lines):
        if not line:
            continue
        try:
            exchange = json.loads(line)
        except ValueError:
            if index == len(lines) - 1:
                break
            raise Failure(f"journal line {index + 1} is damaged, and it is not the last")
        if exchange["seq"] > last:
            if exchange["seq"] != last + 1:
                raise Failure(f"the journal skips from answer {last} to {exchange['seq']}")
            answers.append(exchange["answer"])
            last = exchange["seq"]
    return answers


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("work")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--answers", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    binary, work = options.binary, options.work
    sessions = os.path.join(work, "sessions")
    os.makedirs(sessions, exist_ok=True)

    # The workshop: a generated sample with at least --answers answers, replayed as typed lines.
    departments = max(2, options.answers // 48)
    while True:
        sample = os.path.join(work, f"sample-{departments}.json")
        status, _, err = run(binary, ["sample", "--departments", str(departments), "-o", sample])
        if status != 0:
            raise SystemExit(f"crash-suite: sample failed: {err}")
        with open(sample, encoding="utf-8") as file:
            document = json.load(file)
        answers = [exchange["answer"] for exchange in document["exchanges"]]
        if len(answers) >= options.answers:
            break
        departments += 1
    name, slug = document["session"]["name"], document["session"]["slug"]
    transcript = os.path.join(sessions, slug + ".json")
    print(f"crash-suite: a {len(answers)}-answer workshop ({departments} departments), "
          f"{options.runs} runs, seeds {options.seed}–{options.seed + options.runs - 1}", flush=True)

    # The cascade a workshop that never crashed agrees on, to compare each finished one with.
    straight = os.path.join(work, "straight")
    status, _, err = run(binary, ["--sessions", straight, "new", name], "\n".join(answers) + "\n")
    if status != 0:
        raise SystemExit(f"crash-suite: the uninterrupted workshop failed: {err}")
    _, reference, _ = run(binary, ["--sessions", straight, "export", slug, "--format", "json"])

    failures = 0
    kills = 0
    finished = 0
    counts = {"startup": 0, "prompt": 0, "answer": 0}
    stored = 0  # answers on disk, as last verified
    for run_index in range(options.runs):
        seed = options.seed + run_index
        rng = random.Random(seed)
        try:
            if stored == len(answers):
                # Finished: the cascade must be the uninterrupted one. Then start again.
                _, exported, _ = run(binary, ["--sessions", sessions, "export", slug, "--format", "json"])
                if exported != reference:
                    raise Failure("the finished workshop's cascade differs from the uninterrupted one")
                finished += 1
                for suffix in (".json", ".journal", ".lock"):
                    path = os.path.join(sessions, slug + suffix)
                    if os.path.exists(path):
                        os.remove(path)
                stored = 0
            arguments = ["--sessions", sessions] + (
                ["new", name] if not os.path.exists(transcript) else ["open", slug])
            remaining = len(answers) - stored
            mode = rng.choices(["startup", "prompt", "answer"], weights=[1, 3, 6])[0]
            wanted = rng.randint(0, min(remaining - 1, 60))
            delay = rng.uniform(0, 0.004 if mode == "answer" else 0.03)
            counts[mode] += 1

            terminal = Terminal(binary, arguments)
            observed = 0
            if mode == "startup":
                # Anywhere in opening: reading, recovering the journal, folding it in.
                deadline = time.monotonic() + delay
                while time.monotonic() < deadline:
                    terminal.pump(max(0, deadline - time.monotonic()))
                observed = max(0, terminal.prompts - 1)
            else:
                terminal.wait_for_prompts(1)
                opening = terminal.output.decode(errors="replace")
                if "kpi-align:" in opening:
                    raise Failure(f"opening printed an error:\n{opening[-2000:]}")
                if stored and f"({stored} answer" not in opening:
                    raise Failure(f"opening does not say {stored} answers:\n{opening[-2000:]}")
                for answer in answers[stored:stored + wanted]:
                    terminal.type(answer)
                    observed += 1
                    terminal.wait_for_prompts(observed + 1)
                if mode == "answer":
                    # Mid-answer: after Enter, while it is handled, journaled, flushed, printed.
                    terminal.type(answers[stored + wanted])
                    deadline = time.monotonic() + delay
                    while time.monotonic() < deadline:
                        terminal.pump(max(0, deadline - time.monotonic()))
                    observed = terminal.prompts - 1
            status = terminal.kill()
            kills += 1
            if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
                raise Failure(f"kpi-align ended before the kill (status {status})")
            observed = max(observed, terminal.prompts - 1)

            # Reopen through a pipe with nothing to add: it must open cleanly and fold the journal.
            # One run in four leaves the journal for the next run's terminal to recover instead
            # (so kills also land in that recovery), reading the files here meanwhile.
            fold = rng.random() >= 0.25
            if os.path.exists(transcript) and not fold:
                got = on_disk(transcript)
            elif os.path.exists(transcript):
                status, out, err = run(binary, ["--sessions", sessions, "open", slug])
                if status != 0 or err:
                    raise Failure(f"reopening failed (exit {status}): {err.strip()}")
                got = recorded_answers(transcript)
            else:
                got = []  # killed before `new` wrote its first file: nothing was shown either
            if got != answers[:len(got)]:
                raise Failure("the reopened session's answers are not the typed ones, in order")
            floor, ceiling = stored + observed, stored + observed + (1 if mode == "answer" else 0)
            if not floor <= len(got) <= ceiling:
                raise Failure(f"{len(got)} answers on disk; the prompts seen say {floor}"
                              + (f" to {ceiling}" if ceiling != floor else ""))
            when = f" +{delay * 1e3:.2f} ms" if mode != "prompt" else ""
            line = (f"run {run_index + 1:3} seed {seed}: {mode:7} kill after {observed:2} prompts"
                    f"{when}: {stored} → {len(got)} answers, "
                    + ("reopens cleanly" if fold else "left for the next open to recover"))
            stored = len(got)
            if options.verbose or run_index < 3 or run_index == options.runs - 1:
                print(line, flush=True)
        except Failure as failure:
            failures += 1
            print(f"run {run_index + 1} seed {seed}: FAILED: {failure}", flush=True)
            if os.path.exists(transcript):
                try:
                    stored = len(recorded_answers(transcript))
                except (OSError, ValueError, KeyError):
                    break

    # Finish the last workshop by script and compare it with the uninterrupted one.
    rest = "\n".join(answers[stored:]) + "\n"
    status, _, err = run(binary, ["--sessions", sessions, "open", slug], rest)
    _, exported, _ = run(binary, ["--sessions", sessions, "export", slug, "--format", "json"])
    if status != 0 or exported != reference:
        failures += 1
        print(f"finishing the last workshop: FAILED (exit {status}) {err.strip()}", flush=True)
    else:
        finished += 1
    print(f"crash-suite: {kills} kills ({counts['startup']} while opening, {counts['prompt']} at a "
          f"prompt, {counts['answer']} mid-answer), {finished} workshops finished equal to the "
          f"uninterrupted one, {failures} failures", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
