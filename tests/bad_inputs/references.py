"""References between files that do not resolve, and ids used twice."""

from . import GOVERNANCE, PROGRAMME, SERVICE, Case, G, P, Replace, S, Write

LEADS = "expected one of CCC, MKC, NCC"


def service(text: str) -> Write:
    return Write(SERVICE, "name: IT Operations\nmodel: lead-authority\ndate: 2020-12-01\n" + text)


CASES = [
    Case("lead-authority-is-a-customer", (service("lead_authority: NBC\n"),),
         (f'{S}:4:17: lead_authority: "NBC" is not a partner council; {LEADS}',)),
    Case("lead-authority-undeclared", (service("lead_authority: XYZ\n"),),
         (f'{S}:4:17: lead_authority: "XYZ" is not a declared partner; {LEADS}',)),
    Case("lead-authority-near-miss", (service("lead_authority: NNC\n"),),
         (f'{S}:4:17: lead_authority: "NNC" is not a declared partner; did you mean "NCC"?',)),
    Case("scope-undeclared", (Write(SERVICE, "name: IT Operations\nmodel: repatriated\ndate: 2020-10-01\nscope: [CCC, QQQ]\n"),),
         (f'{S}:4:14: scope[1]: "QQQ" is not a declared partner; expected one of CCC, MKC, NCC, NBC, NPH, NCFRA',)),
    Case("lead-person-unknown", (Replace(GOVERNANCE, "lead: tricia-burningham", "lead: tricia"),),
         (f'{G}:{{L}}:7: lead: "tricia" is not in people in programme.yaml; did you mean "tricia-burningham"?',)),
    Case("author-unknown", (Replace(PROGRAMME, "authors: [claire-townrow,", "authors: [claire,"),),
         (f'{P}:{{L}}:13: committee_report.authors[0]: "claire" is not in people; did you mean "claire-townrow"?',)),
    Case("fact-unknown", (Replace(PROGRAMME, "On {dates.june-paper}", "On {dates.july-paper}"),),
         (f"{P}:{{L-1}}:17: committee_report.sections[0].blocks[0].text: {{dates.july-paper}} names no known fact; "
          "facts come from consultation, dates, programme, workstreams (for dates, the ids in key_dates)",)),
    Case("fact-group-unknown", (Replace(PROGRAMME, "On {dates.june-paper}", "On {money.june}"),),
         (f"{P}:{{L-1}}:17: committee_report.sections[0].blocks[0].text: {{money.june}} names no known fact; "
          "facts come from consultation, dates, programme, workstreams (for dates, the ids in key_dates)",)),
    Case("person-id-twice", (Replace(PROGRAMME, "  - id: vicky-elday\n", "  - id: vicky-elday\n    name: Vicky Elday\n  - id: vicky-elday\n"),),
         (f'{P}:{{L+2}}:9: people[11].id: "vicky-elday" is already used on line {{L}}; ids must be unique',)),
    Case("person-id-not-a-slug", (Replace(PROGRAMME, "  - id: vicky-elday\n", "  - id: Sam Smith\n    name: Sam Smith\n  - id: vicky-elday\n"),),
         (f'{P}:{{L}}:9: people[10].id: "Sam Smith" is not a valid id; use lower-case letters, digits and hyphens',)),
    Case("partner-code-twice", (Replace(PROGRAMME, "  - code: NCFRA", "  - code: NCC\n    name: Northamptonshire again\n  - code: NCFRA"),),
         (f'{P}:{{L}}:11: partners[5].code: "NCC" is already used on line {{@  - code: NCC}}; ids must be unique',)),
    Case("key-date-id-twice", (Replace(PROGRAMME, "    event: Original proposal presented to the Joint Committee\n",
                                       "    event: Original proposal presented to the Joint Committee\n"
                                       "  - id: june-paper\n    date: 2020-06-03\n    event: The June paper again\n"),),
         (f'{P}:{{L+1}}:9: key_dates[9].id: "june-paper" is already used on line {{@  - id: june-paper}}; ids must be unique',)),
    Case("workstream-number-twice", (Replace("workstreams/02-hr-consultation.yaml", "number: 2", "number: 1"),),
         ("content/workstreams/02-hr-consultation.yaml:{L}:9: number: work stream 1 is already numbered in "
          "content/workstreams/01-governance.yaml",)),
]
