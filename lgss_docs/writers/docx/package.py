"""The parts around the document: only those a house style needs, and our own app properties.

python-docx's default template, and any council's reference .docx, carry parts a paper has no
use for: a blank thumbnail, Word 2010's duplicate of the styles (stylesWithEffects), custom XML,
comments, the old body's images. Each is dropped with its relationship, so it is not saved.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn

# What the package itself relates to: the document and its two property parts.
_PACKAGE_PARTS = {RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES}
# What a house style is made of. Footnote and endnote parts stay because settings.xml may name
# their separators, and Word reports a damaged file if they are missing.
HOUSE_STYLE_PARTS = {RT.STYLES, RT.NUMBERING, RT.THEME, RT.HEADER, RT.FOOTER, RT.SETTINGS,
                     RT.FONT_TABLE, RT.WEB_SETTINGS, RT.FOOTNOTES, RT.ENDNOTES}

# Extended (app) properties naming the program that wrote the file, nothing that would go stale:
# no page or word counts, no template, no thumbnail claim.
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>lgss-docs</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def keep_house_style_parts(document) -> None:
    """Drop every part of ``document``'s package that is not the document or its house style."""
    package = document.part.package
    _drop(package.rels, _PACKAGE_PARTS)
    _drop(document.part.rels, HOUSE_STYLE_PARTS)
    _forget_outside_files(document)


def _forget_outside_files(document) -> None:
    """Drop the settings' links to files outside the paper: the template it was made from, a
    mail merge's data source. Each is a path on the council's network that Word would try to
    open, and that the paper has no business carrying."""
    settings = document.settings.element
    for name in ("w:attachedTemplate", "w:mailMerge"):
        for element in settings.findall(qn(name)):
            settings.remove(element)
    rels = next(rel.target_part.rels for rel in document.part.rels.values() if rel.reltype == RT.SETTINGS)
    for r_id in [r_id for r_id, rel in rels.items() if rel.is_external]:
        rels.pop(r_id)


def _drop(rels, kept: set[str]) -> None:
    for r_id in [r_id for r_id, rel in rels.items() if rel.reltype not in kept]:
        rels.pop(r_id)


def set_app_properties(document) -> None:
    """Replace the package's app properties (docProps/app.xml) with our own."""
    package = document.part.package
    for r_id in [r_id for r_id, rel in package.rels.items() if rel.reltype == RT.EXTENDED_PROPERTIES]:
        package.rels.pop(r_id)
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, _APP_XML, package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)
