"""The relation rules, one relation type a module, each a plain function ``check(table)`` over an
article's fact table (``zhiku.claims.facts.FactTable``) that pushes its findings onto it.

``RULER`` holds them in the order they run; a finding's ``relation`` is the name a rule is
registered under. ``zhiku check --only NAME`` and the tests take the names from here.
"""

from __future__ import annotations

from zhiku.claims.ruler import Ruler
from zhiku.claims.rules import difference, pp_change, share, yoy_growth

RULER = Ruler()
RULER.push(yoy_growth.RELATION, yoy_growth.check)
RULER.push(share.RELATION, share.check)
RULER.push(pp_change.RELATION, pp_change.check)
RULER.push(difference.RELATION, difference.check)
