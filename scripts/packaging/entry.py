"""PyInstaller entry point of the frozen `seller-app`.

`freeze_support()` must run first: photo preparation and batch mode use process pools, and a frozen
child process re-enters this script.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from seller_app.__main__ import main

    sys.exit(main())
