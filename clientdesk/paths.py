"""Where ClientDesk keeps its files: platformdirs by default, one base folder when overridden."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from clientdesk import APP_NAME

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    log_dir: Path
    config_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "clientdesk.sqlite"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "clientdesk.log"

    @property
    def ui_settings(self) -> Path:
        return self.config_dir / "window.ini"

    @classmethod
    def default(cls) -> "AppPaths":
        """The user's platform folders (e.g. ~/.local/share/ClientDesk on Linux, %LOCALAPPDATA% on Windows)."""
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, basedir: Path | str) -> "AppPaths":
        """Everything below one folder: for tests and portable installs."""
        base = Path(basedir)
        return cls(data_dir=base / "data", log_dir=base / "logs", config_dir=base / "config")

    def ensure(self) -> None:
        for folder in (self.data_dir, self.log_dir, self.config_dir):
            folder.mkdir(parents=True, exist_ok=True)


def resource(*parts: str) -> Path:
    """A file under resources/, found relative to the package (works in the PyInstaller bundle too)."""
    return RESOURCES.joinpath(*parts)
