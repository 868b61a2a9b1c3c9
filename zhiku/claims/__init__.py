"""Claims: every verifiable number relation in an issue, checked with the arithmetic shown."""
