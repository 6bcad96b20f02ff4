"""Which generated pages a rebuild can leave as the last build wrote them.

Each page of a finished build is kept as an entry: a digest of its job (path, template, entity, prose),
the questions it asked the story (`story/trace.py`) and a digest of its text. After an edit, a page
whose job is the same and whose every question gets an answer with the same digest from the new story
would come out byte for byte the same: it is not rendered again. Everything else every page depends on
(settings, templates, the plugin's own code, how pages are written) is one signature; when it changes,
no page is reused.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field

from ..story.trace import Key
from .render import Job, Made, PagePlan

FORMAT = 1  # bumped when what is kept changes shape


@dataclass(frozen=True)
class Entry:
    job: bytes         # digest of the job and its prose
    asked: tuple[int, ...]  # the keys it asked, as places in the cache's key list
    text: bytes        # digest of its Markdown and its record's place


@dataclass
class PageCache:
    """The pages of the last finished build, and what the story answered each of them."""

    signature: bytes = b""
    entries: dict[str, Entry] = field(default_factory=dict)
    keys: list[Key] = field(default_factory=list)
    digests: list[bytes] = field(default_factory=list)  # the answer to each key, as that build's story gave it

    def reusable(self, plan: PagePlan, signature: bytes) -> set[str]:
        """The paths of `plan`'s pages that would come out as the last build wrote them."""
        if signature != self.signature:
            return set()
        answers = plan.story.answers
        same: dict[int, bool] = {}

        def unchanged(index: int) -> bool:
            found = same.get(index)
            if found is None:
                found = same[index] = answers.digest(self.keys[index]) == self.digests[index]
            return found

        found = set()
        for job in plan.jobs:
            entry = self.entries.get(job.path)
            if entry is not None and entry.job == job_digest(job, plan) and all(map(unchanged, entry.asked)):
                found.add(job.path)
        return found

    def output_unchanged(self, path: str, page: Output) -> bool:
        """Whether the page comes out as the last build wrote it."""
        entry = self.entries.get(path)
        return entry is not None and entry.text == page.digest

    def updated(self, plan: PagePlan, signature: bytes, made: dict[str, Output], kept: set[str]) -> PageCache:
        """The cache after a build of `plan` that rendered `made` and left the pages in `kept` as they were
        (their entries, checked against this story, carry over)."""
        keys: dict[Key, int] = {}
        digests: list[bytes] = []
        entries: dict[str, Entry] = {}

        def place(key: Key, digest: bytes) -> int:
            index = keys.get(key)
            if index is None:
                index = keys[key] = len(digests)
                digests.append(digest)
            return index

        for job in plan.jobs:
            if job.path in made:  # its answers came with it (from the process that rendered it)
                page = made[job.path]
                entries[job.path] = Entry(job_digest(job, plan), tuple(sorted(place(k, d) for k, d in page.asked.items())),
                                          page.digest)
            elif job.path in kept and job.path in self.entries:  # its answers were checked the same
                old = self.entries[job.path]
                entries[job.path] = Entry(old.job, tuple(place(self.keys[i], self.digests[i]) for i in old.asked),
                                          old.text)
        return PageCache(signature, entries, list(keys), digests)

    def dump(self) -> bytes:
        """The cache as bytes, for `load` (the caller writes them, atomically)."""
        return pickle.dumps((FORMAT, self.signature, self.entries, self.keys, self.digests),
                            protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load_bytes(cls, data: bytes) -> PageCache:
        """The cache `dump` made; an empty one from bytes this version cannot read."""
        try:
            version, signature, entries, keys, digests = pickle.loads(data)
        except Exception:  # cut short or from another version: nothing is reused
            return cls()
        return cls(signature, entries, keys, digests) if version == FORMAT else cls()


def job_digest(job: Job, plan: PagePlan) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for part in (job.path, job.template, job.entity or "", plan.prose.get(job.path)):
        h.update(b"-" if part is None else b"%d:" % len(part) + part.encode("utf-8", "surrogatepass"))
    return h.digest()


@dataclass(frozen=True)
class Output:
    """What is kept of a page made in this build (not its text: 30,000 claims' pages would hold 0.5 GB)."""

    asked: dict      # its questions and their answers' digests
    digest: bytes    # what MkDocs makes of it depends on its text and, through its "edit" link, on its record's place

    @classmethod
    def of(cls, page: Made) -> Output:
        return cls(page.asked, text_digest(f"{page.text}\0{page.place}"))


def text_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
