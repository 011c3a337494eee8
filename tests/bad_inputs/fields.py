"""Values of the wrong kind, unknown or missing fields, RAG statuses and dates."""

from . import FACTS, GOVERNANCE, PROGRAMME, REPORT, SERVICE, WORKSTREAM, Case, F, G, P, R, Replace, S, Write

RAG = "expected one of Red, Amber/Red, Amber, Green"
DATE = 'expected a date such as 2020-11-17 or "17 November 2020"'
TABLES = "rag_summary, rag_key, services, temporary_arrangements, appendices or escalations"


def workstream(old: str, new: str) -> Write:
    """Return an edit writing the small valid work stream with ``old`` replaced by ``new``."""
    assert old in WORKSTREAM
    return Write(GOVERNANCE, WORKSTREAM.replace(old, new))


def service(text: str) -> Write:
    return Write(SERVICE, "name: IT Operations\ndate: 2020-12-01\n" + text)


CASES = [
    # Wrong kinds of value
    Case("number-in-words", (Replace(GOVERNANCE, "number: 1", "number: one"),),
         (f'{G}:{{L}}:9: number: expected a whole number; got "one"',)),
    Case("number-with-fraction", (Replace(GOVERNANCE, "number: 1", "number: 1.5"),),
         (f'{G}:{{L}}:9: number: expected a whole number; got "1.5"',)),
    Case("number-zero", (Replace(GOVERNANCE, "number: 1", "number: 0"),),
         (f'{G}:{{L}}:9: number: expected a number greater than or equal to 1; got "0"',)),
    Case("number-not-a-number", (Replace(GOVERNANCE, "number: 1", "number: .nan"),),
         (f'{G}:{{L}}:9: number: expected a number; got "nan"',)),
    Case("number-too-long", (Replace(GOVERNANCE, "number: 1", "number: 1" + "0" * 5000),),
         (f'{G}:{{L}}:9: number: "1{"0" * 39}…" is too long a number to read',)),
    Case("title-is-a-list", (Replace(GOVERNANCE, "title: Governance", "title: [Governance, Assurance]"),),
         (f"{G}:{{L}}:8: title: expected text; got a list",)),
    Case("title-is-a-mapping", (workstream("title: Governance\n", "title:\n  name: Governance\n"),),
         (f"{G}:3:3: title: expected text; got a mapping",)),
    Case("title-is-empty", (workstream("title: Governance", "title:"),),
         (f"{G}:2:7: title: expected text; got nothing",)),
    Case("title-yes-read-as-boolean", (workstream("title: Governance", "title: yes"),),
         (f'{G}:2:8: title: expected text; got yes, which YAML reads as true or false; put it in quotes to mean the text "yes"',)),
    Case("title-number-read-as-number", (workstream("title: Governance", "title: 2020"),),
         (f'{G}:2:8: title: expected text; got 2020, which YAML reads as a number; put it in quotes to mean the text "2020"',)),
    Case("fact-is-a-list", (Replace(FACTS, "posts_deleted: 25", "posts_deleted: [25, 26]"),),
         (f'{F}:{{L}}:18: consultation.posts_deleted: expected text, a number or a date; got a list',)),
    Case("service-model-unknown", (service("model: outsourced\n"),),
         (f'{S}:3:8: model: "outsourced" is not a declared service model; expected one of repatriated, lead-authority',)),
    Case("service-model-near-miss", (service("model: repatriatd\n"),),
         (f'{S}:3:8: model: "repatriatd" is not a declared service model; did you mean "repatriated"?',)),
    Case("lead-authority-missing", (service("model: lead-authority\n"),),
         (f"{S}:1:1: lead_authority: required for lead authority services; give the code of the partner that leads it",)),
    Case("repatriated-with-lead-authority", (service("model: repatriated\nlead_authority: CCC\n"),),
         (f"{S}:4:17: lead_authority: repatriated services have no lead authority; remove it, or choose another model",)),
    Case("partner-code-lower-case", (Replace(PROGRAMME, "  - code: MKC", "  - code: mkc"),),
         (f'{P}:{{L}}:11: partners[1].code: expected a short code used across papers: 2 to 12 letters, digits or &, '
          'starting with a capital, e.g. ABC; got "mkc"',)),
    Case("partner-kind-unknown", (Replace(PROGRAMME, "    kind: customer", "    kind: client"),),
         (f'{P}:{{L}}:11: partners[3].kind: expected one of partner, customer or other; got "client"',)),
    Case("table-name-misspelt", (Replace(REPORT, "      - table: rag_summary", "      - table: rag_sumary"),),
         (f'{R}:{{L}}:16: sections[1].blocks[1].table: expected one of {TABLES}; got "rag_sumary"; did you mean "rag_summary"?',)),
    Case("block-with-text-and-table", (Replace(REPORT, "      - table: rag_summary", "      - table: rag_summary\n        text: The summary."),),
         (f"{R}:{{L+1}}:9: sections[1].blocks[1].text: unknown field; expected one of caption, table, as_at, headings",)),
    Case("block-of-no-kind", (Replace(REPORT, "      - table: rag_summary", "      - tabel: rag_summary"),),
         (f"{R}:{{L}}:9: sections[1].blocks[1]: expected a block: text:, table:, figures:, workstream_pages:, rag_history: or image:",)),
    Case("table-option-of-another-table", (Replace(REPORT, "      - table: rag_summary", "      - table: rag_summary\n        model: repatriated"),),
         (f"{R}:{{L+1}}:9: sections[1].blocks[1].model: unknown field; expected one of caption, table, as_at, headings",)),
    Case("no-arrangements", (Write("temporary-arrangements.yaml", "arrangements: []\n"),),
         ("content/temporary-arrangements.yaml:1:15: arrangements: expected at least 1 item",)),
    # Unknown and missing fields
    Case("unknown-field-typo", (workstream("rag: Amber\n", "rag: Amber\nescalation: none\n"),),
         (f'{G}:6:1: escalation: unknown field; did you mean "escalations"?',)),
    Case("unknown-field-no-near-miss", (workstream("rag: Amber\n", "rag: Amber\ncolour: blue\n"),),
         (f"{G}:6:1: colour: unknown field; expected one of number, title, project, lead, previous_lead, report_date, rag, "
          "objectives, current_status, next_milestones, risks_and_issues, escalations",)),
    Case("unknown-nested-field-typo", (Replace(PROGRAMME, "  organisation: LGSS", "  organisaton: LGSS"),),
         (f"{P}:{{@  name: LGSS Business Transition}}:3: programme.organisation: required field is missing",
          f'{P}:{{L}}:3: programme.organisaton: unknown field; did you mean "organisation"?')),
    Case("required-field-missing", (workstream("rag: Amber\n", ""),),
         (f"{G}:1:1: rag: required field is missing",)),
    # RAG statuses
    Case("rag-unknown", (Replace(GOVERNANCE, "rag: Amber", "rag: Purple"),),
         (f'{G}:{{L}}:6: rag: {RAG}; got "Purple"',)),
    Case("rag-empty", (workstream("rag: Amber", "rag: ''"),),
         (f"{G}:5:6: rag: {RAG}; got nothing",)),
    Case("rag-number", (workstream("rag: Amber", "rag: 3"),),
         (f'{G}:5:6: rag: {RAG}; got "3"',)),
    Case("rag-split-part-unknown", (workstream("rag: Amber", "rag: Amber (OLA) / Blue (Road Map)"),),
         (f'{G}:5:6: rag: {RAG}; got "Blue"',)),
    Case("rag-near-miss", (workstream("rag: Amber", "rag: Ambre"),),
         (f'{G}:5:6: rag: {RAG}; got "Ambre"; did you mean "Amber"?',)),
    Case("rag-level-of-another-scale", (workstream("rag: Amber", "rag: Amber/Green"),),
         (f'{G}:5:6: rag: {RAG}; got "Amber/Green"',)),
    Case("rag-not-reported-undeclared", (workstream("rag: Amber", "rag: Not reported"),),
         (f'{G}:5:6: rag: {RAG}; got "Not reported"',)),
    Case("rag-dimensions-undeclared", (workstream("rag: Amber", "rag:\n  overall: Amber\n  budget: Green"),),
         (f'{G}:6:3: rag: {RAG}; got a mapping',)),
    Case("rag-level-twice", (Replace(PROGRAMME, "    - level: Amber/Red", "    - level: red"),),
         (f'{P}:{{L}}:14: rag.scale[1].level: "red" is already used on line {{L-3}}; ids must be unique',)),
    Case("rag-colour-not-hex", (Replace(PROGRAMME, '      colour: "#f4c7c3"', "      colour: pink"),),
         (f'{P}:{{L}}:15: rag.scale[0].colour: expected Tint of a cell holding this rating, #RRGGBB (light, so dark '
          'text stays readable); got "pink"',)),
    Case("rag-overall-undeclared", (Replace(PROGRAMME, "  scale:\n", "  overall: budget\n  scale:\n"),),
         (f'{P}:{{L}}:12: rag.overall: "budget" is not a declared dimension; declare dimensions first',)),
    # Dates
    Case("date-day-does-not-exist", (workstream("report_date: 2020-11-09", "report_date: 2020-11-31"),),
         (f'{G}:4:14: report_date: "2020-11-31" is not a date that exists; check the day and month',)),
    Case("date-month-13", (workstream("report_date: 2020-11-09", "report_date: 2020-13-01"),),
         (f'{G}:4:14: report_date: "2020-13-01" is not a date that exists; check the day and month',)),
    Case("date-in-words", (workstream("report_date: 2020-11-09", "report_date: next week"),),
         (f'{G}:4:14: report_date: {DATE}; got "next week"',)),
    Case("date-month-misspelt", (workstream("report_date: 2020-11-09", "report_date: 9 Novembr 2020"),),
         (f'{G}:4:14: report_date: {DATE}; got "9 Novembr 2020"',)),
    Case("date-uk-impossible", (workstream("report_date: 2020-11-09", "report_date: 31/6/2020"),),
         (f'{G}:4:14: report_date: {DATE}; got "31/6/2020"',)),
    Case("date-as-number", (workstream("report_date: 2020-11-09", "report_date: 20201109"),),
         (f'{G}:4:14: report_date: expected a date such as 2020-11-17; got "20201109"',)),
]
