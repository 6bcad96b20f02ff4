#!/usr/bin/env python3
"""Write the table of given names that `explainer ingest` reads (`explainer/ingest/models/given-names.tsv`)
from the name data of the PyPI package nomquamgender (MIT; counts of given names and the share of them
borne by women, from 31 sources in many countries), installed with the `train` extra:

    .venv/bin/python scripts/make_given_names.py

Only names borne at least `MINIMUM` times are kept: rarer ones are mostly misspellings and stray words.
Same package version, same table.
"""

from __future__ import annotations

import importlib.metadata
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from explainer.ingest import names

MINIMUM = 100
VERSION = "0.1.4"


def main() -> None:
    version = importlib.metadata.version("nomquamgender")
    if version != VERSION:
        raise SystemExit(f"nomquamgender {VERSION} is pinned (the `train` extra); {version} is installed")
    # the data file alone: importing the package would load pandas for nothing
    data_file = next(f for f in importlib.metadata.files("nomquamgender") if f.name == "name_data.json")
    data = json.loads(data_file.locate().read_text(encoding="utf-8"))
    rows = sorted((name, count, share) for name, (_sources, count, share, *_rest) in data.items()
                  if count >= MINIMUM and name.isalpha() and name.isascii())
    lines = [f"# given names from nomquamgender {VERSION} (MIT, Ian Van Buskirk): name, times borne, share by women",
             *(f"{name}\t{count}\t{share:.2f}" for name, count, share in rows)]
    names.TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} names written to {names.TABLE}")


if __name__ == "__main__":
    main()
