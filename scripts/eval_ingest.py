#!/usr/bin/env python3
"""Score the attribution extractor behind `explainer ingest` against PolNeAR, and against the
hand-made default story.

PolNeAR (github.com/networkdynamics/PolNeAR) is 1,008 US political news articles whose attributions
are annotated as Source / Cue / Content spans in brat standoff format. Get it with the tool library's
`fetch` (or `git clone`), then:

    .venv/bin/python scripts/eval_ingest.py PATH/TO/PolNeAR            # the dev split
    .venv/bin/python scripts/eval_ingest.py PATH/TO/PolNeAR --split train --out eval.json

Beside it, our own made-up articles in several outlets' styles (`tests/cases/newsroom/`, labelled in its
`labels.yml`) are drafted as `explainer ingest` drafts them and scored for what an editor gets: quotations
found, the right speaker, claims and speakers the labels do not hold, the day each was said; and, where
`statements.yml` labels an article's reported speech too, which drafted claims are nobody's statement. `--own
held-out` scores the articles kept back from tuning, once per piece of work.

Only `train` and `dev` are read; `test` is refused, so it stays unseen. Each text is scored against
its first annotation (some texts have two annotators). Spans match *exactly* when they cover the same
characters once spaces and punctuation at their ends are set aside, and *overlap* when they share a
character, and *begin* where they start at the same character. Predicted and gold spans are paired
one to one, best overlap first.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent

from explainer.ingest import rules, tagger
from explainer.story.graph import load_story
from explainer.ingest.draft import draft
from explainer.story.quotes import normalise

ROLES = ("source", "cue", "content")
BRAT_SPAN = re.compile(r"^(?P<id>T\d+)\t\w+ (?P<ranges>\d+ \d+(?:;\d+ \d+)*)")
EDGE = " \t\n.,;:!?“”\"'’‘()—–-"


@dataclass(frozen=True)
class Statement:
    """Reported speech labelled in one of our own articles: who made it (None: nobody named) and where its
    words stand."""
    speaker: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Gold:
    source: frozenset[int]
    cue: frozenset[int]
    content: frozenset[int]
    direct: bool


def read_brat(ann: str, text: str) -> list[Gold]:
    """The attributions of one brat file: every `E` event joins its Source, Cue and Content spans."""
    spans: dict[str, frozenset[int]] = {}
    events = []
    for line in ann.splitlines():
        if match := BRAT_SPAN.match(line):
            chars: set[int] = set()
            for start, end in re.findall(r"(\d+) (\d+)", match.group("ranges")):
                chars.update(range(int(start), int(end)))
            spans[match.group("id")] = frozenset(chars)
        elif line.startswith("E"):
            events.append(dict(part.split(":", 1) for part in line.split("\t")[1].split()))
    found = []
    for event in events:
        parts = {role: spans.get(event.get(role.capitalize(), ""), frozenset()) for role in ROLES}
        found.append(Gold(*(_core(parts[role], text) for role in ROLES), _quoted(text, parts["content"])))
    return found


def annotated(corpus: Path, split: str, limit: int | None = None) -> Iterator[tuple[str, list[Gold]]]:
    """The texts of a split that are annotated (of the first `limit`), each with its first annotation."""
    if split == "test":
        raise SystemExit("PolNeAR's test split is never read here: it stays unseen")
    folder = corpus / "data" / split
    texts = sorted((folder / "text").glob("*.txt"))[:limit]
    if not texts:
        raise SystemExit(f"no texts in {folder / 'text'}: is {corpus} the PolNeAR repository?")
    for path in texts:
        if annotations := sorted((folder / "attributions").glob(f"{path.stem}_*.ann")):
            text = path.read_text(encoding="utf-8")
            yield text, read_brat(annotations[0].read_text(encoding="utf-8"), text)


def gold_roles(gold: list[Gold]) -> dict[int, str]:
    """The role of each character, as taggers learn them: cue over source over content."""
    roles: dict[int, str] = {}
    for attribution in gold:
        for role in ("content", "source", "cue"):
            roles.update({i: role for i in getattr(attribution, role)})
    return roles


METHODS = {"rules": lambda text, model: rules.extract(text), "tagger": tagger.extract}


def predicted(text: str, method: str = "rules", model: Path | None = None) -> list[Gold]:
    """The extractor's attributions as spans of characters. A quotation broken by its attribution
    ("…,” he said, “…”) is its parts only; direct or not is judged as for the gold ones."""
    out = []
    for a in METHODS[method](text, model):
        if a.direct and a.quotes:
            content = frozenset().union(*(_chars(q, text) for q in a.quotes))
        else:
            content = _core(_chars(a.content, text) - _chars(a.source, text) - _chars(a.cue, text), text)
        out.append(Gold(_chars(a.source, text), _chars(a.cue, text), content, _quoted(text, content)))
    return out


def _chars(span, text: str) -> frozenset[int]:
    return _core(frozenset(range(span.start, span.end)), text) if span is not None else frozenset()


def _core(chars: frozenset[int], text: str) -> frozenset[int]:
    """The characters of a span without the spaces and punctuation at the ends of each of its pieces
    (a quotation broken by its attribution is two pieces, whatever marks and commas they end on)."""
    out: set[int] = set()
    for piece in _pieces(sorted(chars)):
        start, end = 0, len(piece)
        while start < end and text[piece[start]] in EDGE:
            start += 1
        while end > start and text[piece[end - 1]] in EDGE:
            end -= 1
        out.update(piece[start:end])
    return frozenset(out)


def _pieces(ordered: list[int]) -> list[list[int]]:
    """Runs of consecutive characters."""
    pieces: list[list[int]] = []
    for i in ordered:
        if pieces and i == pieces[-1][-1] + 1:
            pieces[-1].append(i)
        else:
            pieces.append([i])
    return pieces


def _quoted(text: str, chars: frozenset[int]) -> bool:
    """A direct quotation: quotation marks open and close the content (inside the span or just outside)."""
    if not chars:
        return False
    start, end = min(chars), max(chars) + 1
    before, after = text[max(0, start - 3):start + 2], text[end - 2:end + 3]  # '' is a double mark too
    return (any(c in "“\"" for c in before) or "''" in before) and (any(c in "”\"" for c in after) or "''" in after)


class Score:
    def __init__(self) -> None:
        self.tp = self.predicted = self.gold = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def figures(self) -> dict[str, float]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
                "gold": self.gold, "predicted": self.predicted}


def pair(pred: list[Gold], gold: list[Gold]) -> list[tuple[Gold, Gold]]:
    """Predicted and gold attributions paired one to one by the overlap of their contents and cues."""
    candidates = sorted(((len((p.content | p.cue) & (g.content | g.cue)), i, j) for i, p in enumerate(pred)
                         for j, g in enumerate(gold) if (p.content | p.cue) & (g.content | g.cue)), reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((pred[i], gold[j]))
    return pairs


def score_document(pred: list[Gold], gold: list[Gold], scores: dict[str, Score]) -> None:
    for subset, keep in (("all", lambda a: True), ("direct", lambda a: a.direct)):
        p_sub, g_sub = [a for a in pred if keep(a)], [a for a in gold if keep(a)]
        pairs = pair(p_sub, g_sub)
        for role in ROLES:
            p_spans = sum(1 for a in p_sub if getattr(a, role))
            g_spans = sum(1 for a in g_sub if getattr(a, role))
            exact = sum(1 for p, g in pairs if getattr(g, role) and getattr(p, role) == getattr(g, role))
            overlap = sum(1 for p, g in pairs if getattr(p, role) & getattr(g, role))
            begin = sum(1 for p, g in pairs if getattr(p, role) and getattr(g, role) and
                        min(getattr(p, role)) == min(getattr(g, role)))
            scores[f"{subset}/{role}/exact"].add(exact, p_spans, g_spans)
            scores[f"{subset}/{role}/begin"].add(begin, p_spans, g_spans)
            scores[f"{subset}/{role}/overlap"].add(overlap, p_spans, g_spans)
        all_three = sum(1 for p, g in pairs if all(getattr(p, r) == getattr(g, r) for r in ROLES))
        scores[f"{subset}/all three/exact"].add(all_three, len(p_sub), len(g_sub))


def evaluate(corpus: Path, split: str, limit: int | None, method: str = "rules", model: Path | None = None) -> dict:
    scores: dict[str, Score] = {}
    for key in [f"{s}/{r}/{m}" for s in ("all", "direct") for r in ROLES for m in ("exact", "begin", "overlap")] + \
               [f"{s}/all three/exact" for s in ("all", "direct")]:
        scores[key] = Score()
    used = 0
    for text, gold in tqdm(annotated(corpus, split, limit), desc=f"PolNeAR {split}", unit="article", file=sys.stderr):
        score_document(predicted(text, method, model), gold, scores)
        used += 1
    return {"split": split, "method": method, "articles": used,
            "scores": {k: v.figures() for k, v in scores.items()}}


def default_story() -> dict:
    """The seed article's draft against the hand-made story: its quotes, their speakers, the relays."""
    story = load_story(ROOT / "data")
    article = next(s for s in story.sources if s.text_file)
    text = (ROOT / "data" / article.text_file).read_text(encoding="utf-8")
    made = draft(text, article.id)
    names = {a["id"]: a["name"] for a in made.records["actors"]}
    quotes = speakers = 0
    for claim in story.claims:
        speaker = story.by_id[claim.claimant]
        for quote in claim.quotes:
            hits = [c for c in made.records["claims"] if any(normalise(quote.text) in normalise(q)
                                                             for q in c.get("quotes", []))]
            quotes += bool(hits)
            speakers += any(names[c["claimant"]] in (speaker.name, *speaker.aliases) for c in hits)
    total = sum(len(c.quotes) for c in story.claims)
    relays = sorted({s["title"] for s in made.records["sources"][1:]})
    return {"quotes": total, "quotes_found": quotes, "right_speaker": speakers, "relays_found": relays}


NEWSROOM = ROOT / "tests" / "cases" / "newsroom"
TITLES = re.compile(r"^(?:the|mr|mrs|ms|dr|sir|dame|lord|lady|prof|professor)\.?\s+", re.I)


def newsroom(folder: Path = NEWSROOM, split: str = "dev", model: Path | None = None) -> dict:
    """Our own made-up articles in many outlets' styles (`labels.yml`: every quotation and its speaker),
    drafted as `explainer ingest` drafts them: quotations found verbatim (in a claim or in the draft's list of
    those without a speaker), the right speaker (a named one in a claim by them; an unnamed one listed, not
    given to anybody), claims and actors the labels do not hold, and the days claims were said; drafted with
    the tagger's `model` (by default the one installed)."""
    labels = yaml.safe_load((folder / "labels.yml").read_text(encoding="utf-8"))["articles"]
    chosen = [a for a in labels if split == "all" or a["split"] == split]
    stated = read_statements(folder)
    figures = collections.Counter()
    strays: list[str] = []
    for article in chosen:
        text = (folder / article["file"]).read_text(encoding="utf-8")
        made = draft(text, Path(article["file"]).stem, model=model)
        quoted = _score_article(article, made, figures, strays)
        if article["file"] in stated:
            _score_statements(article, made, stated[article["file"]], quoted, figures, strays)
    quotes = figures["quotations"]
    return {**_statement_figures(figures),
            "split": split, "articles": len(chosen), "counts": dict(figures), "strays": strays,
            "found": _share(figures["found"], quotes), "right_speaker_of_found": _share(figures["right"], figures["found"]),
            "right_speaker_of_all": _share(figures["right"], quotes),
            "dropped_silently": figures["dropped"], "spurious_claims_per_article": round(
                figures["spurious"] / max(1, len(chosen)), 2),
            "actors_not_speakers": figures["stray_actors"], "actors": figures["actors"],
            "date_right": _share(figures["date_right"], figures["dated"]),
            "date_wrong": _share(figures["date_wrong"], figures["dated"])}


def _score_article(article: dict, made, figures: collections.Counter, strays: list[str]) -> set[str]:
    """Scores one article's quotations; returns the ids of the claims that hold one of them."""
    names = {a["id"]: a["name"] for a in made.records["actors"]}
    claims = [(c, [normalise(q) for q in c.get("quotes", [])]) for c in made.records["claims"]]
    listed = [normalise(_inside(u.words)) for u in made.unattributed]
    speakers = article.get("speakers") or []
    matched_claims = set()
    for gold in article["quotations"]:
        if gold.get("term") or gold.get("inside"):
            continue  # a scare quote, nobody's statement; or a quotation inside another, held with it
        words = normalise(gold["words"])
        figures["quotations"] += 1
        holders = [c for c, quotes in claims if any(_same_words(words, q) for q in quotes)]
        in_list = any(_same_words(words, q) for q in listed)
        if not holders and not in_list:
            figures["dropped"] += 1
            continue
        figures["found"] += 1
        matched_claims.update(c["id"] for c in holders)
        speaker = gold.get("speaker")
        right = [c for c in holders if speaker and _same_name(names.get(c["claimant"], c["claimant"]), speaker)]
        figures["right"] += bool(right) if speaker else (in_list and not holders)
        if right:
            _score_day(gold.get("said"), right[0].get("date"), figures)
    for claim, quotes in claims:
        claimant = names.get(claim["claimant"], claim["claimant"])
        if claim["id"] not in matched_claims and (quotes or not any(_same_name(claimant, s) for s in speakers)):
            figures["spurious"] += 1
            strays.append(f"{article['file']}: claim {claim['id']} ({claimant})")
    claimants = {c["claimant"] for c, _ in claims}
    for actor in made.records["actors"]:
        if actor["id"] in claimants:
            figures["actors"] += 1
            if not any(_same_name(actor["name"], s) for s in speakers):
                figures["stray_actors"] += 1
                strays.append(f"{article['file']}: actor {actor['name']!r} is no speaker the labels name")
    return matched_claims


def read_statements(folder: Path) -> dict[str, list[Statement]]:
    """`statements.yml`: the reported speech of the articles labelled so far, each statement's words placed in its
    article (the labels hold words that stand there once)."""
    path = folder / "statements.yml"
    if not path.exists():
        return {}
    stated = {}
    for article in yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]:
        text = (folder / article["file"]).read_text(encoding="utf-8")
        starts = [(s, text.index(s["words"])) for s in article["statements"]]
        stated[article["file"]] = [Statement(s["speaker"], start, start + len(s["words"])) for s, start in starts]
    return stated


def _score_statements(article: dict, made, statements: list[Statement], quoted: set[str],
                      figures: collections.Counter, strays: list[str]) -> None:
    """Claims that hold no labelled quotation, against the labelled reported speech: a statement with its
    speaker's name, a statement given to somebody else, or no statement at all (a deed, the writer's narrative);
    and how many labelled statements a claim of the right speaker drafts. A statement the labels give nobody
    fits any claimant the article's labels do not name. `quoted`: the claims holding a labelled quotation
    (`_score_article`'s), scored there."""
    names = {a["id"]: a["name"] for a in made.records["actors"]}
    named = [s.speaker for s in statements if s.speaker] + list(article.get("speakers") or [])

    def fits(claimant: str, statement: Statement) -> bool:
        if statement.speaker:
            return _same_name(claimant, statement.speaker)
        return not any(_same_name(claimant, n) for n in named)

    covered = set()
    figures["statement_articles"] += 1
    figures["statements"] += len(statements)
    for claim in made.records["claims"]:
        claimant, content = names.get(claim["claimant"], claim["claimant"]), made.found[claim["id"]].content
        over = [s for s in statements if content.start < s.end and s.start < content.end]
        right = [s for s in over if fits(claimant, s)]
        covered.update(right)
        if claim["id"] in quoted:
            continue
        kind = "claims_stated" if right else "claims_wrong_speaker" if over else "claims_unstated"
        figures[kind] += 1
        if kind != "claims_stated":
            strays.append(f"{article['file']}: claim {claim['id']} ({claimant}) is "
                          f"{'a statement of somebody else' if over else 'no labelled statement'}")
    figures["statements_drafted"] += len(covered)


def _statement_figures(figures: collections.Counter) -> dict:
    articles = figures["statement_articles"]
    if not articles:
        return {}
    return {"statements": {"articles": articles, "labelled": figures["statements"],
                           "drafted_right": _share(figures["statements_drafted"], figures["statements"]),
                           "claims_unstated_per_article": round(figures["claims_unstated"] / articles, 2),
                           "claims_wrong_speaker": figures["claims_wrong_speaker"],
                           "claims_stated": figures["claims_stated"]}}


def _score_day(said, drafted, figures: collections.Counter) -> None:
    """The day a rightly given quotation was said: right, wrong, missing, or drafted where the article does not
    say it (the labels give no day)."""
    if said:
        figures["dated"] += 1
        figures["date_right"] += str(drafted) == str(said)
        figures["date_wrong"] += drafted is not None and str(drafted) != str(said)
    else:
        figures["date_unsaid"] += drafted is not None


def _inside(quoted: str) -> str:
    return re.sub(r"^(?:''|[“”\"‘’'])+|(?:''|[“”\"‘’'])+$", "", quoted.strip()).strip().rstrip(",")


def _same_words(gold: str, found: str) -> bool:
    """The same quotation: the draft's holds it (a headline's said again in full, its first letter a capital as
    headlines write it: 'Sickening' in "sickening and cowardly", as the draft reads it), or it holds at least half
    of the labelled one (a part of a broken one)."""
    gold, found = gold.casefold(), found.casefold()
    return bool(found) and (gold in found or (found in gold and len(found) * 2 >= len(gold)))


def _same_name(found: str, gold: str) -> bool:
    """The same speaker: the same name once titles are set aside, a surname of the full name, or the full name
    with a middle name the other leaves out ("Beatrix Adanna Oduya", "Beatrix Oduya"); a full stop ending an
    abbreviation is no part of it ("Skyreach Robotics Inc.")."""
    a, b = (TITLES.sub("", n.lower().replace("’", "'")).strip().rstrip(".") for n in (found, gold))  # ("Inc.")
    if a == b:
        return True
    shorter, longer = sorted((a.split(), b.split()), key=len)
    if len(shorter) == 1:
        return bool(longer) and shorter[0] == longer[-1]
    return shorter[0] == longer[0] and shorter[-1] == longer[-1]


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def newsroom_table(result: dict) -> str:
    c = result["counts"]
    return "\n".join([
        f"Own articles ({result['split']}, {result['articles']} articles, {c.get('quotations', 0)} quotations)",
        "| measure | figure |", "|---|---|",
        f"| quotations found verbatim | {result['found']:.1%} |",
        f"| right speaker, of those found | {result['right_speaker_of_found']:.1%} |",
        f"| right speaker, of all quotations | {result['right_speaker_of_all']:.1%} |",
        f"| quotations dropped without a word | {result['dropped_silently']} |",
        f"| claims the labels do not hold, per article | {result['spurious_claims_per_article']} |",
        f"| drafted speakers the labels do not name | {result['actors_not_speakers']} of {result['actors']} |",
        f"| the day said, right (of {c.get('dated', 0)} labelled) | {result['date_right']:.1%} |",
        f"| the day said, wrong (of those labelled) | {result['date_wrong']:.1%} |",
        f"| a day drafted where the article gives none | {c.get('date_unsaid', 0)} |", *_statement_rows(result)])


def _statement_rows(result: dict) -> list[str]:
    if "statements" not in result:
        return []
    s = result["statements"]
    return [f"| reported statements drafted with their speaker (of {s['labelled']} in {s['articles']} articles "
            f"labelled) | {s['drafted_right']:.1%} |",
            f"| claims that are no labelled statement or quotation, per article labelled | "
            f"{s['claims_unstated_per_article']} |",
            f"| claims of reported speech given to the wrong speaker | {s['claims_wrong_speaker']} |"]


def table(result: dict) -> str:
    lines = [f"PolNeAR {result['split']}, {result['articles']} articles, {result['method']}",
             "| attributions | span | match | precision | recall | F1 |", "|---|---|---|---|---|---|"]
    for key, f in result["scores"].items():
        subset, role, match = key.split("/")
        lines.append(f"| {subset} | {role} | {match} | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="the PolNeAR repository folder")
    parser.add_argument("--split", choices=["dev", "train"], default="dev")
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    parser.add_argument("--method", choices=list(METHODS), default="rules",
                        help="the rules alone, or the trained tagger on top of them")
    parser.add_argument("--model", type=Path,
                        help="the tagger's model: a CRF (.crfsuite, train_tagger.py) or an encoder (.onnx, "
                             "train_encoder.py); by default the encoder shipped where it is installed, else the CRF")
    parser.add_argument("--own", choices=["dev", "held-out", "all", "none"], default="dev",
                        help="which of our own articles (tests/cases/newsroom) to score beside PolNeAR: dev, or "
                             "held-out (scored once, at the end of a piece of work), or none")
    parser.add_argument("--out", type=Path, default=Path("eval.json"))
    args = parser.parse_args()
    result = evaluate(args.corpus, args.split, args.limit, args.method, args.model)
    result["default_story"] = default_story()
    if args.own != "none":
        result["newsroom"] = newsroom(NEWSROOM, args.own, args.model)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(table(result))
    if "newsroom" in result:
        print("\n" + newsroom_table(result["newsroom"]))
    story = result["default_story"]
    print(f"\nDefault story: {story['quotes_found']}/{story['quotes']} quotes found, {story['right_speaker']} with "
          f"the right speaker; relays: {', '.join(story['relays_found']) or 'none'}")
    print(f"figures written to {args.out}")


if __name__ == "__main__":
    main()
