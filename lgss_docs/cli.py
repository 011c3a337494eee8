"""The lgss-docs command line: the one place errors become messages and exit codes.

Exit codes: 0 done; 2 invalid content, template or request (the user can fix it); 130 interrupted
(Ctrl-C); 1 anything else.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import BuildError, ContentError, StrictWarnings, TemplateError, UsageError
from .history import DEFAULT_PATTERN  # a name only, as FORMATS below
from .output import output_lock
from .writers import FORMATS  # names only: the writers import their libraries when first used

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2
EXIT_INTERRUPTED = 128 + 2  # as a shell reports a command ended by SIGINT


def default_content() -> Path:
    """Return the content folder a command uses when not told: this folder if it holds a
    programme.yaml (a content repository), else content/ (the bundled example's layout)."""
    return Path(".") if Path("programme.yaml").is_file() else Path("content")


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more; got {text!r}")
    return number


# Options several commands share, each defined once: (flags, keyword arguments).
_OPTIONS = {
    "content": (("--content",), dict(type=Path, default=None, metavar="DIR",
                                     help="content folder (default: this folder if it has programme.yaml, else content)")),
    "out": (("--out",), dict(type=Path, default=Path("output"), metavar="DIR", help="output folder (default: output)")),
    "format": (("--format",), dict(dest="formats", action="append", choices=FORMATS,
                                   help="format to write; repeat for several (default: all)")),
    "doc": (("--doc",), dict(dest="papers", action="append", metavar="PAPER",
                             help="id of a declared paper to write; repeat for several (default: all)")),
    "templates": (("--templates",), dict(type=Path, default=None, metavar="DIR",
                                         help="a templates folder laid over the content's own and the built-in ones")),
    "strict": (("--strict",), dict(action="store_true", help="treat warnings as problems: exit 2 and write nothing")),
    "cycles": (("--cycles",), dict(default=DEFAULT_PATTERN, metavar="PATTERN",
                                   help=f"the git tags that mark reporting cycles, * standing for a cycle's name "
                                        f"(default: {DEFAULT_PATTERN})")),
}


def _add(parser: argparse.ArgumentParser, *names: str, **overrides) -> None:
    for name in names:
        flags, options = _OPTIONS[name]
        parser.add_argument(*flags, **{**options, **overrides.get(name, {})})


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lgss-docs", description="Build programme papers from YAML content.")
    parser.add_argument("--version", action="version", version=f"lgss-docs {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build papers as HTML, PDF and DOCX",
                                description="Validate the content, then build every declared paper in every format.")
    _add(build, "content", "out", "format", "doc", "templates", "strict")
    build.add_argument("--reference-docx", type=Path, default=None, metavar="FILE",
                       help="a .docx whose styles, page setup and headers the DOCX papers take on")
    build.add_argument("--jobs", type=_positive, default=None, metavar="N",
                       help="papers to write at once, one process each (default: the number of cores)")
    build.add_argument("--force", action="store_true", help="rebuild the papers asked for, even those up to date")
    _add(build, "cycles")
    build.add_argument("--previous", default=None, metavar="CYCLE",
                       help="the earlier cycle ratings are compared with, by tag or name (default: the latest one)")

    check = commands.add_parser("check", help="validate the content without rendering",
                                description="Validate the content and report every problem as file:line:column.")
    _add(check, "content", "templates", "strict", "cycles")

    init = commands.add_parser("init", help="start a new programme's content repository",
                               description="Write a new content repository to DIR, ready to build: programme.yaml, one "
                                           "paper, one work stream, .gitignore, .gitattributes, editor settings and a README.")
    init.add_argument("folder", type=Path, metavar="DIR", help="the folder to create (it must not exist, or be empty)")
    init.add_argument("--name", default=None, help="the programme's name (default: made from DIR)")
    init.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                      help="the date of the first paper and report (default: today)")

    schema = commands.add_parser("schema", help="write JSON Schemas for the content files",
                                 description="Write a JSON Schema per kind of content file, made from what programme.yaml "
                                             "declares (RAG levels, boxes), for editors to check YAML as you type.")
    _add(schema, "content")
    schema.add_argument("--out", type=Path, default=None, metavar="DIR",
                        help="folder to write to (default: schema)")
    _review_commands(commands)
    from .serve import add_command as add_serve_command  # its own options, defined with it

    add_serve_command(commands)
    _cycle_commands(commands)
    return parser


def _cycle_commands(commands) -> None:
    cycle = commands.add_parser(
        "cycle", help="reporting cycles: list them, or close one with a git tag",
        description="A reporting cycle is a git tag on the content's repository (cycle/NAME unless --cycles says "
                    "otherwise). Papers show each rating beside the latest earlier cycle's, with its direction of "
                    "travel and since when it has held, and a rag_history block charts every cycle.")
    actions = cycle.add_subparsers(dest="action", required=True, metavar="ACTION")
    close = actions.add_parser(
        "close", help="tag HEAD as the end of a cycle",
        description="Tag HEAD of the content's repository (an annotated tag, cycle/NAME) as the end of a reporting "
                    "cycle, once the content is committed and valid. Refused if the content folder has changes not "
                    "committed, or the cycle's tag exists.")
    close.add_argument("name", metavar="NAME", help="the cycle's name, such as 2020-11 (papers call it November 2020)")
    close.add_argument("--message", default=None, help='the tag\'s message (default: "Reporting cycle NAME")')
    _add(close, "content", "cycles")
    listing = actions.add_parser(
        "list", help="list the cycles up to HEAD, with their dates",
        description="List the cycles on the commits up to HEAD, oldest first, with the date, commit and the name "
                    "papers give each, and say which one papers built now compare with.")
    _add(listing, "content", "cycles")


def _review_commands(commands) -> None:
    diff = commands.add_parser(
        "diff", help="what changed between two versions: a summary, redlines and tracked changes",
        description="Compare two versions of the content (git revisions, or two content folders): print a "
                    "summary of what changed, and write it with a redline of each paper (HTML, PDF, and DOCX "
                    "with Word tracked changes) to the output folder.")
    diff.add_argument("old", metavar="OLD", help="the earlier version: a git revision (e.g. HEAD~1, a tag) or a content folder")
    diff.add_argument("new", metavar="NEW", nargs="?", default=None,
                      help="the later version, as OLD (default: the content folder as it is now)")
    _add(diff, "content", "out", "format", "doc", "templates",
         out=dict(default=Path("output/review"), help="output folder (default: output/review)"))

    setup = commands.add_parser(
        "git-setup", help="let git diff show the text of committed .docx and .pdf papers",
        description="Register the lgss-docx and lgss-pdf diff drivers in this repository's .git/config, "
                    "and name the .gitattributes lines that select them.")
    setup.add_argument("--repo", type=Path, default=Path("."), help="the git repository (default: the current folder)")
    setup.add_argument("--command", dest="driver", default=None,
                       help="how git should run lgss-docs (default: this installation's Python by its absolute path, "
                            '"/path/to/.venv/bin/python -m lgss_docs", so git finds it outside the virtual environment)')

    textconv = commands.add_parser(
        "textconv", help="print the text of a .docx or .pdf (git's diff driver)",
        description="Print the text of a .docx (one line per paragraph) or a .pdf (page by page). git runs "
                    "this for files whose diff driver is lgss-docx or lgss-pdf.")
    textconv.add_argument("file", type=Path, metavar="FILE", help="the .docx or .pdf to read")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        args = _parser().parse_args(argv)  # inside: Ctrl-C may come while it imports
        if getattr(args, "content", "absent") is None:
            args.content = default_content()
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
    except UsageError as exc:
        print(f"lgss-docs {args.command}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except BuildError as exc:
        print(f"{args.command} failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:  # Ctrl-C: papers are written whole or not at all, so there is nothing else to say
        print("interrupted; no paper was left half-written.", file=sys.stderr)
        return EXIT_INTERRUPTED


def _build(args) -> int:
    from .build import BuildRequest, build
    from .parallel import available_cores
    from .progress import Progress
    from .writers import WriterOptions

    request = BuildRequest(
        content=args.content, out=args.out,
        formats=tuple(dict.fromkeys(args.formats or FORMATS)),
        papers=tuple(dict.fromkeys(args.papers or ())),
        templates=args.templates,
        options=WriterOptions(reference_docx=args.reference_docx),
        strict=args.strict,
        jobs=args.jobs or available_cores(), force=args.force,
        cycles=args.cycles, previous=args.previous,
    )
    # Progress is for a person watching a terminal; logs and pipes get only the results.
    progress = Progress() if sys.stderr.isatty() else (lambda _: None)
    with output_lock(args.out):  # one build at a time per output folder
        for path in build(request, progress=progress, warn=_print_warning, fresh=lambda p: print(f"up to date {p}")):
            print(f"wrote {path}")
    return EXIT_OK


def _check(args) -> int:
    from .errors import heed
    from .history.read import history_of
    from .history.store import Store
    from .history.tags import find_cycles
    from .inputs import HISTORY, reads
    from .render.templates import kinds, layers
    from .validate import load_content
    from .validate.warnings import content_warnings

    content = load_content(args.content, kinds(layers(args.content, args.templates)))
    needed = any(HISTORY in reads(content, pid) for pid in content.papers)
    # Cycles a build into output/ has read are taken from it (check writes nothing); others from git.
    _, left_out = history_of(content, find_cycles(args.content, args.cycles), Store.load(Path("output")), needed)
    heed(content_warnings(content) + left_out, args.strict, _print_warning)
    words = content.programme.words
    counts = [f"{len(content.papers)} paper{'s' if len(content.papers) != 1 else ''}",
              f"{len(content.workstreams)} {words.plural if len(content.workstreams) != 1 else words.workstream}"]
    if content.services:
        counts.append(f"{len(content.services)} service{'s' if len(content.services) != 1 else ''}")
    if content.tables:
        counts.append(f"{len(content.tables)} table{'s' if len(content.tables) != 1 else ''} of figures")
    print(f"{args.content}: valid ({', '.join(counts)}).")
    return EXIT_OK


def _print_warning(warning) -> None:
    print(f"warning: {warning}", file=sys.stderr)


def _init(args) -> int:
    import datetime as dt

    from .starter import init

    try:
        day = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise UsageError(f"--date {args.date}: expected a date such as 2026-11-23") from None
    for path in init(args.folder, args.name, day):
        print(f"wrote {path}")
    print(f"next: cd {args.folder} && lgss-docs build")
    return EXIT_OK


def _schema(args) -> int:
    from .schema import write_schemas

    for path in write_schemas(args.content, args.out if args.out is not None else Path("schema")):
        print(f"wrote {path}")
    return EXIT_OK


def _diff(args) -> int:
    from .review.run import ReviewRequest, review
    from .review.summary import as_text

    with output_lock(args.out):
        result = review(ReviewRequest(
            old=args.old, new=args.new, content=args.content, out=args.out,
            formats=tuple(dict.fromkeys(args.formats or FORMATS)),
            papers=tuple(dict.fromkeys(args.papers or ())), templates=args.templates))
    print(as_text(result.changes, result.old_label, result.new_label))
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



def _cycle(args) -> int:
    from .history.tags import close_cycle, find_cycles
    from .model.dates import long_date

    if args.action == "close":
        from .render.templates import kinds, layers
        from .validate import load_content

        tag = close_cycle(args.content, args.name, args.cycles, args.message,
                          check=lambda: load_content(args.content, kinds(layers(args.content))))
        print(f"tagged HEAD {tag}: the end of cycle {args.name}")
        print(f"next: lgss-docs build (the papers name this cycle); share the tag with: git push origin {tag}")
        return EXIT_OK
    cycles = find_cycles(args.content, args.cycles)
    every = [*cycles.past, *([cycles.current] if cycles.current else [])]
    if not every:
        print(f"No cycles: no tag matching {args.cycles} on the commits up to HEAD. Close one with: lgss-docs cycle close NAME")
        return EXIT_OK
    width = max(len(c.tag) for c in every)
    for c in every:
        now = "  (the content as it is now)" if c is cycles.current else ""
        print(f"{c.tag:<{width}}  {long_date(c.day):>17}  {c.commit[:9]}  {c.label}{now}")
    if cycles.past:
        now = cycles.current.tag if cycles.current else "the content as it is now"
        print(f"Papers built now compare {now} with {cycles.past[-1].tag}.")
    return EXIT_OK


_COMMANDS = {"build": _build, "check": _check, "init": _init, "schema": _schema,
             "diff": _diff, "git-setup": _git_setup, "textconv": _textconv, "cycle": _cycle, "serve": _serve}


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
