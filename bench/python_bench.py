#!/usr/bin/env python3
"""What the Python module costs over the command line (issue 17: at most 5% more).

The same work both ways, each in a fresh process, alternated so that load on the machine falls
on both alike: the baseline scenario at scale 0.01 for 12 months (load the data, synthesize 1.5M
agents, calibrate the talent segment, run, write the results file), once as `floe simulate`
and once as a Python script stepping floe.Simulation. Reports the median wall time and peak
memory of each, and the Python run's own split (interpreter and imports; the run itself).

The CLI writes a checkpoint every output.checkpoint_every months (12), which a Python run does
only when asked; the comparison runs both without it (checkpoint_every = 600), and reports the
CLI with its checkpoint too. Results and the command: BENCHMARKS.md.

    PYTHONPATH=build/release/python /usr/bin/python3 bench/python_bench.py --repeats 7
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
sim = floe.Simulation(sys.argv[1], scale=0.01, months=12)
while not sim.done:
    sim.step()
sim.write(sys.argv[2])
print(imported - begin, time.perf_counter() - imported)
"""


def timed(command, env=None):
    """Wall seconds, peak RSS (bytes) and stdout of one process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             env=env, cwd=ROOT, text=True)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{command[0]} exited {child.returncode}")
    return seconds, usage.ru_maxrss * 1024, out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--floe", default=str(ROOT / "build/release/apps/floe/floe"))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="floe_python_bench_"))
    scenario = work / "baseline.toml"
    text = (ROOT / "scenarios/baseline.toml").read_text()
    if "checkpoint_every = 12" not in text:
        sys.exit("scenarios/baseline.toml no longer says checkpoint_every = 12: update this script")
    scenario.write_text(text.replace("checkpoint_every = 12", "checkpoint_every = 600", 1))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    cli = [args.floe, "simulate", "--scale", "0.01", "--months", "12"]
    runs = {"cli": [], "cli_checkpoint": [], "python": []}
    split = []
    for _ in range(args.repeats):
        runs["cli"].append(timed(cli + ["--scenario", scenario, "--out", work / "cli.db"])[:2])
        seconds, rss, out = timed([sys.executable, "-c", PYTHON_RUN, scenario, work / "py.db"],
                                  env)
        runs["python"].append((seconds, rss))
        split.append([float(x) for x in out.split()])
        runs["cli_checkpoint"].append(timed(cli + ["--scenario", ROOT / "scenarios/baseline.toml",
                                                   "--out", work / "ckpt.db"])[:2])
    median = {k: statistics.median(s for s, _ in v) for k, v in runs.items()}
    rss = {k: max(r for _, r in v) for k, v in runs.items()}
    print(f"12 months of the baseline at scale 0.01, median of {args.repeats} runs each")
    print("| run | wall time | peak RSS |\n|---|---|---|")
    names = {"cli": "`floe simulate` (no checkpoint)", "python": "Python, floe.Simulation",
             "cli_checkpoint": "`floe simulate` (checkpoint at month 12, as shipped)"}
    for key in ("cli", "python", "cli_checkpoint"):
        print(f"| {names[key]} | {median[key]:.2f} s | {rss[key] / 2**20:.0f} MiB |")
    imports = statistics.median(s[0] for s in split)
    work_seconds = statistics.median(s[1] for s in split)
    print(f"Python / CLI: {median['python'] / median['cli']:.3f} "
          f"({100 * (median['python'] / median['cli'] - 1):+.1f}%)")
    print(f"Python split: interpreter start and `import floe` {imports:.2f} s (in-process "
          f"import only), the run itself {work_seconds:.2f} s; run / CLI: "
          f"{work_seconds / median['cli']:.3f}")


if __name__ == "__main__":
    main()
