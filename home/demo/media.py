"""Media for the demo site, generated on the spot: abstract JPEG images and small PDFs.

Nothing is downloaded. Every file is deterministic: the same key always gives
the same bytes, so a demo database can be rebuilt identically.
"""

import colorsys
import hashlib
import io
import random
import textwrap
from dataclasses import dataclass

from PIL import Image, ImageDraw

IMAGE_SIZE = (1600, 900)

# Hue ranges (upper bound in degrees) and the French name of their colour.
HUE_NAMES = [
    (15, "rouges", "de rouge"),
    (38, "orangés", "d'orange"),
    (52, "ocre", "d'ocre"),
    (68, "jaunes", "de jaune"),
    (150, "verts", "de vert"),
    (190, "turquoise", "de turquoise"),
    (235, "bleus", "de bleu"),
    (265, "indigo", "d'indigo"),
    (300, "violets", "de violet"),
    (340, "roses", "de rose"),
    (360, "rouges", "de rouge"),
]

# Base hues that suit heritage sites: terracotta, ochre, olive, sage, teal, slate, indigo, plum…
BASE_HUES = [18, 30, 45, 80, 120, 165, 195, 215, 240, 265, 300, 335]

MOTIFS = {
    "circles": "des cercles translucides superposés",
    "arches": "une rangée d'arches stylisées",
    "bands": "des bandes diagonales",
    "waves": "des lignes ondulées",
    "mosaic": "une mosaïque de carrés",
}


def rng_for(key):
    """A random generator seeded by ``key``, identical from one run to the next."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))  # noqa: S311 (not for security)


def _hue_names(hue):
    for upper, plural, partitive in HUE_NAMES:
        if hue < upper:
            return plural, partitive
    return HUE_NAMES[-1][1:]


def _rgb(hue, lightness, saturation, alpha=None):
    r, g, b = colorsys.hls_to_rgb((hue % 360) / 360, lightness, saturation)
    rgb = (round(r * 255), round(g * 255), round(b * 255))
    return rgb if alpha is None else (*rgb, alpha)


@dataclass
class AbstractImage:
    """The bytes of a generated JPEG and an honest description of what it shows."""

    content: bytes
    description: str
    width: int
    height: int


def make_image(key, size=IMAGE_SIZE):
    """Draw an abstract picture for ``key``: a soft gradient and one geometric motif."""
    rng = rng_for(key)
    width, height = size
    hue = rng.choice(BASE_HUES) + rng.uniform(-8, 8)
    accent_hue = (hue + rng.choice([-150, -120, 120, 150, 180])) % 360
    saturation = rng.uniform(0.3, 0.6)

    # Background: a tiny grid of related colours, enlarged into a smooth gradient.
    grid = Image.new("RGB", (4, 3))
    grid.putdata(
        [_rgb(hue + rng.uniform(-18, 18), rng.uniform(0.35, 0.7), saturation) for _ in range(12)]
    )
    picture = grid.resize(size, Image.Resampling.BICUBIC).convert("RGBA")

    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    motif = rng.choice(sorted(MOTIFS))

    def colour(alpha):
        chosen = accent_hue if rng.random() < 0.45 else hue + rng.uniform(-25, 25)
        return _rgb(chosen, rng.uniform(0.25, 0.85), rng.uniform(0.3, 0.75), alpha)

    if motif == "circles":
        for _ in range(rng.randint(6, 11)):
            radius = rng.randint(height // 10, height // 2)
            x, y = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour(110))
    elif motif == "arches":
        count = rng.randint(4, 7)
        step = width / count
        arch_width = step * rng.uniform(0.55, 0.75)
        top = height * rng.uniform(0.25, 0.45)
        fill = colour(140)
        for index in range(count):
            left = index * step + (step - arch_width) / 2
            right = left + arch_width
            draw.rectangle((left, top + arch_width / 2, right, height), fill=fill)
            draw.pieslice((left, top, right, top + arch_width), 180, 360, fill=fill)
        draw.rectangle((0, height * 0.9, width, height), fill=colour(170))
    elif motif == "bands":
        for _ in range(rng.randint(4, 7)):
            start = rng.randint(-width // 2, width)
            band = rng.randint(60, 260)
            slope = rng.randint(height // 2, height)
            draw.polygon(
                [
                    (start, height),
                    (start + band, height),
                    (start + band + slope, 0),
                    (start + slope, 0),
                ],
                fill=colour(120),
            )
    elif motif == "waves":
        for _ in range(rng.randint(5, 9)):
            base = rng.uniform(0.1, 0.9) * height
            amplitude = rng.uniform(20, 120)
            period = rng.uniform(300, 900)
            phase = rng.uniform(0, period)
            points = []
            for x in range(0, width + 41, 40):
                position = ((x + phase) % period) / period
                offset = 4 * abs(position - 0.5) - 1  # a triangle wave in [-1, 1]
                points.append((x, base + amplitude * offset * (2 - abs(offset))))
            draw.line(points, fill=colour(170), width=rng.randint(8, 28), joint="curve")
    else:  # mosaic
        cell = rng.choice([100, 150, 200])
        for x in range(0, width, cell):
            for y in range(0, height, cell):
                if rng.random() < 0.45:
                    margin = cell // 10
                    draw.rectangle(
                        (x + margin, y + margin, x + cell - margin, y + cell - margin),
                        fill=colour(rng.randint(60, 150)),
                    )

    picture = Image.alpha_composite(picture, overlay).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)

    tones, _ = _hue_names(hue)
    _, accent = _hue_names(accent_hue)
    description = (
        f"Illustration abstraite aux tons {tones} avec des touches {accent} : "
        f"{MOTIFS[motif]} sur un fond en dégradé."
    )
    return AbstractImage(buffer.getvalue(), description, width, height)


# --- PDF ------------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
BODY_SIZE, BODY_LEADING = 10.5, 15
WRAP_COLUMNS = 88


def _pdf_text(text):
    """A PDF literal string in WinAnsiEncoding (the encoding the fonts declare)."""
    text = text.replace("\u202f", " ").replace("\u00a0", " ")
    data = text.encode("cp1252", errors="replace")
    data = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + data + b")"


def _pdf_utf16(text):
    """A PDF text string for the document information dictionary, in UTF-16."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _layout(title, sections):
    """Lay ``title`` and ``sections`` (heading, paragraphs) out as lines on pages."""
    pages, lines = [], []
    y = PAGE_HEIGHT - MARGIN

    def add(font, size, text, leading):
        nonlocal y, lines
        if y - leading < MARGIN:
            pages.append(lines)
            lines, y = [], PAGE_HEIGHT - MARGIN
        y -= leading
        lines.append((font, size, y, text))

    for index, line in enumerate(textwrap.wrap(title, 48)):
        add("F2", 17, line, 24 if index else 20)
    y -= 10
    for heading, paragraphs in sections:
        if heading:
            y -= 6
            add("F2", 12.5, heading, 20)
        for paragraph in paragraphs:
            for line in textwrap.wrap(paragraph, WRAP_COLUMNS) or [""]:
                add("F1", BODY_SIZE, line, BODY_LEADING)
            y -= 5
    pages.append(lines)
    return pages


def make_pdf(title, sections, footer=""):
    """A valid PDF 1.4 document in Helvetica: the title, then each (heading, paragraphs)."""
    pages = _layout(title, sections)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: (
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
            b"/Encoding /WinAnsiEncoding >>"
        ),
        5: b"<< /Title " + _pdf_utf16(title) + b" /Producer (CCR portal demo content) >>",
    }
    kids = []
    for number, lines in enumerate(pages, start=1):
        page_id, content_id = 4 + 2 * number, 5 + 2 * number
        kids.append(page_id)
        stream = b"".join(
            b"BT /%s %g Tf %d %g Td %s Tj ET\n"
            % (font.encode("ascii"), size, MARGIN, y, _pdf_text(text))
            for font, size, y, text in lines
        )
        page_footer = f"{footer} — page {number}/{len(pages)}" if footer else ""
        if page_footer:
            stream += b"BT /F1 8 Tf %d %d Td %s Tj ET\n" % (
                MARGIN,
                MARGIN - 24,
                _pdf_text(page_footer),
            )
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, content_id)
        )
        objects[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(output)
        output += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref_offset = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        output += b"%010d 00000 n \n" % offsets[number]
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        xref_offset,
    )
    return bytes(output)
