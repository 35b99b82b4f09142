"""Run the skyrack command line as ``python -m skyrack``."""

from skyrack.cli import main

main()
