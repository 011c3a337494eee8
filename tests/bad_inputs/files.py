"""Whole files: empty, missing, not a mapping, not UTF-8; and problems in several files at once."""

from . import GOVERNANCE, PROGRAMME, REPORT, WORKSTREAM, Case, Delete, G, R, Replace, Symlink, Write

NOT_UTF8 = "not UTF-8 text (byte 0x{:02x}); save the file as UTF-8"

CASES = [
    Case("empty-file", (Write(GOVERNANCE, ""),),
         (f"{G}:1:1: file is empty; expected a mapping of fields",)),
    Case("only-comments", (Write(GOVERNANCE, "# to be written\n"),),
         (f"{G}:1:1: file is empty; expected a mapping of fields",)),
    Case("top-level-list", (Write(GOVERNANCE, "- number: 1\n"),),
         (f"{G}:1:1: expected a mapping of fields at the top of the file",)),
    Case("top-level-text", (Write(GOVERNANCE, "Governance\n"),),
         (f"{G}:1:1: expected a mapping of fields at the top of the file",)),
    Case("missing-papers", (Delete("papers"),),
         ("content/papers:1:1: required folder is missing; add a .yaml file to papers/ for each paper (see README: Declaring papers)",)),
    # The text block names five consultation facts; a problem is placed at the block's first line.
    Case("missing-facts-a-paper-names", (Delete("facts.yaml"),),
         tuple(f"{R}:{{@heading: Collective consultation}}+2:15: sections[3].blocks[0].text: {{consultation.{name}}} names "
               "no known group of facts; expected one of dates, paper, programme, tables, workstreams (facts.yaml declares your own groups)"
               for name in ("extended_by_days", "posts_deleted", "staff_consulted", "staff_redeployed", "started"))),
    Case("missing-programme", (Delete(PROGRAMME),),
         ("content/programme.yaml:1:1: required file is missing; create programme.yaml in the content folder",)),
    Case("no-services-but-a-paper-lists-them", (Delete("services"),),
         (f"{R}:{{@- table: services}}:16: sections[3].blocks[1].table: this paper needs services, which the content "
          "folder lacks; add a file to services/ for each service",
          f"{R}:{{@model: lead-authority}}-1:16: sections[3].blocks[2].table: this paper needs services, which the content "
          "folder lacks; add a file to services/ for each service")),
    Case("no-plan-but-a-plan-paper", (Delete("plan.yaml"),),
         ("content/papers/transition-plan.yaml:3:7: kind: this paper needs plan.yaml, which the content folder lacks; "
          "create plan.yaml",)),
    Case("no-content-folder", (Delete("."),),
         ("content:1:1: content folder not found",)),
    Case("latin-1-accent", (Write(GOVERNANCE, WORKSTREAM.replace("Governance", "Gouvernance é").encode("latin-1")),),
         (f"{G}:2:20: " + NOT_UTF8.format(0xE9),)),
    Case("windows-1252-dash", (Write(GOVERNANCE, WORKSTREAM.replace("Governance", "Governance – Board").encode("cp1252")),),
         (f"{G}:2:19: " + NOT_UTF8.format(0x96),)),
    Case("utf-16", (Write(GOVERNANCE, WORKSTREAM.encode("utf-16")),),
         (f"{G}:1:1: " + NOT_UTF8.format(0xFF),)),
    Case("symlink-loop", (Symlink("workstreams/08-loop.yaml", "08-loop.yaml"),),
         ("content/workstreams/08-loop.yaml:1:1: is a link to nothing",)),
    Case("problems-in-three-files", (
        Replace(GOVERNANCE, "rag: Amber", "rag: Purple"),
        Replace(REPORT, "status_as_at: 2020-11-13", "status_as_at: soon"),
        Write("workstreams/07-schools-academies.yaml", ""),
    ), (
        f'{R}:{{@status_as_at}}:15: status_as_at: expected a date such as 2020-11-17 or "17 November 2020"; got "soon"',
        f'{G}:{{L}}:6: rag: expected one of Red, Amber/Red, Amber, Green; got "Purple"',
        "content/workstreams/07-schools-academies.yaml:1:1: file is empty; expected a mapping of fields",
    )),
]
