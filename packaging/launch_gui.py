"""Entry point of the bundled 党支部工作台 (dangjian-desktop)."""

import sys

from dangjian_desktop.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
