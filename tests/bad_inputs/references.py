"""References between files that do not resolve, and ids used twice."""

from . import GOVERNANCE, HIGHLIGHT, PROGRAMME, REPORT, SERVICE, Case, G, H, P, R, Replace, S, Write

LEADS = "expected one of CCC, MKC, NCC"


def service(text: str) -> Write:
    return Write(SERVICE, "name: IT Operations\nmodel: lead-authority\ndate: 2020-12-01\n" + text)


CASES = [
    Case("lead-authority-is-a-customer", (service("lead_authority: NBC\n"),),
         (f'{S}:4:17: lead_authority: "NBC" is not a partner; {LEADS}',)),
    Case("lead-authority-undeclared", (service("lead_authority: XYZ\n"),),
         (f'{S}:4:17: lead_authority: "XYZ" is not a declared partner; {LEADS}',)),
    Case("lead-authority-near-miss", (service("lead_authority: NNC\n"),),
         (f'{S}:4:17: lead_authority: "NNC" is not a declared partner; did you mean "NCC"?',)),
    Case("scope-undeclared", (Write(SERVICE, "name: IT Operations\nmodel: repatriated\ndate: 2020-10-01\nscope: [CCC, QQQ]\n"),),
         (f'{S}:4:14: scope[1]: "QQQ" is not a declared partner; expected one of CCC, MKC, NCC, NBC, NPH, NCFRA',)),
    Case("lead-person-unknown", (Replace(GOVERNANCE, "lead: tricia-burningham", "lead: tricia"),),
         (f'{G}:{{L}}:7: lead: "tricia" is not in people in programme.yaml; did you mean "tricia-burningham"?',)),
    Case("author-unknown", (Replace(REPORT, "authors: [claire-townrow,", "authors: [claire,"),),
         (f'{R}:{{L}}:11: authors[0]: "claire" is not in people in programme.yaml; did you mean "claire-townrow"?',)),
    Case("fact-unknown", (Replace(REPORT, "On {dates.june-paper}", "On {dates.july-paper}"),),
         (f'{R}:{{L-1}}:15: sections[0].blocks[0].text: {{dates.july-paper}} names no known fact; did you mean "june-paper"?',)),
    Case("fact-group-unknown", (Replace(REPORT, "On {dates.june-paper}", "On {money.june}"),),
         (f"{R}:{{L-1}}:15: sections[0].blocks[0].text: {{money.june}} names no known group of facts; expected one of "
          "consultation, dates, paper, programme, tables, workstreams (facts.yaml declares your own groups)",)),
    Case("fact-in-recommendations", (Replace(REPORT, "ceases on {dates.joint-committee-ends}", "ceases on {dates.joint-comittee-ends}"),),
         (f'{R}:{{L}}:5: recommendations[1]: {{dates.joint-comittee-ends}} names no known fact; did you mean "joint-committee-ends"?',)),
    Case("fact-in-service-notes", (Write(SERVICE, "name: IT Operations\nmodel: repatriated\ndate: 2020-10-01\nnotes: From {dates.go-live}.\n"),),
         (f'{S}:4:8: notes: {{dates.go-live}} names no known fact; expected one of joint-committee-ends, governance-ends, '
          'lead-authority-board-starts, lead-authority-starts, services-repatriated, future-arrangements, '
          'transition-period-ends, june-paper, february-paper',)),
    Case("paper-fact-outside-a-paper", (Replace(GOVERNANCE, "title: Governance", "title: Governance for {paper.meeting}"),),
         (f"{G}:{{L}}:8: title: {{paper.meeting}}: facts of a paper can be named only in that paper's own file",)),
    Case("paper-fact-it-lacks", (Replace(REPORT, "On {dates.june-paper}", "On {paper.subject}"),),
         (f'{R}:{{L-1}}:15: sections[0].blocks[0].text: {{paper.subject}} names no known fact; expected one of title, '
          'meeting, meeting_date, date, status_as_at',)),
    Case("appendix-paper-unknown", (Replace(REPORT, "    paper: highlight-report", "    paper: highlight-reprot"),),
         (f'{R}:{{L}}:12: appendices[1].paper: "highlight-reprot" is not a declared paper; did you mean "highlight-report"?',)),
    Case("appendix-is-itself", (Replace(REPORT, "    paper: highlight-report", "    paper: committee-report"),),
         (f"{R}:{{L}}:12: appendices[1].paper: a paper cannot be its own appendix",)),
    Case("paper-kind-unknown", (Replace(HIGHLIGHT, "kind: report", "kind: reprot"),),
         (f'{H}:{{L}}:7: kind: "reprot" is not a kind of paper; did you mean "report"? (a kind of your own is a '
          "template in the content's templates/kinds/)",)),
    Case("escalations-box-unknown", (Replace(HIGHLIGHT, "      - table: escalations", "      - table: escalations\n        box: escalation"),),
         (f'{H}:{{L+1}}:14: sections[3].blocks[0].box: "escalation" is not a box of the work stream page; did you mean "escalations"?',)),
    Case("services-table-model-unknown", (Replace(REPORT, "        model: lead-authority", "        model: hosted"),),
         (f'{R}:{{L}}:16: sections[3].blocks[2].model: "hosted" is not a declared service model; expected one of repatriated, lead-authority',)),
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
         ("content/workstreams/02-hr-consultation.yaml:{L}:9: number: project work stream 1 is already numbered in "
          "content/workstreams/01-governance.yaml",)),
]
