"""Build every paper of the bundled example into output/: ``python build.py``.

Extra arguments pass through to ``lgss-docs build`` (see ``python build.py --help``).
"""

import sys

from lgss_docs.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
