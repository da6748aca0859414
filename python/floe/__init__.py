"""floe from Python: the Iceberg Index and the workforce simulation, over floe's compiled core.

    import floe
    states = floe.index(by="state")                     # {column: numpy array}
    floe.explain("15-1252")["profile"]                  # one occupation, as plain dicts
    sim = floe.Simulation("baseline", scale=0.01, seed=1)
    sim.run(12)                                         # or sim.step(), month by month
    sim.national()["unemployment_rate"]                 # numpy arrays over months, in workers
    sim.national(twin=True)                             # the no-AI twin, for the AI effect
    agents = sim.agents()                               # zero-copy, read-only records
    sim.write("out/run.db"); floe.read_run("out/run.db")

The numbers are the command line's: floe.index() is `floe index --format csv`, and a run
stepped here writes the results file `floe simulate` writes. Errors raise floe.Error (a
ValueError) or floe.DataError with the CLI's one-line message. A walk-through with a worked
example: docs/python.md and examples/two_scenarios.py.
"""

from ._core import (
    AGENT_FIELDS,
    EMPLOYED,
    OUT_OF_LABOR_FORCE,
    STATUS_MASK,
    TRAINING,
    UNEMPLOYED,
    VACANT,
    Data,
    DataError,
    Error,
    Simulation,
    explain,
    index,
    index_options,
    load,
    read_run,
    scenario_keys,
)

__all__ = [
    "AGENT_FIELDS", "EMPLOYED", "OUT_OF_LABOR_FORCE", "STATUS_MASK", "TRAINING", "UNEMPLOYED",
    "VACANT", "Data", "DataError", "Error", "Simulation", "explain", "index", "index_options",
    "load", "read_run", "scenario_keys",
]
__version__ = "0.1.0"

for _public in (Data, Simulation):
    _public.__module__ = __name__
del _public
