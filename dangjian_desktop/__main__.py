"""`python -m dangjian_desktop` starts the GUI, like the `dangjian-desktop` command."""

from dangjian_desktop.gui.app import main

raise SystemExit(main())
