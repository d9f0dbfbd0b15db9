"""Core binding: loading, Spec forms, results, errors, objects, batches, threads."""

import concurrent.futures
import ctypes
import gc
import json
import os
import pickle
import subprocess
import sys
import threading
import unittest

from ifr_testlib import (BOTH, NEITHER, NO_COMMA, ONLY_COMMA, PAIR, PAIR_CASES, PAIR_JSON,
                         ONLY_WORDS, PKG_ROOT, keywords, open_instruct_label, require_library,
                         words_at_least, words_less_than)

import ifreward
from ifreward import errors


def setUpModule():
    require_library()


class TestLoading(unittest.TestCase):
    def test_version_matches_binding(self):
        self.assertEqual(ifreward.version(), ifreward.__version__)
        number = ifreward._native.load().ifr_version_number()
        self.assertEqual(number // 10000, ifreward._native.BINDING_VERSION[0])

    def test_env_var_library_is_used(self):
        env = os.environ.get("IFREWARD_LIBRARY")
        if not env:
            self.skipTest("IFREWARD_LIBRARY not set")
        self.assertEqual(ifreward.library_path(), env)

    def test_version_check_refuses_other_abi(self):
        class FakeLib:
            def __init__(self, number):
                self.ifr_version_number = lambda: number
        check = ifreward._native._check_version
        check(FakeLib(100), "ok")       # 0.1.0
        check(FakeLib(199), "ok")       # 0.1.99: patch releases are compatible
        for number in (200, 10100, 0):  # 0.2.0, 1.1.0, 0.0.0
            with self.assertRaises(ImportError) as cm:
                check(FakeLib(number), "/x/libifreward.so")
            self.assertIn("/x/libifreward.so", str(cm.exception))
            self.assertIn("0.1.x", str(cm.exception))

    def test_error_struct_mirror_fits(self):
        lib = ifreward._native.load()
        self.assertGreaterEqual(lib.ifr_error_size(), ctypes.sizeof(ifreward._native.ifr_error))

    def test_every_function_declared(self):
        lib = ifreward._native.load()
        for name, argtypes, restype, _ in ifreward._native._FUNCTIONS:
            fn = getattr(lib, name)
            self.assertEqual(fn.argtypes, argtypes, name)
            self.assertIs(fn.restype, restype, name)

    def test_bad_library_path_gives_one_import_error(self):
        code = ("import ifreward, sys\n"
                "try:\n    ifreward.version()\n"
                "except ImportError as e:\n    print(str(e)); sys.exit(3)\n")
        env = dict(os.environ, IFREWARD_LIBRARY="/nonexistent/libifreward.so",
                   PYTHONPATH=PKG_ROOT)
        proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                              text=True, timeout=60)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn("/nonexistent/libifreward.so", proc.stdout)
        self.assertIn("IFREWARD_LIBRARY", proc.stdout)

    def test_import_does_not_load_library(self):
        code = ("import ifreward, ifreward.trl, ifreward.verl, ifreward.openrlhf, "
                "ifreward.slime, ifreward.areal, ifreward.open_instruct, ifreward.serve\n"
                "print(ifreward._native._lib is None)\n")
        env = dict(os.environ, PYTHONPATH=PKG_ROOT)
        proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                              text=True, timeout=60)
        self.assertEqual(proc.stdout.strip(), "True", proc.stderr)

    def test_checkers_registry(self):
        rows = ifreward.checkers()
        ids = {c.id for c in rows}
        for cid in ("punctuation:no_comma", "length_constraints:number_words",
                    "keywords:existence"):
            self.assertIn(cid, ids)
        for c in rows:
            # family:name ids (IFBench has "format:sub-bullets"); Tulu 3 verifiers
            # are named by their func_name
            self.assertRegex(c.id, r"^[a-z0-9_]+:[a-z0-9_-]+$" if c.suite != "tulu3"
                             else r"^[a-z0-9_]+$")
            self.assertTrue(c.suite)
            self.assertTrue(c.summary)
        nw = next(c for c in rows if c.id == "length_constraints:number_words"
                  and c.suite == "ifeval")
        names = {k[0]: k for k in nw.kwargs}
        self.assertIn("num_words", names)
        self.assertIn("relation", names)
        self.assertEqual(names["num_words"][1], "int")
        self.assertTrue(nw.rule)


class TestSpecForms(unittest.TestCase):
    def test_dict_and_json_string_agree(self):
        a = ifreward.Spec(PAIR)
        b = ifreward.Spec(PAIR_JSON)
        c = ifreward.Spec(PAIR_JSON.encode())
        self.assertEqual(a.ids, ["punctuation:no_comma", "length_constraints:number_words"])
        for spec in (b, c):
            self.assertEqual(spec.ids, a.ids)
            for text, r_all, r_frac in PAIR_CASES:
                self.assertEqual(spec.check(text).reward, r_all, text)
                self.assertEqual(spec.check(text, aggregate="fraction").reward, r_frac, text)

    def test_open_instruct_python_literal(self):
        label = open_instruct_label(PAIR)
        self.assertIn("'instruction_id'", label)  # really a Python literal, not JSON
        spec = ifreward.Spec(label)
        self.assertEqual(len(spec), 2)
        for text, r_all, _ in PAIR_CASES:
            self.assertEqual(spec.check(text).reward, r_all, text)

    def test_open_instruct_list_and_none_kwargs(self):
        lst = [{"instruction_id": ["punctuation:no_comma"], "kwargs": [None]}]
        for form in (lst, json.dumps(lst), str(lst)):
            spec = ifreward.Spec(form)
            self.assertEqual(spec.ids, ["punctuation:no_comma"])
            self.assertTrue(spec.check("no commas").all_followed)
            self.assertFalse(spec.check("a, b").all_followed)

    def test_ground_truth_wrapper(self):
        spec = ifreward.Spec({"ground_truth": PAIR_JSON})
        self.assertEqual(spec.check(BOTH).reward, 1.0)
        self.assertEqual(spec.check(ONLY_WORDS).reward, 0.0)

    def test_tulu3_func_name(self):
        if not any(c.suite == "tulu3" for c in ifreward.checkers()):
            self.skipTest("no tulu3 checkers in this library yet")
        # Tulu 3 rows name a verifier function; the C library maps func_name.
        spec = ifreward.Spec({"func_name": "validate_lowercase"})
        self.assertEqual(spec.check("all lower case").reward, 1.0)
        self.assertEqual(spec.check("Not Lower").reward, 0.0)

    def test_integral_floats_and_numpy(self):
        spec = ifreward.Spec({"instruction_id_list": ["length_constraints:number_words"],
                              "kwargs": [{"relation": "at least", "num_words": 3.0}]})
        self.assertEqual(spec.check("one two three").reward, 1.0)
        self.assertEqual(spec.check("one two").reward, 0.0)
        try:
            import numpy as np
        except ImportError:
            return
        row = {"instruction_id_list": np.array(["length_constraints:number_words"], dtype=object),
               "kwargs": np.array([{"relation": "at least", "num_words": np.int64(3)}])}
        spec = ifreward.Spec(row)
        self.assertEqual(spec.check("one two three").reward, 1.0)
        self.assertEqual(spec.check("one two").reward, 0.0)


class TestResults(unittest.TestCase):
    def setUp(self):
        self.spec = ifreward.Spec(PAIR)

    def test_fields(self):
        r = self.spec.check(ONLY_WORDS)
        self.assertEqual(r.followed, [False, True])
        self.assertFalse(r.all_followed)
        self.assertEqual(r.reward, 0.0)
        self.assertEqual(r.reward_fraction, 0.5)
        self.assertEqual(len(r.details), 2)
        self.assertTrue(all(isinstance(d, str) for d in r.details))
        self.assertEqual(r.statuses, [0, 0])
        self.assertEqual(list(r.ids), self.spec.ids)
        r2 = self.spec.check(BOTH)
        self.assertEqual(r2.followed, [True, True])
        self.assertTrue(r2.all_followed)
        # a snapshot: the first result did not change with the second check
        self.assertEqual(r.followed, [False, True])
        self.assertEqual(pickle.loads(pickle.dumps(r)).followed, [False, True])

    def test_both_sides_of_word_threshold(self):
        text = "one two three four five"
        self.assertEqual(ifreward.score(words_at_least(5), text), 1.0)
        self.assertEqual(ifreward.score(words_at_least(6), text), 0.0)
        self.assertEqual(ifreward.score(words_less_than(6), text), 1.0)
        self.assertEqual(ifreward.score(words_less_than(5), text), 0.0)

    def test_keywords(self):
        self.assertEqual(ifreward.score(keywords("river", "stone"), "a river and a stone"), 1.0)
        self.assertEqual(ifreward.score(keywords("river", "stone"), "a river only"), 0.0)

    def test_loose_mode(self):
        # The comma is only in the first line; loose drops the first line.
        text = "Sure, here it is\nno commas in this part"
        spec = ifreward.Spec(NO_COMMA)
        self.assertEqual(spec.check(text).reward, 0.0)
        self.assertEqual(spec.check(text, loose=True).reward, 1.0)
        self.assertEqual(spec.check("a, b\nc, d\ne, f", loose=True).reward, 0.0)

    def test_verdicts_match_check(self):
        for text, r_all, r_frac in PAIR_CASES:
            followed, a, f = self.spec.verdicts(text)
            self.assertEqual(followed, self.spec.check(text).followed)
            self.assertEqual((a, f), (r_all, r_frac))

    def test_reward_and_json(self):
        self.assertEqual(self.spec.reward(ONLY_COMMA), 0.0)
        self.assertEqual(self.spec.reward(ONLY_COMMA, aggregate="fraction"), 0.5)
        doc = self.spec.check_json(ONLY_COMMA)
        self.assertIs(doc["follow_all_instructions"], False)
        with self.assertRaises(ValueError):
            self.spec.check(BOTH, aggregate="mean")

    def test_odd_texts_never_raise(self):
        spec = ifreward.Spec(NO_COMMA)
        for text in ("", "\x00", "a\x00,b", "\ud800 lone surrogate", b"\xff\xfe bytes",
                     bytearray(b"ok"), "\ufeff\u200b\u00a0", None, "x" * 100000):
            r = spec.check(text)
            self.assertIn(r.reward, (0.0, 1.0))
        self.assertEqual(spec.check("a\x00,b").reward, 0.0)  # text after NUL is text
        with self.assertRaises(TypeError):
            spec.check(123)


class TestErrors(unittest.TestCase):
    def test_bad_json(self):
        with self.assertRaises(ifreward.SpecError) as cm:
            ifreward.Spec('{"instruction_id_list": [')
        e = cm.exception
        self.assertIsInstance(e, ValueError)
        self.assertIsInstance(e, ifreward.IfrError)
        self.assertEqual(e.code, errors.IFR_E_JSON)
        self.assertEqual(e.name, "IFR_E_JSON")
        self.assertIsNotNone(e.offset)
        self.assertTrue(e.message)

    def test_unknown_id(self):
        with self.assertRaises(ifreward.SpecError) as cm:
            ifreward.Spec({"instruction_id_list": ["punctuation:no_comma", "nope:nothing"],
                           "kwargs": [{}, {}]})
        e = cm.exception
        self.assertEqual(e.code, errors.IFR_E_UNKNOWN)
        self.assertEqual(e.instruction, 1)
        self.assertIn("1", e.path)
        self.assertIn(e.path, str(e))

    def test_missing_kwarg_has_path(self):
        with self.assertRaises(ifreward.SpecError) as cm:
            ifreward.Spec({"instruction_id_list": ["length_constraints:number_words"],
                           "kwargs": [{"relation": "at least"}]})
        e = cm.exception
        self.assertEqual(e.code, errors.IFR_E_KWARGS)
        self.assertTrue(e.path.startswith("/"), e.path)
        self.assertIn("num_words", e.path)

    def test_wrong_shape_and_unserialisable(self):
        for bad in ({"kwargs": []}, "[1, 2]", {"instruction_id_list": [1]}):
            with self.assertRaises(ifreward.SpecError, msg=repr(bad)):
                ifreward.Spec(bad)
        with self.assertRaises(ifreward.SpecError):
            ifreward.Spec({"instruction_id_list": [object()], "kwargs": [{}]})
        with self.assertRaises(ifreward.SpecError):
            ifreward.Spec({"instruction_id_list": ["punctuation:no_comma"],
                           "kwargs": [{"x": float("nan")}]})

    def test_mark_mode_keeps_good_instructions(self):
        spec = ifreward.Spec({"instruction_id_list": ["punctuation:no_comma", "nope:nothing"],
                              "kwargs": [{}, {}]}, on_error="mark")
        r = spec.check("no commas here")
        self.assertEqual(r.followed, [True, False])
        self.assertEqual(r.statuses[0], 0)
        self.assertNotEqual(r.statuses[1], 0)
        self.assertEqual(r.reward_fraction, 0.5)
        errs = spec.errors()
        self.assertIsNone(errs[0])
        self.assertIsInstance(errs[1], ifreward.SpecError)
        self.assertEqual(errs[1].code, errors.IFR_E_UNKNOWN)

    def test_errors_pickle(self):
        try:
            ifreward.Spec("{")
        except ifreward.SpecError as e:
            e2 = pickle.loads(pickle.dumps(e))
            self.assertIs(type(e2), ifreward.SpecError)
            self.assertEqual((e2.code, e2.offset, str(e2)), (e.code, e.offset, str(e)))

    def test_error_classes(self):
        self.assertIs(errors.error_class(errors.IFR_E_NOMEM), ifreward.IfrMemoryError)
        self.assertTrue(issubclass(ifreward.IfrMemoryError, MemoryError))
        self.assertIs(errors.error_class(errors.IFR_E_LIMIT, compiling=True), ifreward.SpecError)
        self.assertIs(errors.error_class(errors.IFR_E_LIMIT), ifreward.IfrError)
        self.assertIs(errors.error_class(errors.IFR_E_INVALID), ifreward.IfrError)

    def test_options_validation(self):
        with self.assertRaises(ValueError):
            ifreward.Options(suite="nope")
        with self.assertRaises(ValueError):
            ifreward.Options(guards=["nope"])
        with self.assertRaises(TypeError):
            ifreward.Options(no_such_limit=3)
        with self.assertRaises(ValueError):
            ifreward.Options(precise=True, semantics="compat")


class TestObjects(unittest.TestCase):
    def test_close_and_context_manager(self):
        with ifreward.Spec(NO_COMMA) as spec:
            self.assertFalse(spec.closed)
            self.assertIsNotNone(spec._as_parameter_)
        self.assertTrue(spec.closed)
        spec.close()  # idempotent
        with self.assertRaises(ValueError):
            spec.check("x")
        with self.assertRaises(ValueError):
            spec._as_parameter_
        self.assertIn("closed", repr(spec))

    def test_as_parameter_passes_to_c(self):
        spec = ifreward.Spec(PAIR)
        lib = ifreward._native.load()
        self.assertEqual(lib.ifr_spec_count(spec), 2)
        # handles of the wrong type are refused by ctypes
        res = ifreward._thread_result(spec.options)
        with self.assertRaises(ctypes.ArgumentError):
            lib.ifr_spec_count(res)

    def test_del_is_safe(self):
        for _ in range(200):
            s = ifreward.Spec(PAIR)
            s.check(BOTH)
            del s
        s = ifreward.Spec(PAIR)
        s.close()
        del s
        gc.collect()

    def test_spec_pickles_with_options(self):
        spec = ifreward.Spec(PAIR, precise=True)
        spec2 = pickle.loads(pickle.dumps(spec))
        self.assertEqual(spec2.ids, spec.ids)
        self.assertEqual(spec2.options, spec.options)
        self.assertTrue(spec2.options.precise)
        for text, r_all, _ in PAIR_CASES:
            self.assertEqual(spec2.check(text).reward, spec.check(text).reward)

    def test_options_values(self):
        a = ifreward.Options(precise=True, suite="ifeval", guards=["empty"])
        b = pickle.loads(pickle.dumps(a))
        self.assertEqual(a, b)
        self.assertEqual(hash(a), hash(b))
        self.assertNotEqual(a, ifreward.Options())
        self.assertEqual(a.get(ifreward._native.IFR_OPT_SEMANTICS), 1)
        self.assertEqual(ifreward.Options().get(ifreward._native.IFR_OPT_SEMANTICS), 0)

    def test_precise_reaches_the_library(self):
        # An invisible-only response passes "no comma" in compat, not in precise.
        for text in ("\u200b", "\ufeff", "\u00ad"):
            self.assertEqual(ifreward.Spec(NO_COMMA).check(text).reward, 1.0, repr(text))
            self.assertEqual(ifreward.Spec(NO_COMMA, precise=True).check(text).reward, 0.0)
            self.assertEqual(ifreward.score(NO_COMMA, text, semantics="precise"), 0.0)
            self.assertEqual(ifreward.score_batch([NO_COMMA], [text], 1, precise=True), [0.0])
        self.assertEqual(ifreward.Spec(NO_COMMA, precise=True).check("no commas").reward, 1.0)

    def test_limits_reach_the_compiler(self):
        with self.assertRaises(ifreward.SpecError) as cm:
            ifreward.Spec(PAIR, max_instructions=1)
        self.assertEqual(cm.exception.code, errors.IFR_E_LIMIT)
        self.assertEqual(len(ifreward.Spec(PAIR, max_instructions=2)), 2)
        with self.assertRaises(ifreward.SpecError) as cm:
            ifreward.Spec(PAIR, max_spec_bytes=len(PAIR_JSON) - 1)
        self.assertEqual(cm.exception.code, errors.IFR_E_LIMIT)
        self.assertEqual(len(ifreward.Spec(PAIR_JSON, max_spec_bytes=len(PAIR_JSON))), 2)

    def test_guards_reach_the_result(self):
        text = "..."  # no comma and not blank, but no word character either
        plain = ifreward.Spec(NO_COMMA)
        guarded = ifreward.Spec(NO_COMMA, guards=["empty"])
        self.assertEqual(plain.check(text).reward, 1.0)
        r = guarded.check(text)
        self.assertEqual(r.reward, 0.0)
        self.assertEqual(r.guard, ifreward._native.IFR_GUARD_EMPTY)
        self.assertEqual(guarded.check("no commas").reward, 1.0)
        self.assertEqual(guarded.check("no commas").guard, 0)
        self.assertEqual(ifreward.score_batch([guarded, plain], [text, text], 1,
                                              options=guarded.options), [0.0, 0.0])
        self.assertEqual(ifreward.score_batch([plain], [text], 1), [1.0])
        # Specs keep their own options when none are given
        self.assertEqual(ifreward.score_batch([guarded, guarded], [text, "ok"], 1), [0.0, 1.0])
        self.assertEqual(ifreward.score(guarded, text), 0.0)
        self.assertEqual(ifreward.score(plain, text), 1.0)
        self.assertEqual(ifreward.score(plain, text, guards=["empty"]), 0.0)
        with self.assertRaises(ValueError):
            ifreward.score_batch([guarded, plain], [text, text])

    def test_options_close_keeps_specs_working(self):
        with ifreward.Options(precise=True) as opts:
            spec = ifreward.Spec(PAIR, options=opts)
            self.assertEqual(spec.check(BOTH).reward, 1.0)
        self.assertIsNone(opts._ptr)
        self.assertEqual(spec.check(BOTH).reward, 1.0)
        self.assertEqual(spec.check(NEITHER).reward, 0.0)
        self.assertEqual(opts.get(ifreward._native.IFR_OPT_SEMANTICS), 1)  # recreated
        opts.close()

    def test_shutdown_with_live_objects(self):
        code = ("import ifreward\n"
                "s = ifreward.Spec({'instruction_id_list': ['punctuation:no_comma'], "
                "'kwargs': [{}]})\n"
                "s.check('x'); o = ifreward.Options(precise=True); o._as_parameter_\n"
                "import sys; sys.modules['__main__'].keep = (s, o)\n")
        env = dict(os.environ, PYTHONPATH=PKG_ROOT)
        proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                              text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stderr, "")


class TestBatch(unittest.TestCase):
    def test_score_batch_matches_check(self):
        spec = ifreward.Spec(PAIR)
        texts = [t for t, _, _ in PAIR_CASES] * 5
        want = [spec.check(t).reward for t in texts]
        for threads in (None, 0, 1, 2):
            self.assertEqual(ifreward.score_batch([spec] * len(texts), texts, threads), want)
        frac = ifreward.score_batch([spec] * len(texts), texts, 1, aggregate="fraction")
        self.assertEqual(frac, [spec.check(t).reward_fraction for t in texts])

    def test_both_matches_strict_and_loose(self):
        spec = ifreward.Spec(PAIR)
        texts = [t for t, _, _ in PAIR_CASES] + [
            "Sure, here it is:\nno commas here", "a, b\n*c* d", "", "x\ny, z\nw"]
        loose_only = 0
        for t in texts:
            strict, loose = spec.check_both(t, aggregate="fraction")
            self.assertEqual(strict.as_dict(), spec.check(t, aggregate="fraction").as_dict())
            self.assertEqual(loose.as_dict(),
                             spec.check(t, loose=True, aggregate="fraction").as_dict())
            loose_only += loose.reward > strict.reward
        self.assertGreater(loose_only, 0)
        for threads in (1, 2):
            s, l = ifreward.score_batch_both([spec] * len(texts), texts, threads)
            self.assertEqual(s, ifreward.score_batch([spec] * len(texts), texts, 1))
            self.assertEqual(l, ifreward.score_batch([spec] * len(texts), texts, 1, loose=True))

    def test_reward_and_verdicts_skip_details_but_agree(self):
        spec = ifreward.Spec(PAIR)
        for t, r_all, r_frac in PAIR_CASES:
            for loose in (False, True):
                full = spec.check(t, loose=loose)
                self.assertEqual(spec.reward(t, loose), full.reward)
                self.assertEqual(spec.verdicts(t, loose),
                                 (full.followed, full.reward_all, full.reward_fraction))

    def test_mixed_spec_forms_and_all_followed(self):
        specs = [PAIR, PAIR_JSON, NO_COMMA, ifreward.Spec(NO_COMMA)]
        texts = [BOTH, NEITHER, ONLY_COMMA, ONLY_WORDS]
        rewards, allf = ifreward.score_batch(specs, texts, 2, return_all_followed=True)
        self.assertEqual(rewards, [1.0, 0.0, 1.0, 0.0])
        self.assertEqual(allf, [True, False, True, False])

    def test_loose_batch(self):
        text = "Sure, here it is\nno commas in this part"
        self.assertEqual(ifreward.score_batch([NO_COMMA], [text]), [0.0])
        self.assertEqual(ifreward.score_batch([NO_COMMA], [text], loose=True), [1.0])

    def test_batch_errors(self):
        self.assertEqual(ifreward.score_batch([], []), [])
        with self.assertRaises(ValueError):
            ifreward.score_batch([NO_COMMA], [])
        with self.assertRaises(ValueError):
            ifreward.score_batch([NO_COMMA], ["x"], -1)
        with self.assertRaises(ifreward.SpecError):
            ifreward.score_batch([NO_COMMA, "{bad"], ["x", "y"])

    def test_score_caches_compiles(self):
        ifreward._cache.clear()
        for _ in range(3):
            self.assertEqual(ifreward.score(PAIR, BOTH), 1.0)
        self.assertEqual(len(ifreward._cache), 1)
        self.assertEqual(ifreward.score(PAIR, BOTH, precise=True), 1.0)
        self.assertEqual(len(ifreward._cache), 2)


def _work(args):
    spec_json, texts = args
    spec = ifreward.Spec(spec_json)
    return [spec.check(t).followed for t in texts]


class TestThreads(unittest.TestCase):
    TEXTS = [t for t, _, _ in PAIR_CASES] * 50

    def test_shared_spec_thread_pool(self):
        spec = ifreward.Spec(PAIR)
        want = [spec.check(t).followed for t in self.TEXTS]
        barrier = threading.Barrier(4)

        def run(_):
            barrier.wait()
            return [spec.check(t).followed for t in self.TEXTS]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            for got in pool.map(run, range(4)):
                self.assertEqual(got, want)

    def test_one_result_per_thread(self):
        seen = []

        def grab():
            seen.append(ifreward._thread_result(ifreward.DEFAULT))  # keeps it alive
        threads = [threading.Thread(target=grab) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len({id(r) for r in seen}), 3)
        self.assertIs(ifreward._thread_result(ifreward.DEFAULT),
                      ifreward._thread_result(ifreward.DEFAULT))

    def test_process_pool_same_results(self):
        want = _work((PAIR_JSON, self.TEXTS))
        import multiprocessing
        for method in ("spawn", "fork"):
            ctx = multiprocessing.get_context(method)
            with concurrent.futures.ProcessPoolExecutor(2, mp_context=ctx) as pool:
                for got in pool.map(_work, [(PAIR_JSON, self.TEXTS)] * 2):
                    self.assertEqual(got, want, method)


if __name__ == "__main__":
    unittest.main()
