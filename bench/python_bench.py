#!/usr/bin/env python3
"""What the Python module costs over the command line (issue 17: at most 5% more).

The same work both ways, each in a fresh process, alternated so that load on the machine falls
on both alike: the baseline scenario at scale 0.01 for 12 months with its no-AI twin (load the
data, synthesize 1.5M agents, calibrate the talent segment, run, write the results file), once
as `floe simulate` and once as a Python script stepping floe.Simulation month by month. Reports
the median wall time and the peak memory of each, and the Python run's own split (interpreter
start and `import floe`; the run itself).

--also BINARY times another floe program the same way (e.g. one built without the module, whose
libraries are not position-independent: the cost of -fPIC to the CLI).

    PYTHONPATH=build/release/python /usr/bin/python3 bench/python_bench.py --repeats 3

Results and the command: BENCHMARKS.md, "floe from Python".
"""

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]

PYTHON_RUN = """
import sys, time
begin = time.perf_counter()
import floe
imported = time.perf_counter()
sim = floe.Simulation("baseline", scale=float(sys.argv[2]), months=int(sys.argv[3]))
while not sim.done:
    sim.step()
sim.write(sys.argv[1])
print(imported - begin, time.perf_counter() - imported)
"""


def timed(command, env=None):
    """Wall seconds, peak RSS (bytes) and stdout of one process."""
    start = time.perf_counter()
    child = subprocess.Popen([str(c) for c in command], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{command[0]} exited {code}")
    return seconds, usage.ru_maxrss * 1024, out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--floe", default=str(ROOT / "build/release/apps/floe/floe"))
    parser.add_argument("--also", help="another floe program to time the same way")
    parser.add_argument("--scale", default="0.01")
    parser.add_argument("--months", default="12")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="floe_python_bench_"))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    programs = {"cli": args.floe}
    if args.also:
        programs["also"] = args.also
    runs = {key: [] for key in [*programs, "python"]}
    split = []
    for _ in range(args.repeats):
        for key, program in programs.items():
            runs[key].append(timed([program, "simulate", "--scenario", "baseline", "--scale",
                                    args.scale, "--months", args.months, "--out",
                                    work / f"{key}.db"])[:2])
        seconds, rss, out = timed([sys.executable, "-c", PYTHON_RUN, work / "python.db",
                                   args.scale, args.months], env)
        runs["python"].append((seconds, rss))
        split.append([float(x) for x in out.split()])
    median = {k: statistics.median(s for s, _ in v) for k, v in runs.items()}
    fastest = {k: min(s for s, _ in v) for k, v in runs.items()}
    rss = {k: max(r for _, r in v) for k, v in runs.items()}
    print(f"{args.months} months of the baseline (with its twin) at scale {args.scale}, "
          f"median of {args.repeats} runs each")
    print("| run | wall time (median) | fastest | peak RSS |\n|---|---|---|---|")
    names = {"cli": f"`floe simulate` ({args.floe})", "python": "Python, floe.Simulation.step()",
             "also": f"`floe simulate` ({args.also})"}
    for key in runs:
        print(f"| {names[key]} | {median[key]:.2f} s | {fastest[key]:.2f} s | "
              f"{rss[key] / 2**20:.0f} MiB |")
    for key, label in (("python", "Python"), ("also", args.also)):
        if key in runs:
            ratio, best = median[key] / median["cli"], fastest[key] / fastest["cli"]
            print(f"{label} / CLI: {ratio:.3f} ({100 * (ratio - 1):+.1f}%) by the medians, "
                  f"{best:.3f} ({100 * (best - 1):+.1f}%) by the fastest runs")
    imports = statistics.median(s[0] for s in split)
    run_seconds = statistics.median(s[1] for s in split)
    print(f"Python split: `import floe` {imports:.2f} s, the run itself {run_seconds:.2f} s "
          f"(the rest: the interpreter's start and exit)")


if __name__ == "__main__":
    main()
