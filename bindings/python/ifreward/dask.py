"""Score JSONL rows on a Dask cluster (``dask.distributed``).

Every partition is scored by :func:`ifreward.score_rows` (the C row path,
``ifr_score_rows``), so the output is byte-identical to ``ifreward score``:
same fields, same per-row error objects, line numbers counted over each
whole input file, rows in input order. Each worker process opens
libifreward lazily on its first task; set ``IFREWARD_LIBRARY`` in the
workers' environment (``local:N`` passes the client's value on).

Files (workers read them: the paths must be visible to every worker, e.g.
a shared filesystem)::

    from dask.distributed import Client
    import ifreward.dask
    with Client("tcp://scheduler:8786") as client:
        summary = ifreward.dask.score_files(client, ["a.jsonl", "b.jsonl"],
                                            "out.jsonl", loose=True)
    summary.rows, summary.errors

A Dask bag of JSONL lines (one element per line, e.g. ``db.read_text``)::

    scored = ifreward.dask.score_bag(dask.bag.read_text("rows-*.jsonl"))

Command line (exit status 0, 1 if some rows were errors, 2 on failure)::

    python -m ifreward.dask --scheduler local:2 rows.jsonl --output out.jsonl

See docs/DISTRIBUTED.md.
"""

import argparse
import os
import sys
import time
import uuid

import ifreward

__all__ = ["RowScorer", "Summary", "plan_file", "score_range", "score_lines",
           "score_bag", "score_files", "local_cluster", "main"]

DEFAULT_PARTITION_LINES = 2000

_OPTION_NAMES = ("loose", "precise", "aggregate", "preprocess", "suite", "guards")


class RowScorer:
    """The picklable scoring function shared by Dask and Ray.

    Holds only plain option values (no native object), so it pickles to any
    worker; each worker process loads libifreward on first use.
    ``scorer(lines, first_line=1)`` returns ``(jsonl_bytes, nerrors)`` for a
    list of lines (str or bytes) or a bytes buffer of JSONL.
    For Ray Data, :meth:`map_batch` takes a batch ``{"text": [...]}``
    (optionally with a ``"line"`` column of line numbers) and returns
    ``{"text": [...output lines...]}``.
    """

    __slots__ = _OPTION_NAMES + ("threads",)

    def __init__(self, *, loose=False, precise=False, aggregate="all", preprocess=None,
                 suite=None, guards=(), threads=1):
        self.loose = bool(loose)
        self.precise = bool(precise)
        self.aggregate = aggregate
        self.preprocess = preprocess
        self.suite = suite
        self.guards = tuple([guards] if isinstance(guards, str) else guards or ())
        self.threads = int(threads)
        # fail now, on the client, rather than in every task
        ifreward._aggregate(aggregate)
        ifreward.Options(precise=self.precise, preprocess=preprocess, suite=suite,
                         guards=self.guards)

    def __getstate__(self):
        return {name: getattr(self, name) for name in self.__slots__}

    def __setstate__(self, state):
        for name in self.__slots__:
            setattr(self, name, state[name])

    def __eq__(self, other):
        return isinstance(other, RowScorer) and self.__getstate__() == other.__getstate__()

    def __repr__(self):
        return "RowScorer(%s)" % ", ".join("%s=%r" % kv for kv in self.__getstate__().items())

    def options(self):
        return {"loose": self.loose, "precise": self.precise, "aggregate": self.aggregate,
                "preprocess": self.preprocess, "suite": self.suite, "guards": self.guards}

    def __call__(self, lines, first_line=1):
        return ifreward.score_rows(lines, first_line=first_line, threads=self.threads,
                                   as_bytes=True, return_errors=True, **self.options())

    def map_batch(self, batch):
        """Ray Data ``map_batches`` form: ``{"text": lines[, "line": numbers]}``
        to ``{"text": output lines}`` (blank lines give none)."""
        texts = list(batch["text"])
        numbers = batch.get("line") if hasattr(batch, "get") else None
        out = []
        if numbers is None or len(texts) == 0:
            out.append(self(texts)[0])
        else:
            numbers = [int(x) for x in numbers]
            start = 0
            for i in range(1, len(texts) + 1):  # one call per run of consecutive lines
                if i == len(texts) or numbers[i] != numbers[i - 1] + 1:
                    out.append(self(texts[start:i], numbers[start])[0])
                    start = i
        lines = b"".join(out).decode("ascii").split("\n")
        lines.pop()
        return {"text": lines}


class Summary:
    """What :func:`score_files` did: ``rows`` (output lines), ``errors``
    (error lines), ``lines`` (input lines, blank ones included),
    ``partitions``, ``seconds``."""

    __slots__ = ("rows", "errors", "lines", "partitions", "seconds")

    def __init__(self, rows=0, errors=0, lines=0, partitions=0, seconds=0.0):
        self.rows, self.errors, self.lines = rows, errors, lines
        self.partitions, self.seconds = partitions, seconds

    def __repr__(self):
        return ("Summary(rows=%d, errors=%d, lines=%d, partitions=%d, seconds=%.3f)"
                % (self.rows, self.errors, self.lines, self.partitions, self.seconds))


# MARK: partitions ----------------------------------------------------------


def plan_file(path, partition_lines=DEFAULT_PARTITION_LINES):
    """Split one JSONL file into partitions of `partition_lines` lines.

    Returns ``[(path, start, end, first_line, nlines), ...]``: byte range
    ``[start, end)`` and the number ``ifreward score FILE`` gives its first
    line. Lines are what the CLI reads: split on ``\\n``; blank lines count.
    Raises OSError if the file cannot be read.
    """
    if partition_lines < 1:
        raise ValueError("partition_lines must be >= 1")
    parts = []
    start = pos = 0
    first = 1
    count = 0
    with open(path, "rb") as f:
        for line in f:
            pos += len(line)
            count += 1
            if count == partition_lines:
                parts.append((path, start, pos, first, count))
                start, first, count = pos, first + count, 0
    if count:
        parts.append((path, start, pos, first, count))
    return parts


def score_range(scorer, path, start, end, first_line):
    """Task: score bytes ``[start, end)`` of `path` (lines numbered from
    `first_line`); returns ``(jsonl_bytes, nerrors)``."""
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    if len(data) != end - start:
        raise OSError("%s changed while scoring: wanted bytes %d-%d, got %d"
                      % (path, start, end, len(data)))
    return scorer(data, first_line)


def score_lines(scorer, lines, first_line):
    """Task: score a list of lines (a bag partition) numbered from
    `first_line`; returns the output lines (str)."""
    out = scorer(list(lines), first_line)[0].decode("ascii").split("\n")
    out.pop()
    return out


# MARK: bags ----------------------------------------------------------------


def _count(lines):
    return len(lines) if hasattr(lines, "__len__") else sum(1 for _ in lines)


def _first_line(first, *counts):
    return first + sum(counts)


def score_bag(bag, *, first_line=1, **options):
    """A bag of output lines (str) for a bag of JSONL lines (str or bytes).

    Each input element is one line of a JSONL stream (``db.read_text``
    elements keep their ``\\n``; it is dropped). Partition i is numbered
    from `first_line` plus the number of lines in partitions 0..i-1, so
    errors carry the line numbers ``ifreward score`` would give the
    concatenated stream. Blank lines give no output. Options as
    :func:`ifreward.score_rows` (``loose``, ``precise``, ``aggregate``,
    ``preprocess``, ``suite``, ``guards``). Lazy: nothing runs until the bag
    is computed.
    """
    import dask
    import dask.bag as db

    scorer = options.pop("scorer", None) or RowScorer(**options)
    parts = bag.to_delayed(optimize_graph=False)
    counts = [dask.delayed(_count, pure=True)(p) for p in parts]
    out = []
    for i, p in enumerate(parts):
        first = dask.delayed(_first_line, pure=True)(first_line, *counts[:i])
        out.append(dask.delayed(score_lines, pure=True)(scorer, p, first))
    return db.from_delayed(out)


# MARK: files ---------------------------------------------------------------


class _Progress:
    def __init__(self, stream, total_parts, total_lines, enabled=True):
        self.stream = stream
        self.total_parts, self.total_lines = total_parts, total_lines
        self.enabled = enabled and stream is not None
        self.tty = self.enabled and hasattr(stream, "isatty") and stream.isatty()
        self.last = 0.0
        self.t0 = time.monotonic()

    def update(self, parts, lines, final=False):
        if not self.enabled:
            return
        now = time.monotonic()
        if not final and now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        rate = lines / max(now - self.t0, 1e-9)
        msg = ("ifreward.dask: %d/%d partitions, %d/%d lines, %.0f lines/s"
               % (parts, self.total_parts, lines, self.total_lines, rate))
        if self.tty:
            self.stream.write("\r" + msg + ("\n" if final else ""))
        else:
            self.stream.write(msg + "\n")
        self.stream.flush()


def score_files(client, paths, output, *, partition_lines=DEFAULT_PARTITION_LINES,
                progress=None, on_partition=None, scorer=None, **options):
    """Score JSONL files on the cluster of `client` into `output`.

    The output is the concatenation of ``ifreward score PATH`` for each
    path, byte for byte: partitions of `partition_lines` lines are scored
    by the workers (which read their byte range of the file: every worker
    must see the paths) and written in input order as they complete.
    `output` is a path (written to ``OUTPUT.part``, renamed when complete)
    or a binary file object. `progress` is a text stream for a progress
    line (None: none). `on_partition(done, total)` is called after each
    partition is written. Raises OSError for an unreadable input (before
    anything runs) and re-raises a task's exception. Returns a
    :class:`Summary`.
    """
    from distributed import as_completed

    t0 = time.monotonic()
    scorer = scorer or RowScorer(**options)
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    plan = []
    for path in paths:
        plan.extend(plan_file(os.path.abspath(os.fsdecode(path)), partition_lines))
    total_lines = sum(p[4] for p in plan)
    summary = Summary(lines=total_lines, partitions=len(plan))
    bar = _Progress(progress, len(plan), total_lines, progress is not None)

    own = isinstance(output, (str, bytes, os.PathLike))
    tmp = os.fsdecode(output) + ".part" if own else None
    f = open(tmp, "wb") if own else output
    run = uuid.uuid4().hex[:12]  # keys unique per run: never reuse another run's result
    futures = [client.submit(score_range, scorer, path, start, end, first,
                             key="ifreward-%s-%s-line%d" % (run, os.path.basename(path), first))
               for path, start, end, first, _ in plan]
    index = {fut.key: i for i, fut in enumerate(futures)}
    ready = {}
    written = 0
    lines_done = 0
    try:
        bar.update(0, 0, final=not plan)
        for fut in as_completed(futures):
            i = index[fut.key]
            ready[i] = fut.result()  # re-raises the task's exception
            futures[i] = None  # let the cluster forget it
            lines_done += plan[i][4]
            while written in ready:  # write the finished prefix, in order
                data, nerr = ready.pop(written)
                f.write(data)
                summary.rows += data.count(b"\n")
                summary.errors += nerr
                written += 1
                if on_partition is not None:
                    on_partition(written, len(plan))
            bar.update(written, lines_done, final=written == len(plan))
        if own:
            f.close()
            os.replace(tmp, os.fsdecode(output))
    except BaseException:
        for fut in futures:
            if fut is not None:
                fut.cancel()
        if own:
            f.close()
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    summary.seconds = time.monotonic() - t0
    return summary


# MARK: clusters ------------------------------------------------------------


def local_cluster(n_workers=None, library=None, **kwargs):
    """A LocalCluster of `n_workers` worker processes, one thread each, whose
    environment carries ``IFREWARD_LIBRARY`` (`library`, else the client's
    ``$IFREWARD_LIBRARY``, else the library this process would load) and the
    client's ``PYTHONPATH``, so the workers import this very package."""
    from distributed import LocalCluster

    env = {}
    lib = library or os.environ.get("IFREWARD_LIBRARY")
    if not lib:
        try:
            lib = ifreward.library_path()
        except ImportError:
            lib = None
    if lib:
        env["IFREWARD_LIBRARY"] = os.path.abspath(lib) if os.path.exists(lib) else lib
    pkg_root = os.path.dirname(os.path.dirname(os.path.abspath(ifreward.__file__)))
    pythonpath = [pkg_root] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep)
                               if p and p != pkg_root]
    env["PYTHONPATH"] = os.pathsep.join(pythonpath)
    opts = dict(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1,
                processes=True, dashboard_address=None, env=env)
    opts.update(kwargs)
    return LocalCluster(**opts)


def _connect(address, timeout):
    from distributed import Client
    return Client(address, timeout=timeout)


# MARK: command line --------------------------------------------------------


def _parser():
    p = argparse.ArgumentParser(
        prog="python -m ifreward.dask",
        description="Score JSONL rows on a Dask cluster, exactly as `ifreward score` does "
                    "(same output, same per-row errors and line numbers, input order). "
                    "Exit status: 0; 1 if some rows were errors; 2 on failure.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL files (one row a line)")
    p.add_argument("--scheduler", required=True, metavar="ADDRESS|local[:N]",
                   help="scheduler address (tcp://host:8786), or local[:N] for a local "
                        "cluster of N worker processes (default: one per core)")
    p.add_argument("--output", "-o", required=True, metavar="OUT.jsonl")
    p.add_argument("--loose", action="store_true",
                   help="pass an instruction if any IFEval loose variant passes")
    p.add_argument("--strict", dest="loose", action="store_false", help="(default)")
    p.add_argument("--precise", action="store_true", help="precise semantics")
    p.add_argument("--compat", dest="precise", action="store_false", help="(default)")
    p.add_argument("--aggregate", choices=("all", "fraction"), default="all")
    p.add_argument("--preprocess", choices=("none", "open-instruct"), default="none")
    p.add_argument("--suite", choices=("auto", "ifeval", "iftrain", "ifbench", "tulu3"),
                   default="auto")
    p.add_argument("--guard", action="append", default=[],
                   choices=("empty", "truncated", "repetition"))
    p.add_argument("--partition-lines", type=int, default=DEFAULT_PARTITION_LINES,
                   metavar="K", help="lines per task (default %d)" % DEFAULT_PARTITION_LINES)
    p.add_argument("--connect-timeout", type=float, default=5.0, metavar="SECONDS",
                   help="give up on an unreachable scheduler after this long (default 5)")
    p.add_argument("--no-progress", dest="progress", action="store_false",
                   help="no progress line on stderr")
    return p


def main(argv=None):
    args = _parser().parse_args(argv)
    prog = "ifreward.dask"
    if args.partition_lines < 1:
        print("%s: --partition-lines must be >= 1" % prog, file=sys.stderr)
        return 2
    for path in args.inputs:
        if not os.path.isfile(path) or not os.access(path, os.R_OK):
            why = "no such file" if not os.path.exists(path) else "not a readable file"
            print("%s: cannot read %s: %s" % (prog, path, why), file=sys.stderr)
            return 2
    out_dir = os.path.dirname(os.path.abspath(args.output))
    if not os.path.isdir(out_dir) or not os.access(out_dir, os.W_OK):
        print("%s: cannot write %s: %s is not a writable directory"
              % (prog, args.output, out_dir), file=sys.stderr)
        return 2
    try:
        scorer = RowScorer(loose=args.loose, precise=args.precise, aggregate=args.aggregate,
                           preprocess=None if args.preprocess == "none" else args.preprocess,
                           suite=None if args.suite == "auto" else args.suite,
                           guards=args.guard)
    except (ValueError, TypeError) as exc:
        print("%s: %s" % (prog, exc), file=sys.stderr)
        return 2

    import logging
    logging.getLogger("distributed").setLevel(logging.ERROR)
    cluster = client = None
    try:
        sched = args.scheduler
        if sched == "local" or sched.startswith("local:"):
            n = sched.partition(":")[2]
            if n and (not n.isdigit() or int(n) < 1):
                print("%s: --scheduler local:N needs N >= 1, not %r" % (prog, n),
                      file=sys.stderr)
                return 2
            cluster = local_cluster(int(n) if n else None, silence_logs=logging.ERROR)
            client = _connect(cluster, args.connect_timeout)
        else:
            try:
                client = _connect(sched, "%ss" % args.connect_timeout)
            except (OSError, TimeoutError, ValueError) as exc:
                print("%s: cannot reach the scheduler at %s within %gs: %s"
                      % (prog, sched, args.connect_timeout, exc or type(exc).__name__),
                      file=sys.stderr)
                return 2
        try:
            summary = score_files(client, args.inputs, args.output,
                                  partition_lines=args.partition_lines,
                                  progress=sys.stderr if args.progress else None,
                                  scorer=scorer)
        except OSError as exc:
            print("%s: %s" % (prog, exc), file=sys.stderr)
            return 2
        except ImportError as exc:
            print("%s: a worker cannot load libifreward (set IFREWARD_LIBRARY in the "
                  "workers' environment): %s" % (prog, exc), file=sys.stderr)
            return 2
        except Exception as exc:  # a task failed for good (e.g. workers kept dying)
            print("%s: scoring failed: %s: %s" % (prog, type(exc).__name__, exc),
                  file=sys.stderr)
            return 2
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    if summary.errors:
        print("%s: %d of %d rows could not be scored (see their \"error\" lines in %s)"
              % (prog, summary.errors, summary.rows, args.output), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    from ifreward.dask import main as _main  # the module's own functions pickle by name
    sys.exit(_main())
