"""Application logging: one rotating file in the user log directory.

Nothing reserved is ever passed to a logger (services log ids and exception
class names only); the byte-search test in tests/db checks the log file too.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from comite import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    return paths.log_dir() / "comite.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the package's logs to the rotating file; returns its path."""
    target = log_file()
    root = logging.getLogger("comite")
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if Path(old.baseFilename) == target.resolve():
            break
        root.removeHandler(old)  # the log folder moved (COMITE_HOME changed): follow it
        old.close()
    else:
        handler = logging.handlers.RotatingFileHandler(target, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False
    return target
