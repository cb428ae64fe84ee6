"""The browser tests' JupyterLab runs its kernels on Unix sockets, not TCP ports (issue 16):
a port picked while the other pytest-xdist worker starts kernels could clash. The kernel is
asked where it listens, from the notebook a learner opens."""

WHERE = """
from pathlib import Path
from ipykernel.connect import get_connection_info
info = get_connection_info(unpack=True)
assert info["transport"] == "ipc", info
assert Path(f"{info['ip']}-{info['shell_port']}").is_socket(), info
assert len(f"{info['ip']}-{info['hb_port']}".encode()) <= 107, info
"""


LESSON = "lessons/00_start_here.ipynb"


def test_the_notebooks_kernel_listens_on_unix_sockets(lesson_opened):
    lab = lesson_opened
    lab.run_hidden(WHERE)  # fails unless the kernel's code ran without an error
    lab.restart_kernel()
    lab.run_hidden(WHERE)
