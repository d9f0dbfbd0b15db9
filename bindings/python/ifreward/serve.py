"""A reward server speaking OpenRLHF's remote reward-model protocol.

::

    python -m ifreward.serve --port 5000 [--host 127.0.0.1] [--loose] [--precise]
        [--aggregate all|fraction] [--scale 1] [--strip-reasoning] [--threads 1]
        [--on-error raise|zero] [--max-body-bytes 67108864]

    # trainer side
    --remote_rm_url http://127.0.0.1:5000/get_reward   --label_key ground_truth

OpenRLHF POSTs ``{"query": [...], "prompts": [...], "labels": [...]}`` (any
path; ``/get_reward`` by convention) and reads ``rewards`` (newer versions
also ``scores`` and ``extra_logs``) from the JSON answer::

    {"rewards": [...], "scores": [...], "extra_logs": {"ifr_all_followed": [...]}}

Each query is prompt + response; the response is taken as in
:func:`ifreward.openrlhf.response_of`. ``labels`` hold the specs.
``GET /health`` answers ``{"status": "ok", ...}``.

The server is stdlib ``http.server`` with one thread per connection; it binds
to 127.0.0.1 unless ``--host`` says otherwise (it has no authentication).
Malformed requests get 400 (with ``{"error": ...}``), bodies over
``--max-body-bytes`` get 413 without being read, a missing length 411, and a
spec the library rejects 400 with the item index (unless ``--on-error zero``).
"""

import argparse
import http.server
import json
import socketserver
import sys

import ifreward
from ifreward.openrlhf import OpenRLHFReward

__all__ = ["make_server", "RewardHandler", "main", "DEFAULT_MAX_BODY"]

DEFAULT_MAX_BODY = 64 << 20
_DRAIN = 1 << 20


class _BadRequest(Exception):
    def __init__(self, status, message, **extra):
        super().__init__(message)
        self.status = status
        self.payload = dict(error=message, **extra)


def _list_of(value, name, n=None, kinds=None):
    if not isinstance(value, list):
        raise _BadRequest(400, "%r must be a JSON array" % name)
    if n is not None and len(value) != n:
        raise _BadRequest(400, "%r has %d items but 'query' has %d" % (name, len(value), n))
    if kinds is not None:
        for i, v in enumerate(value):
            if not isinstance(v, kinds):
                raise _BadRequest(400, "%r[%d] must be %s" % (
                    name, i, " or ".join(k.__name__ for k in kinds)))
    return value


class RewardHandler(http.server.BaseHTTPRequestHandler):
    """Request handler; the server carries ``scorer`` and ``max_body``."""

    protocol_version = "HTTP/1.1"
    server_version = "ifreward/" + ifreward.__version__
    timeout = 120  # seconds of socket inactivity before a connection is dropped

    def log_message(self, fmt, *args):
        if getattr(self.server, "verbose", False):
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

    def _send(self, status, payload):
        body = json.dumps(payload, allow_nan=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.split("?", 1)[0] in ("/health", "/"):
            self._send(200, {"status": "ok", "version": ifreward.__version__})
        else:
            self._send(404, {"error": "not found; POST a batch to /get_reward"})

    def _read_json(self):
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise _BadRequest(411, "chunked bodies are not supported; send Content-Length")
        raw_len = self.headers.get("Content-Length")
        if raw_len is None:
            self.close_connection = True
            raise _BadRequest(411, "Content-Length required")
        try:
            length = int(raw_len)
        except ValueError:
            self.close_connection = True
            raise _BadRequest(400, "bad Content-Length") from None
        if length < 0:
            self.close_connection = True
            raise _BadRequest(400, "bad Content-Length")
        if length > self.server.max_body:
            self.close_connection = True
            if length <= self.server.max_body + _DRAIN:
                # Read (and drop) a slightly-too-big body so the client sees the
                # 413 rather than a reset; anything bigger stays unread.
                left = length
                while left > 0:
                    chunk = self.rfile.read(min(left, 65536))
                    if not chunk:
                        break
                    left -= len(chunk)
            raise _BadRequest(413, "body of %d bytes exceeds the limit of %d"
                              % (length, self.server.max_body))
        body = self.rfile.read(length)
        if len(body) != length:
            self.close_connection = True
            raise _BadRequest(400, "body shorter than Content-Length")
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise _BadRequest(400, "body is not JSON: %s" % exc) from None

    def do_POST(self):
        try:
            data = self._read_json()
            if not isinstance(data, dict):
                raise _BadRequest(400, "body must be a JSON object")
            if "query" not in data:
                raise _BadRequest(400, "missing 'query'")
            queries = _list_of(data["query"], "query", kinds=(str,))
            n = len(queries)
            prompts = data.get("prompts")
            if prompts is not None:
                prompts = _list_of(prompts, "prompts", n, kinds=(str,))
            labels = data.get("labels")
            if labels is None:
                raise _BadRequest(400, "missing 'labels' (the specs)")
            labels = _list_of(labels, "labels", n, kinds=(str, dict, list, type(None)))
            try:
                rewards, scores, allf = self.server.scorer.lists(queries, prompts, labels)
            except ifreward.SpecError as exc:
                raise _BadRequest(400, str(exc), index=exc.index, code=exc.name,
                                  path=exc.path) from None
            except MemoryError:
                raise _BadRequest(503, "out of memory") from None
            except ifreward.IfrError as exc:
                raise _BadRequest(500, str(exc), index=exc.index, code=exc.name) from None
            self._send(200, {"rewards": rewards, "scores": scores,
                             "extra_logs": {"ifr_all_followed":
                                            [1.0 if a else 0.0 for a in allf]}})
        except _BadRequest as exc:
            self._send(exc.status, exc.payload)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def make_server(host="127.0.0.1", port=5000, scorer=None, max_body=DEFAULT_MAX_BODY,
                verbose=False):
    """A ready (not yet serving) server; ``port=0`` picks a free port
    (``server.server_address[1]``). Call ``serve_forever()``; ``shutdown()``
    and ``server_close()`` to stop."""
    server = _Server((host, port), RewardHandler)
    server.scorer = scorer if scorer is not None else OpenRLHFReward(tensors="list")
    server.max_body = int(max_body)
    server.verbose = verbose
    return server


def _parser():
    p = argparse.ArgumentParser(prog="python -m ifreward.serve",
                                description="OpenRLHF-compatible remote reward server.")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1; the server has no auth)")
    p.add_argument("--port", type=int, default=5000)
    p.add_argument("--loose", action="store_true")
    p.add_argument("--precise", action="store_true")
    p.add_argument("--aggregate", choices=("all", "fraction"), default="all")
    p.add_argument("--scale", type=float, default=1.0)
    p.add_argument("--strip-reasoning", action="store_true",
                   help="score only what follows the last </think>")
    p.add_argument("--suite", default=None)
    p.add_argument("--threads", type=int, default=1,
                   help="native threads per batch (0: all cores)")
    p.add_argument("--on-error", choices=("raise", "zero"), default="raise",
                   help="raise: answer 400 for a bad spec; zero: score it 0")
    p.add_argument("--max-body-bytes", type=int, default=DEFAULT_MAX_BODY)
    p.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return p


def main(argv=None):
    args = _parser().parse_args(argv)
    scorer = OpenRLHFReward(loose=args.loose, precise=args.precise, aggregate=args.aggregate,
                            scale=args.scale, strip_reasoning=args.strip_reasoning,
                            suite=args.suite, threads=args.threads, on_error=args.on_error,
                            tensors="list")
    ifreward._native.load()  # fail now, not on the first request
    server = make_server(args.host, args.port, scorer, args.max_body_bytes, args.verbose)
    host, port = server.server_address[:2]
    sys.stderr.write("ifreward %s serving on http://%s:%d/get_reward (library %s)\n"
                     % (ifreward.version(), host, port, ifreward.library_path()))
    sys.stderr.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
