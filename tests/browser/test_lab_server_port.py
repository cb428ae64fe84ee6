"""The test server is ours, on the port it says (issue 16: two pytest-xdist workers).

The harness picks a free loopback port, then starts JupyterLab on it a few seconds later. In
between, another process can take the port: the other worker's JupyterLab, say. Then our server
exits, and a status request to the port is answered by the *other* server: the tests would drive
a JupyterLab serving another copy of the lessons. Here a stand-in server holds the first port
picked and answers every request with 200, as a JupyterLab would.
"""

from __future__ import annotations

import http.server
import threading
import urllib.request

from .harness import LabServer, free_port
from .harness import server as server_module


class _AnswersEverything(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the stdlib's name
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'{"started": "the other worker"}')

    def log_message(self, *args):  # quiet
        pass


def test_a_port_taken_before_the_server_binds_it_is_picked_again(monkeypatch, tmp_path):
    imposter = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _AnswersEverything)
    taken = imposter.server_address[1]
    threading.Thread(target=imposter.serve_forever, daemon=True).start()
    picks = iter([taken])
    monkeypatch.setattr(server_module, "free_port", lambda: next(picks, None) or free_port())
    try:
        (tmp_path / "root").mkdir()
        with LabServer(tmp_path / "root", tmp_path / "home") as lab:
            assert lab.port != taken, "the harness took the other server for its JupyterLab"
            with urllib.request.urlopen(lab.url("api/contents"), timeout=10) as response:
                assert b"the other worker" not in response.read()
    finally:
        imposter.shutdown()
        imposter.server_close()
