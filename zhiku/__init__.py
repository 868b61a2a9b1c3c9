"""zhiku (智库): write, check, chart and publish a policy briefing."""

__version__ = "0.1.0"
