#!/usr/bin/env python3
"""Score JSONL rows with Ray Data ``map_batches``, through the same picklable
function ifreward.dask uses (``ifreward.dask.RowScorer``), so the output
lines are the ones ``ifreward score`` prints.

Ray is not installed on the project's CI machines: this example is
documented (docs/DISTRIBUTED.md) and only compiled and imported in CI
(tests/python_dask), where its batch function is checked against the CLI
without Ray. Usage on a machine with Ray::

    # every Ray worker needs the ifreward package and libifreward:
    # pip install the wheel (it bundles the .so), or set IFREWARD_LIBRARY
    python3 ray_score.py rows.jsonl out.jsonl [--loose] [--precise]

Rows keep every input field; bad rows become {"error": {"line": N, ...}}
lines with N counted over the whole input file, because each row carries
its line number into the batch (the "line" column below).
"""

import argparse
import os
import sys

try:
    import ifreward.dask as _ifd
except ImportError:  # running from a source checkout without PYTHONPATH
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                    "bindings", "python"))
    import ifreward.dask as _ifd


def make_scorer(**options):
    """The batch function for ``Dataset.map_batches``: a bound method of a
    picklable :class:`ifreward.dask.RowScorer` (plain option values only; the
    library opens lazily in each Ray worker). It takes
    ``{"text": [json lines], "line": [line numbers]}`` ("line" optional) and
    returns ``{"text": [output lines]}``. Options as ``ifreward score``:
    loose, precise, aggregate, preprocess, suite, guards."""
    return _ifd.RowScorer(**options).map_batch


def numbered_lines(path):
    """(line number, line) for every line of a JSONL file, numbered as
    ``ifreward score FILE`` numbers them (blank lines count)."""
    with open(path, "rb") as f:
        for i, line in enumerate(f, 1):
            # bytes, not str: invalid UTF-8 reaches the library exactly as the CLI reads it
            yield {"line": i, "text": line[:-1] if line.endswith(b"\n") else line}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--loose", action="store_true")
    p.add_argument("--precise", action="store_true")
    p.add_argument("--aggregate", choices=("all", "fraction"), default="all")
    p.add_argument("--batch-size", type=int, default=2000)
    args = p.parse_args(argv)

    import ray  # only needed here: importing this file works without Ray

    ray.init(runtime_env={"env_vars": {
        # the workers must find libifreward (unless the package bundles it)
        k: v for k, v in os.environ.items() if k in ("IFREWARD_LIBRARY", "PYTHONPATH")}})
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # output rows in input order

    # Line numbers travel with the rows, so error lines say where the row was in
    # the file even though Ray splits the data into blocks.
    ds = ray.data.from_items(list(numbered_lines(args.input)))
    scored = ds.map_batches(make_scorer(loose=args.loose, precise=args.precise,
                                        aggregate=args.aggregate),
                            batch_size=args.batch_size, batch_format="numpy")
    with open(args.output, "w", encoding="ascii") as out:  # the lines are ASCII JSON
        for row in scored.iter_rows():
            out.write(row["text"] + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
