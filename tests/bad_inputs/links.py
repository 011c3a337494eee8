"""In-paper links (``[text](#id)``) to an id that a paper printing the text lacks.

Such a link would fail the PDF build with no file or line; it is a content error instead.
"""

from . import GOVERNANCE, REPORT, Case, G, R, Replace

FORMS = "in-paper links name a section's id, #appendix-N (or -A), #workstream-N, or #plan- and an activity id"
BLOCK = "sections[0].blocks[0].text"
IN_REPORT = "leads nowhere in the committee-report paper (no element there has that id)"

CASES = [
    Case("link-to-no-anchor", (Replace(REPORT, "On {dates.june-paper}", "On [see](#nowhere) {dates.june-paper}"),),
         (f"{R}:{{L-1}}:15: {BLOCK}: the link to #nowhere {IN_REPORT}; {FORMS}",)),
    Case("link-to-misspelt-anchor", (Replace(REPORT, "On {dates.june-paper}", "On [Appendix 1](#apendix-1) {dates.june-paper}"),),
         (f'{R}:{{L-1}}:15: {BLOCK}: the link to #apendix-1 {IN_REPORT}; did you mean "#appendix-1"?',)),
    Case("link-to-a-work-stream-not-there", (Replace(GOVERNANCE, "  - The new governance framework",
                                                     "  - As [Finance](#workstream-30) says, the new governance framework"),),
         (f'{G}:{{@risks_and_issues}}:19: risks_and_issues: the link to #workstream-30 leads nowhere in the committee-report '
          'paper, which prints this text, (no element there has that id); did you mean "#workstream-3"?',)),
    Case("link-only-another-paper-has", (Replace(GOVERNANCE, "  - The new governance framework",
                                                 "  - As [the plan](#appendix-1) shows, the new governance framework"),),
         (f"{G}:{{@risks_and_issues}}:19: risks_and_issues: the link to #appendix-1 leads nowhere in the highlight-report "
          f"paper, which prints this text, (no element there has that id); {FORMS}",)),
    Case("reference-link-to-no-anchor", (Replace(REPORT, "On {dates.june-paper}",
                                                 "[paper]: #june\n          On [see][paper] {dates.june-paper}"),),
         (f"{R}:{{L-1}}:15: {BLOCK}: the link to #june {IN_REPORT}; {FORMS}",)),
    Case("link-in-arrangements", (Replace("temporary-arrangements.yaml", "agreed: |", "agreed: |\n      See [below](#later)."),),
         (f"content/temporary-arrangements.yaml:{{L}}:13: arrangements[0].agreed: the link to #later {IN_REPORT}; {FORMS}",)),
]
