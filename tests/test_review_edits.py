"""Random edits of the example, reviewed: the summary covers every mark of every redline, and
Word's Accept All gives the new paper exactly, Reject All the old one.

Each example is a handful of edits a programme office makes between two cycles (ratings,
words, dates, services added and removed, bars moved, milestones, the highlight report's own
details), applied to a copy of the example as YAML data, and compared folder to folder.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from lgss_docs.render.paper import render_paper
from lgss_docs.render.templates import environment
from lgss_docs.review.run import ReviewRequest, review
from lgss_docs.writers import WriterOptions, writer

from conftest import EXAMPLE
from tracked import document, settled, table_shapes, text_and_formatting, written

MONTHS = ["Mar-20", "Apr-20", "May-20", "Jun-20", "Jul-20", "Aug-20", "Sep-20", "Oct-20", "Nov-20", "Dec-20",
          "Jan-21", "Feb-21"]  # the example plan's chart
LEVELS = ["Red", "Amber/Red", "Amber", "Green"]
WORDS = st.sampled_from(["urgently", "formally", "the Board's", "revised", "December", "£12,000", "NCC", "(draft)"])


class Files:
    """The example's YAML files as data, edited in memory, written back where changed."""

    def __init__(self, root: Path):
        self.root, self.data, self.gone = root, {}, set()

    def __getitem__(self, name: str):
        if name not in self.data:
            self.data[name] = yaml.safe_load((self.root / name).read_text(encoding="utf-8"))
        return self.data[name]

    def __setitem__(self, name: str, value) -> None:
        self.data[name] = value

    def names(self, folder: str) -> list[str]:
        return sorted(f"{folder}/{p.name}" for p in (self.root / folder).glob("*.yaml")
                      if f"{folder}/{p.name}" not in self.gone)

    def remove(self, name: str) -> None:
        self.gone.add(name)

    def write(self) -> None:
        for name, value in self.data.items():
            (self.root / name).write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=200),
                                          encoding="utf-8")
        for name in self.gone:
            (self.root / name).unlink()


# -- the edits: each takes the files and a draw, and makes one change a reviewer must see ---
def rate(files: Files, draw) -> None:
    workstream = files[draw(st.sampled_from(files.names("workstreams")))]
    workstream["rag"] = draw(st.sampled_from([level for level in LEVELS if level != workstream["rag"]]))


def _paper_text_blocks(paper) -> list[dict]:
    return [b for s in paper["sections"] for b in s.get("blocks", []) if isinstance(b, dict) and "text" in b]


def reword(files: Files, draw) -> None:
    paper = files[draw(st.sampled_from(["papers/committee-report.yaml", "papers/highlight-report.yaml"]))]
    block = draw(st.sampled_from(_paper_text_blocks(paper)))
    words = block["text"].split(" ")
    at = draw(st.integers(1, len(words) - 1))
    if draw(st.booleans()):
        words.insert(at, draw(WORDS))
    else:
        del words[at]
    block["text"] = " ".join(words)


def add_paragraph(files: Files, draw) -> None:
    paper = files[draw(st.sampled_from(["papers/committee-report.yaml", "papers/highlight-report.yaml"]))]
    section = draw(st.sampled_from([s for s in paper["sections"] if s.get("blocks")]))
    at = draw(st.integers(0, len(section["blocks"])))
    section["blocks"].insert(at, {"text": f"The Board will be told of progress on {{dates.governance-ends}}, {draw(WORDS)}."})


def redate(files: Files, draw) -> None:
    paper = files["papers/highlight-report.yaml"]
    field = draw(st.sampled_from(["date", "meeting"]))
    days = timedelta(days=draw(st.integers(1, 40)))
    if field == "date":
        paper["date"] += days
    else:
        paper["meeting"]["date"] += days


def recommend(files: Files, draw) -> None:
    items = files["papers/highlight-report.yaml"]["recommendations"]
    if draw(st.booleans()) and len(items) > 1:
        del items[draw(st.integers(0, len(items) - 1))]
    else:
        items.insert(draw(st.integers(0, len(items))), f"Approve the {draw(WORDS)} closure timetable.")


def add_service(files: Files, draw) -> None:
    number = 23 + len([n for n in files.data if n.startswith("services/9")])
    name = f"services/9{number}-emergency-planning.yaml"
    files[name] = {"name": f"Emergency Planning {number}", "model": "lead-authority", "date": draw(
        st.sampled_from([d for d in ("2020-12-01", "2021-01-04")])), "lead_authority": draw(st.sampled_from(["NCC", "MKC"]))}


def remove_service(files: Files, draw) -> None:
    files.remove(draw(st.sampled_from(files.names("services"))))


def lead_authority(files: Files, draw) -> None:
    candidates = [n for n in files.names("services") if files[n].get("lead_authority")]
    service = files[draw(st.sampled_from(candidates))]
    service["lead_authority"] = draw(st.sampled_from([c for c in ("CCC", "MKC", "NCC") if c != service["lead_authority"]]))


def _activities(plan) -> list[dict]:
    return [a for section in plan["sections"] for a in section["activities"]]


def move_bar(files: Files, draw) -> None:
    activity = draw(st.sampled_from(_activities(files["plan.yaml"])))
    spans = draw(st.sampled_from([spans for spans in activity["timetable"].values() if spans]))
    span = draw(st.sampled_from(spans))
    first, last = MONTHS.index(span["start"]), MONTHS.index(span["end"])
    start = min(max(0, first + draw(st.integers(-2, 2))), len(MONTHS) - 1)
    end = min(max(start, last + draw(st.integers(-2, 2))), len(MONTHS) - 1)
    note(f"{activity['id']}: {span} to {MONTHS[start]}..{MONTHS[end]}")
    span["start"], span["end"] = MONTHS[start], MONTHS[end]


def rename_activity(files: Files, draw) -> None:
    activity = draw(st.sampled_from(_activities(files["plan.yaml"])))
    activity["title"] = f"{activity['title']} {draw(WORDS)}"


def add_step(files: Files, draw) -> None:
    activity = draw(st.sampled_from(_activities(files["plan.yaml"])))
    key = draw(st.sampled_from(["steps", "stakeholders"]))
    items = activity.setdefault(key, [])
    items.insert(draw(st.integers(0, len(items))), f"Agree the {draw(WORDS)} handover")


def add_milestone(files: Files, draw) -> None:
    programme, plan = files["programme.yaml"], files["plan.yaml"]
    key = f"milestone-{len(programme['key_dates'])}"
    day = draw(st.integers(1, 28))
    month = draw(st.sampled_from([(2020, 10), (2020, 12), (2021, 1)]))
    programme["key_dates"].append({"id": key, "date": f"{month[0]}-{month[1]:02d}-{day:02d}",
                                   "event": f"Board decision on the {draw(WORDS)} arrangements"})
    plan["milestones"].append(key)
    note(f"milestone {programme['key_dates'][-1]}")


EDITS = [rate, reword, add_paragraph, redate, recommend, add_service, remove_service, lead_authority, move_bar,
         rename_activity, add_step, add_milestone]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cycles") / "old"
    shutil.copytree(EXAMPLE, folder)
    return folder


@st.composite
def cycles(draw, base: Path) -> Path:
    """Return a folder holding the example with 1 to 4 random edits."""
    new = base.parent / "new"
    shutil.rmtree(new, ignore_errors=True)
    shutil.copytree(base, new)
    files = Files(new)
    for edit in draw(st.lists(st.sampled_from(EDITS), min_size=1, max_size=4)):
        edit(files, draw)
        note(f"edit: {edit.__name__}")
    files.write()
    return new


def _marked_words(path: Path) -> tuple[set[str], set[str]]:
    """Return the words inside the <ins> and the <del> marks of a redline."""
    body = lxml_html.parse(str(path)).getroot().body
    for key in body.find_class("redline-key"):  # the key's own samples of the marks
        key.getparent().remove(key)
    return ({_bare(w) for mark in body.iter("ins") for w in mark.text_content().split()} - {""},
            {_bare(w) for mark in body.iter("del") for w in mark.text_content().split()} - {""})


def _bare(word: str) -> str:
    return word.strip(".,;:…()")


def _listed_words(changes, side: str) -> set[str]:
    return {_bare(w) for c in changes for w in " ".join(filter(None, (c.subject, c.what, getattr(c, side)))).split()}


# Each example reviews three papers and writes six Word files: a few examples, not shrunk
# (a failure names its edits, and the drawn values are in the report).
@settings(max_examples=8, deadline=None, derandomize=True, database=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_summary_covers_the_redlines_and_word_settles_to_either_version(base, tmp_path_factory, data):
    new = data.draw(cycles(base))
    out = tmp_path_factory.mktemp("review")
    result = review(ReviewRequest(old=str(base), new=str(new), content=new, out=out, formats=("html", "docx")))
    redlines = sorted(out.glob("*-redline.html"))
    assert result.changes, "each edit changes a file at least"
    by_paper = {}
    for change in result.changes:
        by_paper.setdefault(change.area.rpartition("(")[2].rstrip(")"), []).append(change)
    for path in redlines:
        paper_id = path.name.removesuffix("-redline.html")
        listed = list(by_paper.get(paper_id, []))
        for change in listed:  # an appendix listed under the paper it prints counts that paper's list
            if "as listed under" in change.what:
                listed += by_paper[change.what.rpartition("(")[2].rstrip(")")]
        inserted, deleted = _marked_words(path)
        assert inserted <= _listed_words(listed, "new"), f"{paper_id}: inserted words the summary misses"
        assert deleted <= _listed_words(listed, "old"), f"{paper_id}: deleted words the summary misses"
    for paper_id in by_paper:
        if paper_id in result.new.content.papers:  # a paper in the summary has a redline
            assert (out / f"{paper_id}-redline.html").is_file()
    env = environment()
    for path in sorted(out.glob("*-redline.docx")):
        paper_id = path.name.removesuffix("-redline.docx")
        tracked = document(path)
        for accept, version in ((True, result.new), (False, result.old)):
            plain = document(writer("docx")(render_paper(version.content, paper_id, env), WriterOptions()))
            got = settled(tracked, accept)
            assert written(text_and_formatting(got)) == written(text_and_formatting(plain)), \
                f"{paper_id}: {'accept' if accept else 'reject'}"
            assert table_shapes(got) == table_shapes(plain)
