"""The ``cloudspec`` command line (``cloudspec.cli.main:app``): see :mod:`.main`."""
