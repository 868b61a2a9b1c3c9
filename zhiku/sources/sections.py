"""A section while a reader is still filling it: the Markdown and the legacy-text readers
both append blocks and sub-sections to one of these, then freeze it into a model Section."""

from __future__ import annotations

from dataclasses import dataclass, field

from zhiku.model import Block, Section, SourceRef


@dataclass
class SectionBuilder:
    title: str
    level: int
    source: SourceRef
    blocks: list[Block] = field(default_factory=list)
    sections: list[SectionBuilder] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(
            title=self.title,
            level=self.level,
            blocks=tuple(self.blocks),
            sections=tuple(s.freeze() for s in self.sections),
            source=self.source,
        )
