"""Screenshots of every page in English and Hindi, for the README and for looking at the work.

    python resources/screenshots/capture.py [--clients 2000] [--out DIR]

Builds a small demo database, opens the real window offscreen in each language, and saves one PNG
per page (plus the client editor) into DIR (default: resources/screenshots/).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

SHOOT = r"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false;qt.qpa.*=false")
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from clientdesk.paths import AppPaths
from ui.app import make_application, open_window, ui_settings_for
from ui.mainwindow import PAGES
db, out, language = Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
app = make_application([], language)
paths = AppPaths.under(sys.argv[5])
ui_settings_for(paths).setValue("language", language)  # as the Settings page saves it
window = open_window(paths, db, None, backup=False)
window.resize(1280, 800)
window.show()
for key, _ in PAGES:
    window.show_page(key)
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(out / f"{key}-{language}.png"))
clients = window.show_page("clients")
editor = clients.edit_client(clients.model.client_id(0))
editor.resize(1000, 760)
for _ in range(10):
    app.processEvents()
editor.grab().save(str(out / f"editor-{language}.png"))
editor.reject()
window.desk.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from clientdesk.clock import Clock
    from clientdesk.demo import generate
    from clientdesk.desk import Desk

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "shots.sqlite"
        desk = Desk.open(db, clock=Clock())
        generate(desk, args.clients, seed=3)
        desk.settings.update({"shop_name": "Sharma General Store", "shop_phone": "98765 43210",
                              "shop_address": "12, Station Road, Pune 411001", "shop_state": "MH"})
        desk.close()
        args.out.mkdir(parents=True, exist_ok=True)
        for language in ("en", "hi"):
            subprocess.run([sys.executable, "-c", SHOOT, str(ROOT), str(db), str(args.out), language, tmp],
                           check=True, env=dict(os.environ))
    print(f"saved to {args.out}")


if __name__ == "__main__":
    main()
