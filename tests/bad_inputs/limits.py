"""Inputs built to exhaust the loader: huge files, deep nesting, alias bombs."""

from . import GOVERNANCE, Case, G, Replace, Write

PLAN = "plan.yaml"

# "Billion laughs": nine levels of ten aliases each would expand to 10^9 values.
ALIAS_BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]\n" for prev, name in zip("abcdefgh", "bcdefghi"))
# Few values, but each an alias of a long text: 400 copies of 100,000 characters.
TEXT_BOMB = f"a: &a '{'x' * 100_000}'\nb: [{', '.join(['*a'] * 400)}]\n"


def ten_megabytes() -> bytes:
    return b"number: 1\n" + b"# padding\n" * 1_000_000


CASES = [
    Case("ten-megabyte-file", (Write(GOVERNANCE, ten_megabytes),),
         (f"{G}:1:1: file is 9.5 MB; content files are limited to 2 MB",)),
    Case("deep-flow-nesting", (Write(GOVERNANCE, "number: " + "[" * 100_000 + "]" * 100_000 + "\n"),),
         (f"{G}:1:49: refused: nested more than 40 levels deep",)),
    Case("deep-block-nesting", (Write(GOVERNANCE, "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v\n"),),
         (f"{G}:41:81: refused: nested more than 40 levels deep",)),
    Case("alias-bomb", (Write(GOVERNANCE, ALIAS_BOMB),),
         # a to d expand to 11,111 values in all; e's 100,000 more pass the limit.
         (f"{G}:5:4: e: refused: more than 50,000 values (aliases expanding too far?)",)),
    Case("alias-text-bomb", (Write(GOVERNANCE, TEXT_BOMB),),
         (f"{G}:2:4: b: refused: more than 4,194,304 characters of text (aliases repeating long text?)",)),
    # A year mistyped: a chart of 1,000 years took minutes and gigabytes; ten years is the limit.
    Case("plan-runs-a-thousand-years", (Replace(PLAN, "months: {first: Mar-20, last: Feb-21}",
                                                "months: {first: Mar-20, last: 3021-02}"),),
         ("content/plan.yaml:{L}:31: months.last: the chart would run 12,012 months, from March 2020 to February 3021; "
          "a plan's chart runs at most 120 months (a year mistyped?)",)),
    Case("plan-span-runs-a-century", (Replace(PLAN, "months: {first: Mar-20, last: Feb-21}\n", ""),
                                      Replace(PLAN, "post-consultation: [{start: Sep-20, end: Dec-20,",
                                              "post-consultation: [{start: Sep-20, end: 2120-12,")),
         ("content/plan.yaml:{@2120-12}:52: sections[0].activities[0].timetable.post-consultation[0].end: the chart would "
          "run 1,210 months, from March 2020 to December 2120; a plan's chart runs at most 120 months (a year mistyped?)",)),
]
