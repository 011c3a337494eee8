"""The lgss-docs command line: the one place errors become messages and exit codes.

Exit codes: 0 done; 2 invalid content or template (the user can fix it); 1 anything else.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import BuildError, ContentError, StrictWarnings, TemplateError

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
    build.add_argument("--strict", action="store_true", help="treat warnings as problems: exit 2 and write nothing")
    build.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="papers to write at once, one process each (default: the number of cores)")
    build.add_argument("--force", action="store_true", help="rebuild every paper, even those up to date")

    check = commands.add_parser("check", help="validate the content without rendering",
                                description="Validate the content and report every problem as file:line:column.")
    check.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    check.add_argument("--strict", action="store_true", help="treat warnings as problems: exit 2")

    schema = commands.add_parser("schema", help="write JSON Schemas for the content files",
                                 description="Write a JSON Schema per content file kind, for editors to validate as you type.")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="folder to write to (default: schema)")
    _review_commands(commands, PAPERS, FORMATS)
    from .serve import add_command as add_serve_command
    add_serve_command(commands)
    return parser


def _review_commands(commands, papers, formats) -> None:
    diff = commands.add_parser(
        "diff", help="what changed between two versions: a summary, redlines and tracked changes",
        description="Compare two versions of the content (git revisions, or two content folders): print a "
                    "summary of what changed, and write it with a redline of each paper (HTML, PDF, and DOCX "
                    "with Word tracked changes) to the output folder.")
    diff.add_argument("old", metavar="OLD", help="the earlier version: a git revision (e.g. HEAD~1, a tag) or a content folder")
    diff.add_argument("new", metavar="NEW", nargs="?", default=None,
                      help="the later version, as OLD (default: the content folder as it is now)")
    diff.add_argument("--content", type=Path, default=Path("content"),
                      help="content folder, whose git repository revisions are read from (default: content)")
    diff.add_argument("--out", type=Path, default=Path("output/review"), help="output folder (default: output/review)")
    diff.add_argument("--format", dest="formats", action="append", choices=formats,
                      help="redline format to write; repeat for several (default: all)")
    diff.add_argument("--doc", dest="papers", action="append", choices=list(papers),
                      help="paper to redline; repeat for several (default: all)")
    diff.add_argument("--templates", type=Path, default=None, help="templates folder (default: the bundled one)")

    setup = commands.add_parser(
        "git-setup", help="let git diff show the text of committed .docx and .pdf papers",
        description="Register the lgss-docx and lgss-pdf diff drivers in this repository's .git/config, "
                    "and name the .gitattributes lines that select them.")
    setup.add_argument("--repo", type=Path, default=Path("."), help="the git repository (default: the current folder)")
    setup.add_argument("--command", dest="driver", default="lgss-docs",
                       help='how git should run lgss-docs (default: "lgss-docs"; e.g. ".venv/bin/lgss-docs")')

    textconv = commands.add_parser(
        "textconv", help="print the text of a .docx or .pdf (git's diff driver)",
        description="Print the text of a .docx (one line per paragraph) or a .pdf (page by page). git runs "
                    "this for files whose diff driver is lgss-docx or lgss-pdf.")
    textconv.add_argument("file", type=Path, metavar="FILE", help="the .docx or .pdf to read")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except StrictWarnings as exc:
        for warning in exc.problems:
            _print_warning(warning)
        count = len(exc.problems)
        print(f"{count} warning{'s' if count != 1 else ''}, and --strict makes warnings fail; nothing was written.", file=sys.stderr)
        return EXIT_INVALID
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
        strict=args.strict,
        jobs=max(1, args.jobs or available_cores()), force=args.force,
    )
    # Progress is for a person watching a terminal; logs and pipes get only the results.
    progress = Progress() if sys.stderr.isatty() else (lambda _: None)
    for path in build(request, progress=progress, warn=_print_warning, fresh=lambda p: print(f"up to date {p}")):
        print(f"wrote {path}")
    return EXIT_OK


def _check(args) -> int:
    from .validate import load_content
    from .validate.warnings import content_warnings, heed

    content = load_content(args.content)
    heed(content_warnings(content), args.strict, _print_warning)
    print(f"{args.content}: valid ({len(content.workstreams)} work streams, {len(content.services)} services).")
    return EXIT_OK


def _print_warning(warning) -> None:
    print(f"warning: {warning}", file=sys.stderr)


def _schema(args) -> int:
    from .schema import write_schemas

    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return EXIT_OK


def _diff(args) -> int:
    from .papers import PAPERS
    from .render.templates import DEFAULT_TEMPLATES
    from .review.run import ReviewRequest, review
    from .review.summary import as_text
    from .writers import FORMATS

    result = review(ReviewRequest(
        old=args.old, new=args.new, content=args.content, out=args.out,
        formats=tuple(dict.fromkeys(args.formats or FORMATS)),
        papers=tuple(dict.fromkeys(args.papers or PAPERS)),
        templates=args.templates or DEFAULT_TEMPLATES))
    print(as_text(result.changes, result.old.label, result.new.label))
    for path in result.written:
        print(f"wrote {path}")
    return EXIT_OK


def _git_setup(args) -> int:
    from .review.textconv import git_setup, missing_attributes

    config = git_setup(args.repo, args.driver)
    print(f"registered the lgss-docx and lgss-pdf diff drivers in {config}")
    if missing := missing_attributes(args.repo):
        print("add these lines to .gitattributes at the top of the repository, and commit it:")
        print(missing, end="")
    return EXIT_OK


def _textconv(args) -> int:
    from .review.textconv import text_of

    sys.stdout.write(text_of(args.file))
    return EXIT_OK


def _serve(args) -> int:
    from .serve import serve

    return serve(args)


_COMMANDS = {"build": _build, "check": _check, "schema": _schema,
             "diff": _diff, "git-setup": _git_setup, "textconv": _textconv, "serve": _serve}


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
