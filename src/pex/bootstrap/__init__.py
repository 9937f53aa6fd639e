"""pexship's PEX runtime: the cold path of the bootstrap (see src/pex/FORMAT.md)."""
