"""Refresh the Hindi translation file from the sources and compile it.

    python resources/i18n/update_translations.py            # lupdate ui/ → clientdesk_hi.ts, lrelease → .qm
    python resources/i18n/update_translations.py --fill F   # also fill unfinished entries from a JSON file
                                                            # {"source": "अनुवाद", "Context|source": "..."}
    python resources/i18n/update_translations.py --list     # print unfinished entries as JSON

The .ts file is the one source of the translations; tests/test_i18n.py fails while any entry is
unfinished or the .qm is stale.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "clientdesk_hi.ts"
QM = HERE / "clientdesk_hi.qm"


def tool(name: str) -> str:
    """Path of pyside6-lupdate / pyside6-lrelease (installed with PySide6-Essentials)."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    return str(Path(PySide6.__file__).parent / name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def lupdate(ts: Path = TS) -> None:
    subprocess.run([tool("lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none"],
                   cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True, capture_output=True)


def messages(ts: Path = TS):
    """(context, source, translation element, message element) for every message."""
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation"), message


def unfinished(ts: Path = TS) -> list[tuple[str, str]]:
    result = []
    for context, source, translation, message in messages(ts):
        plural = message.get("numerus") == "yes"
        texts = [t.text for t in translation.findall("numerusform")] if plural else [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(t and t.strip() for t in texts):
            result.append((context, source))
    return result


def fill(table: dict[str, str], ts: Path = TS) -> int:
    """Fill unfinished entries from `table`; returns how many were filled."""
    tree = ET.parse(ts)
    count = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            text = table.get(f"{name}|{source}", table.get(source))
            if text is None or translation.get("type") != "unfinished":
                continue
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                for _ in range(2):
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            del translation.attrib["type"]
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fill", type=Path)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    lupdate()
    if args.fill:
        print(f"filled {fill(json.loads(args.fill.read_text(encoding='utf-8')))}")
    lrelease()
    missing = unfinished()
    if args.list:
        print(json.dumps([{"context": c, "source": s} for c, s in missing], ensure_ascii=False, indent=1))
    print(f"{len(missing)} unfinished", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
