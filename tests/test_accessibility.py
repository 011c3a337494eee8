"""Accessible papers, checked with the tools a public body would use.

PDF: tagged PDF/UA-1 inspected with pikepdf, the pdfua checker and qpdf. HTML: axe-core (WCAG 2.2
A and AA rules) in headless Chromium. DOCX: Word's accessibility essentials, and LibreOffice opens
and converts each file. Colours: every tint meets 4.5:1 against the text on it.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pikepdf
import pytest
import yaml

from lgss_docs.model.colour import contrast
from lgss_docs.validate import load_content

from conftest import BUDGET, EXAMPLE, EXAMPLES, ROOT
from support import W, missing_tool

# The LGSS example's papers, and the budget example's (tables of figures, numbered paragraphs).
PAPER_IDS = list(load_content(EXAMPLE).papers) + list(load_content(BUDGET).papers)


@pytest.fixture(scope="module")
def built(built, budget_built) -> dict[str, Path]:
    """Return the papers of both examples, by file name."""
    return {**built, **budget_built}
AXE = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


# -- PDF ---------------------------------------------------------------------------------
def _struct_elements(node, found=None):
    """Return every structure element under ``node`` as a flat list, in reading order."""
    found = [] if found is None else found
    if isinstance(node, pikepdf.Array):
        for kid in node:
            _struct_elements(kid, found)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        found.append(node)
        if "/K" in node:
            _struct_elements(node.K, found)
    return found


@pytest.mark.parametrize("paper", PAPER_IDS)
def test_pdf_is_tagged_with_language_title_and_structure(built, paper):
    with pikepdf.open(built[f"{paper}.pdf"]) as pdf:
        root = pdf.Root
        assert str(root.Lang) == "en-GB"
        assert bool(root.MarkInfo.Marked)
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1"
            assert xmp["dc:title"] == pdf.docinfo["/Title"]
        elements = _struct_elements(root.StructTreeRoot.K)
        kinds = [str(e.S) for e in elements]
        levels = [int(k[2:]) for k in kinds if re.fullmatch(r"/H[1-6]", k)]
        assert levels[0] == 1
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"heading level jumps from H{before} to H{after}"
        tables = [e for e in elements if str(e.S) == "/Table"]
        assert tables
        for table in tables:
            assert "/TH" in [str(e.S) for e in _struct_elements(table.K)], "a table without header cells"
        for figure in (e for e in elements if str(e.S) == "/Figure"):
            assert str(figure.get("/Alt", "")).strip(), "a figure without alternative text"


def _marked_ids_in_tree(elements) -> set[tuple[tuple[int, int], int]]:
    """Return (page object id, MCID) of all marked content the structure tree reads."""
    found = set()
    for element in elements:
        kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
        for kid in kids:
            if isinstance(kid, int) and "/Pg" in element:
                found.add((element.Pg.objgen, int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and "/MCID" in kid:
                page = kid.get("/Pg", element.get("/Pg"))
                found.add((page.objgen, int(kid.MCID)))
    return found


@pytest.mark.parametrize("paper", PAPER_IDS)
def test_running_header_and_footer_stay_out_of_the_reading_order(built, paper):
    from pypdf import PdfReader

    reader = PdfReader(str(built[f"{paper}.pdf"]))
    title = reader.metadata.title
    with pikepdf.open(built[f"{paper}.pdf"]) as pdf:
        read = _marked_ids_in_tree(_struct_elements(pdf.Root.StructTreeRoot.K))
        objgens = [page.obj.objgen for page in pdf.pages]
    for number, page in enumerate(reader.pages, start=1):
        stack: list = []
        spoken, silent = [], []

        # Called while this page is read: the defaults bind this iteration's lists.
        def operand(op, args, cm, tm, stack=stack):
            if op in (b"BMC", b"BDC"):
                props = args[1] if op == b"BDC" and len(args) > 1 else {}
                stack.append(props.get("/MCID") if hasattr(props, "get") else None)
            elif op == b"EMC" and stack:
                stack.pop()

        def text(t, *_, stack=stack, number=number, spoken=spoken, silent=silent):
            mcids = [m for m in stack if m is not None]
            in_tree = bool(mcids) and (objgens[number - 1], int(mcids[-1])) in read
            (spoken if in_tree else silent).append(t)

        page.extract_text(visitor_operand_before=operand, visitor_text=text)
        furniture, body = re.sub(r"\s+", " ", "".join(silent)), re.sub(r"\s+", " ", "".join(spoken))
        assert f"Page {number} of {len(reader.pages)}" in furniture
        assert title in furniture
        assert f"Page {number} of" not in body
        assert len(body) > 200  # the page's own text is in the reading order


def test_pdfua_checker_finds_no_errors(built):
    # pdfua checks the machine-checkable part of PDF/UA-1. Its heuristic UA-15-003 warns on
    # tables whose /TH cells carry no /Scope, though WeasyPrint links every /TD to its headers
    # with /Headers and /ID (the association PDF/UA prefers); warnings are left to a person.
    from pdfua.validator import Severity, Validator

    for paper in PAPER_IDS:
        report = Validator().validate(str(built[f"{paper}.pdf"]))
        errors = [f for f in report.findings if f.severity is Severity.ERROR]
        assert errors == [], f"{paper}: {errors}"


@pytest.mark.parametrize("paper", PAPER_IDS)
def test_qpdf_check_passes(built, paper):
    if shutil.which("qpdf") is None:
        missing_tool("qpdf")
    result = subprocess.run(["qpdf", "--check", str(built[f"{paper}.pdf"])], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


# -- DOCX --------------------------------------------------------------------------------
@pytest.mark.parametrize("paper", PAPER_IDS)
def test_docx_tables_have_header_rows_captions_and_descriptions(built, paper):
    import docx

    document = docx.Document(str(built[f"{paper}.docx"]))
    for table in document.tables:
        props = table._tbl.tblPr
        assert props.find(f"{W}tblCaption") is not None, "a table without a caption"
        assert props.find(f"{W}tblDescription") is not None, "a table without a description"
        first_row = table.rows[0]._tr
        is_key_value = all(c.text.strip() for c in table.columns[0].cells) and first_row.find(f"{W}trPr/{W}tblHeader") is None
        assert first_row.find(f"{W}trPr/{W}tblHeader") is not None or is_key_value
    assert document.core_properties.title
    assert document.core_properties.language == "en-GB"
    for shape in document.inline_shapes:
        assert shape._inline.docPr.get("descr"), "an image without alt text"


def _convert(libreoffice, source: Path, out: Path) -> int:
    profile = out / "profile"
    result = subprocess.run([libreoffice, f"-env:UserInstallation=file://{profile}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(out), str(source)],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    converted = out / (source.stem + ".pdf")
    assert converted.exists(), result.stdout + result.stderr
    with pikepdf.open(converted) as pdf:
        return len(pdf.pages)


@pytest.mark.parametrize("paper", PAPER_IDS)
def test_libreoffice_opens_and_converts_each_docx(built, libreoffice, tmp_path, paper):
    first = _convert(libreoffice, built[f"{paper}.docx"], tmp_path / "one")
    second = _convert(libreoffice, built[f"{paper}.docx"], tmp_path / "two")
    assert first == second and first >= 1


# -- colour ------------------------------------------------------------------------------
def test_contrast_formula_against_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name if p.name == "content" else p.name)
def test_every_declared_tint_meets_4_5_to_1_against_its_text(example):
    content = load_content(example)
    style = content.programme.style
    tints = [level.colour for level in content.programme.rag.scale] + [style.header_fill]
    tints += [t.colour for t in content.plan.timetables] if content.plan else []
    assert len(tints) >= 4
    for colour in tints:
        assert contrast(style.ink, colour) >= 4.5, f"{colour} against {style.ink}"
    assert contrast(style.accent, "#ffffff") >= 4.5


_HEX = r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b"
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _hex(value: str, variables: dict[str, str]) -> str | None:
    """Return ``value`` as rrggbb: a #hex colour, or a var() naming one; None for anything else."""
    value = value.strip()
    if found := re.fullmatch(r"var\((--[\w-]+)\)", value):
        value = variables.get(found.group(1), "")
    if not re.fullmatch(_HEX, value):
        return None
    value = value.lstrip("#").lower()
    return "".join(c * 2 for c in value) if len(value) == 3 else value


def _stylesheet_rules(html: str) -> tuple[str, list[tuple[str, str | None, str | None]]]:
    """Return the paper's ink, and (selector, text colour, background) for every rule of its
    stylesheet that sets either (None: not set)."""
    css = re.sub(r"/\*.*?\*/", "", "".join(re.findall(r"<style>(.*?)</style>", html, flags=re.S)), flags=re.S)
    variables = dict(re.findall(r"(--[\w-]+):\s*([^;}]+)", css))
    rules = []
    for selector, body in _RULE.findall(css):
        declared = {k: v for k, v in re.findall(r"(?:^|;)\s*([\w-]+)\s*:\s*([^;]+)", body)}
        text = _hex(declared.get("color", ""), variables)
        background = _hex(declared.get("background-color", declared.get("background", "")), variables)
        if text or background:
            rules.append((" ".join(selector.split()), text, background))
    return _hex(variables["--ink"], variables), rules


def _tinted_classes(rules) -> set[str]:
    """Return the classes whose rule gives them a background of their own."""
    return {name for selector, _, background in rules if background
            for name in re.findall(r"\.([\w-]+)", selector.split()[-1])}


def _plan_colours() -> set[str]:
    plan = yaml.safe_load((EXAMPLE / "plan.yaml").read_text(encoding="utf-8"))
    return {t["colour"].lstrip("#").lower() for t in plan["timetables"]}


@pytest.mark.parametrize("paper", PAPER_IDS)
def test_every_stylesheet_colour_meets_4_5_to_1(built, paper):
    """Text is the ink unless a rule says otherwise, on the white page unless a rule tints it."""
    ink, rules = _stylesheet_rules(built[f"{paper}.html"].read_text(encoding="utf-8"))
    assert {".rag-red", ".rag-amber", ".rag-green"} <= {selector for selector, _, _ in rules}
    for selector, text, background in rules:
        assert contrast(text or ink, background or "ffffff") >= 4.5, f"{selector}: {text or ink} on {background}"


def _text_on(element, tinted: set[str]) -> str:
    """Return the text painted on ``element``'s own background: its descendants' text, less
    that of descendants with a background of their own (inline, or from a tinted class)."""
    out = [element.text or ""]
    for child in element:
        own = "background" in child.get("style", "") or tinted & set(child.get("class", "").split())
        if not own:
            out.append(_text_on(child, tinted))
        out.append(child.tail or "")
    return "".join(out).strip()


@pytest.mark.parametrize("paper", PAPER_IDS)
def test_text_on_inline_tints_meets_4_5_to_1(built, paper):
    """The plan's bars are tinted inline with plan.yaml's colours; any text on one needs contrast."""
    from lxml import html as lxml_html

    text = built[f"{paper}.html"].read_text(encoding="utf-8")
    ink, rules = _stylesheet_rules(text)
    tinted, seen = _tinted_classes(rules), set()
    for element in lxml_html.fromstring(text).iter():
        if found := re.search(r"background-color:\s*(#\w+)", element.get("style", "") if isinstance(element.tag, str) else ""):
            colour = _hex(found.group(1), {})
            seen.add(colour)
            if _text_on(element, tinted):
                assert contrast(ink, colour) >= 4.5, f"{_text_on(element, tinted)!r}: {ink} on {colour}"
    if paper in ("transition-plan", "committee-report"):
        assert _plan_colours() <= seen, "the check must see every timetable's colour"


# Word's shading patterns paint this share of the cell in the pattern colour; for the thin
# stripes and crosses (one line in four), an estimate. Text sits on the mix.
_PATTERN_SHARE = {"clear": 0.0, "solid": 1.0, "thinDiagStripe": 0.25, "thinHorzStripe": 0.25,
                  "thinVertStripe": 0.25, "thinReverseDiagStripe": 0.25, "thinDiagCross": 0.45, "thinHorzCross": 0.45}


def _mix(fill: str, pattern: str, colour: str) -> str:
    share = int(pattern[3:]) / 100 if pattern.startswith("pct") else _PATTERN_SHARE[pattern]
    colour = "000000" if colour in ("auto", None) else colour
    return "".join(f"{round(int(fill[i:i + 2], 16) * (1 - share) + int(colour[i:i + 2], 16) * share):02x}"
                   for i in (0, 2, 4))


@pytest.mark.parametrize("paper", PAPER_IDS)
def test_text_in_shaded_word_cells_meets_4_5_to_1(built, paper):
    """Word cells are shaded with the RAG and timetable colours; the text in them is the ink or
    automatic colour, taken as black: the house tints are light, so Word and LibreOffice show it black."""
    import zipfile

    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(built[f"{paper}.docx"]).read("word/document.xml"))
    seen = set()
    for cell in root.iter(f"{W}tc"):
        shading = cell.find(f"{W}tcPr/{W}shd")
        if shading is None or shading.get(f"{W}fill", "auto") == "auto":
            continue
        fill = shading.get(f"{W}fill").lower()
        seen.add(fill)
        background = _mix(fill, shading.get(f"{W}val"), shading.get(f"{W}color"))
        for run in cell.iter(f"{W}r"):
            words = "".join(t.text or "" for t in run.iter(f"{W}t")).strip()
            colour = run.find(f"{W}rPr/{W}color")
            colour = "000000" if colour is None or colour.get(f"{W}val") == "auto" else colour.get(f"{W}val")
            if words:
                assert contrast(colour, background) >= 4.5, f"{words!r}: {colour} on {fill} ({shading.get(f'{W}val')})"
    if paper in ("transition-plan", "committee-report"):
        assert _plan_colours() <= seen, "the check must see every timetable's colour"


# -- HTML with axe-core ------------------------------------------------------------------
class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(built, tmp_path_factory):
    """Serve the built papers on 127.0.0.1 for the browser; return the base URL."""
    folder = tmp_path_factory.mktemp("served")
    for name, path in built.items():
        shutil.copy(path, folder / name)
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium")
    if chromium is None or not AXE.exists():
        missing_tool("Chromium with axe-core")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield launched
        launched.close()


def _open(browser, url: str, width: int, forced: str = "none"):
    """Return a page showing ``url`` as a phone (below 600 px: the viewport tag decides the
    layout width) or a desktop browser ``width`` px wide, in forced colours if asked."""
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 600)
    page = context.new_page()
    page.emulate_media(forced_colors=forced)
    page.goto(url)
    return page


# Phone widths, a desktop, and a desktop in a forced-colours (high contrast) mode.
VIEWS = [(320, "none"), (390, "none"), (1280, "none"), (1280, "active")]


@pytest.mark.parametrize("width,forced", VIEWS, ids=lambda v: str(v))
@pytest.mark.parametrize("paper", PAPER_IDS)
def test_html_passes_axe_wcag22_aa(browser, served, paper, width, forced):
    page = _open(browser, f"{served}/{paper}.html", width, forced)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}})")
    if width in (390, 1280) and forced == "none":  # for a person to look at
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{paper}-{width}.png"), full_page=True)
    page.context.close()
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert violations == []
    # axe really ran: the rules a paper most needs are among those it passed.
    assert {"document-title", "html-has-lang", "color-contrast", "list"} <= {r["id"] for r in results["passes"]}


def test_a_picture_carries_its_alternative_text_in_every_format(built):
    """The committee report's governance diagram: its words from content reach all three formats."""
    import docx
    from lxml import html as lxml_html

    report = load_content(EXAMPLE).papers["committee-report"].model
    [block] = [b for s in report.sections for b in s.blocks if getattr(b, "image", None)]
    alt = " ".join(block.alt.split())
    [img] = lxml_html.fromstring(built["committee-report.html"].read_bytes()).iter("img")
    assert img.get("alt") == alt and img.get("src").startswith("data:image/png;base64,")
    with pikepdf.open(built["committee-report.pdf"]) as pdf:
        figures = [e for e in _struct_elements(pdf.Root.StructTreeRoot.K) if str(e.S) == "/Figure"]
        assert [" ".join(str(f.get("/Alt", "")).split()) for f in figures] == [alt]
    [shape] = docx.Document(str(built["committee-report.docx"])).inline_shapes
    assert shape._inline.docPr.get("descr") == alt


def test_a_phone_lays_the_page_out_at_its_own_width(browser, served):
    page = _open(browser, f"{served}/committee-report.html", 390)
    assert page.evaluate("() => document.documentElement.clientWidth") == 390  # not 980
    page.context.close()


_CHART = """() => {
  const region = document.querySelector('.plan-scroll'), table = region.querySelector('table.plan-chart');
  const box = e => e.getBoundingClientRect();
  region.scrollIntoView();
  const before = {region: box(region), table: box(table)};
  region.scrollTop = 600; region.scrollLeft = 400;
  const month = table.querySelector('thead th.month'), number = table.querySelectorAll('th.number')[3];
  return {before, region: box(region), month: box(month), number: box(number),
          focusable: region.tabIndex === 0, role: region.getAttribute('role'),
          name: document.getElementById(region.getAttribute('aria-labelledby')).textContent,
          milestones: [...table.querySelectorAll('.milestone')].map(m => [box(m).right, box(m.closest('td')).right])};
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_plan_chart_scrolls_at_its_printed_width_under_month_headings_that_stay(browser, served, width):
    """In the committee report the chart keeps the width it has on its A3 page (392 mm of CSS
    pixels) in a region the keyboard reaches; scrolled, its month headings stay at the top and
    the activity numbers at the left, and no milestone runs out of its month."""
    plan = _open(browser, f"{served}/transition-plan.html", width)
    own = plan.evaluate("() => document.querySelector('table.plan-chart').getBoundingClientRect().width")
    plan.context.close()
    page = _open(browser, f"{served}/committee-report.html", width)
    chart = page.evaluate(_CHART)
    page.context.close()
    assert chart["before"]["table"]["width"] == pytest.approx(392 * 96 / 25.4, abs=2) == pytest.approx(own, abs=2)
    assert chart["before"]["table"]["width"] > chart["before"]["region"]["width"]  # so it scrolls
    assert chart["focusable"] and chart["role"] == "region" and "timetable by month" in chart["name"]
    assert chart["month"]["top"] == pytest.approx(chart["region"]["top"], abs=1)
    assert chart["number"]["left"] == pytest.approx(chart["region"]["left"], abs=1)
    assert chart["milestones"] and all(right <= cell + 0.5 for right, cell in chart["milestones"])


def _colours(page, selector: str) -> set[tuple[int, int, int]]:
    """Return the colours painted inside the first element matching ``selector``, less its edges."""
    import io

    from PIL import Image

    element = page.locator(selector).first
    element.scroll_into_view_if_needed()
    image = Image.open(io.BytesIO(element.screenshot())).convert("RGB")
    inside = image.crop((2, 2, image.width - 2, image.height - 2))
    return {colour for _, colour in inside.getcolors(inside.width * inside.height)}


def test_bars_hatching_and_the_date_line_survive_forced_colours(browser, served):
    """A high contrast mode drops background colours and drawn images; the chart keeps its
    bars (fill and hatching) and its date line."""
    page = _open(browser, f"{served}/transition-plan.html", 1280, "active")
    for mark in ("dotted", "diagonal"):
        assert len(_colours(page, f"tr.lane td.bar.mark-{mark}:not(.has-date)")) > 1, f"a {mark} bar vanished"
    assert len(_colours(page, "tr.lane td.bar.mark-solid:not(.has-date)")) == 1
    assert _colours(page, "tr.lane td.bar.mark-solid:not(.has-date)") != _colours(page, "tr.lane td.month:not(.has-date)")
    assert len(_colours(page, "tr.lane td.month.has-date")) > 1, "the date line vanished"
    page.context.close()
