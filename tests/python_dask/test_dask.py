"""ifreward.dask on a local cluster of 2 worker processes against `ifreward score`.

CTest sets IFREWARD_LIBRARY, IFREWARD_CLI, PYTHONPATH and IFR_CONFORMANCE_DIR.
By hand (from the repository root, after a build)::

    IFREWARD_LIBRARY=$PWD/build/libifreward.so IFREWARD_CLI=$PWD/build/ifreward \\
    PYTHONPATH=$PWD/bindings/python IFR_CONFORMANCE_DIR=/work/shared/conformance \\
        /usr/bin/python3 -m unittest -v tests/python_dask/test_dask.py
"""

import json
import logging
import os
import py_compile
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "bindings", "python", "tests"))
sys.path.insert(0, os.path.join(REPO, "bindings", "python"))

from ifr_rows import OPTION_SETS, cli_path, cli_score, small_rows  # noqa: E402
from ifr_testlib import NO_COMMA, require_library  # noqa: E402

import ifreward  # noqa: E402

try:
    import distributed
    import dask.bag as db
    import ifreward.dask as ifd
except ImportError as exc:  # python3-distributed missing
    raise unittest.SkipTest("dask.distributed is not installed: %s" % exc)

TMP = None
CLUSTER = None
CLIENT = None


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [os.path.join(REPO, "bindings", "python")] +
        [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    return env


def setUpModule():
    global TMP, CLUSTER, CLIENT
    require_library()
    cli_path()
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    TMP = tempfile.TemporaryDirectory()
    CLUSTER = ifd.local_cluster(2, silence_logs=logging.CRITICAL)
    CLIENT = distributed.Client(CLUSTER, timeout=30)


def tearDownModule():
    if CLIENT is not None:
        CLIENT.close()
    if CLUSTER is not None:
        CLUSTER.close()
    if TMP is not None:
        TMP.cleanup()


def _write(name, lines):
    path = os.path.join(TMP.name, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


def _small_path():
    return _write("small.jsonl", small_rows())


def conformance_inputs():
    """[(name, path)]: IFEval rows (prompt rows + GPT-4 responses) and the
    suites' public cases, or [] when the data is absent."""
    base = os.environ.get("IFR_CONFORMANCE_DIR")
    if not base or not os.path.isdir(base):
        return []
    out = []
    inputs = os.path.join(base, "ifeval", "input_data.jsonl")
    resp = os.path.join(base, "ifeval", "input_response_data_gpt4_20231107_145030.jsonl")
    if os.path.exists(inputs) and os.path.exists(resp):
        with open(resp, encoding="utf-8") as f:
            answers = {r["prompt"]: r["response"] for r in map(json.loads, f)}
        with open(inputs, encoding="utf-8") as f:
            rows = [json.loads(x) for x in f]
        lines = [json.dumps(dict(r, response=answers[r["prompt"]])) for r in rows]
        out.append(("ifeval", _write("ifeval_rows.jsonl", lines)))
    for suite in ("ifbench", "iftrain", "tulu3"):
        path = os.path.join(base, suite, "cases.jsonl")
        if os.path.exists(path):
            out.append((suite, path))
    return out


def _score(paths, out_name, **kw):
    out = os.path.join(TMP.name, out_name)
    summary = ifd.score_files(CLIENT, paths, out, **kw)
    with open(out, "rb") as f:
        return f.read(), summary


class Conformance(unittest.TestCase):
    def test_conformance_files_equal_the_cli_strict_and_loose(self):
        inputs = conformance_inputs()
        if not inputs:
            print("IFR_CONFORMANCE_DIR absent: conformance files skipped (small rows only)",
                  file=sys.stderr)
        inputs.append(("small", _small_path()))
        for name, path in inputs:
            for args, kw in (([], {}), (["--loose"], {"loose": True})):
                with self.subTest(file=name, args=args):
                    want, status = cli_score(path, args)
                    got, summary = _score([path], name + ".out", partition_lines=397, **kw)
                    self.assertEqual(got.split(b"\n"), want.split(b"\n"))  # line for line
                    self.assertEqual(summary.rows, want.count(b"\n"))
                    self.assertEqual(bool(summary.errors), status == 1)
                    self.assertGreater(summary.rows, 0)


class Options(unittest.TestCase):
    def test_every_cli_option_set(self):
        path = _small_path()
        for args, kw in OPTION_SETS:
            with self.subTest(args=args):
                want, _ = cli_score(path, args)
                got, summary = _score([path], "opts.out", partition_lines=3, **kw)
                self.assertEqual(got, want)

    def test_several_files_concatenate_with_their_own_line_numbers(self):
        a = _write("a.jsonl", ["nope"] + [json.dumps(dict(NO_COMMA, response="x"))] * 5)
        b = _write("b.jsonl", [json.dumps(dict(NO_COMMA, response="y"))] * 3 + ["", "[]"])
        got, summary = _score([a, b], "ab.out", partition_lines=2)
        self.assertEqual(got, cli_score(a)[0] + cli_score(b)[0])
        errs = [json.loads(x)["error"]["line"] for x in got.split(b"\n") if b'"error"' in x]
        self.assertEqual(errs, [1, 5])  # numbered within each file, blank lines counted
        self.assertEqual((summary.rows, summary.errors, summary.lines), (10, 2, 11))

    def test_raw_bytes_crlf_and_no_final_newline(self):
        row = json.dumps(dict(NO_COMMA, key="k")).encode()[:-1]
        data = (row + b', "response": "caf\xc3\xa9 \xff\xfe no comma"}\r\n' +
                b"\r\n" + row + b', "response": "bad \xed\xa0\x80 surrogate, comma"}\n' +
                b"\xff\n" + row + b', "response": "last line, no newline"}')
        path = os.path.join(TMP.name, "raw.jsonl")
        with open(path, "wb") as f:
            f.write(data)
        want, status = cli_score(path)
        self.assertEqual(status, 1)
        self.assertEqual(want.count(b"\n"), 4)
        for k in (1, 2, 10):
            self.assertEqual(_score([path], "raw.out", partition_lines=k)[0], want, k)

    def test_partition_sizes_do_not_change_the_output(self):
        path = _small_path()
        want, _ = cli_score(path)
        for k in (1, 2, 5, 10**6):
            self.assertEqual(_score([path], "k.out", partition_lines=k)[0], want, k)

    def test_bag(self):
        lines = small_rows() * 3
        path = _write("bag.jsonl", lines)
        want = cli_score(path, ["--aggregate", "fraction"])[0].decode("ascii").split("\n")[:-1]
        for npart in (1, 4, 7):
            bag = db.from_sequence(lines, npartitions=npart)
            got = ifd.score_bag(bag, aggregate="fraction").compute(scheduler=CLIENT.get)
            self.assertEqual(got, want, npart)
        # read_text keeps the "\n" of every line: dropped, numbering unchanged
        bag = db.read_text(path, blocksize=300)
        self.assertGreater(bag.npartitions, 2)
        self.assertEqual(ifd.score_bag(bag, aggregate="fraction").compute(
            scheduler=CLIENT.get), want)

    def test_local_cluster_passes_the_library_to_its_workers(self):
        want = os.path.abspath(os.environ["IFREWARD_LIBRARY"])
        self.assertEqual(set(CLIENT.run(os.environ.get, "IFREWARD_LIBRARY").values()), {want})
        # and it is the library they load
        paths = CLIENT.run(ifreward.library_path)
        self.assertEqual(set(paths.values()), {want})

    def test_scorer_pickles_and_checks_its_options(self):
        import pickle
        s = ifd.RowScorer(loose=True, suite="ifbench", guards="empty")
        self.assertEqual(pickle.loads(pickle.dumps(s)), s)
        with self.assertRaises(ValueError):
            ifd.RowScorer(aggregate="mean")
        with self.assertRaises(ValueError):
            ifd.RowScorer(suite="nope")


class KilledWorker(unittest.TestCase):
    def test_a_worker_killed_mid_run_changes_nothing(self):
        inputs = conformance_inputs()
        lines = []
        for _, path in inputs[:2]:
            with open(path, encoding="utf-8") as f:
                lines.extend(x.rstrip("\n") for x in f)
        if len(lines) < 1000:
            lines = (small_rows() * 300)[:6000]
        path = _write("kill.jsonl", lines)
        want, _ = cli_score(path)
        killed = []
        stop = threading.Event()

        def killer():
            # SIGKILL the first worker seen running (or holding) a partition.
            time.sleep(0.05)
            while not stop.is_set():
                busy = [w for w, keys in CLIENT.processing().items() if keys]
                if busy:
                    addr, pid = next(iter(CLIENT.run(os.getpid, workers=busy[:1]).items()))
                    os.kill(pid, signal.SIGKILL)
                    killed.append((addr, pid))
                    return
                time.sleep(0.002)

        thread = threading.Thread(target=killer)
        thread.start()
        try:
            got, summary = _score([path], "kill.out", partition_lines=150)
        finally:
            stop.set()
            thread.join()
        self.assertTrue(killed, "no worker was ever busy to be killed")
        # the scheduler saw the worker go away and a new one take its place
        self.assertNotIn(killed[0][0], CLIENT.scheduler_info()["workers"])
        self.assertEqual(got, want)
        # the nanny restarts the worker: the cluster is whole again for the other tests
        CLIENT.wait_for_workers(2, timeout=60)


class CommandLine(unittest.TestCase):
    def _run(self, *args, timeout=120):
        t0 = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "ifreward.dask"] + list(args),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(),
                              timeout=timeout, cwd=TMP.name)
        return proc.returncode, proc.stderr.decode("utf-8", "replace"), time.monotonic() - t0

    def test_existing_scheduler_bad_rows_exit_1(self):
        path = _small_path()
        out = os.path.join(TMP.name, "cli.out")
        rc, err, _ = self._run("--scheduler", CLUSTER.scheduler_address, path, "--output", out,
                               "--loose", "--partition-lines", "4")
        self.assertEqual(rc, 1, err)
        self.assertIn("could not be scored", err)
        self.assertIn("partitions", err)  # the progress line
        with open(out, "rb") as f:
            self.assertEqual(f.read(), cli_score(path, ["--loose"])[0])

    def test_local_cluster_clean_rows_exit_0(self):
        path = _write("clean.jsonl", [json.dumps(dict(NO_COMMA, key=i, response="w %d" % i))
                                      for i in range(50)])
        out = os.path.join(TMP.name, "clean.out")
        rc, err, _ = self._run("--scheduler", "local:1", path, "--output", out,
                               "--precise", "--partition-lines", "7", "--no-progress")
        self.assertEqual(rc, 0, err)
        with open(out, "rb") as f:
            self.assertEqual(f.read(), cli_score(path, ["--precise"])[0])

    def test_missing_file_exit_2(self):
        out = os.path.join(TMP.name, "missing.out")
        rc, err, _ = self._run("--scheduler", CLUSTER.scheduler_address,
                               os.path.join(TMP.name, "no-such.jsonl"), "--output", out)
        self.assertEqual(rc, 2)
        self.assertIn("cannot read", err)
        self.assertIn("no-such.jsonl", err)
        self.assertFalse(os.path.exists(out))

    def test_unwritable_output_exit_2_before_any_work(self):
        rc, err, took = self._run("--scheduler", "local:1", _small_path(), "--output",
                                  os.path.join(TMP.name, "no-dir", "out.jsonl"))
        self.assertEqual(rc, 2)
        self.assertIn("cannot write", err)

    def test_unreachable_scheduler_exit_2_quickly(self):
        path = _small_path()
        rc, err, took = self._run("--scheduler", "tcp://127.0.0.1:9", path, "--output",
                                  os.path.join(TMP.name, "u.out"), "--connect-timeout", "2")
        self.assertEqual(rc, 2)
        self.assertIn("cannot reach the scheduler at tcp://127.0.0.1:9", err)
        self.assertLess(took, 15)
        self.assertNotIn("Traceback", err)

    def test_workers_without_the_library_exit_2(self):
        env = _env()
        env["IFREWARD_LIBRARY"] = os.path.join(TMP.name, "no", "libifreward.so")
        proc = subprocess.run([sys.executable, "-m", "ifreward.dask", "--scheduler", "local:1",
                               _small_path(), "--output", os.path.join(TMP.name, "nolib.out")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                              timeout=120, cwd=TMP.name)
        err = proc.stderr.decode("utf-8", "replace")
        self.assertEqual(proc.returncode, 2, err)
        self.assertIn("a worker cannot load libifreward", err)
        self.assertIn(env["IFREWARD_LIBRARY"], err)  # the binding's list of what it tried
        self.assertFalse(os.path.exists(os.path.join(TMP.name, "nolib.out")))

    def test_bad_arguments_exit_2(self):
        path = _small_path()
        rc, err, _ = self._run("--scheduler", "local:0", path, "--output", "x")
        self.assertEqual(rc, 2)
        rc, err, _ = self._run("--scheduler", "local:1", path, "--output", "x",
                               "--aggregate", "mean")
        self.assertEqual(rc, 2)


class RayExample(unittest.TestCase):
    def test_example_compiles_and_its_batch_function_matches_the_cli(self):
        example = os.path.join(REPO, "examples", "python", "ray_score.py")
        py_compile.compile(example, cfile=os.path.join(TMP.name, "ray_score.pyc"),
                           doraise=True)
        import importlib.util
        spec = importlib.util.spec_from_file_location("ray_score", example)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)  # must import without Ray
        scorer = mod.make_scorer(loose=True)
        import pickle
        scorer = pickle.loads(pickle.dumps(scorer))
        lines = small_rows()
        path = _write("ray.jsonl", lines)
        want = cli_score(path, ["--loose"])[0].decode("ascii").split("\n")[:-1]
        # one batch, and batches with explicit line numbers
        self.assertEqual(scorer({"text": lines})["text"], want)
        got = []
        for i in range(0, len(lines), 4):
            chunk = lines[i:i + 4]
            got += scorer({"text": chunk, "line": list(range(i + 1, i + 1 + len(chunk)))})["text"]
        self.assertEqual(got, want)


if __name__ == "__main__":
    unittest.main()
