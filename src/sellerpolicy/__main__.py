"""``python -m sellerpolicy``: the command line."""

import sys

from sellerpolicy.cli import main

sys.exit(main())
