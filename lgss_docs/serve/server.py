"""The preview's state and its HTTP handler: the papers as last built, the problems, the pages."""

from __future__ import annotations

import html
import http.server
import sys
import threading
from pathlib import Path

_EVENTS = "/_events"
_KEEPALIVE_SECONDS = 15
_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


class Preview:
    """The papers as last built, and what stopped the latest build, if anything."""

    def __init__(self, content: Path, templates: Path | None, out: Path):
        self.content, self.templates, self.out = content, templates, out
        self.papers: tuple[str, ...] = ()  # the papers the content declares, as of the last good build
        self.generation = 0  # counts finished rebuilds; a page older than this reloads
        self.problems: list[str] = []  # of the latest HTML build; empty when it succeeded
        self.changed = threading.Condition()
        self._building = threading.Lock()  # one build at a time: they share the output folder's cache

    def rebuild(self) -> None:
        """Build the HTML of every paper (what is stale), then wake the pages."""
        problems = self.build("html")
        with self.changed:
            self.problems = problems
            self.generation += 1
            self.changed.notify_all()

    def build(self, fmt: str, papers: tuple[str, ...] | None = None) -> list[str]:
        """Build ``papers`` (default: all) in ``fmt``; return the problems found, one line each."""
        from ..build import BuildRequest, build
        from ..errors import ContentError, LgssDocsError

        request = BuildRequest(content=self.content, out=self.out, formats=(fmt,), papers=papers or (),
                               templates=self.templates)
        fresh: list[Path] = []
        with self._building:
            try:
                written = build(request, warn=lambda w: print(f"warning: {w}", file=sys.stderr), fresh=fresh.append)
            except ContentError as exc:
                return [str(p) for p in exc.problems]
            except LgssDocsError as exc:
                return str(exc).splitlines()
        if papers is None:  # a whole build: the declared papers, as the content has them now
            self.papers = tuple(dict.fromkeys(p.stem for p in [*fresh, *written]))
        return []

    def wait(self, generation: int, timeout: float) -> int:
        """Return the generation once it is past ``generation``, or after ``timeout`` seconds."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation > generation, timeout)
            return self.generation


class Handler(http.server.BaseHTTPRequestHandler):
    preview: Preview  # set on a subclass per server

    def log_message(self, format, *args) -> None:  # the terminal is for build messages
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        name, _, fmt = path.lstrip("/").rpartition(".")
        if path == _EVENTS:
            self._events()
        elif path == "/":
            self._send(200, _TYPES["html"], _index(self.preview).encode())
        elif name in self.preview.papers and fmt == "html":
            self._paper(name)
        elif name in self.preview.papers and fmt in ("pdf", "docx"):
            self._on_request(name, fmt)
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found\n")

    def _paper(self, name: str) -> None:
        preview = self.preview
        generation, problems = preview.generation, list(preview.problems)
        page = preview.out / f"{name}.html"
        text = page.read_text(encoding="utf-8") if page.exists() else _page(name, "<p>Not built yet.</p>")
        self._send(200, _TYPES["html"], _with_toolbar(text, name, generation, problems).encode())

    def _on_request(self, name: str, fmt: str) -> None:
        if problems := self.preview.build(fmt, (name,)):
            body = _page(f"{name}.{fmt}", _problem_list(problems))
            self._send(422, _TYPES["html"], body.encode())
            return
        data = (self.preview.out / f"{name}.{fmt}").read_bytes()
        self._send(200, _TYPES[fmt], data, {"Content-Disposition": f'inline; filename="{name}.{fmt}"'})

    def _events(self) -> None:
        """Stream the generation as server-sent events: now, and after every rebuild."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        generation = self.preview.generation
        try:
            self.wfile.write(f"data: {generation}\n\n".encode())
            self.wfile.flush()
            while True:
                now = self.preview.wait(generation, _KEEPALIVE_SECONDS)
                self.wfile.write(f"data: {now}\n\n".encode() if now != generation else b": still here\n\n")
                self.wfile.flush()
                generation = now
        except OSError:  # the page was closed or reloaded
            pass

    def _send(self, status: int, kind: str, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en-GB">\n<head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.escape(title)}</title>'
            f"</head>\n<body>\n{body}\n</body>\n</html>\n")


def _problem_list(problems: list[str]) -> str:
    items = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    return f'<div id="lgss-problems" role="alert"><p><strong>Not rebuilt: fix these and save.</strong></p><ul>{items}</ul></div>'


def _index(preview: Preview) -> str:
    rows = "".join(f'<li><a href="/{p}.html">{p}</a> (<a href="/{p}.pdf">PDF</a>, <a href="/{p}.docx">DOCX</a>)</li>'
                   for p in preview.papers)
    return _page("lgss-docs preview", f"<h1>Papers</h1>\n<ul>{rows}</ul>")


_TOOLBAR = """<div id="lgss-preview" style="position: sticky; top: 0; z-index: 10; background: #fff; border-bottom: 1px solid #6f6f6f; padding: 4px 8px; font: 13px sans-serif">
Preview: <a href="/">all papers</a> · <a href="/{name}.pdf">PDF</a> · <a href="/{name}.docx">DOCX</a> (built when asked for)
{problems}
</div>
<script>
new EventSource("{events}").onmessage = (event) => {{ if (Number(event.data) !== {generation}) location.reload(); }};
</script>
"""


def _with_toolbar(text: str, name: str, generation: int, problems: list[str]) -> str:
    """Return the paper's HTML with the preview's toolbar (and any problems) at the top of its body."""
    bar = _TOOLBAR.format(name=name, events=_EVENTS, generation=generation,
                          problems=_problem_list(problems) if problems else "")
    head, body, rest = text.partition("<body")
    if not body:
        return bar + text
    tag_end = rest.index(">") + 1
    return head + body + rest[:tag_end] + "\n" + bar + rest[tag_end:]


def listen(preview: Preview, port: int) -> http.server.ThreadingHTTPServer:
    """Return a server for ``preview`` listening on 127.0.0.1:``port`` (0: a free port)."""
    from ..errors import BuildError

    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise BuildError(f"cannot serve on 127.0.0.1:{port} ({exc.strerror})") from None
    server.daemon_threads = True  # a page's event stream must not keep the server from stopping
    return server
