"""``lgss-docs serve``: the papers' HTML on 127.0.0.1, rebuilt and reloaded as the content is edited.

Like MkDocs' ``serve``: the standard library's threading HTTP server serves one person's browser,
and a library watches the files (watchfiles: the operating system's change events, with editors'
swap files and bursts of saves folded into one change). Each change rebuilds the HTML only, and
the build's cache redoes only the papers whose inputs changed. Open pages listen on a server-sent
event stream and reload when a rebuild ends. A content or template problem is shown at the top of
the page, one ``file:line:column: message`` line each, over the last good build, until it is
fixed. PDF and DOCX are built when the page's links ask for them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_command(commands) -> None:
    """Add the ``serve`` subcommand to the command line's subparsers."""
    serve = commands.add_parser(
        "serve", help="preview the papers in a browser, rebuilt as you edit",
        description="Serve the papers' HTML on 127.0.0.1, rebuild what an edit to the content or the templates "
                    "changes and reload the page; show content problems in the page. PDF and DOCX are built "
                    "from the page's links.")
    serve.add_argument("--content", type=Path, default=None, metavar="DIR",
                       help="content folder (default: this folder if it has programme.yaml, else content)")
    serve.add_argument("--templates", type=Path, default=None, metavar="DIR",
                       help="a templates folder laid over the content's own and the built-in ones")
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0 picks a free one)")
    serve.add_argument("--out", type=Path, default=None,
                       help="folder for the built papers (default: a temporary one, removed on exit)")


def serve(args: argparse.Namespace) -> int:
    """Serve until interrupted (Ctrl+C or SIGTERM); return the exit code."""
    import shutil
    import signal
    import tempfile
    import threading

    from ..render.templates import BUILT_IN
    from .server import Preview, listen

    out = args.out or Path(tempfile.mkdtemp(prefix="lgss-docs-serve-"))
    preview = Preview(args.content, args.templates, out)
    # The content folder holds its own templates/; the built-in ones change only for a developer.
    watched = [args.content, *([args.templates] if args.templates else []), BUILT_IN]
    stop = threading.Event()
    try:
        server = listen(preview, args.port)
        threading.Thread(target=_watch, args=(preview, watched, stop), daemon=True).start()
        preview.rebuild()
        print(f"serving http://127.0.0.1:{server.server_port}/ (Ctrl+C to stop)", flush=True)
        signal.signal(signal.SIGTERM, signal.default_int_handler)  # either way, clean up below
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    finally:
        stop.set()
        if args.out is None:
            shutil.rmtree(out, ignore_errors=True)
    return 0


def _watch(preview, folders: list[Path], stop) -> None:
    """Rebuild after every batch of changes to ``folders``, until ``stop`` is set."""
    import watchfiles

    for changes in watchfiles.watch(*folders, stop_event=stop):
        names = ", ".join(sorted({Path(p).name for _, p in changes}))
        print(f"changed: {names}", file=sys.stderr, flush=True)
        preview.rebuild()
