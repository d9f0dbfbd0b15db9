"""The OpenRLHF-protocol HTTP server, on 127.0.0.1 with an ephemeral port."""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import unittest
import urllib.error
import urllib.request

from ifr_testlib import BOTH, PAIR_CASES, PAIR_JSON, PKG_ROOT, require_library

import ifreward
import ifreward.serve
from ifreward.openrlhf import OpenRLHFReward


def setUpModule():
    require_library()


PROMPT = "<|im_start|>user\nWrite.<|im_end|>\n<|im_start|>assistant\n"
TEXTS = [t for t, _, _ in PAIR_CASES]
WANT = [r for _, r, _ in PAIR_CASES]


class ServerTest(unittest.TestCase):
    MAX_BODY = 65536

    @classmethod
    def setUpClass(cls):
        cls.server = ifreward.serve.make_server(
            "127.0.0.1", 0, OpenRLHFReward(tensors="list", aggregate="all"), cls.MAX_BODY)
        cls.port = cls.server.server_address[1]
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        cls.thread.join(10)

    def post(self, body, path="/get_reward", headers=None):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        req = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path), data=data,
                                     headers=dict({"Content-Type": "application/json"},
                                                  **(headers or {})))
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, json.loads(resp.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"null")

    def raw(self, request_bytes):
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as s:
            s.sendall(request_bytes)
            s.shutdown(socket.SHUT_WR)
            chunks = []
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        head = b"".join(chunks).split(b"\r\n", 1)[0].decode()
        return int(head.split()[1])

    def test_binds_loopback(self):
        self.assertEqual(self.server.server_address[0], "127.0.0.1")

    def test_good_request(self):
        # What OpenRLHF's remote_rm_fn sends: {"query", "prompts", "labels"}.
        body = {"query": [PROMPT + t + "<|im_end|>" for t in TEXTS], "prompts": [PROMPT] * 4,
                "labels": [PAIR_JSON] * 4}
        status, out = self.post(body)
        self.assertEqual(status, 200, out)
        self.assertEqual(out["rewards"], WANT)
        self.assertEqual(out["scores"], WANT)
        self.assertEqual(out["extra_logs"]["ifr_all_followed"], WANT)
        # any path works, and dict labels too
        status, out = self.post({"query": [BOTH], "prompts": [""],
                                 "labels": [json.loads(PAIR_JSON)]}, path="/")
        self.assertEqual((status, out["rewards"]), (200, [1.0]))

    def test_keep_alive_session(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            for _ in range(3):
                body = json.dumps({"query": [BOTH], "prompts": [""], "labels": [PAIR_JSON]})
                conn.request("POST", "/get_reward", body, {"Content-Type": "application/json"})
                resp = conn.getresponse()
                self.assertEqual(resp.status, 200)
                self.assertEqual(json.loads(resp.read())["rewards"], [1.0])
        finally:
            conn.close()

    def test_malformed_requests(self):
        bad = [
            b"{not json",
            b"\xff\xfe",
            json.dumps([1, 2]).encode(),
            json.dumps({"prompts": [], "labels": []}).encode(),
            json.dumps({"query": "one string", "labels": [PAIR_JSON]}).encode(),
            json.dumps({"query": [1], "labels": [PAIR_JSON]}).encode(),
            json.dumps({"query": [BOTH], "prompts": [], "labels": [PAIR_JSON]}).encode(),
            json.dumps({"query": [BOTH], "prompts": [""]}).encode(),
            json.dumps({"query": [BOTH], "prompts": [""], "labels": [1]}).encode(),
        ]
        for body in bad:
            status, out = self.post(body)
            self.assertEqual(status, 400, body)
            self.assertIn("error", out)
        # the server still works afterwards
        status, _ = self.post({"query": [BOTH], "prompts": [""], "labels": [PAIR_JSON]})
        self.assertEqual(status, 200)

    def test_bad_spec_is_400_with_index(self):
        status, out = self.post({"query": [BOTH, BOTH], "prompts": ["", ""],
                                 "labels": [PAIR_JSON, '{"instruction_id_list": ["no:such"],'
                                            ' "kwargs": [{}]}']})
        self.assertEqual(status, 400)
        self.assertEqual(out["index"], 1)
        self.assertEqual(out["code"], "IFR_E_UNKNOWN")

    def test_oversized_body_is_413_unread(self):
        # Announce a body far over the limit and send none of it: the server
        # must answer 413 from the headers alone.
        status = self.raw(b"POST /get_reward HTTP/1.1\r\nHost: x\r\n"
                          b"Content-Type: application/json\r\n"
                          b"Content-Length: %d\r\n\r\n" % (self.MAX_BODY * 1000))
        self.assertEqual(status, 413)
        big = {"query": ["x" * self.MAX_BODY], "prompts": [""], "labels": [PAIR_JSON]}
        status, out = self.post(big)
        self.assertEqual(status, 413)
        self.assertIn("limit", out["error"])

    def test_length_problems(self):
        self.assertEqual(self.raw(b"POST / HTTP/1.1\r\nHost: x\r\n\r\n"), 411)
        self.assertEqual(self.raw(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
                         400)
        self.assertEqual(self.raw(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"),
                         400)
        self.assertEqual(self.raw(b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked"
                                  b"\r\n\r\n0\r\n\r\n"), 411)
        # a body shorter than announced (client hung up) is a 400
        self.assertEqual(self.raw(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n"
                                  b"{}"), 400)

    def test_health(self):
        with urllib.request.urlopen("http://127.0.0.1:%d/health" % self.port, timeout=30) as r:
            self.assertEqual(json.loads(r.read())["status"], "ok")

    def test_concurrent_clients(self):
        body = {"query": [PROMPT + t for t in TEXTS] * 10, "prompts": [PROMPT] * 40,
                "labels": [PAIR_JSON] * 40}
        results = []

        def client():
            results.append(self.post(body))
        threads = [threading.Thread(target=client) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(results), 6)
        for status, out in results:
            self.assertEqual(status, 200)
            self.assertEqual(out["rewards"], WANT * 10)


class TestServeMain(unittest.TestCase):
    def test_module_entry_point(self):
        env = dict(os.environ, PYTHONPATH=PKG_ROOT)
        proc = subprocess.Popen([sys.executable, "-m", "ifreward.serve", "--port", "0",
                                 "--aggregate", "fraction"],
                                env=env, stderr=subprocess.PIPE, text=True)
        try:
            line = proc.stderr.readline()
            m = re.search(r"http://([\d.]+):(\d+)/", line)
            self.assertIsNotNone(m, line)
            self.assertEqual(m.group(1), "127.0.0.1")
            url = "http://127.0.0.1:%s/get_reward" % m.group(2)
            data = json.dumps({"query": TEXTS, "prompts": [""] * 4,
                               "labels": [PAIR_JSON] * 4}).encode()
            deadline = time.time() + 30
            while True:
                try:
                    with urllib.request.urlopen(urllib.request.Request(url, data=data),
                                                timeout=30) as resp:
                        out = json.loads(resp.read())
                    break
                except urllib.error.URLError:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.1)
            self.assertEqual(out["rewards"], [f for _, _, f in PAIR_CASES])
        finally:
            proc.terminate()
            proc.wait(30)
            proc.stderr.close()


if __name__ == "__main__":
    unittest.main()
