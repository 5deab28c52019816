"""Entry point of the frozen application (see ``comite.spec``).

``comite`` (console: the command line, scheduled backups) and ``comite-gui``
(windowed: the Start-menu shortcut) are two executables built from this one
script over the same bundle; the executable's own name says which one runs.
"""

import sys
from pathlib import Path

from comite.cli import main, main_gui

if __name__ == "__main__":
    windowed = Path(sys.executable).stem.lower().endswith("-gui")
    sys.exit(main_gui() if windowed else main())
