"""The relation rules, one relation type a module, each a plain function ``check(table)`` over an
article's fact table (``zhiku.claims.facts.FactTable``) that pushes its findings onto it.

``RULER`` holds them in the order they run; a finding's ``relation`` is the name a rule is
registered under. ``zhiku check --only NAME`` and the tests take the names from here.
"""

from __future__ import annotations

from zhiku.claims.ruler import Ruler
from zhiku.claims.rules import (
    average,
    bound,
    clock_duration,
    compound_growth,
    conversion,
    date_span,
    difference,
    enumeration,
    lunar_date,
    multiple,
    ordinal_year,
    pp_change,
    series,
    share,
    structure,
    sums,
    weekday,
    yoy_growth,
)

RULER = Ruler()
RULER.push(compound_growth.RELATION, compound_growth.check)
RULER.push(yoy_growth.RELATION, yoy_growth.check)
RULER.push(share.RELATION, share.check)
RULER.push(pp_change.RELATION, pp_change.check)
RULER.push(difference.RELATION, difference.check)
RULER.push(weekday.RELATION, weekday.check)
RULER.push(lunar_date.RELATION, lunar_date.check)
RULER.push(clock_duration.RELATION, clock_duration.check)
RULER.push(series.RELATION, series.check)
RULER.push(multiple.RELATION, multiple.check)
RULER.push(conversion.RELATION, conversion.check)
RULER.push(sums.RELATION, sums.check)
RULER.push(structure.RELATION, structure.check)
RULER.push(enumeration.RELATION, enumeration.check)
RULER.push(date_span.RELATION, date_span.check)
RULER.push(ordinal_year.RELATION, ordinal_year.check)
RULER.push(average.RELATION, average.check)
RULER.push(bound.RELATION, bound.check)
