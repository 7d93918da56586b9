"""Entry script of the frozen app (PyInstaller): the same `videowall` command as the console script."""

import sys

from ui.cli import main

if __name__ == "__main__":
    sys.exit(main())
