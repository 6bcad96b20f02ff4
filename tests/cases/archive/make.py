"""A made-up fact-check archive in the shape real ones have (LIAR, PolitiFact exports): one table row per
rated statement, a few speakers with hundreds of statements and many with one, statements that name
other speakers. Run: python make.py ROWS SEED > archive.tsv"""

import random
import sys

FIRST = ["Helena", "Victor", "Amara", "Jonas", "Priya", "Mateo", "Ingrid", "Kwame", "Sofia", "Ruben", "Yara",
         "Elliot", "Noor", "Tobias", "Leila", "Marcus", "Chiara", "Dmitri", "Aisha", "Felix", "Greta", "Hugo"]
LAST = ["Marsh", "Okafor", "Lindgren", "Castellano", "Whitford", "Nakamura", "Brennan", "Adeyemi", "Holloway",
        "Sørensen", "Vasquez", "Kowalczyk", "Achterberg", "Delacroix", "Mbeki", "Fairbanks", "Rasmussen", "Quintero"]
LABELS = ["pants-fire", "false", "barely-true", "half-true", "mostly-true", "true"]
SUBJECTS = ["housing", "transit", "schools", "policing", "water", "budget", "wages", "parks", "zoning", "health"]
PLACES = ["a council meeting", "a televised debate", "a campaign flyer", "a radio interview", "a press release",
          "a post on social media", "a town hall", "a committee hearing"]


def rows(count: int, seed: int):
    rng = random.Random(seed)
    speakers = ["Helena Marsh"] + sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(400)} - {"Helena Marsh"})
    weights = [1 / (i + 1) for i in range(len(speakers))]
    for i in range(count):
        speaker = rng.choices(speakers, weights)[0]
        named = rng.choice(speakers[:12])
        subject = rng.sample(SUBJECTS, 2)
        statement = rng.choice([f"Says {named} voted to cut {subject[0]} funding {rng.randint(2, 9)} times.",
                                f"Under {named}, {subject[1]} costs rose {rng.randint(3, 60)} percent.",
                                f"The city spends {rng.randint(2, 90)} million dollars a year on {subject[0]}.",
                                f"{named.split()[1]} promised {rng.randint(100, 999)} new {subject[1]} jobs and delivered none."])
        yield "\t".join([f"s-{i}", rng.choice(LABELS), statement, ",".join(subject), speaker.lower().replace(" ", "-"),
                         "Councillor", rng.choice(["North Ward", "South Ward", "Riverside"]),
                         rng.choice(["civic", "reform", "none"]), rng.choice(PLACES)])


if __name__ == "__main__":
    print("\n".join(rows(int(sys.argv[1]), int(sys.argv[2]))))
