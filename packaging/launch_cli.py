"""Entry point of the bundled command line `dangjian`."""

import sys

from dangjian_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
