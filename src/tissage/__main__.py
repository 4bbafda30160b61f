import sys

from tissage.config.cli import main

sys.exit(main())
