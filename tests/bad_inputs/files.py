"""Whole files: empty, missing, not a mapping, not UTF-8; and problems in several files at once."""

from . import CONSULTATION, GOVERNANCE, PROGRAMME, WORKSTREAM, Case, Delete, G, Replace, Symlink, Write

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
    Case("missing-consultation", (Delete(CONSULTATION),),
         ("content/consultation.yaml:1:1: required file is missing; create consultation.yaml in the content folder",)),
    Case("missing-programme", (Delete(PROGRAMME),),
         ("content/programme.yaml:1:1: required file is missing; create programme.yaml in the content folder",)),
    Case("no-services", (Delete("services"),),
         ("content/services:1:1: no services found; add one .yaml file per service",)),
    Case("no-content-folder", (Delete("."),),
         ("content:1:1: content folder not found",)),
    Case("latin-1-accent", (Write(GOVERNANCE, WORKSTREAM.replace("Governance", "Gouvernance é").encode("latin-1")),),
         (f"{G}:2:20: " + NOT_UTF8.format(0xE9),)),
    Case("windows-1252-dash", (Write(GOVERNANCE, WORKSTREAM.replace("Governance", "Governance – Board").encode("cp1252")),),
         (f"{G}:2:19: " + NOT_UTF8.format(0x96),)),
    Case("utf-16", (Write(GOVERNANCE, WORKSTREAM.encode("utf-16")),),
         (f"{G}:1:1: " + NOT_UTF8.format(0xFF),)),
    Case("symlink-loop", (Symlink("workstreams/08-loop.yaml", "08-loop.yaml"),),
         ("content/workstreams/08-loop.yaml:1:1: cannot read file: Too many levels of symbolic links",)),
    Case("problems-in-three-files", (
        Replace(GOVERNANCE, "rag: Amber", "rag: Purple"),
        Replace(CONSULTATION, "posts_deleted: 25", "posts_deleted: many"),
        Write("workstreams/07-schools-academies.yaml", ""),
    ), (
        'content/consultation.yaml:{@posts_deleted}:16: posts_deleted: expected a whole number; got "many"',
        f'{G}:{{L}}:6: rag: expected one of Red, Amber/Red, Amber, Amber/Green, Green; got "Purple"',
        "content/workstreams/07-schools-academies.yaml:1:1: file is empty; expected a mapping of fields",
    )),
]
