"""In-paper links (``[text](#id)``) to an id that no part of the papers has.

Such a link would fail the PDF build with no file or line; it is a content error instead.
"""

from . import GOVERNANCE, PROGRAMME, Case, G, P, Replace

FORMS = "in-paper links name #appendix-N, #workstream-N or #plan- and an activity id"
BLOCK = "committee_report.sections[0].blocks[0].text"

CASES = [
    Case("link-to-no-anchor", (Replace(PROGRAMME, "On {dates.june-paper}", "On [see](#nowhere) {dates.june-paper}"),),
         (f"{P}:{{L-1}}:17: {BLOCK}: the link to #nowhere leads nowhere: no part of the papers has that id; {FORMS}",)),
    Case("link-to-misspelt-anchor", (Replace(PROGRAMME, "On {dates.june-paper}", "On [Appendix 1](#apendix-1) {dates.june-paper}"),),
         (f'{P}:{{L-1}}:17: {BLOCK}: the link to #apendix-1 leads nowhere: no part of the papers has that id; '
          'did you mean "#appendix-1"?',)),
    Case("link-to-a-work-stream-not-there", (Replace(GOVERNANCE, "  - The new governance framework",
                                                     "  - As [Finance](#workstream-30) says, the new governance framework"),),
         (f'{G}:{{@risks_and_issues}}:19: risks_and_issues: the link to #workstream-30 leads nowhere: no part of the papers '
          'has that id; did you mean "#workstream-3"?',)),
    Case("reference-link-to-no-anchor", (Replace(PROGRAMME, "On {dates.june-paper}",
                                                 "[paper]: #june\n            On [see][paper] {dates.june-paper}"),),
         (f"{P}:{{L-1}}:17: {BLOCK}: the link to #june leads nowhere: no part of the papers has that id; {FORMS}",)),
    Case("link-in-arrangements", (Replace("temporary-arrangements.yaml", "agreed: |", "agreed: |\n      See [below](#later)."),),
         ("content/temporary-arrangements.yaml:{L}:13: arrangements[0].agreed: the link to #later leads nowhere: "
          f"no part of the papers has that id; {FORMS}",)),
]
