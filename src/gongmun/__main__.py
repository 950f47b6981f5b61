"""``python -m gongmun``: the command line."""

import sys

from gongmun.cli import main

if __name__ == "__main__":
    sys.exit(main())
