"""Checks that span files: ids unique, references resolve, every fact named in text exists."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..load import Source
from ..model.content import BUILT_IN_GROUPS, NEAR_PLACEHOLDER, PAPER_FACTS, PLACEHOLDER, PROGRAMME_FACTS, Content, Facts
from ..model.paper import Paper
from .hints import one_of
from .texts import strings


def check_references(content: Content) -> list[Problem]:
    """Return every cross-reference problem in ``content``."""
    return [*_unique_files(content), *_numbers(content), *_services(content), *_people(content),
            *_fact_groups(content), *check_facts(content)]


def _unique_files(content: Content) -> Iterator[Problem]:
    """Yield a problem for two files of a folder with one id (01-finance.yaml and finance.yaml)."""
    for entries in (list(content.papers.values()), content.workstreams, content.services):
        seen: dict[str, str] = {}
        for entry in sorted(entries, key=lambda e: e.source.path.name):
            if entry.id in seen:
                yield entry.source.problem((), f'has the id "{entry.id}" of {seen[entry.id]}; rename one of them')
            seen.setdefault(entry.id, entry.source.shown_path)


def _numbers(content: Content) -> Iterator[Problem]:
    numbers: dict[int, str] = {}
    noun = content.programme.words.workstream
    for entry in content.workstreams:
        number = entry.model.number
        if number is not None and number in numbers:
            yield entry.source.problem(("number",), f"{noun} {number} is already numbered in {numbers[number]}")
        if number is not None:
            numbers.setdefault(number, entry.source.shown_path)


def _services(content: Content) -> Iterator[Problem]:
    models = {m.id: m for m in content.programme.service_models}
    codes = {p.code: p for p in content.programme.partners}
    leads = [p.code for p in content.programme.partners if p.kind == "partner"]
    for entry in content.services:
        service, source = entry.model, entry.source
        model = models.get(service.model)
        if model is None:
            hint = one_of(service.model, models) or "declare service_models in programme.yaml"
            yield source.problem(("model",), f'"{service.model}" is not a declared service model; {hint}')
        elif model.lead_authority == "required" and not service.lead_authority:
            yield source.problem(("lead_authority",), f"required for {model.label} services; give the code of the partner that leads it")
        elif model.lead_authority == "none" and service.lead_authority:
            yield source.problem(("lead_authority",), f"{model.label} services have no lead authority; remove it, or choose another model")
        if service.lead_authority and service.lead_authority not in leads:
            if service.lead_authority in codes:  # a customer: known, so no near miss to suggest
                what = f'is not a partner; expected one of {", ".join(leads)}'
            else:
                what = f"is not a declared partner; {one_of(service.lead_authority, leads)}"
            yield source.problem(("lead_authority",), f'"{service.lead_authority}" {what}')
        for index, code in enumerate(service.scope):
            if code not in codes:
                yield source.problem(("scope", index), f'"{code}" is not a declared partner; {one_of(code, codes)}')


def _people(content: Content) -> Iterator[Problem]:
    people = [p.id for p in content.programme.people]

    def hint(person: str) -> str:
        return one_of(person, people) or "add them to people in programme.yaml"

    for entry in content.papers.values():
        for index, author in enumerate(entry.model.authors):
            if author not in people:
                yield entry.source.problem(("authors", index), f'"{author}" is not in people in programme.yaml; {hint(author)}')
    for entry in content.workstreams:
        for key in ("lead", "previous_lead"):
            value = getattr(entry.model, key)
            if value is not None and value not in people:
                yield entry.source.problem((key,), f'"{value}" is not in people in programme.yaml; {hint(value)}')


def _fact_groups(content: Content) -> Iterator[Problem]:
    if content.facts is None:
        return
    for group in content.facts.root:
        if group in BUILT_IN_GROUPS:
            yield content.facts_source.problem((group,), f'"{group}" names facts lgss-docs provides itself; call this group something else', key=True)


def _sources(content: Content) -> Iterator[tuple[Source, Paper | None]]:
    """Yield every content file whose text may name facts, with its paper if it is one."""
    yield content.programme_source, None
    for entry in content.papers.values():
        yield entry.source, entry.model
    for entry in (*content.workstreams, *content.services):
        yield entry.source, None
    for source in (content.arrangements_source, content.plan_source):
        if source is not None:
            yield source, None
    for entry in content.tables.values():
        yield entry.source, None


def check_facts(content: Content) -> list[Problem]:
    """Return a problem for each fact named in any text of ``content`` that does not exist.

    Every string of every file is searched, so a text field added later is covered too; the
    views fill facts in every text they print (tests/test_facts.py checks that they do).
    """
    problems = []
    groups = sorted({*BUILT_IN_GROUPS, *(content.facts.root if content.facts else ())} - {"table"})
    for source, paper in _sources(content):
        facts = Facts(content, paper)
        for loc, text in strings(source.data):
            for match in PLACEHOLDER.finditer(text):
                group, name = match[1], match[2]
                if group == "table" and loc[-1:] == ("caption",):
                    continue  # {table.dates} and {table.as_at}: filled by the table they caption
                if facts.get(group, name) is None:
                    problems.append(source.problem(loc, _unknown(match[0], group, name, groups, content, paper)))
    if content.facts_source is not None:
        for loc, text in strings(content.facts_source.data):
            if PLACEHOLDER.search(text):
                problems.append(content.facts_source.problem(loc, "a fact cannot name another fact; write its value out"))
    return problems


def _unknown(written: str, group: str, name: str, groups: list[str], content: Content, paper: Paper | None) -> str:
    if group == "paper" and paper is None:
        return f"{written}: facts of a paper can be named only in that paper's own file"
    if group == "tables":
        return f"{written} names no figure; {_figure_hint(name, Facts(content).grids)}"
    if group not in groups:
        hint = one_of(group, groups)
        return f"{written} names no known group of facts; {hint} (facts.yaml declares your own groups)"
    choices = _names(group, content, paper)
    hint = one_of(name, choices) if choices else f"{group} has no facts"
    return f"{written} names no known fact; {hint}"


def _figure_hint(name: str, grids) -> str:
    """Return what is wrong with TABLE.ROW.COLUMN, the name of a figure that is not there."""
    parts = name.split(".")
    if len(parts) != 3:
        return "name one as {tables.TABLE.ROW.COLUMN}, e.g. {tables.budget.total.2019-20}"
    table, row, column = parts
    if grids.find(table) == "unknown":
        return f'"{table}" is not a table in tables/; {one_of(table, grids.tables) or "tables/ has none"}'
    grid = grids[table]
    if row in grid.shared:
        return f'{len(grid.shared[row])} rows of {table} are labelled like "{row}"; give the one you mean an id:'
    if row not in grid.ids:
        return f'"{row}" is not a row of {table}; {one_of(row, grid.ids)}'
    if grid.column(column) is None:
        return f'"{column}" is not a column of {table}; {one_of(column, [c.id for c in grid.table.columns])}'
    return f"that cell of {table} is empty"


def _names(group: str, content: Content, paper: Paper | None) -> list[str]:
    facts = Facts(content, paper)
    known = {"dates": [d.id for d in content.programme.key_dates], "programme": list(PROGRAMME_FACTS),
             "workstreams": ["count"], "paper": list(PAPER_FACTS)}
    names = known.get(group) or list((content.facts.root if content.facts else {}).get(group, {}))
    return [n for n in names if facts.get(group, n) is not None]


def near_miss_warnings(content: Content) -> list[Problem]:
    """Return a warning for each text written almost like a fact, {Dates.x} or { dates.x }, left as typed."""
    warnings = []
    for source, _ in _sources(content):
        for loc, text in strings(source.data):
            for match in NEAR_PLACEHOLDER.finditer(text):
                if not PLACEHOLDER.fullmatch(match[0]):
                    meant = f"{{{match[1].lower()}.{match[2]}}}"
                    warnings.append(source.problem(loc, f"{match[0]} is printed as typed; to name a fact write {meant}"))
    return warnings
