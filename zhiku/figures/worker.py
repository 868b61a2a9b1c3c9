"""vl-convert in a process of its own, started early, so that a build's other work runs beside it.

A fresh process spends 0.4 s of CPU starting vl-convert (V8 and the Vega bundles) before its
first chart, then about 0.08 s a chart, and vl-convert holds the GIL while it draws: a thread
cannot overlap it with the number check or the page rendering. So ``zhiku build`` starts this
worker (``python -m zhiku.figures.worker``) as soon as it knows a figure must be drawn; the
worker starts vl-convert at once, and the build sends it the Vega-Lite specs
(``render.figure_specs``) and gets back vl-convert's SVG, which ``render_figure(drawn=...)``
then outlines and rasterises as before. The figures are the same bytes as when drawn in process.

The protocol is one JSON object a line: ``{"spec": …}`` in, ``{"svg": …}`` or ``{"error": …}``
out, in order. Specs are data; the worker runs nothing it is sent. If the worker cannot start
or fails, the build draws in its own process, and an error is the one vl-convert raises there.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections import deque
from concurrent.futures import Future
from pathlib import Path
from typing import IO, Any

# The smallest chart: drawing it starts vl-convert's engine.
WARM_UP_SPEC = {
    "data": {"values": [{"x": 1}]},
    "mark": "point",
    "encoding": {"x": {"field": "x", "type": "quantitative"}},
}


class FigureWorker:
    """A running worker process; ``submit(spec)`` gives a future of vl-convert's SVG."""

    def __init__(self) -> None:
        import zhiku

        env = dict(os.environ)
        # The worker must run this very zhiku (a checkout on PYTHONPATH, not another install).
        package_root = str(Path(zhiku.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "zhiku.figures.worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
        )
        self._pending: deque[Future[str]] = deque()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, name="zhiku-figure-worker", daemon=True)
        self._reader.start()

    def submit(self, spec: dict[str, Any]) -> Future[str]:
        future: Future[str] = Future()
        line = json.dumps({"spec": spec}, ensure_ascii=False) + "\n"
        with self._lock:
            stdin = self._proc.stdin
            try:
                assert stdin is not None
                self._pending.append(future)
                stdin.write(line.encode("utf-8"))
                stdin.flush()
            except (OSError, ValueError, AssertionError) as err:
                if future in self._pending:
                    self._pending.remove(future)
                future.set_exception(RuntimeError(f"figure worker gone: {err}"))
        return future

    def _read(self) -> None:
        stdout = self._proc.stdout
        assert stdout is not None
        for raw in stdout:
            with self._lock:
                if not self._pending:
                    continue
                future = self._pending.popleft()
            try:
                answer = json.loads(raw)
            except ValueError:
                future.set_exception(RuntimeError("figure worker: unreadable answer"))
                continue
            if isinstance(answer, dict) and isinstance(answer.get("svg"), str):
                future.set_result(answer["svg"])
            else:
                said = answer.get("error") if isinstance(answer, dict) else answer
                future.set_exception(RuntimeError(f"figure worker: {said}"))
        with self._lock:  # the worker ended: whatever waits will not be answered
            while self._pending:
                self._pending.popleft().set_exception(RuntimeError("figure worker ended"))

    def stop(self) -> None:
        """End the worker now (what it was still drawing is no longer wanted). Idempotent."""
        with self._lock:
            if self._proc.stdin is not None and not self._proc.stdin.closed:
                with contextlib.suppress(OSError):
                    self._proc.stdin.close()
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()
        self._reader.join(timeout=5)


def serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """The worker's side: start vl-convert, then answer each spec with its SVG."""
    import vl_convert

    from zhiku.figures.fonts import register_with_vl_convert

    try:
        register_with_vl_convert()
        vl_convert.vegalite_to_svg(WARM_UP_SPEC)
    except Exception:
        pass
    for raw in stdin:
        try:
            spec = json.loads(raw)["spec"]
            answer: dict[str, Any] = {"svg": str(vl_convert.vegalite_to_svg(spec))}
        except Exception as err:  # the build draws this one in its own process and reports that
            answer = {"error": f"{type(err).__name__}: {err}"}
        stdout.write((json.dumps(answer, ensure_ascii=False) + "\n").encode("utf-8"))
        stdout.flush()


def main() -> None:
    # The answers get a file descriptor of their own; what vl-convert (V8, Vega's warnings) or
    # anything else prints to standard output goes to standard error instead of into them.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    main()
