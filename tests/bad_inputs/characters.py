"""Characters that are not text: control characters, noncharacters, bidirectional controls;
and names that would send escape sequences to the terminal that prints the message.

YAML's double-quoted escapes ("\\x07", "\\e", "\\uFFFE", "\\0") make any character, though the
file itself holds only plain ones; they are refused where the value is read, like the same
characters typed raw. A bidirectional control shows text in another order than it is stored
(a RAG cell reading "Green" that holds "neerG"), so it is refused in every field too.
"""

from . import GOVERNANCE, WORKSTREAM, Case, G, Replace, Write

CONTROL = "a control character ({}) is not allowed in the text; delete it"
BIDI = ("a bidirectional control ({}) is not allowed in the text: it shows the text in another order "
        "than it is stored; delete it")


def workstream(old: str, new: str) -> Write:
    """Return an edit writing the small valid work stream with ``old`` replaced by ``new``."""
    assert old in WORKSTREAM
    return Write(GOVERNANCE, WORKSTREAM.replace(old, new))


def title(escaped: str) -> Write:
    """Return an edit giving the work stream a double-quoted title holding the YAML escape ``escaped``."""
    return workstream("title: Governance", f'title: "Gover{escaped}nance"')


CASES = [
    Case("escaped-bell", (title("\\x07"),), (f"{G}:2:8: title: " + CONTROL.format("U+0007"),)),
    Case("escaped-escape", (title("\\e"),), (f"{G}:2:8: title: " + CONTROL.format("U+001B"),)),
    Case("escaped-nul", (title("\\0"),), (f"{G}:2:8: title: " + CONTROL.format("U+0000"),)),
    Case("escaped-unit-separator", (title("\\x1f"),), (f"{G}:2:8: title: " + CONTROL.format("U+001F"),)),
    Case("escaped-carriage-return", (title("\\r"),), (f"{G}:2:8: title: " + CONTROL.format("U+000D"),)),
    Case("escaped-c1-control", (title("\\x9b"),), (f"{G}:2:8: title: " + CONTROL.format("U+009B"),)),
    Case("escaped-noncharacter", (title("\\uFFFE"),),
         (f"{G}:2:8: title: a noncharacter (U+FFFE) is not allowed in the text; delete it",)),
    Case("escaped-surrogate", (title("\\uD800"),),
         (f"{G}:2:8: title: a lone surrogate (U+D800) is not allowed in the text; delete it",)),
    Case("escaped-tab-and-line-break-are-text", (title("\\t\\n"), Replace(GOVERNANCE, "rag: Amber", "rag: Purple")),
         (f'{G}:5:6: rag: expected one of Red, Amber/Red, Amber, Green; got "Purple"',)),
    # "Green" as a reader sees it, "neerG" as it is stored.
    Case("bidi-override-in-rag", (workstream("rag: Amber", 'rag: "\\u202EneerG"'),),
         (f"{G}:5:6: rag: " + BIDI.format("U+202E, RIGHT-TO-LEFT OVERRIDE"),)),
    # Typed raw, in the middle of a block of text: placed at the character itself.
    Case("bidi-isolate-typed-in-text", (workstream("rag: Amber\n", "rag: Amber\ncurrent_status: |\n  - Board set up.\n"
                                                   "  - Terms \u2067agreed\u2069.\n"),),
         (f"{G}:8:11: current_status: " + BIDI.format("U+2067, RIGHT-TO-LEFT ISOLATE"),)),
    Case("bidi-embedding-in-a-list", (Replace("papers/committee-report.yaml", "authors: [claire-townrow,", 'authors: ["\\u202Aclaire-townrow",'),),
         ("content/papers/committee-report.yaml:{L}:11: authors[0]: " + BIDI.format("U+202A, LEFT-TO-RIGHT EMBEDDING"),)),
    # Names echoed in messages are shown escaped, so a terminal never acts on them.
    Case("ansi-in-a-key", (workstream("rag: Amber\n", 'rag: Amber\n"escalation\\e[2K\\e[31m": none\n'),),
         (f'{G}:6:1: escalation\\x1b[2K\\x1b[31m: unknown field; did you mean "escalations"?',)),
    Case("nul-in-a-key", (workstream("rag: Amber\n", 'rag: Amber\n"title\\0": none\n'),),
         (f'{G}:6:1: title\\x00: unknown field; did you mean "title"?',)),
    Case("osc-in-a-file-name", (Write("workstreams/08-\x1b]0;owned\x07.yaml", ""),),
         ("content/workstreams/08-\\x1b]0;owned\\x07.yaml:1:1: file is empty; expected a mapping of fields",)),
    Case("ansi-in-a-file-name", (Write("workstreams/08-\x1b[31mred\x1b[0m.yaml", "- a list\n"),),
         ("content/workstreams/08-\\x1b[31mred\\x1b[0m.yaml:1:1: expected a mapping of fields at the top of the file",)),
]
