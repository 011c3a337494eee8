"""The lgss-docs command line: the one place errors become messages and exit codes.

Exit codes: 0 done; 2 invalid content or template (the user can fix it); 1 anything else.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import BuildError, ContentError, TemplateError

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    from .papers import PAPERS
    from .writers import FORMATS

    parser = argparse.ArgumentParser(prog="lgss-docs", description="Build programme papers from YAML content.")
    parser.add_argument("--version", action="version", version=f"lgss-docs {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build papers as HTML, PDF and DOCX",
                                description="Validate the content, then build every paper in every format.")
    build.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    build.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output)")
    build.add_argument("--format", dest="formats", action="append", choices=FORMATS,
                       help="format to write; repeat for several (default: all)")
    build.add_argument("--doc", dest="papers", action="append", choices=list(PAPERS),
                       help="paper to build; repeat for several (default: all)")
    build.add_argument("--templates", type=Path, default=None, help="templates folder (default: the bundled one)")
    build.add_argument("--reference-docx", type=Path, default=None,
                       help="a .docx whose styles, page setup and headers the DOCX papers take on")
    build.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="papers to write at once, one process each (default: the number of cores)")
    build.add_argument("--force", action="store_true", help="rebuild every paper, even those up to date")

    check = commands.add_parser("check", help="validate the content without rendering",
                                description="Validate the content and report every problem as file:line:column.")
    check.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")

    schema = commands.add_parser("schema", help="write JSON Schemas for the content files",
                                 description="Write a JSON Schema per content file kind, for editors to validate as you type.")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="folder to write to (default: schema)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.", file=sys.stderr)
        return EXIT_INVALID
    except TemplateError as exc:
        print(f"{exc}", file=sys.stderr)
        print("template error; nothing was written.", file=sys.stderr)
        return EXIT_INVALID
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return EXIT_FAILED


def _build(args) -> int:
    from .build import BuildRequest, build
    from .parallel import available_cores
    from .papers import PAPERS
    from .progress import Progress
    from .render.templates import DEFAULT_TEMPLATES
    from .writers import FORMATS, WriterOptions

    request = BuildRequest(
        content=args.content, out=args.out,
        formats=tuple(dict.fromkeys(args.formats or FORMATS)),
        papers=tuple(dict.fromkeys(args.papers or PAPERS)),
        templates=args.templates or DEFAULT_TEMPLATES,
        options=WriterOptions(reference_docx=args.reference_docx),
        jobs=max(1, args.jobs or available_cores()), force=args.force,
    )
    for path in build(request, progress=Progress(), warn=_print_warning, fresh=lambda p: print(f"up to date {p}")):
        print(f"wrote {path}")
    return EXIT_OK


def _check(args) -> int:
    from .validate import load_content
    from .validate.warnings import content_warnings

    content = load_content(args.content)
    for problem in content_warnings(content):
        _print_warning(problem)
    print(f"{args.content}: valid ({len(content.workstreams)} work streams, {len(content.services)} services).")
    return EXIT_OK


def _print_warning(problem) -> None:
    print(f"warning: {problem}", file=sys.stderr)


def _schema(args) -> int:
    from .schema import write_schemas

    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return EXIT_OK


_COMMANDS = {"build": _build, "check": _check, "schema": _schema}


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
