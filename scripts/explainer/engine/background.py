"""Results (page texts) made in a second process while MkDocs works in this one.

MkDocs turns Markdown into HTML on one core. The story's pages are rendered meanwhile by a forked
child process, in the order MkDocs reads them, and each text is taken from the child when MkDocs asks
for it; on a machine with two cores the rendering then costs almost no wall time. The child shares the
loaded story with this process (fork copies nothing up front) and only ever writes to a pipe.
The child is faster than MkDocs, so most results wait here a while: they wait as the child sent them,
pickled and compressed (a fifth of their size as objects; 30,000 claims: some 300 MB less held).
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import struct
import threading
import zlib
from typing import Any, Callable

STOPPED = "the background rendering process stopped unexpectedly"
HEADER = struct.Struct("<BI")  # (failed?, length of what follows: the pickled result, or the UTF-8 message)


class BackgroundFailed(Exception):
    """The child could not make a text; the message says why."""


class Background:
    """Results made one after another by a child process, read in any order.

    A thread of this process reads the pipe as fast as the child writes, so the child finishes and
    gives back its memory early instead of waiting for MkDocs to ask for each page."""

    def __init__(self, tasks: list[tuple[str, Callable[[], Any]]], describe: Callable[[Exception], str] = str):
        self.order = [name for name, _ in tasks]
        self.received: dict[str, bytes] = {}  # results not yet asked for, as the child sent them
        self.count = 0
        self.failure: str | None = None
        self.finished = False
        self.ready = threading.Condition()
        read, write = os.pipe()
        gc.freeze()  # the child's collections then leave the shared objects' pages alone (no copy-on-write)
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - runs in the child, which never returns
            os.close(read)
            _work(tasks, write, describe)
        gc.unfreeze()
        os.close(write)
        self.pipe = os.fdopen(read, "rb")
        self.reader = threading.Thread(target=self._read_all, name="explainer-background", daemon=True)
        self.reader.start()

    def get(self, name: str) -> Any:
        """The result named `name`, waiting for the child to make it."""
        with self.ready:
            while name not in self.received:
                if self.failure is not None:
                    raise BackgroundFailed(self.failure)
                if self.finished:
                    raise KeyError(f"no text named {name!r} was asked of the background process")
                self.ready.wait()
            data = self.received.pop(name)
        return pickle.loads(zlib.decompress(data))

    def close(self) -> None:
        """Stop the child if it is still at work (the build failed); its reader reaps it."""
        if self.pid:
            with self.ready:  # (the reader reaps the child and says so under the same lock: no kill of a reaped pid)
                if not self.finished:
                    os.kill(self.pid, signal.SIGKILL)
            self.reader.join()
            self.pipe.close()
            self.pid = 0

    def _read_all(self) -> None:
        failure = None
        try:
            while self.count < len(self.order):
                head = self.pipe.read(HEADER.size)
                if len(head) < HEADER.size:
                    failure = STOPPED
                    break
                failed, size = HEADER.unpack(head)
                data = self.pipe.read(size)
                if len(data) < size:
                    failure = STOPPED
                    break
                if failed:
                    failure = data.decode("utf-8")
                    break
                with self.ready:
                    self.received[self.order[self.count]] = data
                    self.count += 1
                    self.ready.notify_all()
        finally:
            with self.ready:
                os.waitpid(self.pid, 0)  # the child ends after its last text, its first failure, or a kill
                self.failure, self.finished = failure, True
                self.ready.notify_all()


def _work(tasks: list[tuple[str, Callable[[], Any]]], fd: int,
          describe: Callable[[Exception], str]) -> None:  # pragma: no cover - child process
    code = 0
    try:
        with os.fdopen(fd, "wb") as out:
            for _, make in tasks:
                try:
                    failed, data = 0, zlib.compress(pickle.dumps(make(), protocol=pickle.HIGHEST_PROTOCOL), 1)
                except Exception as exc:  # told to the parent, which stops the build with it
                    failed, data = 1, describe(exc).encode("utf-8")
                out.write(HEADER.pack(failed, len(data)) + data)
                out.flush()
                if failed:
                    break
    except BaseException:  # the parent stopped reading (build aborted) or we were interrupted
        code = 1
    finally:
        os._exit(code)
