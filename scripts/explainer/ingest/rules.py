"""Who said what in a news article: attributions found by transparent rules.

An attribution is a *source* (who speaks: "White House spokesman John Kirby", "he", "the RIA
news agency"), a *cue* ("said", "told", "according to") and the *content* (a quotation, or the
reported words). Every span is a pair of character offsets into the article, so each finding can
be shown in place and checked. The rules, in order:

1. Quotations: text between quotation marks, found per paragraph. The speaker is looked for right
   after the closing mark ("…,” Peskov said), then right before the opening one (Peskov said: “…”).
2. Reported speech, in sentences outside quotations: "SOURCE CUE (that) CONTENT", "CONTENT,
   SOURCE CUE", "According to SOURCE, CONTENT" and "CONTENT, according to SOURCE".
3. Speakers: a named person or organisation inside the source phrase; a pronoun or a bare title
   ("he", "the spokesman") is who the sentence before is about, where one opened it since the last
   attribution, else the nearest earlier speaker that fits, and marked uncertain when none or several
   do. Titles before a name ("Kremlin spokesman Dmitry Peskov") and appositions after it ("Samuel
   Bendett, a senior fellow at …") are kept as the actor's role.
4. Relays: the outlet the words came through ("told CNN", "said on CNN", "as relayed by …").

Each attribution carries a confidence between 0 and 1 and the reasons for it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from . import names as given_names, pos  # `names` is the usual name of a list of names here
from .names import UPPER
from .dates import MONTH, MONTHS, WEEKDAYS

CUE_WORDS = (
    "said says say saying told tells tell added adds adding asserted asserts asserting argued argues arguing "
    "claimed claims claiming stated states noted notes explained explains wrote writes reported reports "
    "announced announces denied denies insisted insists warned warns accused accuses charged confirmed "
    "confirms suggested suggests acknowledged acknowledges declared declares predicted urged urges "
    "denounced rejected rejects tweeted testified emphasized stressed contended maintained remarked "
    "replied replies responded responds commented conceded admitted revealed disclosed alleged alleges concluded "
    "indicated "
    "believes believed thinks thought recalled recalls asked asks complained promised vowed pledged "
    "argue claim believe think predicts estimated estimates continued concluded echoed exclaimed interrupted "
    "countered cautioned observed quipped joked wondered boasted lamented recounted described calling called "
    "described found showed shows cited citing noting arguing suggesting telling criticized praised "
    "expects expected wants wanted hopes hoped fears feared worries worried agreed agrees doubts feels felt "
    "suspects intends plans threatened threatens demanded demands proposed proposes recommended "
    "chanted chanting yelled yells shouted shouts "
    "dismissed dismisses disputed disputes questioned endorsed endorses refuted rebuffed retorted backed backs "
    "blamed blames condemned condemns criticised criticises hailed hails slammed slams branded brands "
    "averred avers ruled read reads termed terms informed informs furthered encouraged encourages "
    "warn insist deny accuse complain write"  # (what groups do: "neighbours warn the project will …", "the authors
    # write that …")
).split()
MULTI_CUES = ["has learned", "have learned", "put it", "puts it", "pointed out", "points out", "called out",
              "shot back", "hit back", "fired back",
              "calls out", "called for", "calls for", "called on", "calls on", "went on to say", "is quoted as saying",
              "as relayed by", "according to", "declined to comment on", "refused to comment on",
              "would not comment on",  # (what one would not comment on is theirs only where quoted: `_reported`)
              "used to say", "likes to say"]
# an adverb in -ly ("quickly said"), not a noun ("The Penhallow family said", "the assembly said")
LY_NOUNS = "family|assembly|rally|ally|supply|monopoly|anomaly|bully|reply|homily|folly|italy|sicily|emily|kelly|molly"
ADVERB_LY = rf"(?!(?:{LY_NOUNS})\b)[a-z]{{3,}}ly"
AUXILIARY = rf"(?:has|have|had|also|later|previously|further|often|once|again|then|still|only|just|{ADVERB_LY}|would|will|" \
            r"(?:is|was|are|were|did|does|do|has|have|had|would|could|wo|ca)n[’']t|did|does|do|is|was|are|were)"
CUE_PHRASES = "|".join(sorted({re.escape(w) for w in CUE_WORDS} |
                              {re.escape(m) for m in MULTI_CUES if m not in ("as relayed by", "according to")},
                              key=len, reverse=True))
CUE = rf"(?:{AUXILIARY} ){{0,2}}(?:[a-z]+ed and )?(?:{CUE_PHRASES})"  # "(laughed and) said"
# Where CUE follows a space, as it does in every pattern below, its last word follows one too: a
# quick test of whether a pattern can match at all, before one that would try every comma of a
# long sentence (each with every apposition up to 160 characters after it) finds that it cannot.
CUE_WORD = re.compile(rf"\s(?:{CUE_PHRASES})")
# of them, those of saying or finding, not of believing or wanting ("said", "found"; not "believed", "expects")
SAYING_WORD = re.compile(r"\s(?:said|says|say|told|tells|added|adds|stated|states|wrote|writes|announced|announces|"
                         r"declared|testified|remarked|explained|argued|insisted|warned|claimed|replied|responded|"
                         r"commented|recalled|found|finds|showed|shows|reported|reports)\b")
CUE_WORD_COMMA = re.compile(rf"\s(?:{CUE_PHRASES}),")
CUE_WORD_AT_END = re.compile(rf"\s(?:{CUE_PHRASES})$")
CUE_WORD_LONGEST = 1 + max(len(w) for w in (*CUE_WORDS, *MULTI_CUES))
# a title's or an initial's full stop, which ends no sentence ("Mr.", "Hon.", "G.K.")
ABBREVIATED = rf"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Rev|Hon|Rt|Cde|Engr|Eng|Barr|[{UPPER}])\."
# after a quotation, its speaker (never across the opening marks of another: ''…'' ''…,'' he said)
SPEAKER_NEXT = re.compile(rf"\s+(?:(?!'')(?:{ABBREVIATED}|[^.!?“”\"])){{0,90}}?\b{CUE}\b"
                          rf"[^.!?“”\"]{{0,120}}[.!?,:]")
ANY_VERB = r"[a-z]+(?:ed|es)"  # after a quotation: "continued", "concluded", "echoes"
PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organization", "we": "any", "i": "person"}
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
OBJECT_PRONOUNS = {"him": "he", "them": "they", "me": "i", "us": "we"}  # "According to him, the company …"
OPEN_QUOTES, CLOSE_QUOTES = "“\"", "”\""
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "st", "jr", "sr", "prof",
                 "rev", "u.s", "u.n", "u.k", "e.u", "d.c", "sept", "jan", "feb", "aug", "oct", "nov", "dec", "no",
                 "vs", "inc", "corp", "co", "ltd", "a.m", "p.m", "del", "maj", "capt", "adm", "sens", "reps", "cmdr",
                 "ft", "hon", "rt", "cde", "engr", "eng", "barr"}
# a lower-case particle is part of a name only as a word of its own before another part of it ("Charles de
# Gaulle", "Bashar al-Assad", "Ludwig van der Berg"), never the start of a word ("The alliance", "Tory leader")
PARTICLE = r"(?:de|van|von|al|el|bin|ibn|bint|wa|der|den|del|la|le|du|da|di|dos|ter)"
# (a nickname in quotation marks between a name's words is one of them: "Ramón “Monchi” Feliciano Torres")
NICKNAME = rf"[“\"][{UPPER}][\w’'-]*(?:[ \t][{UPPER}][\w’'-]*){{0,2}}[”\"](?=[ \t]+[{UPPER}])"
NAME_WORD = rf"(?:[{UPPER}][\w’'\-.]*|[dl][’'][{UPPER}][\w’'\-.]*|{NICKNAME}|" \
            rf"{PARTICLE}(?:-[{UPPER}][\w’'\-.]*|(?=[ \t]+(?:[{UPPER}]|{PARTICLE}\b))))"
TITLE_WORDS = {"president", "prime", "minister", "foreign", "defense", "defence", "secretary", "senator", "sen",
               "rep", "representative", "gov", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson",
               "chancellor", "general", "gen", "ambassador", "chairman", "chief", "director", "former", "vice",
               "deputy", "leader", "king", "queen", "prince", "pope", "judge", "justice", "attorney", "speaker",
               "adviser", "advisor", "commander", "colonel", "col", "lt", "sgt", "mr", "mrs", "ms", "dr", "prof",
               "house", "white", "state", "national", "security", "press", "republican", "democratic",
               "democrat", "candidate", "nominee", "presidential", "analyst", "official", "fellow", "senior",
               "professor", "rev", "host", "anchor", "economist", "strategist", "sir", "dame", "lord", "lady",
               "inspector", "superintendent", "detective", "sergeant", "captain", "lieutenant", "major", "admiral",
               "councillor", "commissioner", "chair", "chairwoman", "sheriff", "bishop", "archbishop", "rabbi",
               "lawyer", "barrister", "solicitor", "coach", "manager", "head", "founder", "owner", "organiser",
               "organizer", "executive", "councilman", "councilwoman", "councilmember", "alderman", "alderwoman",
               "presenter", "correspondent", "editor", "reporter", "officer", "constable", "prosecutor", "coroner",
               "magistrate", "counsel", "mp", "mep", "msp", "mla", "td", "premier", "cllr", "councilor", "shri", "smt",
               "shrimati", "kumari", "hon", "honourable", "honorable", "rt", "provost", "dean", "registrar", "rector",
               "principal", "warden", "reeve", "mpp", "clerk", "treasurer", "sheikh", "imam", "mzee", "pastor",
               "reverend", "pandit", "swami", "elder", "member", "alhaji", "alhaja", "hajia", "mallam", "malam",
               "otunba", "engr", "eng", "barr", "comrade", "undersecretary", "under-secretary", "assemblyman",
               "assemblywoman", "assemblymember", "datuk", "datin", "dato", "tun", "puan", "encik",
               # courtesy titles and rulers' of southern and eastern Africa and Asia ("Kgosi Tshepiso Radipitse",
               # "Mma Onalenna Sebego"), and a student's year in school sports ("Junior Marcus Bell")
               "kgosi", "kgosikgolo", "mma", "rra", "inkosi", "induna", "oba", "igwe", "ato", "woizero", "begum",
               "thiru", "haji", "hajjah", "ustaz", "khun", "bapak", "ibu", "cde", "headman", "headwoman",
               "chieftainess", "alkalo", "freshman", "sophomore", "junior", "redshirt",
               # a Māori elder's ("Kaumātua Wiremu Pōtae"), British police ranks as papers shorten them ("DS Rourke"),
               # and the side a spokesperson speaks for ("Opposition spokesman for planning Adrian Debono Pace")
               "kaumātua", "kaumatua", "kuia", "pc", "ds", "dc", "di", "dci", "dsupt", "supt", "insp", "det", "pcso",
               "naalakkersuisoq",  # a minister of Greenland's government ("Naalakkersuisoq for Infrastructure …")
               "opposition", "shadow",
               # courtesy titles of West Africa, the Pacific and southern Africa ("Madam Abena Konadu Frimpong", "Aunty
               # Maureen Duroux", "Gogo Maria Mthembu"), and soldiers' ranks as releases shorten them ("Pte", "Cpl")
               "madam", "aunty", "auntie", "uncle", "gogo", "mama", "pte", "cpl", "lcpl", "bdr", "gnr", "spr",
               "chairperson", "convener", "convenor", "engineer",
               # shortened ranks, and counsel's title in southern Africa's courts ("Capt Elena Moravec", "Advocate
               # Tumi Mashaba")
               "capt", "cmdr", "maj", "adm", "brig", "advocate", "adv",
               # offices a company's staff are called by in capitals ("the CEO said"; `ABBREVIATED_TITLES`)
               "ceo", "cfo", "coo", "cto"}
# an office in capitals is the office in full ("the CEO" is the "Chief Executive Officer" named before)
ABBREVIATED_TITLES = {"ceo": {"chief", "executive"}, "cfo": {"chief", "financial"}, "coo": {"chief", "operating"},
                      "cto": {"chief", "technology"}}
# what a company does, as the text calls it again ("the carrier said"); no word of a name that says it is a
# company's ("Ann Carrier", "Ivo Lender")
TRADE_NOUNS = frozenset(("carrier", "lender", "developer", "publisher", "studio", "producer", "utility", "provider",
                         "startup", "start-up", "biotech", "drugmaker", "carmaker", "automaker", "chipmaker", "telco",
                         "grocer", "streamer", "shipper", "contractor", "housebuilder", "conglomerate", "distributor",
                         "supplier"))
# what a company or body is, written before its name as a title is before a person's ("Publisher Cobalt Arc",
# "Environmental NGO Kollettiv Ħarsien"): no part of the name, and it says the name is an organisation's (not those
# that open names themselves: "Studio Ghibli", "Carrier Corporation")
ORG_DESCRIPTORS = TRADE_NOUNS - {"carrier", "studio", "utility", "provider"} | frozenset((
    "broadcaster", "regulator", "insurer", "reinsurer", "retailer", "ngo", "watchdog", "manufacturer", "supermarket",
    "exporter", "importer", "airline"))
# of them, what a person can be too ("Publisher Ann Lee"): the name then says which
TRADES = frozenset(("publisher", "developer", "producer", "supplier", "distributor", "shipper", "contractor",
                    "exporter", "importer"))
NATIONALITY = re.compile(rf"^(?:[{UPPER}][a-z]+(?:ian|ean|ese|ish|can|ern)|Russian|American|Ukrainian|Israeli|Iraqi|"
                         r"Pakistani|Saudi|Thai|Swiss|French|Dutch|Greek|Polish|Turkish|Czech|Welsh|Basque|Catalan|"
                         r"Argentine|Filipino)$")
# a person's nation as sports and news pages name them again ("the Pole said", "the 31-year-old Scot")
DEMONYM = re.compile(r"(?:(?:Northern|Southern|Eastern|Western|North|South|East|West)\s+)?"  # "the Northern Irishman"
                     r"(?:Pole|Scot|Briton|Brit|Swede|Dane|Finn|Spaniard|Turk|Serb|Croat|Slovak|Slovene|Czech|Greek|"
                     r"Kiwi|Aussie|Filipin[oa]|Argentine|Basque|Catalan|Icelander|New\s+Zealander|Luxembourger|"
                     r"(?:French|English|Welsh|Irish|Scots|Dutch|Cornish|Manx)(?:man|woman)|"
                     r"[A-Z][a-z]+(?:ian|ean|an|ese|i))$")
THE_DEMONYM = re.compile(r"(?i:the)\s+(?:[\w-]+\s+){0,3}$")
# words that open a sentence capitalised before its speaker, no part of a name ("Later Ann Lee added")
OPENERS = {"as", "and", "but", "while", "even", "so", "though", "although", "yet", "still", "then", "now", "thus",
           "later", "earlier", "meanwhile", "separately", "afterwards", "also", "today", "yesterday", "however",
           "instead", "finally", "again", "here", "there"}
PREPOSITIONS = {"by", "in", "at", "on", "for", "with", "from", "to", "of", "outside", "inside", "after", "before",
                "following", "despite", "amid", "within", "near", "across", "behind", "under", "over", "without"}
LEADING_WORDS = re.compile(rf"(?:(?:{'|'.join(sorted(OPENERS))})\s+)*", re.I)
# one line; never across a full stop (below)
NAME_RE = re.compile(rf"(?:(?<![\w-]){PARTICLE}-)?[{UPPER}][\w’'\-.]*(?:[ \t]+{NAME_WORD})*")
POSSESSIVE = re.compile(r"[’']s?$")  # "the EU's", "Mr Kok’s", "the Jones'"
POSSESSOR = re.compile(r"(?<=\w)[’']s\s")  # whose, inside a phrase: "the casualty's wife", "Mr Turnbull’s daughter"


def _possessed(words: str) -> str:
    """What a phrase names after its last possessor ("Mr Turnbull’s daughter": "daughter"), or all of it."""
    return POSSESSOR.split(words)[-1]
# words in -ed and -ing that describe a person before their name ("Shocked mum Tracey Bell"), not a participle
# clause opening the sentence ("Welcoming the verdict,")
DESCRIBING = frozenset(("shocked", "stunned", "horrified", "relieved", "thrilled", "overjoyed", "distraught",
    "worried", "terrified", "baffled", "bemused", "gutted", "delighted", "devastated", "retired", "grieving",
    "smiling", "beaming", "outgoing", "incoming", "acting", "founding", "leading", "visiting", "ruling", "sitting",
    "serving", "reigning", "fuming", "talented", "celebrated", "disgraced", "jailed", "convicted", "injured",
    "wounded", "bereaved", "embattled", "beleaguered", "veteran"))
ADJUNCT = r"(?:\s+(?:on|in|at|late|early|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|" \
          rf"the\s+\w+|\w+day|\w+\s+\d+|[{UPPER}]\w+)|\s+(?:also|earlier|later|previously|then|again|separately|" \
          r"recently|immediately|now|had|has|have))*"
# an apposition may follow ("the mayor, Ann Lee,"), and words in brackets hold no clause's end ("Imran Shafiq (Lab,
# Holloway) said"): a bracket opens no other run of its words, so the pattern stays linear
SOURCE_WORDS = r"(?:[^,;:“”\"(]|\([^()“”\"]{0,60}\)|\((?![^()“”\"]{0,60}\))){1,90}?(?:,\s*[^;:“”\"]{1,160}?,)?"
DETERMINERS = {"a", "an", "the", "another", "one", "two", "several", "some", "many", "its", "his", "her", "their",
               "our", "my", "your"}
# an organisation named with "of" or "for": "Ministry of Coastal Affairs", "Department for Housing"
ORG_HEADS = r"(?:Ministry|Department|Bank|University|Office|Board|Institute|Council|Court|Museum|Society|Union|" \
            r"Association|Federation|Commission|Committee|Agency|Bureau|College|Church|Republic|Kingdom|Friends|" \
            r"Chamber|Authority|Trust|Foundation|League|Order|Academy|Party|Coalition|Alliance|Centre|Center|" \
            r"Diocese|Archdiocese|Parish|Synod|City|Town|Village|Hamlet|County|District|Municipality|Township|Borough|" \
            r"Division|Directorate|Administration|Secretariat|Inspectorate|Corporation)"
# or with "of" before the word that says so: "Heart of England Ambulance Service", "Isle of Wight Council"
ORG_TAILS = r"(?:Services?|Trust|Council|Board|Authority|Commission|Society|Association|Foundation|Hospitals?|Police|" \
            r"Constabulary|Railways?|Airport|Company|Group|Ltd|Limited|plc|Club|Union|Federation|Bhd|Berhad)"
# ("Director of the … Fire Service", "Hydrologist of the … Center for Glacier Studies": an office)
TITLED = "|".join(sorted(word.capitalize() for word in TITLE_WORDS)) + rf"|[{UPPER}][a-z]{{2,}}(?:ologist|ographer|ician)"
ORG_NAME = re.compile(rf"(?!(?:{TITLED})\s)[{UPPER}][\w’'-]*[ \t]+of[ \t]+(?:the[ \t]+)?(?:[{UPPER}][\w’'-]*[ \t]+){{0,4}}"
                      rf"{ORG_TAILS}\b|"
                      rf"(?:[{UPPER}][\w’'-]*[ \t]+)*{ORG_HEADS}[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?[{UPPER}][\w’'-]*"
                      rf"(?:[ \t]+(?:(?:and|of)[ \t]+)?[{UPPER}][\w’'-]*)*")  # ("Office of the Secretary of State")
# a name in the text, on one line: an organisation's with "of" or "for" in it whole ("the Department for Housing"),
# or a run of capitalised words
NAME_OR_ORG = re.compile(rf"{ORG_NAME.pattern}|{NAME_RE.pattern}")
# common nouns that name an organisation: "the company said" is an organisation speaking, and a name with one
# ("Harbour Trust") is an organisation's
ORG_NOUNS = frozenset(("company", "firm", "operator", "group", "airline", "bank", "business", "charity", "trust",
    "council", "board", "ministry", "department", "agency", "club", "union", "party", "retailer", "insurer", "maker",
    "manufacturer", "supermarket", "chain", "broadcaster", "network", "university", "school", "hospital", "museum",
    "organisation", "organization", "authority", "government", "body", "regulator", "panel", "tribunal", "committee",
    "commission", "inquiry", "watchdog", "municipality", "assembly", "parliament", "fund", "service", "office",
    "association", "federation", "society", "foundation", "institute", "coalition", "alliance", "league",
    "cooperative", "co-operative", "corporation", "consortium", "hamlet", "division", "directorate", "secretariat",
    "inspectorate", "district", "forum", "bureau", "enterprise", "chamber", "unit", "force", "exchange",
    "administration", *TRADE_NOUNS))
# (and "in what": "…, in what the union called “…”" is the union's)
# (a transcript's stage direction and an answer's first word open a turn too: "[laughs] No, but Mira came in and said")
LEADING = re.compile(rf"^(?:\[[^\]\n]{{1,30}}\]\s+)?(?:as\s+(?=[{UPPER}]))?"
                     rf"(?:in\s+what\s+|(?:to|at|after|upon) which\s+|"  # "To which she said"
                     # "But in a statement on Monday night, the ministry …": a conjunction, then the adverbial
                     r"(?:but|and|yet|so)\s+(?=(?:in|on|at|after|during|when|while|asked|despite|amid)\s)|"
                     r"(?:but|and|however|meanwhile|still|yet|so|also|then|now|moreover|instead|no|yes|well|oh|"
                     r"likewise|furthermore|additionally|besides|finally|indeed|nonetheless|nevertheless|therefore|"
                     r"for\s+(?:his|her|its|their|our|my)\s+part|"  # "For his part, the director …, said"
                     r"(?:last|this|that|late|early)\s+\w+(?:\s+\w+)?|yesterday|today|tonight|"  # "Last week,"
                     # a name a question calls out: "Ms Achterberg, you once called …"
                     rf"(?:(?:mr|ms|mrs|dr|prof)\.?\s+)?(?-i:[{UPPER}])[\w’'-]+(?:\s+(?-i:[{UPPER}])[\w’'-]+)?(?=,\s+you\b)|"
                     r"on\s[^,]{1,60}|in\s[^,]{1,80}|at\s[^,]{1,60}|based on\s[^,]{1,60}|after\s[^,]{1,60}|"
                     # the date after a day: "Speaking on Monday, 13 July, the Alkalo …"
                     rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH})|(?:{MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?|"
                     r"during\s[^,]{1,60}|earlier[^,]{0,30}|later[^,]{0,30}|on the contrary|immediately[^,]{0,40}|"
                     r"(?:when|while|once|if|asked|because|although|though|since|until|unless|whereas)\s[^,]{1,60}|"
                     # "As the result was announced," (not "As Ann Lee put it," nor "As he said,", which attribute)
                     r"as\s+(?-i:[a-z])(?![^,]{0,40}\b(?:put|puts|said|says|told|noted|explained|wrote)\b)[^,]{1,60}|"
                     # the place's own clause after it: "At the grange, where volunteers take in livestock,"
                     r"(?<=,\s)where\s[^,]{1,60}|"
                     r"(?:outside|inside|following|despite|amid|within|near|across|behind|under|over|without|"
                     r"before|from|with)\s[^,]{1,60}|"
                     # a place the story moves to: "Down at the pier,", "Back in Kampala,", "Elsewhere,"
                     r"(?:(?:down|up|back|out|along|around|away|further|farther)\s+(?:at|in|on|by|near|to|from|home|"
                     r"afield)\b[^,]{0,60}|elsewhere|nearby)|"
                     # a participle clause: "Welcoming the verdict,", "Asked about the fire," (not "Sterling Brown,";
                     # nor a sentence's subject whose name a verb follows: "Shipping firm Harbour Line cancelled …,";
                     # nor a body's kind: "Housing corporation Woonstichting De Linde, which …")
                     rf"(?!(?:according|{'|'.join(sorted(DESCRIBING))})\b)[a-z]+(?:ing|ed)\s+"
                     rf"(?!(?:{'|'.join(sorted(ORG_NOUNS))})\b)(?-i:[a-z])"
                     rf"(?![^,]{{0,80}}?\s(?-i:[{UPPER}])[\w’'-]+\s+(?-i:[a-z]+ed)\b)[^,]{{0,80}}|"
                     # a hyphenated one is none whatever follows: "Cross-examining Dr Lee,"
                     r"[a-z]+-[a-z]+(?:ing|ed)\s[^,]{1,80}|"
                     # one alone, as a debate's report opens a turn: "Seconding, Owen Pritchard (Carrowby North) said"
                     r"seconding|responding|replying|concluding|closing|opening|summing\s+up|reacting|intervening|"
                     r"continuing|pressed|challenged|questioned|separately|similarly|afterwards),"
                     r"\s+)+", re.I)
ORG_HINTS = ORG_NOUNS - TRADE_NOUNS | frozenset(("co", "office", "house", "kremlin", "news", "times", "post", "press",
    "reuters", "associated", "cnn", "bbc", "ria", "tass", "nations", "army", "forces", "service", "campaign", "court",
    "police", "states", "russia", "ukraine", "washington", "moscow", "kiev", "kyiv", "china", "congress", "senate",
    "pentagon", "ferries", "airlines", "airways", "holdings", "industries", "motors", "systems", "services", "foods",
    "partners", "labs", "ltd", "plc", "inc", "corp", "railways", "trains", "buses", "energy", "homes", "hotels",
    "estates", "studios", "records", "bakery", "brewery", "foundation", "institute", "association", "society",
    "district", "federation", "forum", "resources", "solutions", "mining", "logistics", "technologies", "capital", "ventures",
    "enterprises", "pharmaceuticals", "construction", "developments", "properties", "insurance", "llc", "gmbh", "ag",
    "lines", "shipping", "freight", "utilities", "telecom", "pharma", "retail", "stores", "rovers", "united",
    "athletic", "wanderers", "fc", "albion", "rangers", "harriers", "city", "town", "diocese", "archdiocese", "parish",
    "synod", "church", "mosque", "synagogue", "temple", "bhd", "berhad", "sdn", "pte", "pty", "limited", "corporation",
    "incorporated", "tbk", "nv", "bv", "srl", "sarl", "spa", "oyj", "international", "relief", "aid", "initiative",
    "alliance", "coalition", "network", "project",
    # the last words of companies' names in business news ("Corvane Therapeutics", "Brightfall Interactive")
    "therapeutics", "biosciences", "biologics", "diagnostics", "genomics", "robotics", "aerospace", "dynamics",
    "analytics", "networks", "interactive", "games", "entertainment", "brands", "semiconductors", "electronics",
    "chemicals", "minerals", "metals", "materials", "petroleum", "renewables", "beverages", "textiles", "software",
    "investments", "securities", "bancorp", "financial", "assurance", "reinsurance", "aviation", "shipyards",
    "automotive", "hospitality", "resorts", "resort", "hotel", "realty", "centre", "center", "administration",
    # and in the languages whose names English papers keep ("Cooperativa Virgen de la Sierra", "Consejo Regulador")
    "cooperativa", "asociación", "associação", "sindicato", "federación", "federação", "consejo", "conselho",
    "conseil", "ministerio", "ministério", "ministère", "ayuntamiento", "prefeitura", "fundación", "fundação",
    "fondation", "instituto", "institut", "comité", "comisión", "compañía", "companhia", "empresa", "universidad",
    "universidade", "université", "syndicat", "société", "junta", "cámara", "câmara", "secretaría", "gobierno",
    "governo", "gouvernement", "partido"))
# words of a news outlet's name: an outlet is drafted as `media`, and is never a person
MEDIA_WORDS = frozenset(("news", "times", "post", "courier", "herald", "gazette", "tribune", "journal", "telegraph",
    "guardian", "chronicle", "daily", "radio", "tv", "television", "broadcasting", "broadcaster", "press",
    "reuters", "afp", "bbc", "cnn", "tass", "ria", "bloomberg", "newspaper", "magazine", "newswire", "wire",
    "associated", "msnbc", "nbc", "abc", "cbs", "fox", "npr", "politico", "axios", "interfax", "xinhua"))
RELAY_AFTER_CUE = re.compile(rf"^\s+(?:on|to|in an interview with|at)\s+(?P<outlet>(?:the\s+)?[{UPPER}][\w.&’'-]*"
                             rf"(?:\s+[{UPPER}][\w.&’'-]*)*)")
RELAY_RE = re.compile(r"\b(?:told|telling|said on|speaking on|in an interview with|interviewed by|said in an "
                      r"interview with|wrote on|posted on|said at|speaking at|as relayed by)\s+"
                      rf"(?P<outlet>(?:the\s+)?[{UPPER}][\w.&’'-]*(?:\s+[{UPPER}][\w.&’'-]*)*(?:\s+news agency)?)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Mention:
    """Who a source phrase names: the name, and what the phrase says about them."""

    name: str | None
    title: str | None = None
    kind: str = "person"  # person or organization, guessed from the words
    pronoun: bool = False
    unnamed: bool = False  # somebody the article does not name: "a source", "one resident", "the official, who asked …"


@dataclass
class Attribution:
    source: Span | None
    cue: Span
    content: Span
    direct: bool
    speaker: Mention
    relay: str | None = None
    relayed_in: str = "interview"  # what the relay is: an interview (told CNN) or a report (Reuters reported)
    quotes: list[Span] = field(default_factory=list)  # the quoted words inside the content
    confidence: float = 0.5
    reasons: list[str] = field(default_factory=list)


class Spans:
    """Spans, asked whether any overlaps a given one in time logarithmic in how many there are."""

    def __init__(self, spans) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        self.reach = list(itertools.accumulate((s.end for s in ordered), max))  # the furthest end so far

    def overlap(self, span: Span) -> bool:
        """Whether one of them overlaps `span`: of those starting before it ends, the one reaching furthest
        ends after it starts."""
        before = bisect.bisect_left(self.starts, span.end)
        return bool(before) and self.reach[before - 1] > span.start


# a line of the article's head (headline, standfirst, byline, date line) is no longer than this
HEAD_WORDS = 30


def body_start(text: str) -> int:
    """Where the article's first sentence starts: the first line, after the headline, that ends as a sentence ends
    or runs past a head line's length."""
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        words = line.split()
        if number and words and (len(words) > HEAD_WORDS or re.search(r"(?:(?<![ap]\.m)\.|[!?])[”\"’']*\s*$", line)):
            return offset
        offset += len(line)
    return 0


def paragraphs(text: str) -> list[Span]:
    spans, start = [], 0
    for match in re.finditer(r"\n\s*", text):  # a line is a paragraph: headers and bylines too
        spans.append(Span(start, match.start()))
        start = match.end()
    spans.append(Span(start, len(text)))
    return [s for s in (_trim(text, s) for s in spans) if s.end > s.start]


SINGLE_OPEN = re.compile(r"(?<![^\s(\[—–-])[‘'](?=[^\s'’])")  # a word's start: no apostrophe (don’t, ’90s)
SINGLE_CLOSE = {"‘": re.compile(r"(?<=\S)’(?![\w’])"), "'": re.compile(r"(?<=\S)'(?![\w'])")}


INNER_MARKS = {"“": "‘", "”": "’", '"': "'"}


GUILLEMETS = str.maketrans("«»", "“”")
PLACE_BEFORE = re.compile(r"\b(?:of|in|at|to|from|on|near|and)\s+$")


def double_marked(text: str) -> str:
    """The text with quotations in single marks (‘…’ as British papers print them, '…' as tabloids type
    them) in double ones (“…”), one character for one so that every offset stays the same; double marks inside
    them ('On a bad night, "four hours" becomes …') in single ones. Apostrophes stay (don’t, O’Rourke: a letter
    follows), and so do single marks inside a double-marked quotation. Guillemets (« … », as French is quoted)
    are double marks too."""
    text = text.translate(GUILLEMETS)
    chars = list(text)
    for paragraph in paragraphs(text):
        inside = quotations(text, paragraph)  # in order, none inside another
        starts = [q.start for q in inside]
        at = paragraph.start
        while (opening := SINGLE_OPEN.search(text, at, paragraph.end)) is not None:
            at = opening.end()
            before = bisect.bisect_left(starts, opening.start())
            if before and inside[before - 1].end > opening.start():  # inside a double-marked quotation
                continue
            closing = _single_close(text, opening, paragraph)
            if closing is not None:
                chars[opening.start()], chars[closing.start()] = "“", "”"
                for i in range(opening.end(), closing.start()):  # a quotation inside it, in double marks, in single
                    chars[i] = INNER_MARKS.get(chars[i], chars[i])
                at = closing.end()
            elif opening.start() == paragraph.start or (text[opening.end():opening.end() + 1].isupper() and
                                                         not PLACE_BEFORE.search(text, opening.start() - 8,
                                                                                 opening.start())):
                # a quotation going on in the next paragraph ('90s and 'em are none, nor a glottal stop opening a
                # place's name: "of 'Ohonua", "to 'Eua")
                chars[opening.start()] = "“"
                break
    return "".join(chars)


def _single_close(text: str, opening: re.Match, paragraph: Span) -> re.Match | None:
    """The mark closing a quotation opened by a single mark: not a plural's apostrophe before the noun it
    owns ("the players’ union"), unless no other mark closes it. Only the first few marks within
    `LONGEST_SENTENCE` characters are tried, so that a paragraph of such marks is read in linear time."""
    marks = SINGLE_CLOSE[opening.group()].finditer(text, opening.end(), min(paragraph.end,
                                                                            opening.end() + LONGEST_SENTENCE))
    first = None
    for mark in itertools.islice(marks, 12):
        if not (text[mark.start() - 1] == "s" and PLURAL_OWNS.match(text, mark.end(), paragraph.end)):
            return mark
        first = first or mark
    return first


# after a plural's apostrophe, the noun it owns; not a word that goes on from a closed quotation
PLURAL_OWNS = re.compile(r"\s+(?!(?:and|or|but|as|is|was|were|are|to|in|on|at|for|with|that|which|from|by|of|"
                         r"said|says|she|he|they|it)\b)[a-z]")


def all_quotations(text: str) -> list[Span]:
    """Every quotation of the article with a word in it, paragraph by paragraph, in reading order."""
    return [q for paragraph in paragraphs(text) for q in quotations(text, paragraph) if q.of(text).split()]


def quotations(text: str, within: Span) -> list[Span]:
    """Spans of text in double quotation marks (the marks included) inside `within`. Two apostrophes
    ('') count as a straight double mark, as some newspapers' text files print them. Curly marks may
    nest (“… what he calls “hell” than …”); where they do not balance, each closing mark ends the
    quotation it stands in. A quotation still open where the paragraph ends runs to its end: news
    closes a quotation that goes on in the next paragraph only there."""
    return _paired(text, within, nest=True) or _paired(text, within, nest=False)


def _paired(text: str, within: Span, nest: bool) -> list[Span]:
    """The quotations, or [] when nesting was asked for and the curly marks do not balance."""
    found, opened, depth = [], None, 0
    i = within.start
    while i < within.end:
        width = 2 if text.startswith("''", i) else 1
        char = '"' if width == 2 else text[i]
        if opened is None and char in OPEN_QUOTES and (char == "“" or _opens_straight(text, i)):
            opened, depth = i, 1
        elif opened is not None and nest and char == "“" and text[opened] == "“":
            depth += 1
        elif opened is not None and char in CLOSE_QUOTES and (char == "”" or not _opens_straight(text, i)):
            depth -= 1
            if depth == 0 or not nest:
                found.append(Span(opened, i + width))
                opened, depth = None, 0
        i += width
    if opened is not None and not nest:  # a quotation going on in the next paragraph is closed only there
        found.append(Span(opened, within.end))
    return [] if nest and opened is not None else found


STOP = re.compile(rf"[.!?](''|[”\"’)])?(\s+)(?=''|[“\"‘({UPPER}0-9])")
OPENS_QUOTE = re.compile(r"\s*(?:[“\"]|'')")
# Longer than any sentence of PolNeAR's 924 train and dev articles (the longest, 1,395 characters, is a
# quotation): a "sentence" longer than this is run-on text (no full stops, a line of quotation marks)
# and is read as pieces of at most this length, cut where a clause or at least a word ends, so that
# the rules' regular expressions and the tagger's features, which grow with a sentence's length,
# stay bounded on any input.
LONGEST_SENTENCE = 4000
PIECE_CUT = re.compile(r"[,;:]\s|\s+(?:[—–]|--)\s|\s")  # a clause's end, or else a word's


def sentences(text: str, within: Span, quotes: list[Span]) -> list[Span]:
    """Sentences of a paragraph; never split inside a quotation. A run-on one longer than
    `LONGEST_SENTENCE` comes as pieces (`_pieces`)."""
    quotes = sorted(quotes, key=lambda q: q.start)
    starts = [q.start for q in quotes]
    ends = list(itertools.accumulate((q.end for q in quotes), max))  # the furthest any quotation so far reaches
    spans, start = [], within.start
    for match in STOP.finditer(text, within.start, within.end):
        cut = match.start(2)
        # inside a quotation: one that opens before the cut (the last of those reaching furthest) ends after it
        before = bisect.bisect_left(starts, cut)
        if (before and ends[before - 1] > cut) or (_abbreviation(text, match.start()) and not
                                                  _ends_before_quotation(text, match.start(), match.end())):
            continue
        speaker = match.group(1) and SPEAKER_NEXT.match(text, cut, within.end)
        # “Is that all?” Trump said. (but after “… change.” a speaker opening a quotation of their own,
        # She adds, “…”, starts a sentence; and so does one after a quotation a colon introduced: "X said in a
        # statement: “We accept the verdict.” The company rejected …")
        if speaker and not (text[match.start()] == "." and (OPENS_QUOTE.match(text, speaker.end(), within.end) or
                                                            _introduced(text, quotes, match.start()))):
            continue
        spans.append(Span(start, cut))
        start = match.end()
    spans.append(Span(start, within.end))
    return [piece for s in spans if s.end > s.start for piece in _pieces(text, s)]


def _introduced(text: str, quotes: list[Span], at: int) -> bool:
    """Whether the quotation that ends at `at` follows a colon ("… said in a statement: “…”") or gives words before
    it in another language ("…, “Yɛn asuo no awu,” which means “our river has died.” He said …")."""
    quote = next((q for q in quotes if q.start < at < q.end + 1), None)
    return quote is not None and (text[max(0, quote.start - 3):quote.start].rstrip().endswith(":") or
                                  MEANING.search(text, max(0, quote.start - 40), quote.start) is not None)


MEANING = re.compile(r"(?:meaning|which\s+means|which\s+translates\s+(?:as|to))\s*,?\s*$")


def _pieces(text: str, sentence: Span) -> list[Span]:
    """The sentence, or where it is longer than `LONGEST_SENTENCE`, pieces of it no longer than that,
    each cut after the last clause's end (a comma, semicolon, colon or dash) in its second half, or
    else the last space, or else at the limit."""
    pieces, start = [], sentence.start
    while sentence.end - start > LONGEST_SENTENCE:
        low, high = start + LONGEST_SENTENCE // 2, start + LONGEST_SENTENCE
        clause = word = None
        for match in PIECE_CUT.finditer(text, low, high):
            if match.group(0)[0] in ",;:" or match.group(0).strip():
                clause = match
            else:
                word = match
        cut = (clause or word).end() if clause or word else high
        pieces.append(Span(start, cut))
        start = cut
        while start < sentence.end and text[start].isspace():
            start += 1
    pieces.append(Span(start, sentence.end))
    return [p for p in pieces if p.end > p.start]


def extract(text: str) -> list[Attribution]:
    """Every attribution in `text`, in reading order, speakers resolved."""
    found = find(text)
    resolve(text, found)
    return found


def find(text: str) -> list[Attribution]:
    """Every attribution in `text`, in reading order, as the sentences give them: pronouns and
    surnames not yet resolved (`resolve`), so more can be added first (the tagger's)."""
    text = as_written(text)
    found: list[Attribution] = []
    ends_paragraph = False  # the paragraph just before holds the last attribution: its quotation may go on
    left_open = False  # the paragraph just before ends inside a quotation nobody was given: the next may say whose
    for paragraph in paragraphs(text):
        quotes = [q for q in quotations(text, paragraph) if q.of(text).split() and not nickname(text, q)]
        if _crosshead(text, paragraph, quotes):
            continue  # a heading quoting words the story gives in full: nobody says them here
        starts = [q.start for q in quotes]  # in order: quotations come as they stand
        for sentence in sentences(text, paragraph, quotes):
            inside = quotes[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]
            for attribution in _in_sentence(text, sentence, inside):
                if in_caption(text, attribution.content):
                    continue  # a picture's caption: what the picture shows, said by nobody
                previous = found[-1] if found else None
                if attribution.source is None and (turn := _turn(text, found, attribution, paragraph)):
                    found.append(turn)  # a question after an answer: the one who asked before asks again
                    continue
                # “…,” Graham asked. “Neither do I.”: the quotation goes on, in this paragraph or from
                # the end of the one before
                if attribution.source is None and previous is not None and previous.quotes and \
                        (previous.content.start >= paragraph.start or ends_paragraph):
                    previous.content = Span(previous.content.start, attribution.content.end)
                    previous.quotes += attribution.quotes
                elif left_open and previous is not None and previous.source is None and attribution.source and \
                        attribution.quotes and attribution.quotes[0].start == paragraph.start:
                    # “… (no closing mark: the quotation goes on) ¶ “…,” said Marta Kowalczyk: hers, both
                    attribution.content = Span(previous.content.start, attribution.content.end)
                    attribution.quotes = previous.quotes + attribution.quotes
                    attribution.reasons.append("the quotation the paragraph before left open goes on here")
                    found[-1] = attribution
                else:
                    found.append(attribution)
            ends_paragraph = left_open = False
        ends_paragraph = bool(found) and found[-1].content.start >= paragraph.start
        left_open = ends_paragraph and found[-1].source is None and bool(quotes) and \
            quotes[-1].end >= paragraph.end and text[paragraph.end - 1] not in CLOSE_QUOTES + "’'"
    return found


# a paragraph's first words in capitals, as some papers open a story ("A VAISAKHI nagar kirtan …", "LANDOWNERS of
# Lauvasi …"), before words that are not
CAPITALS_OPENING = re.compile(rf"^(?:(?:A|An|The)[ \t]+)?(?P<run>(?:[{UPPER}][{UPPER}’'-]+[ \t]+)+)"
                              rf"(?=[a-z]|[{UPPER}][a-z])", re.M)


@functools.lru_cache(maxsize=4)
def as_written(text: str) -> str:
    """The text with a paragraph's opening words in capitals as it writes them elsewhere ("Vaisakhi", "landowners"),
    so that they are read as no acronym; any the text writes only in capitals stay ("UPKE said"). Every offset is
    the same as in `text`."""
    forms: dict[str, str] = {}
    for word in re.findall(r"[\w’'-]+", text):
        if not word.isupper():
            forms.setdefault(word.lower(), word)
    written = list(text)
    for opening in CAPITALS_OPENING.finditer(text):
        for word in re.finditer(r"\S+", opening.group("run")):
            form = forms.get(word.group(0).lower(), "")
            if len(form) == len(word.group(0)):
                start = opening.start("run") + word.start()
                written[start:start + len(form)] = form
    return "".join(written)


def _turn(text: str, found: list[Attribution], alone: Attribution, paragraph: Span) -> Attribution | None:
    """A quotation standing alone in its paragraph after a question and its answer, each in a paragraph of its own
    (“…?” Holcomb asked. ¶ “No, sir,” Banks replied. ¶ “And did the call come?”): a question is the asker's again,
    an answer the answerer's, as a court report or an interview writes an exchange; else None."""
    if len(found) < 2 or not alone.quotes:
        return None
    asked, answered = found[-2], found[-1]
    if not (asked.source and answered.source and asked.quotes and answered.quotes) or \
            not asked.content.end <= answered.content.start < paragraph.start or \
            asked.source.of(text) == answered.source.of(text):
        return None
    questions = [_asks(text, a.quotes[-1]) for a in (asked, answered, alone)]
    # the asker asks again ([question, answer, question]), or the one asked answers again ([answer, question, answer])
    if questions not in ([True, False, True], [False, True, False]):
        return None
    return Attribution(asked.source, asked.cue, alone.content, True, speaker=asked.speaker, quotes=alone.quotes,
                       reasons=["a quotation standing alone in an exchange of questions and answers: "
                                "the one who spoke two turns before"], confidence=0.6)


def _asks(text: str, quote: Span) -> bool:
    """Whether a quotation is a question: its words end with a question mark."""
    return quote.of(text).rstrip(CLOSE_QUOTES + "’' ").endswith("?")


def _crosshead(text: str, paragraph: Span, quotes: list[Span]) -> bool:
    """A paragraph that is one short quotation ending no sentence (‘A ludicrous claim’): a crosshead."""
    if len(quotes) != 1 or text[paragraph.start:paragraph.end].strip() != quotes[0].of(text).strip():
        return False
    words = quotes[0].of(text).strip("“”\"'‘’ ")
    return len(words.split()) <= 8 and not re.search(r"[.!?,;:]$", words)


def in_heading(text: str, span: Span) -> bool:
    """Whether a span lies on a line of its own that ends no sentence and is short: a live page's entry heading or a
    crosshead ("Local MP demands answers"), which sums up what follows and is nobody's words."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    line = text[start:end if end >= 0 else len(text)].strip()
    return 0 < len(line.split()) <= HEADING_WORDS and not re.search(r"[.!?:;,”\"’')]$", line)


HEADING_WORDS = 10


CAPTION = re.compile(r"^(?:FILE\s+)?(?:PHOTO|IMAGE|PICTURE)\b|"
                     r"\((?:Image|Photo|Photograph|Picture|Credit)s?:[^)]*\)\s*$")


CAPTION_START = re.compile(r"(?:FILE\s+)?(?:PHOTO|IMAGE|PICTURE)\b")
CAPTION_CREDIT = re.compile(r"\((?:Image|Photo|Photograph|Picture|Credit)s?:")


def in_caption(text: str, span: Span) -> bool:
    """Whether the words stand in a picture's caption ("FILE PHOTO: A still image … shows …")."""
    newlines, captions = _lines(text)
    before = bisect.bisect_left(newlines, span.start)  # the line's start: after the last newline before the span
    start = newlines[before - 1] + 1 if before else 0
    after = bisect.bisect_left(newlines, span.end)  # its end: the first newline from the span's end
    end = newlines[after] if after < len(newlines) else len(text)
    if (start, end) not in captions:
        captions[start, end] = _caption_line(text, start, end)
    return captions[start, end]


@functools.lru_cache(maxsize=1)
def _lines(text: str) -> tuple[list[int], dict[tuple[int, int], bool]]:
    """Where the text's newlines stand, and which of its lines are captions as they are asked about:
    a long line holding many attributions is read once, not once for each."""
    return [m.start() for m in re.finditer("\n", text)], {}


def _caption_line(text: str, start: int, end: int) -> bool:
    """`CAPTION` on the line, in time linear in its length (the regular expression, searched, reads
    from every "(" to the next ")": quadratic on "(Photo: (Photo: …"): the line opens as a caption
    does, or its last ")" closes a credit that opened after the ")" before it."""
    line = text[start:end].strip()
    if CAPTION_START.match(line):
        return True
    closing = len(line.rstrip()) - 1
    if closing < 0 or line[closing] != ")":
        return False
    return bool(CAPTION_CREDIT.search(line, line.rfind(")", 0, closing) + 1, closing))


# --- one sentence -------------------------------------------------------------------------------

def _in_sentence(text: str, sentence: Span, quotes: list[Span]) -> list[Attribution]:
    body = _trim(text, Span(sentence.start, sentence.end))
    if dateline := DATELINE_LEAD.match(text, body.start, body.end):  # "BRISTOL, March 2 (Wire) - Ann Lee said …"
        body = Span(dateline.end(), body.end)
    # a word or two in quotation marks inside a sentence is reported speech ("Russia “knew” it …"),
    # but a sentence may begin with a short quotation (“Well, we’ll see,” said Pence.)
    # (or one a colon introduces: "She had one request: “Keep coming back.”"; or a participle of saying: "…,
    # writing that the city was “in good hands.”")
    if quotes and (sum(len(q.of(text).split()) for q in quotes) >= 4 or quotes[0].start == body.start or
                   text[body.start:quotes[0].start].rstrip().endswith(":") or
                   PARTICIPLE_BEFORE.search(text, body.start, quotes[0].start)):
        direct = _direct(text, body, quotes)
        if direct:
            return _owned(text, body, _with_participle(text, direct, body, quotes), quotes)
    found: list[Attribution] = []
    clauses = _clauses(text, body, quotes)  # "Russia has said …, and hardliners have said …"
    for clause in clauses:
        if found and (THAT_TOO.match(text, clause.start, clause.end) or _quotation_alone(text, clause, quotes) or
                      (not found[-1].direct and PREDICATE_TOO.match(text, clause.start, clause.end) and
                       _quotes_in(quotes, clause))):
            # "He said X, and that the site was fenced …", "…, and “…”", "He said he had met him once, and had “no
            # personal relationship” with him"
            _said_too(text, found[-1], clause, quotes)
            continue
        attribution = _relative(text, clause, clauses, quotes) or _reported(text, clause, quotes) or \
            _subjectless(text, clause, clauses[0], found, quotes)
        if attribution:
            found += _with_participle(text, attribution, clause, quotes)
    return _owned(text, body, found, quotes)


OWN_NOUNS = r"(?:claims?|promises?|pledges?|descriptions?|slogans?|boasts?|assurances?|vows?|mottos?|catchphrases?)"
# a name, or "the company", "the casualty's wife"
WHO = rf"(?:{NAME_OR_ORG.pattern}|(?i:the|its|their|his|her)\s+[A-Za-z][\w’'-]*(?:\s+[a-z]+)?)"
# whose words a quotation is, inside another's sentence: a name's (or "the minister's") claim of them, what someone
# called them, or a letter or message from someone ("the judge found Skyreach's claim to operate “the safest fleet”
# was puffery"; "…, in what prosecutors called “a private market”"; not "what the company calls ‘annualised hours’",
# a term it uses)
OWNED = re.compile(rf"(?:(?P<owner>{NAME_OR_ORG.pattern}|\b(?i:the)\s+[a-z]+)[’']s?\s+(?:own\s+)?(?P<noun>{OWN_NOUNS})|"
                   rf"(?:\b(?:what|which|that)\s+(?P<caller>{WHO}(?:,\s+[^,“”\"]{{1,60}},)?|[a-z]+)|"
                   # (or no word says it is a relative clause: "a move the lead prosecutor, Capt. Renee Castellano,
                   # called “…”", "claims the company described as “…”", "an archive she describes as “…”")
                   # (not a name after a preposition: "what the Member for Carrowbrook called")
                   rf"(?<=[a-z])(?<!\bof)(?<!\bfor)(?<!\bin)(?<!\bat)(?<!\bto)(?<!\bby)(?<!\bon)(?<!\bfrom)"
                   rf"(?<!\bwith)\s+(?P<unmarked>{WHO}(?:,\s+[^,“”\"]{{1,60}},)?|he|she|they|we))\s+"
                   # (an aside may stand between: "what he calls, with a grimace, “…”")
                   r"(?P<verb>called|calls|termed|dubbed|(?:described|describes)(?:,\s+[^,“”\"]{1,40},)?\s+as|"
                   r"labell?ed\s+as|labell?ed)(?:,\s+[^,“”\"]{1,40},)?|"
                   # "a letter from the housing association told her the mould was caused by “lifestyle factors”"
                   rf"\b(?:letter|e-?mail|notice|message|text|statement)\s+from\s+(?P<sender>{WHO})\b[^“”\"]{{0,60}}?"
                   r"(?:\s(?P<said>told|said|says|stated|claimed|blamed|warned)\b[^“”\"]{0,80}?|(?P<colon>:)))"
                   r"(?:\s+(?:of|that|as|to\s+[a-z]+))?\s*$")
# the words of a cue that says whose the words are, by the group that names who
CUE_OF = {"owner": "noun", "caller": "verb", "unmarked": "verb", "sender": "said"}


CALLING_BEFORE = re.compile(r"\b(?:called|calls|dubbed|dubs|branded|brands|labell?ed|labels|described|describes|termed|"
                            r"terms|deemed|deems|dismissed|dismisses)\s+$")


def _owned(text: str, body: Span, found: list[Attribution], quotes: list[Span]) -> list[Attribution]:
    """The sentence's attributions, with each quotation that a possessive or "what … called" gives to someone
    taken out of the attribution holding it and given to them."""
    for quote in quotes:
        match = OWNED.search(text, max(body.start, quote.start - 120), quote.start)
        if not match:
            continue
        owner = next(group for group in CUE_OF if match.group(group))
        if owner == "owner" and CALLING_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "called Dunmore's claim “recycled nonsense”": what the sentence's speaker calls the claim
        holder = next((i for i, a in enumerate(found) if quote in a.quotes), None)
        if holder is not None and match.group(owner).lower() in PRONOUNS or not _can_speak(match.group(owner)):
            continue  # "Ann Lee said …, in what she called “…”": hers, as the sentence says; "that the plan described"
        if holder is not None:
            found[holder].quotes = [q for q in found[holder].quotes if q != quote]
        said = CUE_OF[owner] if match.group(CUE_OF[owner]) else "colon"  # ("a message from X on Sunday: “…”")
        cue = Span(match.start(said), match.end(said))
        owned = _attribution(text, Span(match.start(owner), match.end(owner)), cue, quote, False, [quote],
                             [f"'{match.group(0).strip()}' says whose words these are"], tail=None)
        found.insert(len(found) if holder is None else holder + 1, owned)
    return found


def _can_speak(words: str) -> bool:
    """Whether words that own a quotation can be somebody: a name, a pronoun, or the organisation, person or office
    a noun says ("the company", "the Chairman, Cllr Margaret Fenwick"); not "the plan"."""
    first = words.split()[0]
    if first[:1].isupper() and first.lower() not in DETERMINERS or words.lower() in PRONOUNS:
        return True
    # ("the housing association", "the casualty's wife")
    noun = re.match(r"(?:the|its|their|his|her)\s+(?:[\w’'-]+\s+){0,2}?([\w-]+)(?:,|$)", words, re.I)
    return bool(noun) and (noun.group(1).lower() in ORG_NOUNS | PERSON_NOUNS | _Genders.TITLES["m"] |
                           _Genders.TITLES["f"] or _title_word(noun.group(1)) or bool(re.search(r",\s", words)))


# where or in what a relative clause's speaker said it, before the verb ("which in a March letter to the board
# described the company as …")
RELATIVE_LEAD = r"(?:(?:in|on|at|during|through|via|after|before)\s+[^,;“”\"]{1,60}?\s+)?"
RELATIVE_CUE = re.compile(rf"(?:who|which)\s+{RELATIVE_LEAD}(?P<cue>{CUE})\s+(?P<content>\S.{{8,}})$", re.S)
# who or what a relative clause is of: the name ending the clause before ("… by Mayo County Council", "… by Priya
# Lal, the shadow justice secretary"), or "the council"
ANTECEDENT = re.compile(rf"(?:{NAME_OR_ORG.pattern})(?:,\s+(?:the|an?|its|their)\s+[^,“”\"]{{1,60}})?$|"
                        r"(?:the|its|their)\s+[a-z]+(?:\s+[a-z]+){0,2}$")


def _relative(text: str, clause: Span, clauses: list[Span], quotes: list[Span]) -> Attribution | None:
    """A relative clause that reports speech: its speaker is the name the clause before ends with ("The plan was
    refused by Mayo County Council, which found it would have an “unacceptable visual impact”")."""
    match = RELATIVE_CUE.match(text[clause.start:clause.end].rstrip(" .!?\n"))
    at = clauses.index(clause)
    if not match or not at:
        return None
    before = clauses[at - 1]
    before = Span(max(before.start, before.end - 200), before.end)  # (a name's run, at most: the search stays linear)
    words = text[before.start:before.end].rstrip(" ,")
    antecedent = ANTECEDENT.search(words)
    # not a place after a preposition ("a nurse in Leeds, who asked …"; but "refused by the council, which …"), a
    # group ("Residents, who called …"), nor a request ("who asked not to be named")
    if not antecedent or not plausible_source(antecedent.group(0)) or \
            GROUPS.fullmatch(antecedent.group(0).lower()) or re.match(r"(?:not\s+)?to\s", match.group("content")) or \
            re.search(rf"\b(?!by\b)(?:{'|'.join(sorted(PREPOSITIONS))})\s+$", words[:antecedent.start()]):
        return None
    src = _trim(text, Span(before.start + antecedent.start(), before.start + antecedent.end()))
    cue = _span(clause.start, match, "cue", text)
    cue, content = _before_that(text, cue, _trim(text, _span(clause.start, match, "content", text)))
    inner = _quotes_in(quotes, content)
    return _attribution(text, src, cue, content, False, inner, ["a relative clause reports the words of the name "
                                                                "before it"], tail=Span(cue.end, clause.end))


def _subjectless(text: str, clause: Span, first: Span, found: list[Attribution],
                 quotes: list[Span]) -> Attribution | None:
    """A clause that begins with its cue ("… and said she would stay") has the sentence's speaker: the one
    found in it before, or the subject of what they did first ("Machado promised …")."""
    match = re.match(rf"(?P<cue>{CUE})\s+(?!about\s)(?P<content>\S.{{8,}})$",  # "writes about …" is a topic
                     text[clause.start:clause.end].rstrip(" .!?\n"), re.S)
    if not match or clause == first:
        return None
    if found:
        source = found[-1].source
    else:
        # (after what leads the sentence: "In a pamphlet circulated …, the Comandos denied …")
        start = first.start + _lead_end(text[first.start:first.end])
        subject = re.match(rf"(?P<src>{SOURCE_WORDS})\s+{ANY_VERB}\b", text[start:first.end])
        if not subject or not plausible_source(_strip_leading(subject.group("src"))):
            return None
        source = _lead_trimmed(text, _span(start, subject, "src", text))
    cue = _span(clause.start, match, "cue", text)
    cue, content = _before_that(text, cue, _trim(text, _span(clause.start, match, "content", text)))
    inner = _quotes_in(quotes, content)
    return _attribution(text, source, cue, content, False, inner, ["cue of a clause whose speaker the sentence gave"],
                        tail=Span(cue.end, clause.end))


PARTICIPLE_CUES = (r"(?:adding|saying|noting|arguing|insisting|explaining|warning|claiming|asserting|stressing|writing|"
                   r"stating|declaring|promising|vowing|suggesting|acknowledging|admitting|conceding|predicting|urging|"
                   r"recalling|complaining|citing|pointing\s+out|confirming|ruling|announcing|reiterating|revealing)")
# participles that name what they speak of before the words ("…, calling the increase “unavoidable”")
NAMING_CUES = r"(?:describing|calling|branding|labell?ing|terming|dismissing)"
PARTICIPLE_TAIL = re.compile(rf",\s+(?:{PARTICIPLE_CUES}|{NAMING_CUES})\b")
PARTICIPLE_BEFORE = re.compile(rf",\s+(?:{PARTICIPLE_CUES}|{NAMING_CUES})\b[^“”\".;:]*$")
# after a comma or a quotation's end ("…,” adding that …"; "…,” she said, adding, “…”; "…, before warning that …")
PARTICIPLE = re.compile(rf"(?:,|(?<=[”\"]))\s+(?:(?:before|after|while|then)\s+)?"
                        rf"(?P<cue>{PARTICIPLE_CUES}|{NAMING_CUES}(?=[^“”\".;:]*[“\"])|"
                        rf"telling\s+[{UPPER}][\w.]*(?:\s+[{UPPER}][\w.]*)*|telling\s+\w+)\s*,?\s+"
                        r"(?P<content>[^,\s].{8,})$", re.S)


def _participle_after(text: str, start: int, sentence: Span) -> re.Match | None:
    """A participle between `start` and the sentence's end (its closing stop set aside)."""
    end = sentence.end
    while end > start and text[end - 1] in " .\n":
        end -= 1
    return PARTICIPLE.search(text, start, end)


def _with_participle(text: str, first: Attribution, sentence: Span, quotes: list[Span]) -> list[Attribution]:
    """"…, Kirby said, adding that …": a second attribution by the same speaker after the first, whose content
    then ends where the participle begins; where nothing of the first's words comes before it ("Ann Lee
    announced the plans on Tuesday, saying the centre “…”"), the participle's alone."""
    start = max(first.cue.end, first.content.end if first.direct else first.cue.end)
    match = _participle_after(text, start, sentence)
    if not match:
        return [first]
    cue = Span(match.start("cue"), match.end("cue"))
    content = _trim(text, Span(match.start("content"), match.end("content")))
    inside = _quotes_in(quotes, content)
    direct = sum(q.end - q.start for q in inside) >= 0.6 * (content.end - content.start)
    second = _attribution(text, first.source, cue, content, direct, inside, ["participle after an attribution"],
                          tail=Span(cue.end, content.start))
    if first.content.start >= match.start():
        return [second]
    if first.content.end > match.start():
        first.content = _trim(text, Span(first.content.start, match.start()))
        first.quotes = [q for q in first.quotes if q.end <= first.content.end + 1]
    return [first, second]


THAT_TOO = re.compile(r"that\s")
# a reported clause's verb, whose subject is the one before: "…, and had “no personal relationship” with him"
PREDICATE_TOO = re.compile(r"(?:had|has|have|was|were|is|are|would|could|should|will|did|might|must)\s")


def _quotes_in(quotes: list[Span], content: Span) -> list[Span]:
    """The quotations inside an attribution's content (its closing mark may stand just after it)."""
    return [q for q in quotes if content.start <= q.start and q.end <= content.end + 1]


def _quotation_alone(text: str, clause: Span, quotes: list[Span]) -> bool:
    """Whether a clause is nothing but a quotation ("Cases, she notes, are how …, and “a $229 product …”"): more of
    what the clause before reports, with no speaker of its own."""
    inside = _quotes_in(quotes, clause)
    return bool(inside) and inside[0].start == clause.start and not text[inside[-1].end:clause.end].strip(" .,!?\n")


def _said_too(text: str, attribution: Attribution, clause: Span, quotes: list[Span]) -> None:
    """A clause of "…, and that …" after a reported one says more of what the same speaker said: its words and
    quotations join the attribution's."""
    content = _trim(text, Span(clause.start, clause.start + len(clause.of(text).rstrip(" .!?\n"))))
    attribution.content = Span(attribution.content.start, content.end)
    attribution.quotes += _quotes_in(quotes, content)


def _clauses(text: str, sentence: Span, quotes: list[Span]) -> list[Span]:
    cuts = [m for m in re.finditer(rf",\s+and\s+|;\s+|\s+(?:[—–]|--)\s+and\s+|\s+and\s+(?={CUE}\s)|"
                                   # (a new subject that says: "…, but farmers say trucks are still crossing", "…,
                                   # even as neighbours warn …")
                                   rf",\s+(?:(?:even\s+)?though|although|but|while|whereas|even\s+as)\s+(?=(?:he|she|they|it|(?:[a-z]+\s+)?[a-z]{{3,}}s|"
                                   rf"(?:the\s+)?[{UPPER}][\w’'-]*(?:\s+[{UPPER}][\w’'-]*){{0,3}}|the\s+[a-z]+(?:\s+[a-z]+)?)"
                                   rf"\s+(?:\w+\s+)?{CUE}\s)|"
                                   # "…on Tuesday, when Kovalur MLA P. Arumugam termed the delay “…”"
                                   # (or "…a thread of her own, in which she called the delay “…”")
                                   rf",\s+(?:when|where|after|until)\s+(?=(?:[a-z]+,?\s+){{0,2}}[{UPPER}][^;“”\"]{{0,80}}?\s{CUE}\s)|"
                                   rf",\s+(?:in|during|at|with)\s+which\s+(?=(?:he|she|they|it|[{UPPER}][^,;“”\"]{{0,80}}?)\s{CUE}\s)|"
                                   # "… refused by Mayo County Council, which found it would have “…”" (not an
                                   # aside before the sentence's own cue: "X, who asked not to be named, said")
                                   rf",\s+(?=(?:who|which)\s+{RELATIVE_LEAD}{CUE}\s+(?!(?:not\s+)?to\s)"
                                   rf"(?![^“”\"]*,\s+{CUE}\b))",
                                   text[sentence.start:sentence.end])
            if not any(q.start < sentence.start + m.start() < q.end for q in quotes)]
    spans, start = [], sentence.start
    for match in cuts:
        spans.append(Span(start, sentence.start + match.start()))
        start = sentence.start + match.end()
    spans.append(Span(start, sentence.end))
    return spans


def _direct(text: str, sentence: Span, quotes: list[Span]) -> Attribution | None:
    """A sentence built around a quotation: the quote, then who said it, or who said it, then the quote."""
    first, last = quotes[0], quotes[-1]
    content = Span(first.start, last.end)
    if told := IS_HOW.match(text, last.end, sentence.end):  # "“We've lost the lot,” is the verdict of Sue Barr."
        return _attribution(text, _span(0, told, "src", text), _span(0, told, "cue", text), content, True, quotes,
                            ["quotation, then whose: 'is how …', 'is the verdict of …'"], tail=None)
    # the speaker after the first quotation: at the end ("…,” Peskov said.) or between two parts of it
    # ("…,” he said, “…”); after a quotation any verb can be the cue ("…,” Cruz continued.)
    for quote in quotes:
        after = text[quote.end:sentence.end]
        match = next((m for pattern in SPEAKER_AFTER if (m := pattern.match(after)) and
                      plausible_source(m.group("src")) and _name_or_pronoun(m.group("src")) and
                      not _deed_after_phrase(m)), None)
        if match:
            src = _span(quote.end, match, "src", text)
            # "said Kamin, who emphasized that …": a relative clause that reports speech is no part of the speaker
            if relative := re.search(r",\s+(?:who|which)\s+\w+\s+that\s", src.of(text)):
                src = Span(src.start, src.start + relative.start())
            cue = _span(quote.end, match, "cue", text)
            # the quotation goes on after its speaker (“…,” he said, “…”), or what follows is another
            # finding (“…,” he said, arguing that he would bring “common sense” …; “…,” he said, adding, “…”)
            # (the speaker's words may come between, with a long apposition: "…,” said Abdul Kader Sarkar, chairman
            # of Char Moynadia Union Parishad, “…”)
            goes_on = (re.match(rf"(?:{ABBREVIATED}|[^.“”\"]){{0,200}}?,\s*(?:[“\"]|'')", text[cue.end:sentence.end]) and
                       not re.match(rf"[^.“”\"]{{0,60}}?,\s*{PARTICIPLE_CUES}\b", text[cue.end:sentence.end])) or \
                TRANSLATED.match(text, cue.end, sentence.end)
            mine = quotes if goes_on else [q for q in quotes if q.start < src.start]
            lead = _lead_trimmed(text, _trim(text, Span(sentence.start, first.start)))
            if re.search(r":\s*$", text[sentence.start:first.start]):  # "He spoke of it: “…,” said Kamin": no part
                lead = Span(first.start, first.start)
            content, direct = _mixed(text, Span(lead.start, mine[-1].end), mine)
            return _attribution(text, src, cue, content, direct, mine, ["quotation followed by its speaker"],
                                tail=Span(cue.end, sentence.end))
    # “…” ― Karen Lee: a name after a dash, as under an epigraph or in a list of voices
    match = re.match(rf"\s*(?P<cue>[―—–]|--)\s*(?P<src>[{UPPER}][^,;:“”\"]{{1,60}}?(?:,\s*[^“”\"]{{1,80}}?)?)[.\s]*$",
                     text[last.end:sentence.end])
    if match and _name_or_pronoun(match.group("src")):
        return _attribution(text, _span(last.end, match, "src", text), _span(last.end, match, "cue", text), content,
                            True, quotes, ["quotation signed after a dash"], tail=None)
    before = text[sentence.start:first.start]
    candidates = (WHOSE_WORDS.search(before),
                  SPEAKER_BEFORE.search(before) if _cue_near_end(before) else None,
                  SPEAKER_VERB_BEFORE.search(before) if _verb_and_mark_at_end(before) else None,
                  SPEAKER_DID_BEFORE.search(before) if before.rstrip().endswith(":") else None,
                  DID_BUT_SAID.search(before) if _cue_near_end(before) else None,
                  DID_SAYING.match(before, _lead_end(before)),  # "Trump attacked Clinton for …, saying, “…”"
                  _did_then_quoting(before),
                  INVERTED.match(before),  # "Said Ellis: “…”"
                  _named_then_colon(before))
    match = next((m for m in candidates if m and plausible_source(_strip_leading(m.group("src")))), None)
    if match:
        src = _span(sentence.start, match, "src", text)
        src = _lead_trimmed(text, src)
        cue = _span(sentence.start, match, "cue", text)
        between = text[cue.end:first.start]  # "told reporters: “…”" — after a colon or comma, the quotation
        after_mark = max(between.rfind(","), between.rfind(":")) + 1
        participle = _participle_after(text, last.end, sentence)  # “…,” adding …
        end = participle.start() if participle else sentence.end
        content, direct = _mixed(text, Span(cue.end + after_mark, end), quotes)
        return _attribution(text, src, cue, content, direct, quotes, ["speaker introduces the quotation"],
                            tail=Span(cue.end, first.start))
    if _only_quotations(text, sentence, quotes):
        # the sentence before, from its start: a search over the whole window would try the earlier
        # sentences first ("The mayor, Tom Reid, spoke first. He added:") and find no speaker in them
        offset = sentence_start(text, len(text[:sentence.start].rstrip()))
        window = text[offset:sentence.start]
        intro = re.search(rf"(?P<src>{SOURCE_WORDS}){ADJUNCT}\s+(?P<cue>{CUE}|{ANY_VERB})\b[^.“”\"]{{0,40}}:\s*$",
                          window) if window.rstrip().endswith(":") else None
        if intro and plausible_source(_strip_leading(intro.group("src"))):  # "Cruz continued:" then the quote
            src = _lead_trimmed(text, _span(offset, intro, "src", text))
            return _attribution(text, src, _span(offset, intro, "cue", text), content, True, quotes,
                                ["quotation introduced by the sentence before it"], tail=None)
        if told := THAT_IS_HOW.match(text, sentence.end, min(len(text), sentence.end + 200)):
            # “It's a disaster.” That is how farmer John Pell describes the week: the sentence after says whose
            return _attribution(text, _span(0, told, "src", text), _span(0, told, "cue", text), content, True, quotes,
                                ["quotation whose speaker the sentence after it names"], tail=None)
        cue = Span(first.start, first.start)
        return _attribution(text, None, cue, content, True, quotes,
                            ["quotation standing alone: speaker taken from the paragraph before"], tail=None)
    return None


def _did_then_quoting(before: str) -> re.Match | None:
    """"Okerlund repeated the figure, telling supporters …": a deed, then a participle of saying; not where a verb of
    saying comes between ("Fares will rise, the ministry said Wednesday, calling the increase …": the ministry's)."""
    match = DID_THEN_QUOTING.match(before, _lead_end(before))
    said = match and SAYING_WORD.search(f" {match.group('did')}")
    return None if said and len(match.group("did")[said.end() - 1:].split()) <= 2 else match


def _deed_after_phrase(match: re.Match) -> bool:
    """Whether what follows a quotation is a phrase of where or when and a deed, not its speaker and a verb of
    saying ("she had “no idea …” in the tie-break after the British number 58 saved two match points")."""
    return not CUE_WORD.search(f" {match.group('cue')}") and \
        match.group("src").split()[0].lower() in PREPOSITIONS | {"after", "before", "when", "while", "as"}


IS_HOW_WHO = r"(?P<cue>(?:is|was|are|were)\s+(?:how|the\s+(?:words?|verdict|view|message|warning|assessment)\s+of))\s+" \
    rf"(?P<src>[^.,;:“”\"]{{1,80}}?(?:,\s+[{UPPER}][^.,;:“”\"]{{1,60}}?)?)(?:\s+(?:describes|described|puts\s+it|put\s+it|" \
    r"sees\s+it|saw\s+it|sums\s+(?:it\s+)?up|summed\s+(?:it\s+)?up|explains|explained|remembers|remembered|" \
    r"recalls|recalled|feels|felt)\b|(?=[.,]|$))"
THAT_IS_HOW = re.compile(rf"[ \t]*(?:That|This|Those|These|Such)\s+{IS_HOW_WHO}")
IS_HOW = re.compile(rf"\s*,?\s*{IS_HOW_WHO}")


# after "“…,” said Ann Lee, a nurse", a clause of its own: "…, as the crowd chanted “…”", "…, who called it “…”"
# (a relative clause only where it quotes: without one, annotators keep "X, who …" in the speaker as often as not)
CLAUSE_AFTER_SPEAKER = r",\s+(?:(?:as|where|when|while|after|before|because|but|and)\b|" \
                       r"(?:who|whose|which)\b[^“”\"]*[“\"])"


# the speaker's words again in another language: "“Hatuna tatizo na mnada,” he said, meaning “we have no problem …”"
TRANSLATED = re.compile(rf"[^.“”\"]{{0,60}}?,?\s*{MEANING.pattern.removesuffix('$')}[“\"]")
# a name in quotation marks inside an apposition: "president of the Association of Raspberry Producers “Zlatna malina”"
QUOTED_NAME = rf"[“\"][{UPPER}][^“”\"]{{0,40}}[”\"]"
# who said a quotation, after it: a speaker, then a cue (a verb of saying before any verb, so that "the retired
# teacher said" is not "the" who "retired"; a speaker never begins with the cue: in "…,” said K. Rajalakshmi, …,
# adding that …" the cue is "said"), or the cue, then the speaker (after a dash: "…,” – said B.Kholmatov.")
SPEAKER_AFTER = [re.compile(rf"\s*,?\s*(?![\s,]|(?:{CUE_PHRASES})\b)(?P<src>{SOURCE_WORDS}){ADJUNCT}\s+(?P<cue>{cue})\b")
                 for cue in (CUE, ANY_VERB)] + \
    [re.compile(rf"\s*,?\s*(?:[–—]\s*)?(?P<cue>{cue})\s+(?P<src>[^,;“”\"]{{1,120}}?(?:,\s+(?:[^“”\"]|{QUOTED_NAME}){{1,240}}?)?)"
                # (or a clause of when: "said Pawaskar when informed of the developer's response")
                rf"(?=[.,]?\s*$|,\s*(?:[“\"]|'')|{CLAUSE_AFTER_SPEAKER}|,\s+{PARTICIPLE_CUES}\b|"
                r"\s+(?:when|after|while|before|upon)\s+(?-i:[a-z]))")
     # (any verb, before a name: "…,” attacks the Hon. Riccardo Pastorino, "…,” observes Professor Lorenzo Gatti,
     # as stories translated from Italian, Spanish or French write the verb of saying)
     for cue in (CUE, rf"[a-z]{{3,}}(?:s|ed)(?=\s+(?:{ABBREVIATED}|[{UPPER}]|(?:the|an?)\s))")]


def _named_then_colon(before: str) -> re.Match | None:
    """A quote sheet's "Tina Marquez, on Okonjo:" before a quotation: a name and nothing that does or says."""
    match = NAMED_THEN_COLON.match(before)
    return match if match and _name_or_pronoun(match.group("src")) and not CUE_WORD.search(f" {match.group('src')}") \
        else None


def _only_quotations(text: str, sentence: Span, quotes: list[Span]) -> bool:
    """Whether the sentence is quotations and nothing else (“…” “…”): none of the writer's words between."""
    between = [text[a.end:b.start] for a, b in zip(quotes, quotes[1:])]
    return text[sentence.start:sentence.end].strip() == text[quotes[0].start:quotes[-1].end].strip() and \
        not any(re.search(r"\w", gap) for gap in between)


# titles of traditional rulers, after which one name is a person's whole name ("Group Village Headman Mpondamwala")
RULERS = {"headman", "headwoman", "chieftainess", "chief", "kgosi", "inkosi", "oba", "igwe", "induna", "alkalo"}


# the past tenses of English's common irregular verbs, which ANY_VERB's endings miss
IRREGULAR_PAST = ("left went came made took gave spoke stood sat met won lost held kept ran rose fell led set put hit "
                  "cut quit shut sent spent built paid sold thought brought bought fought caught taught began drew grew "
                  "threw broke chose drove flew sang swore tore wore struck stuck hung shook slept wept felt dealt meant "
                  "heard found got had did saw knew became sought read lit fed fled bled lent bent swept crept leapt knelt "
                  "bore forgot forgave withdrew undertook overcame upheld withheld understood strove rode rang sank swam "
                  "sprang spun dug clung flung swung ground wound bound hid slid bit lay laid shone shot woke froze stole "
                  "arose beat forbade foresaw misled overheard overtook oversaw rebuilt rewrote underwent").split()
# who speaks, then the quotation: "Peskov said (on Friday): “…”", "Cruz continued: “…”"
SPEAKER_BEFORE = re.compile(rf"(?P<src>{SOURCE_WORDS}){ADJUNCT}\s+(?P<cue>{CUE})\b[^“\"]{{0,40}}?[,:]?\s*$")
SPEAKER_VERB_BEFORE = re.compile(rf"(?P<src>{SOURCE_WORDS}){ADJUNCT}\s+(?P<cue>{ANY_VERB})\s*[,:]\s*$")
INVERTED = re.compile(r"\s*(?P<cue>(?:[Ss]aid|[Ss]ays|[Aa]dded|[Aa]dds|[Ww]rote|[Ww]rites|[Aa]sked|[Aa]sks))\s+"
                      rf"(?P<src>{SOURCE_WORDS})\s*[,:]\s*$")
# a quote sheet's line: a name (a title before it), what they spoke of, a colon ("Head coach Tina Marquez, on Okonjo:
# “…”", "Amara Okonjo: “…”"), the colon standing for the cue
# (and a results sheet's "Henrik Solbakk (NOR), 1st: “…”": a country or party in brackets, a place or a role)
# (a surname alone, "Wilhelmsen:"; who and whence, "Linda Tessaro-Brandt, retired nurse, Millbrook Falls:")
NAMED_THEN_COLON = re.compile(rf"\s*(?P<src>[{UPPER}](?:[^,:;“”\"]{{0,60}}?[{UPPER}])?[\w’'-]*(?:\s+\([^()“”\"]{{1,40}}\))?)"
                              r"(?:,?\s+(?:on|about)\s+[^:“”\"]{1,80}|(?:,\s+[^,:;“”\"]{1,30}){1,2})?\s*(?P<cue>:)\s*$")
# "X defended the changes on Thursday: “…”", "X, the captain, was more measured: “…”": who did it speaks next
# (the deed may be long where it ends in the document quoted: "… shared photos on Instagram, with a caption that read:")
DEED = rf"(?:{ANY_VERB}|{'|'.join(IRREGULAR_PAST)})\b"
# ("was more measured:", "was blunt about the morning session, in which his side lost three wickets:")
SPEAKER_DID_BEFORE = re.compile(rf"(?P<src>{SOURCE_WORDS}){ADJUNCT}\s+(?P<cue>(?:was|were|is|are)\s+(?:(?:more|less|far|"
                                rf"rather|equally|even|very|most)\s+)?[a-z]+(?:\s+(?:about|on|over|with|after)\s"
                                rf"[^“”\":;]{{1,120}})?|{DEED}[^“”\":;]{{0,80}}|"
                                rf"{DEED}[^“”\":;]{{0,160}}?\b(?:that|which)\s+(?:read|reads|said|says|stated))\s*:\s*$")
# "Her verdict is cautious: “…”", "His message to fans was simple:": whose words the possessive says
WHOSE_WORDS = re.compile(r"(?P<src>\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))\s+(?P<cue>(?:[a-z]+\s+){0,2}?(?:verdict|view|message|"
                         r"advice|answer|reply|response|conclusion|warning|assessment|explanation|prediction|take|plea|"
                         r"words|reaction|diagnosis|summary|appeal)\b[^“”\".;:]{0,60}?\s+(?:is|was|are|were)\b"
                         r"[^“”\".;:]{0,40}):\s*$")
# "She accepted that …, but said: “…”"
DID_BUT_SAID = re.compile(rf"(?P<src>{SOURCE_WORDS})\s+{DEED}[^“”\"]*?,?\s+(?:but|and)\s+(?P<cue>{CUE})\s*[,:]?\s*$")
DID_SAYING = re.compile(rf"(?P<src>{SOURCE_WORDS})\s+{ANY_VERB}\b[^“”\"]*,\s+(?P<cue>{PARTICIPLE_CUES})\s*[,:]?\s*$")
# "Okerlund repeated the figure, telling supporters the numbers were “…”"; "Lee was brighter, describing it as “…”"
DID_THEN_QUOTING = re.compile(rf"(?P<src>{SOURCE_WORDS})\s+(?P<did>(?:{DEED}|(?:was|were|is|are)\b)[^“”\".;:]*),\s+"
                              rf"(?P<cue>{PARTICIPLE_CUES}|telling|{NAMING_CUES})"
                              rf"\b[^“”\".;:]*$")


def _lead_end(words: str) -> int:
    """Where the words start after a transcript's label and a leading adverbial ("Q (Dev Raman, KPCW News 9): Last
    week you described …", "During a speech in Ohio, Trump attacked …")."""
    label = TRANSCRIPT_LABEL.match(words)
    start = label.end() if label else 0
    lead = LEADING.match(words[start:])
    start += lead.end() if lead else 0
    if lead and APPOSED_TO_LEAD.search(words, 0, start) and (apposed := APPOSED_NAME.match(words, start)):
        start = apposed.end()  # "Speaking from the capital, Bel Hamra, the director …": the place's name, not who
    when = WHEN_LEAD.match(words, start)
    return when.end() if when else start


# a place or a relation that ends a leading clause, and its name after it ("Owned with her mother, Penny, he …")
APPOSED_TO_LEAD = re.compile(r"\b(?:the|his|her|their|its|our|my)\s+(?:[\w-]+\s+)?(?:capital|city|town|village|region|"
                             r"province|county|state|island|district|country|mother|father|wife|husband|son|daughter|"
                             r"brother|sister|partner|grandmother|grandfather|uncle|aunt|cousin|friend),\s+$")
APPOSED_NAME = re.compile(rf"[{UPPER}][\w’'-]*(?:\s+[{UPPER}][\w’'-]*){{0,2}},\s+")


# a time that opens a sentence without a comma, before who: "On Tuesday the council said", "Last night a spokesman"
WHEN_LEAD = re.compile(rf"(?i:(?:on\s+)?(?:{'|'.join(WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?|"
                       r"last\s+(?:night|week|weekend|month|year)|yesterday|today|tonight|"
                       r"this\s+(?:morning|afternoon|evening|week)|earlier\s+(?:today|this\s+week))"
                       rf"\s+(?=(?i:the|an?)\s|[{UPPER}])")


# ("Q. How did the wrist feel?": a question's label, as press-conference transcripts write it; no initial)
TRANSCRIPT_LABEL = re.compile(rf"Q\.[ \t]+|(?:[QA]|[{UPPER}][{UPPER}.’' -]{{1,30}})\s*(?:\([^)\n]{{1,80}}\))?\s*:\s+")


def _mixed(text: str, clause: Span, quotes: list[Span]) -> tuple[Span, bool]:
    """The content of a clause that holds quotations, and whether it is a direct quotation: one that
    quotes words of the speaker's own among the writer's (said Trump's “latest meltdown is unhinged”)
    is reported speech, its content the whole clause."""
    content = _trim(text, Span(clause.start, clause.end))
    content = Span(content.start + len(re.match(r"[\s,:]*", content.of(text)).group(0)), len(
        text[:content.end].rstrip(" .!?\n")))
    inside = Span(quotes[0].start, quotes[-1].end)
    outside = text[content.start:inside.start] + text[inside.end:max(inside.end, content.end)]
    if re.search(r"\w", outside):
        return content, False
    return inside, True


def _name_or_pronoun(words: str) -> bool:
    words = AFTER_THE_NAME.sub("", words.strip())  # "said the 19-year-old afterwards"
    return words.lower() in PRONOUNS or bool(re.search(rf"\b[{UPPER}]", words)) or \
        _determiner_and_word(words.partition(",")[0]) or _epithet(words) or \
        bool(re.search(r"\b(?:spokes\w+|officials?|sources?|aides?|statement|report|campaign)\b", words)) or \
        _issued(_bare(words)) or \
        bool(GROUPS.fullmatch(words.lower()))  # “…,” organisers said


# people named as a group, with no determiner: "organisers said", "police said"
GROUPS = re.compile(r"(?:local\s+)?(?:organi[sz]ers|protesters|campaigners|police|witnesses|residents|analysts|experts|"
                    r"critics|supporters|prosecutors|investigators|authorities|diplomats|lawmakers|voters|families|"
                    r"relatives|neighbou?rs|activists|doctors|officials|sources|aides)")


def _cue_before_comma(words: str) -> bool:
    """Whether `CUE` can stand before a comma in the words, as its last word then does (`CUE_WORD`)."""
    return bool(CUE_WORD_COMMA.search(words))


def _cue_at_end(words: str) -> bool:
    """Whether `CUE` can end the words (`$`: or stand before a newline that does)."""
    return bool(CUE_WORD_AT_END.search(words, max(0, len(words) - CUE_WORD_LONGEST - 1)))


def _cue_near_end(words: str) -> bool:
    """Whether `CUE` can end at most 41 characters before the words' last one that is not a space."""
    return bool(CUE_WORD.search(words, max(0, len(words.rstrip()) - 41 - CUE_WORD_LONGEST)))


def _cue_near_end_or_participle(words: str) -> bool:
    """`_cue_near_end` of the words, or of those before the last participle of saying after a comma."""
    tails = list(PARTICIPLE_TAIL.finditer(words))
    return _cue_near_end(words) or (bool(tails) and _cue_near_end(words[:tails[-1].start()]))


def _verb_and_mark_at_end(words: str) -> bool:
    """Whether the words end with a verb in -ed or -es, then a comma or colon (spaces aside)."""
    words = words.rstrip()
    return words[-1:] in (",", ":") and bool(re.search(r"[a-z](?:ed|es)$", words[:-1].rstrip()))


WHO_CLAUSE = re.compile(r",\s+who\s")
# reported speech: (pattern, reason, a quick test the words pass wherever the pattern can match)
# the verbs that come before their speaker ("…, said the minister"; not "…, has praised the squad")
# ("told" is not one: "…, told reporters" names who heard it)
INVERTIBLE = r"(?:said|says|added|adds|wrote|writes|asked|asks|replied|continued|explained|noted|warned|insisted|" \
             r"argued|recalled|remarked|concluded|observed|stated|declared)"
# who heard it and when, after a cue that ends the sentence: "…, Ann Lee told reporters on Tuesday"
WHEN = r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"
# what an organisation or person issues and a text then quotes: a message, which "a statement said" after "The
# ministry rejected it" is the ministry's; or a report, which "a new study" names before anyone who made it
REPORTS = frozenset(("report", "study", "review", "survey", "audit", "ruling", "judgment", "findings"))
ISSUED = frozenset(("statement", "letter", "email", "e-mail", "release", "notice", "memo", "post", "tweet", "filing",
                    "submission", "message", "caption", "notification", "circular")) | REPORTS


# after a cue: whom they told, what in ("said in a statement", "told reporters in a briefing"), when
HEARD = rf"(?:\s+(?:reporters|journalists|the\s+[{UPPER}][\w.]*(?:\s+[{UPPER}][\w.]*){{0,2}}|[{UPPER}][\w.]*(?:\s+[{UPPER}][\w.]*){{0,2}}))?" \
        rf"(?:\s+in\s+(?:an?|her|his|its|their|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(ISSUED))}|interview|" \
        rf"briefing|speech)(?:\s+to\s+(?:[\w-]+\s+){{0,2}}?[\w-]+)?)?(?:\s+{WHEN})?"  # ("in an email to students")
DEED_THEN_SAID = "a deed, then what the subject said"
REPORTED = [
    (r"^(?P<content>[^,]{3}.*?,\s*(?P<cue>according to)\s+(?P<src>[^,]{1,80}),\s*\w.+)$",
     "according to, inside the content", None),  # "The claim, according to Podolyak, may be a sign …"
    # (with who issued it: "According to the notification, issued by the Petroleum Division last week, …")
    (r"^(?P<lead>.*?)\b(?P<cue>[Aa]ccording to)\s+(?P<src>[^,]{1,80}(?:,\s*(?:issued|released|published|signed|sent|"
     r"posted)\s+(?:by|from)\s+[^,]{1,80})?),\s*(?P<content>.+)$", "according to, first", None),
    (r"^(?P<content>.+?),\s*(?P<cue>according to)\s+(?P<src>[^,]{1,80})$", "according to, last", None),
    (rf"^(?P<content>[^,]{{3}}.*?,\s*(?P<src>{SOURCE_WORDS}){ADJUNCT}\s+(?P<cue>{CUE}),\s*\w.+)$",
     "source and cue inside the content", _cue_before_comma),
    # (a participle may follow, which `_with_participle` reads: "…, the Provost announced on Monday, citing “…” costs")
    (rf"^(?P<content>.+),\s*(?P<src>{SOURCE_WORDS}){ADJUNCT}\s+(?P<cue>{CUE}){HEARD}(?:,\s+(?:{PARTICIPLE_CUES}|{NAMING_CUES})\b.*)?$",
     "content, then source and cue", _cue_near_end_or_participle),
    (rf"^(?P<content>.+),\s*(?P<cue>{INVERTIBLE})\s+(?P<src>[^,]{{1,80}})$", "content, then cue and source", None),
    (rf"^(?P<src>{SOURCE_WORDS}){ADJUNCT}\s+(?P<cue>{CUE})(?:\s*,|\s*:)?\s+(?P<content>.+)$",
     "source and cue, then content", None),
    # (a deed in any past, a term in quotation marks in it: "Oyelaran-Pike took aim at the “fire-only” kitchen,
    # describing the lamb as “…”")
    (rf"^(?P<src>{SOURCE_WORDS})\s+(?:(?:has|have|had)\s+)?{DEED}"
     rf"(?:[^“”\"]|[“\"][^“”\"]{{1,30}}[”\"])*?,\s+"
     rf"(?P<cue>{PARTICIPLE_CUES}|{NAMING_CUES})\s+"
     r"(?P<content>.+)$",
     "a participle after what the subject did", None),
    # what was issued says it: "The school sent a letter home last week explaining that … “…”"
    (rf"^(?P<src>{SOURCE_WORDS})\s+(?:has\s+|have\s+)?(?:issued|sent|released|published|posted|put\s+out)\s+"
     rf"(?:an?|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(ISSUED))})\b[^“”\";:]*?,?\s+(?:and\s+)?"
     rf"(?P<cue>{PARTICIPLE_CUES})\s+(?P<content>.+)$", "a participle after what the subject issued", None),
    # "…, with tournament director Paula Finnerty describing the week as “…”"
    (rf"^(?P<lead>.*?)\bwith\s+(?P<src>[^,;:“”\"]{{1,80}}?)\s+(?P<cue>{PARTICIPLE_CUES}|{NAMING_CUES})\s+"
     rf"(?P<content>.+)$", "with somebody saying", None),
    # "Chief Kanu appealed for calm but said his subjects had been “pushed to the wall”"
    # (or where it said it between: "… welcomed the relief, but in a release urged the ministry to “…”")
    (rf"^(?P<src>{SOURCE_WORDS})\s+(?:{DEED})[^“”\";:]{{0,80}}?,?\s+(?:but|and)\s+"
     rf"(?:(?:in|on|at|during)\s+[^,;“”\"]{{1,40}}?\s+)?(?P<cue>{CUE})\s+(?P<content>\S.+)$",
     DEED_THEN_SAID, None),
    # "…, challenged by Priya Lal, the shadow minister, who called them “selective”": the name (two words or
    # more: "Residents, who …" is no one) the clause is about
    (rf"^(?P<lead>.*?)(?P<src>[{UPPER}][\w’'.-]*(?:\s+[{UPPER}][\w’'.-]*)+(?:,\s+[^,;:“”\"]{{1,80}})?),\s+who\s+"
     rf"(?:has\s+|had\s+|have\s+)?(?P<cue>{CUE})\s+(?P<content>.+)$", "a name, then who said it",
     lambda words: bool(WHO_CLAUSE.search(words))),
    # (last, where nothing else in the sentence says: "… to make way for what the agency called a “modern … complex”")
    # (not a pronoun's, whose sentence's subject is theirs: "Trump urged supporters to see what he called …")
    (r"^(?P<lead>.*?)\bwhat\s+(?!(?:he|she|it|they|we|i)\s)(?P<src>(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+"
     r"(?P<cue>called|calls|termed|terms|"
     r"described\s+as|describes\s+as)\s+(?P<content>\S.+)$", "what somebody called it", None),
]


def _reported(text: str, sentence: Span, quotes: list[Span]) -> Attribution | None:
    # "On that same day, a senior adviser said …"
    sentence = Span(sentence.start + _lead_end(text[sentence.start:sentence.end]), sentence.end)
    s = text[sentence.start:sentence.end]
    end = len(s.rstrip(" .!?"))
    for pattern, reason, possible in REPORTED:
        # the quick test first: a pattern that fails tries every comma of the sentence, and after each
        # every apposition of up to 160 characters
        if possible and not possible(s[:end]):
            continue
        match = re.match(pattern, s[:end], re.S)
        if not match:
            continue
        if PASSIVE.match(match.group("cue")) and not match.group("cue").endswith("quoted as saying"):
            continue  # "The plan was backed by Ann Lee", "Ann Lee was told …", "The shop was cited for …": a passive,
            # whose subject says nothing
        if re.search(r"\badd(?:ed|s)$", match.group("cue")) and NOT_SAID_ADDED.match(match.group("content")):
            continue  # "Luke Harmon added 10 off the bench", "added a second goal": a score, not words
        src_text = match.group("src")
        if DECLINED.search(match.group("cue")) and not re.match(r"[“\"]", match.group("content")):
            continue  # "declined to comment on the investigation": no claim; "… on “ongoing discussions”": their words
        if reason == "source and cue, then content":
            src_text = _strip_leading(src_text)
        if reason == DEED_THEN_SAID and not (_speaker_runs(src_text) or src_text.strip().lower() in PRONOUNS):
            continue  # a person or body did it and said it; not "The paranoia remained but found …"
        # a short content only where it quotes ("who called them “selective”")
        if not plausible_source(src_text) or (len(match.group("content").split()) < 3 and
                                               not re.search(r"[“\"]", match.group("content"))):
            continue
        src = _lead_trimmed(text, _span(sentence.start, match, "src", text))
        cue = _span(sentence.start, match, "cue", text)
        content = _trim(text, _span(sentence.start, match, "content", text))
        if content.start > cue.start:
            cue, content = _before_that(text, cue, content)
        inner = _quotes_in(quotes, content)
        return _attribution(text, src, cue, content, False, inner, [reason], tail=Span(cue.end, sentence.end))
    return None


DECLINED = re.compile(r"\bcomment\s+on$")
PASSIVE = re.compile(r"(?:(?:has|have|had)\s+been|is|was|are|were|been|being|be)\s")
NOT_SAID_ADDED = re.compile(r"(?:\d|(?:a|an|another|two|three|four|five|six|seven|eight|nine|ten|a\s+further)\s)", re.I)
BEFORE_THAT = re.compile(rf"^(?:(?P<when>{WHEN})|[{UPPER}][^,;“”\"]{{0,60}}?|(?:in|on|at|to|during|after|before|with|"
                         rf"from)\s[^,;“”\"]{{1,60}}?|(?:reporters|journalists|him|her|them|us|me)\b[^,;“”\"]{{0,40}}?)"
                         rf"\s+(?=that\s)")
LISTENER_THAT = re.compile(r"^(?:the|a|an|his|her|their)\s[^,;“”\"]{1,40}?\s+(?=that\s)")


def _before_that(text: str, cue: Span, content: Span) -> tuple[Span, Span]:
    """What stands between the cue and a "that" clause is not content: a day belongs to the cue ("announced
    Tuesday that"); whom they told and where is neither ("told The Washington Post that", "said in a letter
    that", "told the debate audience that"). Without "that", a day is neither ("announced on Friday the …")."""
    words = content.of(text)
    match = BEFORE_THAT.match(words)
    if match and pos.has_finite_verb(match.group(0)):  # "Washington should be aware that …" is all content
        return cue, content
    if match and match.group("when"):
        return Span(cue.start, content.start + match.end("when")), Span(content.start + match.end(), content.end)
    if not match and re.search(r"\b(?:told|tells|tell|telling|assured|reminded|informed)$", cue.of(text)):
        match = LISTENER_THAT.match(words)
    if not match:
        match = re.match(rf"^{WHEN}\s+(?=[a-z])", words)
    return cue, Span(content.start + match.end(), content.end) if match else content


def attribution_of(text: str, source: Span | None, cue: Span, content: Span, direct: bool, quotes: list[Span],
                   reasons: list[str]) -> Attribution:
    """An attribution from spans found another way (the trained tagger), read like the rules' own."""
    return _attribution(text, source, cue, content, direct, quotes, reasons,
                        tail=Span(cue.end, min(len(text), cue.end + 80)))


def _attribution(text: str, src: Span | None, cue: Span, content: Span, direct: bool, quotes: list[Span],
                 reasons: list[str], tail: Span | None) -> Attribution:
    if src is not None:
        src = _source_trimmed(text, src)
    speaker = _mention(src.of(text)) if src else Mention(None, pronoun=True)
    relay = None
    if tail is not None and tail.end > tail.start:
        relay_match = RELAY_AFTER_CUE.match(text[tail.start:tail.end])
        if cue.of(text).lower().endswith(("told", "tells", "tell")) or relay_match:
            relay_match = relay_match or re.match(rf"^\s+(?P<outlet>(?:the\s+)?[{UPPER}][\w.&’'-]*(?:\s+[{UPPER}][\w.&’'-]*)*)",
                                                  text[tail.start:tail.end])
        if relay_match and not _weekday(relay_match.group("outlet")):
            relay = _outlet(relay_match.group("outlet"))
    if src is not None and (m := RELAY_RE.search(src.of(text))):
        relay = _outlet(m.group("outlet"))
    if quotes and DENIED_CLAIMS.match(f"{cue.of(text)} {content.of(text)}"):
        # (up to a participle: "…, calling them “entirely unfounded”" is the speaker's again)
        participle = re.search(r",\s+[a-z]+ing\b", content.of(text))
        claims_end = content.start + participle.start() if participle else content.end
        quotes = [q for q in quotes if q.start >= claims_end]
        reasons = [*reasons, "a quotation in the claims it denies is not its words: whose, the text does not say"]
    return Attribution(src, cue, content, direct, speaker, relay=relay, quotes=list(quotes), reasons=list(reasons))


# "Mr Mugisha dismissed claims that the council will hand the land to “a certain investor”": not his words
DENIED_CLAIMS = re.compile(r"(?:\w+\s+)?(?:dismiss|den(?:y|ie)|reject|refute|disput)\w*\s+(?:the\s+|those\s+|these\s+)?"
                           r"(?:claim|allegation|accusation|report|suggestion|rumou?r|charge|assertion)s?\s+"
                           r"(?:that|of)\b", re.I)


def _outlet(words: str) -> str:
    """An outlet's name as the text gives it, without "the" or the full stop of its sentence ("told
    Reuters.") but with an abbreviation's ("U.S.")."""
    words = re.sub(r"^the\s+", "", words.strip(), flags=re.I)
    return words if re.search(rf"\b[{UPPER}]\.$", words) else words.rstrip(".")


# --- who the source phrase names ----------------------------------------------------------------

# a US legislator's party and state or district after the name: ", R-Harlan Springs", ", D-N.M."
PARTY_AND_PLACE = re.compile(rf",\s+[RDI]-[{UPPER}][\w.]*(?:\s+[{UPPER}][\w.]*)*(?=,|$)")
# a word or two set off by commas between the speaker and the verb, which says how the sentence goes on from the
# one before, not who speaks ("She, however, said"; "The union, for its part, said")
ASIDE = re.compile(r",\s+(?:however|meanwhile|though|too|also|instead|likewise|similarly|nonetheless|nevertheless|"
                   r"moreover|in turn|in response|in reply|in contrast|by contrast|of course|in fact|indeed|"
                   r"for (?:his|her|its|their|our|my) part)\s*(?:,|$)", re.I)


def _mention(phrase: str) -> Mention:
    words = _strip_leading(" ".join(phrase.split()))  # "Welcoming the verdict, Marion Steadman, …"
    words = re.sub(r"\s*\([^()]*\)", "", words)  # "Cllr Máire Tuohy (FF)": a party, an age, never who
    words = PARTY_AND_PLACE.sub("", words)  # "Sen. Ruth Callister, R-Harlan Springs": a party and a place, neither
    words = ASIDE.sub(lambda aside: "," if aside.group(0).rstrip().endswith(",") and aside.end() < len(words) else "",
                      words).strip(" ,")
    if governing := GOVERNING.fullmatch(_strip_leading(words)):  # "its board of trustees", "the association’s board"
        owner = governing.group("owner")
        return Mention(None, kind="organization", pronoun=True) if owner.lower() == "its" else \
            _mention(POSSESSIVE.sub("", owner))
    if label := QUOTE_LABEL.fullmatch(words):  # "Quote from Ostapchuk:", "Quote:": a news site's label of whose
        return _mention(label.group("who")) if label.group("who") else Mention(None, kind="any", pronoun=True)
    lowered = words.lower()
    # "Her verdict is …:": hers, as "she" says; "According to him": his
    lowered = POSSESSIVE_PRONOUNS.get(lowered) or OBJECT_PRONOUNS.get(lowered) or lowered
    lowered = _pronoun_alone(lowered)  # "But I always tell students, “…”"
    if lowered in PRONOUNS:
        return Mention(None, kind=PRONOUNS[lowered], pronoun=True)
    # "At her first board meeting on Jan. 14 she": a phrase of where or when, then who
    parts = lowered.split()
    if len(parts) > 1 and parts[-1] in PRONOUNS and parts[0] in PREPOSITIONS | {"when", "while", "as"}:
        return Mention(None, kind=PRONOUNS[parts[-1]], pronoun=True)
    if parts and parts[-1] == "you":  # a question's "Last week you": whom it asks (`_addressee`)
        return Mention(None, title=words, kind="person", pronoun=True)
    if led := LED_WITH_OTHERS.fullmatch(words):  # "Hallström and her co-authors write": she leads them, and speaks
        return _mention(led.group("lead"))
    if called := NAMED_ONLY_AS.search(words):  # "a woman who asked to be identified only as Malika"
        title = _bare(re.split(r",|\s+who\b", words[:called.start()])[0])
        return Mention(_clean_name(called.group("name")), title=title or None, kind="person")
    head, _, apposition = words.partition(",")
    head = WHEN_AFTER_THE_NAME.sub("", AFTER_THE_NAME.sub("", head))  # "said Lindqvist afterwards, a 24-year-old …"
    head = ON_THE_OCCASION.sub("", head)  # "said the Minister during his speech"
    apposition = re.sub(r"^\d{1,3}\b,?", "", apposition.strip()).strip(" ,")  # an age: "Quina Jones, 25"
    if member := re.match(r"(?:including|such as|like)\s+(.+)", apposition, re.I):  # "hardliners, including X"
        head, apposition = member.group(1), ""
    if family := re.fullmatch(rf"(?:the\s+)?(?P<name>[{UPPER}][\w’'-]+(?:[ -][{UPPER}][\w’'-]+)?)\s+family", head, re.I):
        # "The Penhallow family said": the family speaks, not the one of them named before
        return Mention(f"{family.group('name')} family", None, "organization")
    if _issued(head) and (signed := SIGNED_BY.match(apposition)):  # "The statement, signed by Dan Moyo, said"
        return _mention(signed.group("who"))
    if holder := _office_holder(head):
        return holder
    if (organisation := ORG_NAME.search(head)) and not _speaker_runs(head[:organisation.start()]) and \
            not AFFILIATED.search(head[:organisation.start()]) and not _named_after_office(head[organisation.end():]):
        return Mention(_clean_name(organisation.group(0)), title=_role(apposition) or None, kind="organization")
    runs = _speaker_runs(head)
    titles_only = all(_office(run.group(0).split()) for run in runs)
    # "the mayor, Ann Lee"; "the chairman of Harbour Watch, Sir Tom Reid"; "The local MP, Naveen Rao,"; "A community
    # leader and the Onowu of Ogbaku, Chief Josiah Ezenwa-Okoro," (a description, then a titled or given name)
    # (not after a group: "Rice farmers at Belle Espoir Village, Mahaicony," go on to say where, not who)
    if (titles_only or _described_then_named(head, apposition) or HONORIFIC_NAME.match(apposition)) and \
            _speaker_runs(apposition) and not _plural(head):
        # (the name, not what follows it: "Her neighbour, retired welder Tam McGlashan, 71, who has COPD,")
        head, apposition = re.split(r",\s+(?:\d{1,3}\b|who\b|which\b|whose\b)", apposition, maxsplit=1)[0], head
        runs = _speaker_runs(head)
    elif titles_only and re.match(r"(?:the|its|their|our|an?|one|another)\s", head, re.I):
        runs = []  # "the Speaker", "the Provost": an office written with a capital, no name
    title = _role(apposition) or None
    if not runs and (body := NAME_THEN_ORG_NOUN.fullmatch(head.strip())):  # "The Yerevan municipality said"
        return Mention(body.group("body"), None, "organization")
    if not runs:  # "the spokesman", "sources", "a senior official", "the EU's trade chief"
        # "a spokesman for the Harbour Board": the organisation speaks, through its spokesman
        if (spoke := SPOKESMAN_FOR.search(head)) and (named := NAME_OR_ORG.match(head, spoke.end())):
            return Mention(_clean_name(named.group(0)), kind="organization")
        if owner := SPOKESMAN_OF.match(head.strip()):
            words = owner.group("owner").split()
            if _looks_like_org(owner.group("owner")) or not _leading_title(words):
                # an organisation's, or a person's named before ("a Trump spokesman": "Trump" is resolved later)
                return Mention(_clean_name(" ".join(words)), kind="organization")
            name = _after_titles(words)
            return Mention(_clean_name(" ".join(name)), " ".join(words[:len(words) - len(name)]), "person")
        if _unnamed(head, apposition):  # (whoever would not be named is a person: "A food stall operator, who …")
            # (a document nobody is said to have issued is nobody "she" can mean: "a damning report warns")
            kind = "person" if ANONYMOUS.search(words) else "any" if _issued(_bare(head)) else _kind(head)
            return Mention(None, title=" ".join(head.split()), kind=kind, unnamed=True)
        return Mention(None, title=_bare(head), kind="any" if _issued(_bare(head)) else _kind(head), pronoun=True)
    run = runs[-1]
    run_words = run.group(0).split()
    # (after a kind of body, a name whole, its first word no title: "Campaign group Patient Voice Wexshire")
    body = KIND_OF_ORG_BEFORE.search(head, 0, run.start()) and run_words[0].lower().strip(".") not in TITLE_WORDS
    name_words = run_words if body else _name_words(run_words)
    while not body and len(name_words) > 1 and \
            (_leading_title(name_words) or name_words[0].lower() in PREPOSITIONS) and \
            not _given_after_title(run_words, len(run_words) - len(name_words)) and \
            not _named_after_title(run_words, len(run_words) - len(name_words)) and \
            not (_org_head_last(name_words) and name_words[0].lower() in TITLE_MODIFIERS):
        # "Ukrainian President Volodymyr Zelenskiy"; a byline's "By Fiona Macrae"
        name_words.pop(0)
    name = _clean_name(" ".join(name_words))
    if re.fullmatch(WEEKDAY_OR_MONTH, name):  # "A bill … drew criticism Thursday from …": a day is nobody
        return Mention(None, title=" ".join(head.split()), kind="any", unnamed=True)
    before = _bare(head[:run.start()] + run.group(0)[:len(run.group(0)) - len(" ".join(name_words))])
    named = head[:run.end()]  # what follows the name says whose it is ("Ann Lee of the Lisbon Forum"), not what
    kind = "organization" if not before and _looks_like_org(named) else _kind(named)
    # "Town clerk Gareth Linwood", "Group Village Headman Mpondamwala": the organisation's word is the title's
    # (or a body's name, then a person's: "… Protection Agency Biljana Trajkovska-Ristova")
    if kind == "organization" and (_person_named(name) or (before and (
            before.split()[-1].lower().strip(".") in RULERS | TITLE_WORDS - TITLE_MODIFIERS or
            before.split()[-1].lower() in ORG_HINTS - TRADE_NOUNS and given_names.borne(name.split()[0]) > 0) and
            not _looks_like_org(name))):
        kind = "person"
    if before and (descriptor := before.split()[-1].lower()) in ORG_DESCRIPTORS | ORG_NOUNS and \
            (descriptor not in TRADES | ORG_NOUNS or not _person_named(name)):
        # "Publisher Cobalt Arc", "Environmental NGO Terra Viva", "The motorists’ association Mobilité Plus"; not
        # "Publisher Ann Lee"
        kind = "organization"
    return Mention(name, title=title or before or None, kind=kind)


# somebody who gave only part of a name: "asked to be identified only as Malika", "who gave his name as Dawit"
NAMED_ONLY_AS = re.compile(rf"\b(?:(?:identified|named|known|referred\s+to)\s+(?:only\s+)?(?:by\s+(?:her|his|their)\s+"
                           rf"(?:first\s+|given\s+)?name,?\s+)?as|gave\s+(?:only\s+)?(?:her|his|their)\s+(?:first\s+)?"
                           rf"name\s+(?:only\s+)?as)\s+(?P<name>[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'.-]*)?)")


# one named with those who work with them: "Hallström and her co-authors", "Dr Lee and his team"
LED_WITH_OTHERS = re.compile(r"(?P<lead>.*?[A-Z][\w’'-]*)\s+and\s+(?:his|her|their)\s+(?:co-?authors|colleagues|team|"
                             r"fellow\s+researchers|researchers|lawyers|legal\s+team)")


# a body by its place and its kind in common words: "the Yerevan municipality", "the Labour party" (not whose:
# "the Premier's office", "Lee’s party")
NAME_THEN_ORG_NOUN = re.compile(rf"(?i:the)\s+(?P<body>(?:[{UPPER}][\w-]*\s+){{1,3}}(?:[a-z][\w-]*\s+){{0,2}}"
                                rf"(?:{'|'.join(sorted(ORG_NOUNS - TRADE_NOUNS))}))(?![\w’'-])")


# a transcript's turn, opened by its speaker's name and a colon ("Whitcomb: …", "Elena Ruiz: …")
TURN_LABEL = re.compile(rf"(?P<name>[{UPPER}][\w’'.-]+(?:[ \t]+[{UPPER}][\w’'.-]+){{0,3}}):[ \t]")
# (or a contraction: "I've asked", "we'd told them")
PRONOUN_THEN_ADVERB = re.compile(rf"^(?P<pronoun>{'|'.join(PRONOUNS)})(?:[’'](?:ve|d|m|ll|re|s)(?!\w)|"
                                 rf"(?:\s+(?:always|often|never|sometimes|usually|even|{AUXILIARY}))+)+$")


def _turn_label(text: str, at: int, word: str) -> re.Match | None:
    """The label of the transcript's turn that "I" or "we" at `at` stands in ("Whitcomb: … I always tell …")."""
    if _pronoun_alone(word.lower()) not in {"i", "we"}:
        return None
    return TURN_LABEL.match(text, text.rfind("\n", 0, at) + 1, at)


def _pronoun_alone(words: str) -> str:
    """Lower-case words without the adverbs or the contraction after a pronoun ("i always", "i've" are "i"); other
    words as they are."""
    return PRONOUN_THEN_ADVERB.sub(r"\g<pronoun>", words)


# those who govern a body speak for it: "its board of trustees said", "the association’s board said"
GOVERNING = re.compile(r"(?P<owner>its|(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,4}?[’']s)\s+(?:board(?:\s+of\s+(?:trustees|"
                       r"directors|governors))?|trustees|directors|governors|management|leadership)", re.I)


# a label before a quotation, as some news sites print them: "Quote from the company:"; "Quote:" goes on with whoever
# spoke last
QUOTE_LABEL = re.compile(r"(?:quotes?|quoting)(?:\s+from\s+(?P<who>\S.*))?", re.I)


def _office_holder(words: str) -> Mention | None:
    """The person an office with its field names: "Minister of Agriculture Hemraj Sukhdeo"; the field may be a
    body's, "State Secretary of the Health Ministry Ilze Kalniņa"; the name may not."""
    if office := OFFICE_THEN_NAME.fullmatch(words):
        rest = office.group("rest").split()
        # (a courtesy title between field and name is the office's: "… and Environment Dr Faisal bin Hamad al-Qarni")
        if (field := _field_words(rest)) and not _looks_like_org(name := " ".join(_after_titles(rest[field:]))):
            return Mention(_clean_name(name), " ".join([office.group("office"), *rest[:len(rest) - len(name.split())]]),
                           "person")
    return None


def _named_after_office(words: str) -> bool:
    """Whether words after an organisation's name are an office and a person's name ("[Ministry of Finance]
    spokesperson Thabo Mokhesi"), who then speaks, not the organisation."""
    office = re.match(r"\s+(?P<title>[a-z]+(?:\s+[a-z]+)?)\s+(?P<name>\S.*)$", words)
    return office is not None and any(_title_word(w) for w in office.group("title").split()) and \
        bool(_speaker_runs(office.group("name")))


def _plural(head: str) -> bool:
    """Whether a description names a group: its noun, before any "at", "in", "of" or "for", is a plural ("Rice
    farmers at Belle Espoir Village"; not "The minister for communities")."""
    words = pos.TOKEN.findall(re.split(r"\s(?:at|in|of|from|on|near|for|with)\s", head, maxsplit=1)[0])
    return bool(words) and pos.tag(words)[-1] == "NNS"


# an adverb after the speaker's name, no part of it ("said Fallon afterwards", "Lee quickly added")
AFTER_THE_NAME = re.compile(rf"\s+(?:then|also|later|again|now|still|previously|earlier|once|afterwards?|however|"
                            rf"{ADVERB_LY})$")
# when, after who issued something: "issued by the Energy Division last week" (the span keeps it, the name does not)
WHEN_AFTER_THE_NAME = re.compile(r"\s+(?:last|this|next)\s+(?:week|month|year|weekend|night)$")


# where the speaker spoke, after who: "said the Minister during his speech", "the mayor at the launch"
ON_THE_OCCASION = re.compile(r"\s+(?:during|in|at|on)\s+(?:his|her|their|its|the)\s+(?:[\w-]+\s+)?(?:speech|address|"
                             r"remarks|interview|briefing|visit|launch|ceremony|event|meeting|conference|session|opening|"
                             r"closing|debate|hearing|rally)\b.*$", re.I)
SIGNED_BY = re.compile(r"(?:signed|written|issued|sent|released|published|posted)\s+(?:by|from)\s+(?P<who>\S.*)", re.I)


def _described_then_named(head: str, apposition: str) -> bool:
    """Whether a phrase opening with an article or a possessive ("a", "the", "her") describes the person the
    apposition then names, with a title or a given name ("Chief Josiah Ezenwa-Okoro", "Her nephew, Desmond
    Tolliver")."""
    runs = _speaker_runs(apposition)
    if not runs or runs[0].start() > 0:
        return False
    words = runs[0].group(0).split()
    # (or an office no list holds, then where: "Toshao of Tiger Creek, Norbert Jacobis,")
    described = re.match(r"(?:an?|the|his|her|their|its|our)\s", head.strip(), re.I) or \
        (OFFICE_OF_PLACE.match(head.strip()) and given_names.borne(head.split()[0]) < 1000 and len(words) > 1)
    if not described:
        return False
    if len(words) == 1:  # "A 29-year-old volunteer who fled …, Amina now spends": a given name alone
        return given_names.gender(words[0]) is not None
    # (or a word often borne as a name: "The Odikro of Boinso, Nana Adu Gyamfi III,")
    return _title_word(words[0]) or _person_named(" ".join(words)) or \
        (given_names.borne(words[0]) >= 1000 and not _looks_like_org(" ".join(words)))


OFFICE_OF_PLACE = re.compile(rf"[{UPPER}][\w’'-]+\s+of\s+(?:the\s+)?[{UPPER}]")


# an apposition that opens with a courtesy title names the person the phrase before it describes ("Senior
# Meteorologist at the National Weather Office, Ms. Shari-Ann Telesford,"); not one's possessive ("Dr Lee's lawyer")
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Cde", "Hon", "Eng", "Engr", "Barr")
HONORIFIC_NAME = re.compile(rf"(?:{'|'.join(HONORIFICS)})\.?\s+[{UPPER}][\w'-]*(?:\s+[{UPPER}][\w'-]*)*"
                            r"(?![\w’'-])")


def _person_named(name: str) -> bool:
    """A person's name by its look: initials then a surname, or a given name nearly all of whose bearers are women or
    men, then a surname, and no word of an organisation's ("M. Selvaraj", "Gareth Linwood"; not "Victoria Station",
    "Royal Harbour Board")."""
    words = name.split()
    if re.fullmatch(rf"(?:[{UPPER}]\.\s*){{1,3}}[{UPPER}][\w’'-]+", name):  # initials, then a surname: "M. Selvaraj"
        return True
    return len(words) > 1 and given_names.gender(words[0]) is not None and ORG_HINTS.isdisjoint(_words(name))


# somebody new the article does not name: an indefinite phrase ("a source at the show", "one resident", "One, who
# …") or one kept anonymous; not a spokesperson, a document or "an official at the ministry", through which an
# organisation speaks
INDEFINITE = re.compile(r"(?:an?|one|another|some)\b", re.I)
ANONYMOUS = re.compile(r"\b(?:anonymity|anonymously|not\s+(?:want\s+|wish\s+)?to\s+be\s+(?:named|identified)|"
                       r"(?:declined|refused)\s+to\s+be\s+(?:named|identified)|"
                       r"not\s+to\s+(?:use|give|print|publish)\s+(?:his|her|their)\s+(?:full\s+)?name|"
                       r"on\s+background|not\s+authori[sz]ed\s+to\s+(?:speak|comment|discuss)|"
                       r"on\s+condition\s+(?:that\s+)?(?:he|she|they|it)\s+(?:not\s+be|(?:was|were|is|are)\s+not)\s+"
                       r"(?:named|identified))\b", re.I)
SPEAKS_FOR = re.compile(r"\b(?:spokes\w*|representative|press\s+(?:office|officer|team|service))\b", re.I)


def _unnamed(head: str, apposition: str) -> bool:
    words = _bare(head)
    # an official of the department, or one who speaks for it, who would not be named: off the record
    if ANONYMOUS.search(f"{head}, {apposition}") and not _issued(words):
        return True
    if SPEAKS_FOR.search(head) or (_issued(words) and words.split()[-1].lower() not in REPORTS):
        return False
    # (an official at a body speaks for it; a body that is one of a kind is new: "one international agency")
    noun = (re.split(rf"\s+(?:{'|'.join(sorted(PREPOSITIONS))})\s", words, maxsplit=1)[0].split() or [""])[-1]
    if noun.lower() in ("source", "sources"):  # "the source said": whom the text would not name, as before
        return True
    return bool(INDEFINITE.match(head.strip())) and (ORG_NOUNS.isdisjoint(_words(head)) or noun.lower() in ORG_NOUNS)


# "who chairs the committee": the office a relative clause gives, as a noun ("chair of the committee")
OFFICES = {"chairs": "chair", "heads": "head", "leads": "leader", "runs": "head", "directs": "director",
           "manages": "manager", "founded": "founder", "owns": "owner", "coaches": "coach", "edits": "editor",
           "represents": "representative", "advises": "adviser", "presides": "president"}


def _role(apposition: str) -> str:
    """What an apposition says the speaker is, as a noun phrase: "a senior fellow at CNAS"; "who chairs the
    transport committee" is "chair of the transport committee", "who is the mayor" "mayor"; any other clause
    ("who argued that …") is no role."""
    words = _bare(apposition)
    clause = re.match(r"(?:who|which|whose)\s+(?:(?P<be>is|was)\s+|(?:also\s+)?(?P<verb>\w+)\s+(?:over\s+)?)"
                      r"(?P<rest>.+)", words, re.I)
    if clause is None:
        return words
    if clause.group("be"):  # "who is the mayor"; not "who was in the front row", a place, no role
        rest = _bare(clause.group("rest"))
        return "" if rest.split()[0].lower() in PREPOSITIONS else rest
    office = OFFICES.get(clause.group("verb").lower())
    return f"{office} of {clause.group('rest')}" if office else ""


def _org_head_last(words: list[str]) -> bool:
    """Whether a name ends in the word of a body, so that "National", "State" or "Security" before it are part of
    it ("National Weather Service", "State Department", "Security Council"), no title of a person."""
    return words[-1].lower() in ORG_HINTS - TRADE_NOUNS


# lower-case words after a name, ending the phrase, that make the name only say which one the speaker is: a title's
# ("the former Falcons youth player"), or any noun's after "a" or "an" (in the run, if it opens a sentence: "A
# Vaisakhi nagar kirtan", "an Oxford don")
MODIFIED_NOUN = re.compile(r"(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)\s*(?:,|$)")


def _speaker_runs(words: str) -> list[re.Match]:
    """The runs of capitalised words in a speaker phrase that can be the speaker's name: not a determiner, not
    a name after a preposition ("Ann Lee of the Lisbon Forum", "the chairman of Harbour Watch"), not one that
    only says whose or which the speaker is ("the EU's trade chief", "the Tory leader")."""
    runs = []
    skipped_end = -1  # where the last run set aside ends: "for Water and Irrigation" sets both aside
    for run in NAME_RE.finditer(words):
        after = words[run.end():].strip()
        # (a nation's adjective before what somebody is is no name either: "A British skeleton slider")
        modifier = POSSESSIVE.search(run.group(0)) or \
            (after and not after.startswith(",") and _title_word(after.split()[0].strip(","))) or \
            ((noun := MODIFIED_NOUN.match(after)) and (_title_word(noun.group(1)) or
                                                       # ("a 40-year-old IT consultant")
                                                       re.search(r"\b(?i:an?)\s+(?:[a-z0-9][\w-]*\s+){0,2}$",
                                                                 words[:run.start()]) or
                                                       re.match(r"An?\s", run.group(0)))) or _kind_of(words, run) or \
            (NATIONALITY.match(re.sub(r"^(?:An?|The)\s+", "", run.group(0))) and re.match(r"[a-z]", after))
        person = _names_a_person(words, run, bool(runs))
        affiliated = (AFFILIATED.search(words[:run.start()]) and (
            not person or any(not _office(r.group(0).split()) for r in runs))) or \
            re.fullmatch(r"\s+(?:and|&)\s+", words[skipped_end:run.start()]) is not None
        opening = "the " if run.group(0).startswith("The ") else ""  # "The Dane said": its "The" is in the run
        demonym = DEMONYM.fullmatch(run.group(0).removeprefix("The ")) and not after and \
            THE_DEMONYM.search(words[:run.start()] + opening)
        placed = re.fullmatch(rf"\S+{PLACED}", run.group(0))  # "The Boston-area biotech"
        if run.group(0).lower() in DETERMINERS or modifier or affiliated or demonym or placed or \
                GROUPS.fullmatch(run.group(0).lower()) or INDEFINITE_OF.match(words[:run.start()]):
            skipped_end = run.end()
            continue
        runs.append(run)
    return runs


def _names_a_person(words: str, run: re.Match, named_before: bool) -> bool:
    """Whether a run after "of" or "for" names a person rather than where the speaker is: a given name opens a
    person's name in it ("Minister of State for the Environment Low Hui Ling"), or one does after an office
    ("Clerk of the course Alison Rudd") where a name came before ("Mohan Kumar of Sree Venkata Infra": a company,
    whatever its first word; "the wife of John Smith": his wife); after an office with its field in common words,
    any two words that are no body's ("Director of the agency Kubanychbek Sydykov", whatever table of given names
    knows him); or a body's name, then a person's, after an office ("director of the Lake Dabnica Protection Agency
    Biljana Trajkovska-Ristova")."""
    run_words, before = run.group(0).split(), words[:run.start()]
    if _person_from(run_words) or (named_before and _person_named(run.group(0))):
        return True
    if _office_with_field(before) and (_person_named(run.group(0)) or
                                       (len(run_words) > 1 and not _looks_like_org(run.group(0)))):
        return True
    name = _name_words(run_words)
    return any(word.lower() in TITLE_WORDS for word in before.split()) and 1 < len(name) < len(run_words) and \
        not _looks_like_org(" ".join(name))


def _office_with_field(before: str) -> bool:
    """Whether words before a name are an office with its field in common words ("Opposition spokesman for
    planning", "director of finance"), after which a person's name is who holds it."""
    return re.search(r"\b(?:of|for)\s+(?:the\s+)?(?!(?:the|an?)\s)[a-z][\w-]*\s+$", before) is not None and \
        any(word.lower() in TITLE_WORDS for word in before.split())


def _kind_of(words: str, run: re.Match) -> bool:
    """Whether a run only says what kind the speaker is, the phrase ending in a common noun after it ("A senior
    Republican aide", "the bill's lead Democratic sponsor", "A California federal judge", "Dock workers at …"): a
    name is followed by a comma, a preposition, "himself" or a day, not a noun. What a name issued speaks for it
    ("Hallam Institute report")."""
    after = re.match(r"(?:\s+[a-z]+){1,3}?(?=\s*(?:,|$)|\s+(?:at|of|in|from|for|with|on)\s)", words[run.end():])
    if not after or after.group(0).split()[-1] in TIME_NOUNS | REPORTS | ISSUED:
        return False
    tags = pos.tag(pos.TOKEN.findall(words[:run.end() + after.end()]))
    return tags[-1] in {"NN", "NNS"} and all(t in {"JJ", "NN", "NNS"} for t in tags[-len(after.group(0).split()):])


TIME_NOUNS = frozenset(("yesterday", "today", "tonight", "tomorrow", "overnight"))


# "A senior sister on a 16-bed general ICU": somebody unnamed, and a name after a preposition says where she is
INDEFINITE_OF = re.compile(rf"\s*(?:an?|one|another)\s+[^,]*?\b(?:{'|'.join(sorted(PREPOSITIONS))})\s", re.I)
SPOKESMAN_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|representative|press office|press service|statement|"
                           r"press release|(?:analysts|economists|researchers|officials|scientists|staff)\s+at)"
                           rf"\s+(?:for|of|from)?\s*(?:the\s+)?(?=[{UPPER}])|"
                           # "a 2024 petition organised by the Residents' Association": whoever made it
                           r"\b(?:petition|letter|report|submission|study|survey|review|complaint|motion|leaflet)\s+"
                           r"(?:(?:organi[sz]ed|written|signed|issued|published|sent|released|commissioned)\s+)?"
                           rf"(?:by|from)\s+(?:the\s+)?(?=[{UPPER}])", re.I)
# "a ParkRight spokesman", "Northgate University's press office", "the Health Secretariat's communications office":
# whose they are speaks
SPOKESMAN_OF = re.compile(rf"(?:(?i:an?|the)\s+)?(?!(?:A|An|The)\s)(?P<owner>[{UPPER}][\w&.-]*(?:\s+(?:of\s+|for\s+)?[{UPPER}][\w&.-]*)*)"
                          r"(?:[’']s)?"
                          r"\s+(?:[a-z]+\s+)?(?:spokes(?:man|woman|person|people)|(?:press|communications|media|"
                          r"information|public\s+(?:relations|affairs))\s+(?:office|officers?|team|service|department|"
                          r"unit|desk)|"
                          # "Pellworth's planning application promises …": what it issued speaks for it
                          r"(?<=[’']s\s)(?:[a-z-]+\s+)?(?:statement|letter|application|website|report|filing|"
                          r"submission|post|leaflet|brochure|manifesto))\b")
# (with the words that describe the place between: "Residents of the small western NSW town")
AFFILIATED = re.compile(r"\b(?:of|at|for|from|with|in|on|to|by)\s+(?:the\s+|an?\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,3}"
                        r"[‘'ʻ]?$", re.I)  # (a glottal stop may open the place's name: "of 'Ohonua")


def _bare(words: str) -> str:
    words = " ".join(words.split()).strip(" ,")
    first, _, rest = words.partition(" ")
    return rest if first.lower() in DETERMINERS else words


def _title_word(word: str) -> bool:
    """A word of a title or office, singular or plural ("leader", "leaders"), or a word that describes who
    someone is before their name ("Caller", "Proud", "Co-star", "Mum-of-two")."""
    lowered = word.lower().strip(".’'")
    # (a plural, "MPs"; not a short name in capitals, "DSS"; titles joined, "Director-General")
    return lowered in TITLE_WORDS or (lowered.endswith("s") and lowered[:-1] in TITLE_WORDS and not word.isupper()) or \
        ("-" in lowered and all(part in TITLE_WORDS for part in lowered.split("-"))) or \
        lowered in DESCRIPTORS or lowered in ORG_DESCRIPTORS or bool(DESCRIPTOR_SHAPE.fullmatch(lowered))


def _office(words: list[str]) -> bool:
    """Whether capitalised words name an office, not a person: one title word, or words ending in one and
    opening with no common given name ("Medical Director", "Chief Executive"; not "Tom King")."""
    if len(words) == 1:
        return _title_word(words[0])
    return words[-1].lower().strip(".") in TITLE_WORDS - TITLE_MODIFIERS and given_names.borne(words[0]) < 1000


# title words that only qualify another ("White House", "United States" is no "state"): no office's last word
TITLE_MODIFIERS = frozenset(("house", "white", "state", "national", "security", "press", "republican", "democratic",
                             "democrat", "foreign", "defense", "defence", "prime", "former", "vice", "deputy", "senior",
                             "presidential", "rt", "hon", "opposition", "shadow"))


def _after_titles(words: list[str]) -> list[str]:
    """A run's words from its name on: after the last title word with a name after it ("Water Minister Hassan
    al-Amiri", "White House Press Secretary Ann Lee")."""
    # (not a title whose only name after it is a numeral, "Martin Luther King III", nor a father's after "bin",
    # "Rosli bin Haji Ahmad": his name goes on)
    last = max((i for i, word in enumerate(words[:-1]) if _title_word(word) and not _given_after_title(words, i)
                and not given_names.SUFFIX.fullmatch(" ".join(words[i + 1:]))
                and not (i and words[i - 1].lower() in {"bin", "binti", "bint", "ibn"})), default=-1)
    return words[last + 1:]


def _given_after_title(words: list[str], i: int) -> bool:
    """Whether a title word before the surname is a given name: after a title, as one borne mostly by men or women
    is ("Sgt Dean Fry", "Cllr Major Hughes"); alone before it, as one far more often a name than a title is ("Dean
    Whitlock, Ashbridge manager:")."""
    if i != len(words) - 2:
        return False
    if i == 0:
        return given_names.borne(words[0]) >= COMMON_GIVEN
    return _title_word(words[i - 1]) and given_names.gender(words[i]) is not None


def _named_after_title(words: list[str], i: int) -> bool:
    """Whether the word at `i` opens the name: a given name after a title, being none ("Dr. Hodan Ismail Gurey":
    "Hodan" is no title before the commoner "Ismail", as it could be in a run that opens with it; "Elder Aunty
    Maureen Duroux": "Aunty", which nobody bears, is)."""
    return 0 < i and _title_word(words[i - 1]) and words[i][:1].isupper() and not _title_word(words[i]) and \
        given_names.borne(words[i]) > 0


COMMON_GIVEN = 100_000  # bearers in the table: "Dean", "Earl", "Hunter"; not "Prince", "Major", "Judge", "Bishop"


def _leading_title(words: list[str]) -> bool:
    """Whether the first of a name's words is a title: a title word, or a nationality before one ("Ukrainian
    President …"; "Julian", "Brian" and "Christian" end like nationalities and are names), or any word before a
    given name far more common than it ("Reeve Colleen Ashdown", "Gogo Maria Mthembu": `names.name_starts`)."""
    return _title_word(words[0]) or (bool(NATIONALITY.match(words[0])) and len(words) > 2 and _title_word(words[1])) \
        or _person_from(words) > 0


def _person_from(words: list[str]) -> int:
    """Where a given name or initials open a person's name inside the run (`names.name_starts`; "Industries T.R.B.
    Rajaa"), unless what follows is an organisation's ("Royal Victoria Infirmary")."""
    start = given_names.name_starts(words) or next((i for i, word in enumerate(words[1:-1], 1) if re.fullmatch(
        rf"(?:[{UPPER}]\.){{1,3}}", word) and (_title_word(words[i - 1]) or _org_word(words[i - 1]))), 0)
    return start if start and not _looks_like_org(" ".join(words[start:])) else 0


def _name_words(words: list[str]) -> list[str]:
    """A run's words from its name on (`_after_titles`); an organisation's all, unless a title, or an office that
    is no organisation's word, and a given name open a person's name inside it ("Union President Jordan
    Fairweather-Obi", "District Collector Deepa Nandakumar")."""
    if not _looks_like_org(" ".join(words)):
        return _after_titles(words)
    person = _after_titles(words)  # "Zaka District Development Coordinator Mrs Loveness Chidavaenzi": after a title
    # (or one name after a ruler's title: "Group Village Headman Mpondamwala")
    if 0 < len(person) < len(words) and not _looks_like_org(" ".join(person)) and _title_word(words[-len(person) - 1]) \
            and (len(person) > 1 or words[-2].lower() in RULERS):
        return person
    start = _person_from(words)
    if start and (any(_title_word(w) for w in words[:start]) or not _org_word(words[start - 1])):
        return words[start:]
    # a body's name, then a person's ("[director of the] Lake Dabnica Protection Agency Biljana Trajkovska-Ristova")
    last = max((i for i, word in enumerate(words[:-2]) if word.lower() in ORG_HINTS - TRADE_NOUNS), default=-1)
    rest = words[last + 1:]
    # (not an office after the body's name: "Harbour Water Agency Chief Executive Officer")
    person = last >= 0 and all(w[:1].isupper() for w in rest) and given_names.borne(rest[0]) > 0 and not _office(rest)
    return rest if person and not _looks_like_org(" ".join(rest)) else words


# what news, tabloids above all, put before a name to say who someone is: roles in a story, trades,
# feelings ("Tearful Ann Lee"); and shapes of them ("dad-of-three", "co-star", "ex-wife", "49-year-old")
DESCRIPTORS = {
    "caller", "listener", "viewer", "reader", "resident", "neighbour", "neighbor", "fan", "pensioner", "shopper",
    "passenger", "motorist", "commuter", "driver", "cabbie", "patient", "parent", "mum", "dad", "mother", "father",
    "grandmother", "grandfather", "gran", "grandad", "widow", "widower", "pupil", "student", "teacher", "nurse",
    "doctor", "farmer", "baker", "chef", "builder", "landlord", "landlady", "tenant", "owner", "worker", "volunteer",
    "campaigner", "activist", "protester", "survivor", "victim", "witness", "entrepreneur", "businessman", "retiree",
    "businesswoman", "star", "actor", "actress", "singer", "presenter", "comedian", "author", "artist", "designer",
    "player", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward", "skipper", "boss",
    "veteran", "rookie", "champion", "proud", "lucky", "tearful", "heartbroken", "delighted", "devastated", "furious",
    "brave", "plucky", "grieving", "retired", "former", "local", "young", "elderly", "fellow", "rival", "independent",
    "husband", "hubby", "wife", "partner", "fiance", "fiancé", "fiancee", "fiancée", "girlfriend", "boyfriend",
    "binman", "postman", "postwoman", "milkman", "fireman", "firefighter", "paramedic", "cleaner", "carer",
    "shopkeeper", "publican", "hairdresser", "plumber", "electrician", "mechanic", "gardener", "allotmenteer",
    "angry", "upset", "emotional", "livid", "expert", "specialist", "researcher", *DESCRIBING}
DESCRIPTOR_SHAPE = re.compile(r"(?:[a-z]+-of-[a-z]+|(?:co|ex|vice|deputy|acting|self)-[a-z]+|"
                              r"(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:year|month)-old|"  # "Sixty-one-year-old"
                              # a trade or a learned profession by its ending: "Hydrologist", "Paediatrician"; not
                              # a Swedish surname, "Lindqvist"
                              r"[a-z]{2,}(?:ologist|ographer|ician)|[a-z]{4,}(?<!qv|qu|pt)ist|[a-z]{5,}eer)")


SENTENCE_STOP = re.compile(r"[.!?][”\"’)]*\s+|\n")


def sentence_start(text: str, at: int, reach: int = 300) -> int:
    """Where the sentence holding `at` begins: after the last stop before it, at most `reach` characters back."""
    floor = max(0, at - reach)
    stops = list(SENTENCE_STOP.finditer(text, floor, at))
    return stops[-1].end() if stops else floor


def _looks_like_org(words: str) -> bool:
    # "BBC", "AT&T"; not "I", nor a crosshead in capitals ("BACK IN"); "An Bord Pleanála"
    return _org_word(words) or (words.isupper() and len(words) > 1 and len(words.split()) == 1 and
                                words.lower() not in ABBREVIATED_TITLES) or \
        re.match(rf"An{IRISH_NAME}", words) is not None


# after "An", a capitalised word that opens with a consonant sound: no English article but the Irish one, which
# opens the name of a state body ("An Garda Síochána", "An Bord Pleanála")
IRISH_NAME = r"(?=[ \t][B-DF-GJ-NP-TV-Z][a-zá-ú])"


def _words(name: str) -> list[str]:
    """The words of a name, lower-cased; whole words, so "Maria" holds no "ria"."""
    return re.findall(r"[a-z]+", name.lower())


def _org_word(words: str) -> bool:
    """Whether a word of `words` is one of an organisation's ("ministry", "news")."""
    found = _words(words)
    return not (ORG_HINTS.isdisjoint(found) and MEDIA_WORDS.isdisjoint(found))


def speaks(cue: str) -> bool:
    """Whether a cue is a verb of saying, believing or answering ("said", "told", "rejected", "according to"),
    not of doing ("has opened", "will study"), which a claim in a draft is never made from."""
    return bool(CUE_WORD.search(f" {cue}")) or cue.lower().startswith("according to")


def is_outlet(name: str) -> bool:
    """Whether an organisation's name is a news outlet's ("The Daily Courier", "Reuters", "RIA Novosti")."""
    return not MEDIA_WORDS.isdisjoint(_words(name))


def _kind(words: str) -> str:
    """A person where the words give a person's office or say who someone is ("Rovers manager Brendan Kowalczyk",
    "officials"), else an organisation where they name one, else a person."""
    found = set(_words(words))
    if not PEOPLE_WORDS.isdisjoint(found | {w[:-1] for w in found if w.endswith("s")}):
        return "person"
    return "organization" if _org_word(words) or not ORG_DESCRIPTORS.isdisjoint(found) else "person"


PEOPLE_WORDS = frozenset(("spokesman", "spokeswoman", "spokesperson", "president", "minister", "adviser", "advisor",
    "official", "fellow", "analyst", "senator", "secretary", "leader", "mayor", "governor", "chief", "director", "he",
    "she", "manager", "coach", "captain", "boss", "chairman", "chairwoman", "executive", "founder", "counsel",
    "lawyer", "judge", "officer", "inspector", "professor", "dr", "mr", "mrs", "ms", "member", "councillor", "councilor",
    # the nouns of the words that say who someone is ("mum", "striker"), not the adjectives ("local", "proud")
    *DESCRIPTORS - DESCRIBING - {"proud", "lucky", "tearful", "heartbroken", "brave", "plucky", "former", "local",
                                 "young", "elderly", "rival", "independent", "angry", "upset", "emotional", "livid"}))


def nickname(text: str, quote: Span) -> bool:
    """Whether a quotation is a nickname between a name's words ("Jim “The Hammer” Reilly"): nobody's words."""
    match = NICKNAME_AT.match(text, quote.start)
    return match is not None and match.end() == quote.end and \
        re.search(rf"[{UPPER}][\w’'.-]*[ \t]$", text[max(0, quote.start - 40):quote.start]) is not None


NICKNAME_AT = re.compile(NICKNAME)


def _clean_name(name: str) -> str:
    name = re.sub(rf"\s+{NICKNAME}", "", name)  # "Ramón “Monchi” Feliciano Torres" is Ramón Feliciano Torres
    name = re.sub(rf"^(?:The|A|An(?!{IRISH_NAME}))\s+", "", name).strip(" .’'")
    name = PLACE_BASED.sub("", name)  # "Toronto-listed Ardent Ridge Resources" is Ardent Ridge Resources
    if (whose := re.fullmatch(r"(.*\S)[’']s", name)) and (_org_head_last(whose.group(1).split()) or
                                                          " of " in whose.group(1)):
        # "Dunmere District Council’s licensing committee", "the Ministry of the Interior's" (not "McDonald’s")
        name = whose.group(1)
    if name.isupper() and " " in name and given_names.borne(name.split()[0].title()):
        name = name.title()  # a transcript's label in capitals, "NADIA OKONJO:", names Nadia Okonjo
    # honours and degrees after a name are no part of it ("Ruth Ash KC"); "Jr." and "III" are ("Ramon Villaraza Jr.")
    # (and senior counsel's, "Gerhard van Wyk SC", "Femi Adeyemi SAN"; Irish and provincial members', "Áine Kelly TD")
    name = re.sub(r"(?:\s+(?:KC|QC|SC|SAN|MP|MEP|MSP|MLA|MLC|MPP|TD|JP|MBE|OBE|CBE|DBE|KBE|PhD|MD))+\.?$", "", name)
    name = re.sub(r"(\s(?:Jr|Sr))$", r"\1.", name)  # (its full stop, stripped with the sentence's above)
    name = re.sub(r"\s+news agency$", "", name)
    name = re.sub(r"^(\S+\s+\S.*?)\s+[A-Z]+-?\d+[A-Z]?$", r"\1", name)  # a model's number: "Skylark Regional HA-72"
    return WHEN_AFTER_NAME.sub("", name)  # "the Hallam Institute on Monday": a day is no part of a name


# where an organisation or a person is from, listed or based, written before the name as one word
PLACED = r"-(?:based|listed|born|area|headquartered|owned|registered|backed|founded|bred|raised)"
PLACE_BASED = re.compile(rf"^[{UPPER}][\w.&’'-]*{PLACED}\s+(?=[{UPPER}])")
WEEKDAY_OR_MONTH = "|".join(word.capitalize() for word in (*WEEKDAYS, *MONTHS))
WHEN_AFTER_NAME = re.compile(rf"\s+(?:on|in|at|by|from|since|until|last|this|next)\s+(?:{WEEKDAY_OR_MONTH})\b.*$")


def _determiner_and_word(words: str) -> bool:
    """A speaker named by one word after a determiner ("the 46-year-old", "a woman", "my father"), or by a noun for
    a body or an office after up to two words that say which ("the city council", "the press service")."""
    if re.fullmatch(r"(?:the|a|an|one|another|my|our)\s+[\w-]+", words, re.I):
        return True
    noun = re.fullmatch(r"(?:the|an?|its|their|one|another)\s+(?:(?!(?:the|an?|its|their)\s)[a-z][\w-]*\s+){1,2}"
                        r"([a-z][\w-]*)",
                        words, re.I)
    return bool(noun) and (noun.group(1) in ORG_NOUNS | PERSON_NOUNS or _title_word(noun.group(1)) or
                           SPEAKS_FOR.search(words) is not None)


def plausible_source(phrase: str) -> bool:
    """Whether words can be who speaks: a name, a pronoun or a noun like "officials"; an apposition after
    a comma ("Samuel Bendett, a senior fellow at …") may say more and is not judged, unless the words before it
    name nobody and it does ("Its organiser, third-year cellist Mei Lin Hartley,")."""
    head, _, apposition = phrase.strip().partition(",")
    if _plausible_words(phrase, head, apposition):
        return True
    return bool(re.match(rf"\s*(?:[a-z-]+\s+){{0,2}}[{UPPER}]", apposition)) and \
        _plausible_words(apposition, apposition.partition(",")[0], "")


# "…, a claim Haris denied", "an accusation the company rejected": what another then said of the words, not who
# said them
CLAIM_THEN_WHO = re.compile(r"(?i:a|an|the)\s+(?i:claim|allegation|accusation|charge|assertion|suggestion|"
                            r"characteri[sz]ation|description)\s+(?:(?:that|which|the|his|her|their|its|he|she|they|"
                            rf"it)\s|[{UPPER}])")  # (not "a charge nurse")
# nobody is no speaker: "No. Nobody on my team asked for it", "none of the residents said"
NOBODY = re.compile(r"(?:(?:no|yes|well|oh)[.,!]?\s+)?(?:nobody|no\s+one|none|neither|nothing)\b")
CLOSE_TO = re.compile(r"\b(?:close|closest|near|loyal|linked|allied|attached)\s+to\b")


def _plausible_words(phrase: str, head: str, apposition: str) -> bool:
    words = phrase.strip() if apposition.strip().lower().startswith(("including", "such as", "like")) else head
    words = AFTER_THE_NAME.sub("", words.rstrip())  # "said the 19-year-old afterwards"
    if NAMED_ONLY_AS.search(words) and len(phrase.split()) <= 40:  # (a clause that gives the name is who)
        return True
    if not words or len(words.split()) > 14 or len(phrase.split()) > 40:
        return False
    lowered = words.lower()
    if lowered in PRONOUNS or lowered == "you" or _determiner_and_word(lowered):  # ("you": whom a question asks)
        return True
    if CLAIM_THEN_WHO.match(words) or NOBODY.match(lowered):
        return False
    if re.search(r"\b(?:and|or|but|in|of|the|to|a|an|for|with)$", lowered):
        return False
    # a clause, not who; but "a source close to the club", "sources loyal to the minister" are who
    if re.search(r"\b(?:that|which|if|because|when|while|whether|what|who|to|is|was|were|are|be|been|has|have|had|"
                 r"should|would|could|will|can|may|might|must|not|do|does|did|it)\b", CLOSE_TO.sub(" ", lowered)) \
            and not re.search(r"\bincluding\b", lowered):
        return False
    # "Trump attacked Clinton for her support of …" is a clause, not who; "Shocked mum Tracey Bell" is who
    name = _after_titles(words.split())
    # (a name of capitals has no verb in it: "Haskins" is no "has"; nor a body's part after "its": "its board")
    # (each capitalised word read as one singular name: "Rangers" in "the former Rangers youth player" is no plural
    # that makes "youth" a verb)
    # (nor one before a title in capitals: in "he raised the matter in the National Assembly", "National" is no title
    # that "he raised the matter in the" comes before)
    read = name if words.split()[0][:1].isupper() else words.split()
    if not all(word[:1].isupper() for word in read) and not GOVERNING.fullmatch(words.strip()) and \
            pos.has_finite_verb(" ".join("Lee" if word[:1].isupper() and word.lower() not in DETERMINERS else word
                                         for word in read)):
        return False
    has_name = bool(re.search(rf"\b[{UPPER}]", words))
    generic = re.search(r"\b(?:sources?|officials?|spokes\w+|analysts?|experts?|aides?|agency|ministry|"
                        r"government|police|authorities|critics|supporters|reports?|statement|people|"
                        r"residents|witnesses|diplomats?|lawmakers?|voters|polls?|study|survey|media|office|"
                        r"organi[sz]ers|protesters|campaigners|unions?|families|relatives|neighbou?rs|judges?|"
                        r"prosecutors?|investigators?|inquiry|organi[sz]ation|charity|"
                        r"department|council|committee|campaign|court|administration|team|company|group|army|board|"
                        r"trustees|directors|governors|management|leadership|"
                        r"military|(?:wo)?m[ae]n|mother|father|son|daughter|wife|husband|friend|doctor|teacher|"
                        r"student|reader|leader|member|owner|worker|veteran|lawyer|attorney|professor|economist|"
                        r"historian|scientist|researcher|strategist|pollster|activist|advocate|candidate|nominee|"
                        r"chair(?:man|woman)?|director|executive|founder|host|narrator|article|analysis)\b", lowered)
    title = any(word in TITLE_WORDS for word in re.findall(r"[a-z]+", lowered))  # "the mayor, Ann Lee"
    return has_name or bool(generic) or title or _described(lowered)


def _described(words: str) -> bool:
    """Whether lower-case words describe somebody by what they are: a determiner, words before it and a noun ("the
    retired schoolteacher", "a second-year apprentice")."""
    if not re.fullmatch(r"(?:the|a|an|one|another)\s+(?:[\w-]+\s+){1,3}[a-z][\w-]*", words):
        return False
    return pos.tag(pos.TOKEN.findall(words))[-1] == "NN"


# --- pronouns and bare titles -------------------------------------------------------------------

def resolve(text: str, found: list[Attribution]) -> None:
    """Give each pronoun or bare title who the sentence before is about, or else the nearest earlier speaker
    that fits; a surname or first name alone the full name given before; score every attribution."""
    text = as_written(text)
    described = _described_as_organisations(text)
    seen = _Mentions(described=described)  # the speakers so far
    names = _names(text)
    positions = [position for position, _ in names]
    named = _Mentions(m for _, m in names)  # the full names in the text, where they stand
    again = _named_again(text, names)  # and where a person is named again by surname
    again_at = [position for position, _ in again]
    # the last attribution (in `found`'s order) whose content ends before a point: the last whose
    # suffix-minimum end is there (the minima never decrease)
    ends = list(itertools.accumulate((a.content.end for a in reversed(found)), min))[::-1]
    subjects = _subjects(text, names, described)
    acronyms = _acronyms(text)
    subject_at = [position for position, _ in subjects]
    genders = _Genders()
    quoted = Spans(all_quotations(text))
    last_end = 0  # where the previous attribution's words end
    for i, attribution in enumerate(found):
        if attribution.speaker.name in described and attribution.speaker.kind == "person":
            # "the ferry operator, CalMarine,", "Transport Scotland, which …": an organisation, as the text says
            attribution.speaker = Mention(attribution.speaker.name, attribution.speaker.title, "organization")
        speaker = attribution.speaker
        reasons = attribution.reasons
        at = attribution.source.start if attribution.source else attribution.content.start
        word = attribution.source.of(text) if attribution.source else ""
        if speaker.unnamed and speaker.kind == "person" and not ANONYMOUS.search(word) and \
                (later := _named_next(text, at, names, positions)) is not None:
            # a lede's "A British skeleton slider … has accused …", then "Holly Brennan-Ward, 29, was …"
            last_end = max(last_end, *_given(attribution, later, seen, 0.6, f"'{' '.join(word.split())}' taken to "
                                             f"be {later.name}, new to the story and named at the start of the "
                                             "next paragraph"))
            continue
        if speaker.unnamed:  # nobody to look for: the quotation is listed, said by somebody unnamed
            reasons.append(f"'{' '.join(word.split())}' is somebody the article does not name")
            attribution.confidence = 0.7
            seen.add(speaker)
            last_end = max(last_end, attribution.content.end, attribution.source.end if attribution.source else 0)
            _relayed_by_report(text, attribution, found, ends)
            continue
        if re.search(r"\byou$", word, re.I) and (addressee := _addressee(text, at)) is None:
            attribution.speaker = Mention(None, word, "person", unnamed=True)
            reasons.append(f"'{word}' is whoever the writer addresses, whom the text does not name")
            attribution.confidence = 0.5
            continue
        if re.search(r"\byou$", word, re.I):
            # a question's "Last week you described the water as “…”": whom it asks, by name or by who answers it
            here = bisect.bisect_left(positions, at)
            person = (" " not in addressee.name and (named.same_surname(addressee.name, here) or
                                                     seen.same_surname(addressee.name, len(seen.mentions)))) or addressee
            last_end = max(last_end, *_given(attribution, Mention(person.name, person.title, "person"), seen, 0.6,
                                              f"'{word}' taken to be {person.name}, whom the question asks"))
            continue
        if speaker.pronoun and _issued(speaker.title) and (sender := _sender(text, at, speaker.title)):
            # "Dr Miriam Lowell announced in an email to students … “…,” the email read.": who sent it
            last_end = max(last_end, *_given(attribution, sender, seen, 0.7, f"'{word}' taken to be the "
                                              f"{_issued_noun(speaker.title)} {sender.name} sent, named before"))
            continue
        if word.lower() in ("he", "she") and i and (spoken_for := _spoken_for(text, found[i - 1:i])) and \
                bisect.bisect_left(positions, at) == bisect.bisect_left(positions, found[i - 1].source.end) and \
                bisect.bisect_left(subject_at, at) == bisect.bisect_left(subject_at, found[i - 1].source.end):
            # "A Veltrana spokesman said … “…,” he said.": the spokesman just before, nobody named or written of since
            last_end = max(last_end, *_given(attribution, spoken_for, seen, 0.7,
                                              f"'{word}' taken to be {spoken_for.name}, whose spokesperson spoke "
                                              "just before"))
            continue
        # "Mr Snow … has praised the squad. “…,” he said.": a person who opened a sentence since the last
        # attribution is who "he" or "she" most likely is, not the speaker before
        before = bisect.bisect_left(subject_at, at)
        # (not one inside the attribution's own words: "The CM will decide soon, he said")
        subject = subjects[before - 1][1] if before and subject_at[before - 1] >= last_end and \
            not attribution.content.start <= subject_at[before - 1] < attribution.content.end else None
        since = last_end
        if attribution.quotes or word.lower() not in RELATIVE:  # "…, who asked me not to …": within its sentence
            last_end = max(last_end, attribution.content.end, attribution.source.end if attribution.source else 0)
        # (in a transcript's turn, "I" is whose turn it is, not whom the question before was about)
        turn_label = _turn_label(text, at, word)
        about = subject if subject is not None and speaker.pronoun and _refers_to(speaker, subject, word, described) and \
            genders.fit(subject, word) and not turn_label else None
        # else "he" or "she": the nearest person named since whose given name or title says so
        named_since = None if about or not speaker.pronoun or speaker.title else \
            _named_since(again, again_at, since, at, word, genders, quoted)
        if about is not None and about.unnamed:
            attribution.speaker = about
            reasons.append(f"'{word}' taken to be '{about.title}', whom the sentence before is about and the "
                           "article does not name")
            attribution.confidence = 0.6
            seen.add(about)
            continue
        if (taken := about or named_since) is not None:
            attribution.speaker = taken
            reasons.append(f"'{word or 'no speaker'}' taken to be {taken.name}, " +
                           ("who the sentence before is about" if about else f"the nearest {word} named since the last "
                                                                              "quotation"))
            attribution.confidence = 0.7 if about else 0.6
            seen.add(taken)
            genders.note(taken, word)
            _relayed_by_report(text, attribution, found, ends)
            continue
        if speaker.name:
            at = attribution.source.start if attribution.source else attribution.content.start
            # the nearest full name before it, else the latest speaker, with its surname
            before_it = bisect.bisect_left(positions, at)
            # a surname is a person's; an organisation's short name ends its whole one ("the Evening Post" is the
            # "Kelbridge Evening Post"; the "Department of Regional Roads" is no "Regional Roads")
            # (never another person's by the given name: "Desmond Tolliver" is no "Marguerite Tolliver")
            # (a given name is a person's, even one spoken for: "a spokesman for Danny" after "Danny Kerslake")
            person = speaker.kind != "organization"
            earlier = acronyms.get(speaker.name) or \
                (person and _same_person(named.same_surname(speaker.name, before_it), speaker.name)) or \
                (person and _same_person(seen.same_surname(speaker.name, len(seen.mentions)), speaker.name)) or \
                (not person and names.ending(speaker.name, before_it)) or \
                names.shortened(speaker.name, before_it) or \
                (_by_office(text, names, speaker.name, before_it) if re.match(r"the\s", word, re.I) else None) or \
                (names.first_named(speaker.name, before_it) if speaker.kind == "person" or (
                    " " not in speaker.name and given_names.borne(speaker.name) >= COMMON_GIVEN) else None) or \
                (names.middle_named(speaker.name, before_it) if speaker.kind == "person" and speaker.title else
                 None) or _initialled(speaker.name, names)
            full = Mention(earlier.name, speaker.title or earlier.title, "organization" if _looks_like_org(
                earlier.name) else earlier.kind) if earlier else speaker  # (the index holds every name as a person's)
            if full is speaker and _common_word(text, attribution.source, speaker.name):
                # "Others said …", "Anyone with information is asked to call …": a word a sentence opens with
                attribution.speaker = Mention(None, speaker.name, speaker.kind, unnamed=True)
                reasons.append(f"'{speaker.name}' opens the sentence and names nobody")
                continue
            if full is not speaker:
                reasons.append(f"'{speaker.name}' is '{full.name}' named earlier")
                attribution.speaker = full
            speech = re.search(rf"\b(?:said|says|say|told|tells|added|adds|reported|reports|according to|stated|"
                               rf"wrote|writes|asserted|announced)(?:\s+{WHEN})?$", attribution.cue.of(text), re.I)
            attribution.confidence = 0.9 if attribution.direct else 0.75 if speech else 0.6
            if not speech:
                reasons.append(f"'{attribution.cue.of(text)}' is not a plain speech verb")
        elif (word.lower() == "it" or _a_report(speaker) or (not speaker.name and _issued(speaker.title))) and \
                (issuer := _issuer(text, at, names, positions, whole=_a_report(speaker))):
            # "Hettie showed me the letter from the landlord, Pellworth Estates. It says …" (or "The letter says"):
            # whoever issued it
            _given(attribution, issuer, None, 0.6,
                   f"'{word}' taken to be the document {issuer.name} issued, named before")
        elif named_org := _org_named_for(speaker, names, bisect.bisect_left(positions, at), described):
            _given(attribution, named_org, None, 0.7,
                   f"'{word}' taken to be {named_org.name}, the nearest organisation named before that it can mean")
        elif turn_label:
            # "Whitcomb: … But I always tell students, “…”": who speaks in a transcript's turn is its label
            name = turn_label.group("name")
            short = _mention(name.title() if name.isupper() else name)
            turn = (short.name and _same_person(named.same_surname(short.name, bisect.bisect_left(positions, at)),
                                                short.name)) or short
            if turn.name:  # ("INSPECTOR RACHEL ODUNSI:" is Rachel Odunsi)
                _given(attribution, Mention(turn.name, turn.title, "person"), seen, 0.7,
                       f"'{word}' taken to be {turn.name}, whose turn of the transcript it is")
        elif speaker.pronoun and SPEAKS_FOR.fullmatch(_bare(word)) and \
                (spoken_for := _spoken_for(text, found[max(0, i - 3):i])):
            # "A spokeswoman for the authority said … “…,” the spokeswoman said.": for whom she spoke just before
            _given(attribution, spoken_for, None, 0.7,
                   f"'{word}' taken to be {spoken_for.name}, for whom a {_bare(word)} spoke just before")
        else:
            # the nearest three; by what only an office says, where no other fits ("Deputy Chairman of the Agency
            # Sevinj Karimova …" then "she said")
            nearest = seen.fitting(speaker, 6)
            candidates = ([c for c in nearest if genders.fit(c, word)] or
                          [c for c in nearest if genders.fit(c, word, office=False)])[:3]
            if candidates and candidates[0].unnamed:  # "said the official": the one the article did not name
                attribution.speaker = candidates[0]
                reasons.append(f"'{word}' taken to be '{candidates[0].title}' before, whom the article does not name")
                attribution.confidence = 0.6
            elif candidates:
                attribution.speaker = Mention(candidates[0].name, candidates[0].title, candidates[0].kind)
                distinct = {c.name or f"the unnamed {c.title}" for c in candidates[:3]}
                reasons.append(f"'{word or 'no speaker in the sentence'}' taken to be {candidates[0].name}, the "
                               "nearest earlier speaker that fits")
                attribution.confidence = 0.7 if len(distinct) == 1 else 0.45
                if len(distinct) > 1:
                    reasons.append("uncertain: other earlier speakers fit too (" +
                                   ", ".join(sorted(distinct - {candidates[0].name})) + ")")
            elif speaker.title and (holder := _titled_before(names, positions, at, speaker)) is not None:
                # "the Speaker ruled" after "the Speaker, Rt. Hon. Emmanuel Odukwe, directed …"
                attribution.speaker = holder
                reasons.append(f"'{word}' taken to be {holder.name}, named before with that title")
                attribution.confidence = 0.6
            elif before and _refers_to(speaker, subjects[before - 1][1], word, described) and \
                    genders.fit(subjects[before - 1][1], word):
                # a tabloid's epithet ("the dad-of-three") that no earlier title holds: who the story was last about
                attribution.speaker = subjects[before - 1][1]
                reasons.append(f"uncertain: '{word}' taken to be {attribution.speaker.name or attribution.speaker.title}, "
                               "who the story was last about; check")
                attribution.confidence = 0.45
            elif speaker.title and speaker.kind == "person" and not _plural(speaker.title) and \
                    (later := _named_next(text, at, names, positions)) is not None:
                # a lede's "A former nurse at … has told an inquiry …", then "Grace Abernethy, who worked …, said"
                _given(attribution, later, None, 0.6, f"'{word}' taken to be {later.name}, new to the story and "
                                                      "named at the start of the next paragraph")
            elif _epithet(word) and (last := seen.last_of_kind("person")) is not None and genders.fit(last, word):
                # "the 67-year-old village head said" after the Alkalo, Pa Malick Jobe: an epithet of whom the story
                # quoted last, though no title of theirs holds its words
                _given(attribution, last, None, 0.45, f"uncertain: '{word}' taken to be {last.name}, the last person "
                                                      "quoted; check")
            elif speaker.kind == "person" and _an_office(speaker.title) and \
                    (last := _quoted_just_before(found, i, positions, at)) and \
                    _refers_to(speaker, last, word, described) and genders.fit(last, word):
                # "Hydrologist Ermek Asanov said …" then "“…,” the expert said": who spoke just before, nobody
                # named between
                _given(attribution, last, None, 0.45, f"uncertain: '{word}' taken to be {last.name}, who spoke just "
                                                      "before; check")
            else:
                reasons.append("uncertain: no earlier speaker fits; check who this is")
                attribution.confidence = 0.2
        if attribution.speaker.name:
            seen.add(attribution.speaker)
            genders.note(attribution.speaker, word)
        _relayed_by_report(text, attribution, found, ends)
    _name_organisations_whole(text, found, acronyms)


NEAR_BEFORE = 400  # characters: about a paragraph


def _quoted_just_before(found: list[Attribution], i: int, positions: list[int], at: int) -> Mention | None:
    """The named person the attribution before the `i`th gave, where it ends at most a paragraph before `at` and no
    name stands between."""
    last = found[i - 1] if i else None
    if last is None or not last.speaker.name or last.speaker.kind != "person":
        return None
    end = max(last.content.end, last.source.end if last.source else 0)
    return last.speaker if end <= at <= end + NEAR_BEFORE and \
        bisect.bisect_left(positions, at) == bisect.bisect_left(positions, end) else None


def _epithet(words: str) -> bool:
    """Whether a speaker phrase is a tabloid's or a sports page's epithet for someone named before: "the", then an
    age or a word that says who someone is ("the 31-year-old", "the mother-of-two", "the 67-year-old village head")."""
    found = re.match(r"the\s+(?P<rest>.+)$", words.strip(), re.I)
    if found is None or POSSESSOR.search(found.group("rest")):  # (not somebody's: "the casualty's wife")
        return False
    return any(DESCRIPTOR_SHAPE.fullmatch(w) or w in DESCRIPTORS
               for w in re.findall(r"[\w-]+", found.group("rest").lower().partition(",")[0]))


def _given(attribution: Attribution, speaker: Mention, seen: _Mentions | None, confidence: float,
           reason: str) -> tuple[int, int]:
    """Gives the attribution the speaker found for it, with why, and notes it among the speakers `seen` (None
    where the caller notes it itself); where its words and source end."""
    attribution.speaker = speaker
    attribution.reasons.append(reason)
    attribution.confidence = confidence
    if seen is not None:
        seen.add(speaker)
    return attribution.content.end, attribution.source.end


def _named_next(text: str, at: int, names: _Names, positions: list[int]) -> Mention | None:
    """Who a lede's description of a speaker is when the story names them only after it: the person, new to the
    story, whose full name (after titles only) opens the paragraph after the lede, or follows the quotation that
    opens it ("“…,” Sen. Ngiraked Tellei, who chairs the committee, said")."""
    body = body_start(text)
    lede, after = next(((p, q) for p, q in itertools.pairwise(paragraphs(text)) if p.end > body), (None, None))
    if after is None or not lede.start <= at < lede.end:
        return None
    quotes = quotations(text, after)
    opening = quotes[0].end if quotes and quotes[0].start == after.start else after.start
    i = bisect.bisect_left(positions, opening)
    if i == len(names) or " " not in names[i][1].name or _looks_like_org(names[i][1].name) or \
            not all(_title_word(word) for word in text[opening:positions[i]].strip(" ,").split()):
        return None
    surname = given_names.surname(names[i][1].name)
    # named before (not in the headline, which names whom the story is about): somebody else, or said again
    if any(given_names.surname(m.name) == surname
           for _, m in names[bisect.bisect_left(positions, body):bisect.bisect_left(positions, at)]):
        return None
    return names[i][1]


def _spoken_for(text: str, before: list[Attribution]) -> Mention | None:
    """The organisation for which a spokesperson spoke in the last of the attributions `before` that has one."""
    return next((a.speaker for a in reversed(before) if a.source and a.speaker.name and
                 a.speaker.kind == "organization" and SPEAKS_FOR.search(a.source.of(text))), None)


def _name_organisations_whole(text: str, found: list[Attribution], acronyms: dict[str, Mention]) -> None:
    """An organisation's name cut at its "and" or "of" is given whole, as the text writes it somewhere ("Climate
    Service" is the "National Weather and Climate Service", "Diocese" the "Diocese of Hollinbury"), and a short
    name the article defined as the name it stands for ("NCSB")."""
    wholes: dict[str, str] = {}
    for attribution in found:
        name = attribution.speaker.name
        if attribution.speaker.kind != "organization" or not name:
            continue
        if name in acronyms:
            wholes[name] = acronyms[name].name
        elif name not in wholes:
            wholes[name] = max((_whole(text, m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", text)),
                               key=len, default=name)
        if wholes[name] != name:
            attribution.reasons.append(f"'{name}' is '{wholes[name]}', as the text names it in full")
            attribution.speaker = Mention(wholes[name], attribution.speaker.title, "organization")


# (on one line: a headline's last words are no part of a name that opens the paragraph after it)
CAPITALISED_RUN = rf"[{UPPER}][\w’'&.-]*(?:[ \t]+[{UPPER}][\w’'&.-]*)*"
JOINED_BEFORE = re.compile(rf"(?P<run>{CAPITALISED_RUN})[ \t]+(?:and|&)[ \t]+$|"
                           rf"(?P<head>(?:[{UPPER}][\w’'&.-]*[ \t]+)*?{ORG_HEADS})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?$")
JOINED_AFTER = re.compile(rf"[ \t]+(?:and|&)[ \t]+(?P<run>{CAPITALISED_RUN})")
COMPANY_ENDING = re.compile(r"[ \t]+(?:Ltd|Limited|Inc|Plc|plc|PLC|LLC|Corp|Co|GmbH|AG|SA|NV|BV|Pty[ \t]+Ltd)\b")
OF_AFTER = re.compile(rf"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{CAPITALISED_RUN}")


def _whole(text: str, start: int, end: int) -> str:
    """The organisation's name around text[start:end]: a run of capitals joined to it by "and" before it (not a
    person's name: "Tom Reid and Harbour Ferries" are two) or an organisation's head and "of" ("Department of
    [Regional Roads]"), and "of" or "for" and a name after it."""
    name = text[start:end]
    if (before := JOINED_BEFORE.search(text, max(0, start - 60), start)) and \
            not _person_named(" ".join(_after_titles((before.group("run") or before.group("head")).split()))):
        name = text[before.start("run" if before.group("run") else "head"):end]  # _clean_name drops a "The"
    # "Kilbarran" is "Kilbarran and Lochside Council", no organisation alone; an ampersand joins one name
    # ("Vista Sereno Resort & Spa"), where "and" can join two ("Harbour Ferries and Coastline Buses")
    if (joined := JOINED_AFTER.match(text, end)) and _looks_like_org(joined.group("run")) and \
            (not _looks_like_org(name) or joined.group(0).strip().startswith("&")):
        name += joined.group(0)
        end = joined.end()
    if (after := OF_AFTER.match(text, end)) and not WHEN_AFTER_NAME.match(after.group(0)):
        name += after.group(0)
    elif ending := COMPANY_ENDING.match(text, end):  # "Windward Passage Shipping" is "… Shipping Ltd"
        name += ending.group(0)
    elif kind := KIND_AFTER_NAME.match(text, end):  # "Mosele local municipality"
        name += kind.group(0)
    return _clean_name(" ".join(name.split()))


def _titled_before(names: _Names, positions: list[int], at: int, speaker: Mention,
                  reach: int = 30) -> Mention | None:
    """The nearest of the last `reach` full names before `at` whose title holds a bare title's words."""
    end = bisect.bisect_left(positions, at)
    return next((m for _, m in reversed(names[max(0, end - reach):end]) if _title_words(m) and _fits(speaker, m)), None)


def _named_since(names: _Names, positions: list[int], since: int, at: int, word: str,
                 genders: "_Genders", quoted: Spans) -> Mention | None:
    """The nearest person named in the writer's own words since the last attribution whom "he" or "she" must
    mean, as their given name or title says ("Tom Reid met Ann Lee on Monday. “…,” she said.")."""
    said = _Genders.PRONOUNS.get(word.lower())
    if said is None:
        return None
    for i in range(bisect.bisect_left(positions, at) - 1, bisect.bisect_left(positions, since) - 1, -1):
        position, mention = names[i]
        if genders.of(mention) == said and not quoted.overlap(Span(position, position + 1)):
            return mention
    return None


PHRASE_AFTER_TITLE = re.compile(r"\s(?:with|to|for|at|in|from|and|by|on|who|whose|whom|that)\s.*$", re.I | re.S)


class _Genders:
    """Who is "he" and who is "she", as the text has said so far: a title (Mr, Ms, Sir, Dame, "the mum-of-two")
    or a pronoun already taken to mean them, else a given name nearly all of whose bearers are women or men.
    "She said" is never given to a man the text called "he"."""

    PRONOUNS = {"he": "m", "she": "f"}
    TITLES = {"m": {"mr", "sir", "lord", "king", "prince", "father", "dad", "grandfather", "grandad", "husband",
                    "son", "brother", "man", "widower"},
              "f": {"ms", "mrs", "miss", "dame", "lady", "queen", "princess", "mother", "mum", "grandmother", "gran",
                    "wife", "daughter", "sister", "woman", "widow", "actress"}}
    # offices many papers name in the masculine whoever holds them ("Town council chairman Cllr Bernadette …"):
    # weaker than a given name
    OFFICES = {"m": {"businessman", "chairman", "spokesman", "councilman", "alderman", "headmaster"},
               "f": {"businesswoman", "chairwoman", "spokeswoman", "councilwoman", "headmistress"}}

    def __init__(self) -> None:
        self.known: dict[str, str] = {}

    def note(self, mention: Mention, word: str) -> None:
        said = self.PRONOUNS.get(word.lower()) or self._of_title(mention.title or "", self.TITLES)
        if said and mention.name:
            self.known.setdefault(mention.name, said)

    def fit(self, mention: Mention, word: str, office: bool = True) -> bool:
        """Whether the pronoun can mean the mention; without `office`, by what more than an office says."""
        said = self.PRONOUNS.get(word.lower())
        return said is None or (self.of(mention, office) or said) == said

    def of(self, mention: Mention, office: bool = True) -> str | None:
        """"m", "f" or None (not known) for a mention."""
        return self.known.get(mention.name) or self._of_title(mention.title or "", self.TITLES) or \
            self._of_name(mention) or self._of_possessive(mention.title or "") or \
            (self._of_title(mention.title or "", self.OFFICES) if office else None)

    @staticmethod
    def _of_name(mention: Mention) -> str | None:
        """What a person's given name says, where nearly all who bear it are women or men ("Colleen Ashdown")."""
        words = (mention.name or "").split()
        return given_names.gender(words[0]) if mention.kind == "person" and len(words) > 1 else None

    @staticmethod
    def _of_possessive(title: str) -> str | None:
        """What "his" or "her" in a description says of whom it describes ("who runs a stall with her husband")."""
        said = set(re.findall(r"\b(?:his|her)\b", title.lower()))
        return None if len(said) != 1 else "m" if said == {"his"} else "f"

    @staticmethod
    def _of_title(title: str, kinds: dict[str, set[str]]) -> str | None:
        title = _possessed(title)  # "Mr Turnbull’s daughter": hers, whatever her father's title says
        # (only the title itself, not somebody a clause or phrase after it names: "who runs a bakery with her husband")
        title = PHRASE_AFTER_TITLE.sub("", title)
        words = set(re.findall(r"[a-z]+", title.lower().replace("-of-", " ")))
        return next((gender for gender, titles in kinds.items() if words & titles), None)


def _relayed_by_report(text: str, attribution: Attribution, found: list[Attribution], ends: list[int]) -> None:
    """A quotation right after an outlet's report ("Reuters reported …" then "“…,” said an analyst") is taken
    to come through that outlet (the last attribution ending before it, `ends` the suffix minima of their ends)."""
    if attribution.relay or not attribution.quotes or attribution.speaker.kind != "person":
        return
    before = bisect.bisect_right(ends, attribution.content.start)
    if not before:
        return
    report = found[before - 1]
    if report.speaker.kind == "organization" and report.speaker.name and \
            re.search(r"report", report.cue.of(text).lower()) and attribution.content.start - report.content.end < 400:
        attribution.relay, attribution.relayed_in = report.speaker.name, "report"
        attribution.reasons.append(f"relayed by {report.speaker.name}, whose report the paragraph before gives")


# capitalized words that open a sentence before a name: "As Professor Ann Lee put it", "Said Ann Lee:"
NOT_NAME_OPENERS = {*OPENERS, *PREPOSITIONS, "when", "if", "because", "since", *CUE_WORDS}


SHORT_NAME_WORDS = 8  # a name said again in short keeps at most this many of its words (and so 40 KB of
# capitalised words, one run, is indexed in linear time)


class _Names(list):
    """Every full name in the text, where it stands (`_names`), indexed by its first words, its last words and its
    first name, so that the nearest longer name a short one stands for is found by bisection rather than by
    reading all the names before it again for each attribution and sentence (quadratic on a long text)."""

    @functools.cached_property
    def _by_words(self) -> dict[str, dict[tuple[str, ...], list[int]]]:
        index = {"organisation beginning": defaultdict(list), "ending": defaultdict(list), "first": defaultdict(list),
                 "surname": defaultdict(list), "middle": defaultdict(list)}
        for i, (_, mention) in enumerate(self):
            words = tuple(mention.name.split())
            if len(words) > 1:
                index["first"][words[:1]].append(i)
                if not _looks_like_org(mention.name):
                    for family in given_names.surnames(mention.name):
                        index["surname"][(family,)].append(i)
                    for n in range(2, min(len(words), SHORT_NAME_WORDS + 1)):  # "Ratu Josaia" of "Ratu Josaia Vakalolo"
                        index["first"][words[:n]].append(i)
                    for word in words[1:-1]:  # "Mr. Garang" of "Lual Garang Deng"
                        index["middle"][(word,)].append(i)
            for n in range(1, min(len(words), SHORT_NAME_WORDS + 1)):
                index["ending"][words[-n:]].append(i)
                if _org_word(" ".join(words[n:])):
                    index["organisation beginning"][words[:n]].append(i)
        return index

    def _nearest(self, index: str, words: tuple[str, ...], before: int) -> Mention | None:
        found = self._by_words[index].get(words, [])
        last = bisect.bisect_left(found, before)
        return self[found[last - 1]][1] if last else None

    def first_named(self, name: str, before: int) -> Mention | None:
        """The nearest full name before that begins with `name`: a first name alone ("Sir Malcolm", "Shona, 34,
        said" after "Shona McBride"), as British papers and tabloids name people again, or a person's name without
        its last ("Ratu Josaia" after "Ratu Josaia Vakalolo")."""
        return self._nearest("first", tuple(name.split()), before)

    def middle_named(self, name: str, before: int) -> Mention | None:
        """The nearest person's full name before whose middle word `name` is: the name many South Sudanese, Somali
        and other papers use again with a title, the father's ("Mr. Garang" after "Mr. Lual Garang Deng")."""
        return None if " " in name else self._nearest("middle", (name,), before)

    def surnamed(self, name: str, before: int) -> Mention | None:
        """The nearest person's full name before whose family name `name` is ("Mr Pell" after "John Pell")."""
        return None if " " in name else self._nearest("surname", (name,), before)

    def ending(self, name: str, before: int) -> Mention | None:
        """The nearest longer name before that ends with all of `name`'s words ("Kelbridge Evening Post")."""
        return self._nearest("ending", tuple(name.split()), before)

    def shortened(self, name: str, before: int) -> Mention | None:
        """The nearest full name before that `name` is without its last words, where those say it is an
        organisation ("Cerro Azul said" after "Cerro Azul Resources", "ParkRight" after "ParkRight Solutions"). A
        name that says so itself is its own ("the Kremlin" is no short "Kremlin Senate")."""
        if _looks_like_org(name) or not (full := self._nearest("organisation beginning", tuple(name.split()), before)):
            return None
        return Mention(full.name, full.title, "organization")


def _named_again(text: str, names: _Names) -> list[tuple[int, Mention]]:
    """The full names, and each person's surname alone where it stands after their full name ("That offers little
    comfort to Bohara, who …" after "Sarita Bohara"), as the full name: whom a "she" after it may mean."""
    people = {family: (at, m) for at, m in reversed(names)
              if m.kind == "person" and " " in m.name and not _looks_like_org(m.name)
              for family in given_names.surnames(m.name)}  # (the first naming of each)
    found = list(names)
    for word in SURNAME_ALONE.finditer(text):
        first = people.get(word.group(0))
        before = re.search(rf"([{UPPER}][\w’'.-]*)\s$", text[max(0, word.start() - 30):word.start()])
        titled = before is not None and _title_word(before.group(1))  # "Mr Mwansa": his, and "Mr" says he is a he
        if first and first[0] < word.start() and (not before or titled) and \
                not re.match(rf"\s[{UPPER}]", text[word.end():word.end() + 2]):  # (alone, not in a longer name)
            found.append((word.start(), Mention(first[1].name, before.group(1), "person") if titled else first[1]))
    return sorted(found, key=lambda item: item[0])


SURNAME_ALONE = re.compile(rf"(?<![\w’'-])[{UPPER}][\w’'-]+")


def _names(text: str) -> _Names:
    """Every full name (two words or more) in the text, where it stands, with the title before it."""
    found = _Names()
    body = body_start(text)
    for run in NAME_OR_ORG.finditer(text):
        if _shouted(run.group(0)) or _headline(text, run, body) or _dateline(text, run):
            continue
        start = run.start()
        for piece in SENTENCE_END.split(run.group(0)):  # "Pellworth Estates. It", "Monday. Polls": two runs
            start = text.index(piece, start)
            if name := _full_name(text, start, piece):
                found.append((start, name))
            start += len(piece)
    return found


# (not after a title's abbreviation: "Eng. Ubah Ali Warsame" is one name)
SENTENCE_END = re.compile(r"(?<=\w{3})" + "".join(rf"(?<!\b{word.capitalize()})" for word in sorted(
    ABBREVIATIONS & TITLE_WORDS) if len(word) > 2) + r"\.\s+|(?<=\bNo)\.\s+|(?<=\bYes)\.\s+")  # ("No. Nobody …")


KIND_OF_ORG_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(ORG_NOUNS))})\s+$")
# (or a place as a name is written, then a date: "Skopje, 21 April 2026 –", "Asunción, March 24, 2026 (IP Agency).-")
DATELINE_LEAD = re.compile(rf"(?:[{UPPER}][{UPPER}.’' -]+,|[{UPPER}][\w’'.]*(?:[ -][{UPPER}][\w’'.]*){{0,3}},\s+"
                           rf"(?:(?:{MONTH})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{MONTH}))\b)[^—–\n]{{0,60}}?(?:[—–]|--|\s-\s|\.-|/[^/\n]{{1,20}}/\.?)\s*")


def _dateline(text: str, run: re.Match) -> bool:
    """A place in capitals opening a line, then a comma or a dash ("VALDORA, Sept 29, 2026 (Continental Press) —"),
    or a place and a date ("Skopje, 21 April 2026 –", "Tashkent, 14 July /UzNA/."): where the story was filed, nobody's
    name."""
    if run.start() and text[run.start() - 1] != "\n":
        return False
    return (run.group(0).isupper() and re.match(r"\s*(?:,|\(|[—–]|--)", text[run.end():run.end() + 4]) is not None) or \
        (DATELINE_LEAD.match(text, run.start()) is not None and text[run.end():run.end() + 1] == ",")


def _headline(text: str, run: re.Match, body: int) -> bool:
    """Five or more capitalised words alone on a line ("Traders Count Losses As Fire Razes Idumoja Central Market"),
    or words on a line in title case above the article's body, which starts at `body` ("FCWA Proposes First-Ever
    Brine Limits For Desalination Plants, Eyes 2028 Compliance"; "‘We Treat Patients Under the Trees Now’: A Doctor
    on …"): a headline, nobody's name."""
    line_start = text.rfind("\n", 0, run.start()) + 1
    line_end = text.find("\n", run.end())
    line = text[line_start:len(text) if line_end < 0 else line_end]
    if line.strip() == run.group(0).strip():
        return len(run.group(0).split()) >= 5
    return run.start() < body and all(w[0].isupper() for w in re.findall(r"[^\W\d_][\w’'-]{3,}", line))


OFFICE_BEFORE = re.compile(rf"\bthe\s+(?P<office>(?-i:[{UPPER}][a-z]+)(?:\s+(?:for|of|and|the|(?-i:[{UPPER}][\w-]*)))*)\s*$")


def _full_name(text: str, start: int, run: str) -> Mention | None:
    if holder := _office_holder(run):
        return holder
    whole = run.split()
    words = _name_words(whole)
    field = []  # "Minister of [Agriculture] Hemraj Sukhdeo"; "… of Trade and [Industry] Dr Salim bin Khalid"
    if office := OFFICE_OF.search(text, max(0, start - 120), start):
        count = _field_words(words)
        set_aside = [word for word in whole[:len(whole) - len(words)] if word.rstrip(".") not in HONORIFICS]
        field, words = set_aside + words[:count], words[count:]
    while len(words) > 1 and (_leading_title(words) or words[0].lower() in NOT_NAME_OPENERS) and \
            not _named_after_title(whole, len(whole) - len(words)) and \
            not (_org_head_last(words) and words[0].lower() in TITLE_MODIFIERS):
        words.pop(0)
    if len(words) < 2 or _office(words):  # "Provincial Minister" is an office, nobody's name
        return None
    if len(alone := _clean_name(" ".join(words)).split()) == 1 and alone[0].lower() in ORG_NOUNS:
        return None  # "The Committee held one hearing": a kind of body, which "the committee" finds (`_org_named_for`)
    # the title words right before it ("Rovers manager", "the Speaker, Rt. Hon."), not the sentence's, or the
    # office an apposition names ("asked the Minister for Roads and Transport, Ms Fiona Tallis-Grant,")
    if field:
        return Mention(_clean_name(" ".join(words)), f"{office.group(0)}{' '.join(field)}".strip(), "person")
    pieces = text[max(0, start - 120):start].split(",")
    office = len(pieces) > 1 and re.match(r"\s*(?:the|its|their)\s", pieces[-2].rsplit(".", 1)[-1], re.I)
    named_office = OFFICE_BEFORE.search(pieces[-2]) if len(pieces) > 1 and not office else None
    title = named_office.group("office") if named_office else \
        " ".join((_titles_at_end(pieces[-2]) if office else []) + _titles_at_end(pieces[-1]) +
                 [word for word in whole[:len(whole) - len(words)] if _title_word(word)]) or None  # ("Mr. Lanre Eke")
    return Mention(_clean_name(" ".join(words)), title, "person")


# an office with its field before the run of a name: "Minister of [Agriculture Hemraj Sukhdeo]"
# (a field of several parts: "Minister of Lands, Agriculture and Rural Development [Cde Tafadzwa Mhlanga]")
FIELD = rf"(?:[{UPPER}][\w’'-]*(?:,\s+|\s+(?:and|for|of|on)\s+|\s+))"  # ("… Agency for Digital Connectivity")
OFFICE_OF = re.compile(rf"\b(?:{TITLED})\s+(?:of|for)\s+(?:the\s+)?{FIELD}{{0,6}}$")
# (after "HE", His Excellency: "HE the Minister of Food Security and Environment Dr Faisal bin Hamad al-Qarni")
OFFICE_THEN_NAME = re.compile(rf"(?:H\.?E\.?\s+)?(?:(?i:the)\s+)?"
                              rf"(?P<office>(?:[{UPPER}][\w’'-]*\s+)*?(?:{TITLED})\s+(?:of|for)(?:\s+the)?)\s+"
                              rf"(?P<rest>{FIELD}{{0,6}}[{UPPER}][\w’'-]*(?:\s+{NAME_WORD}){{2,5}})")


def _field_words(words: list[str]) -> int:
    """How many of the words after an office's "of" or "for" are its field, before the name: those nobody bears as
    a given name, while two words are left and up to a courtesy title ("[Foreign Affairs] Ann Lee"; "Energy [Chaudhry
    Tariq Mehmood]"; "[Trade and Industry] Dr Salim bin Khalid al-Mansoori")."""
    count = 0
    while len(words) - count > 2 and (given_names.borne(words[count]) == 0 or words[count].islower()) and \
            words[count].rstrip(".") not in HONORIFICS:
        count += 1
    return count


def _titles_at_end(words: str) -> list[str]:
    return list(itertools.takewhile(_title_word, reversed(words.split())))[:4][::-1]


def _shouted(words: str) -> bool:
    """Words all in capitals, more than one: a crosshead ("BACK IN TOWN") or a dateline, nobody's name."""
    return words.isupper() and len(words.split()) > 1


def _same_person(mention: Mention | None, name: str) -> Mention | None:
    """The mention of the same surname, unless `name` is another person's by its given name: "Cr Hollis" and
    "Tariq Mehmood" are "Greg Hollis" and "Chaudhry Tariq Mehmood", "Desmond Tolliver" is no "Marguerite Tolliver"."""
    # (a given name of any bearers is another person's too: "Gerry Devlin" is no "Sharon Devlin")
    words = name.split()
    if mention is None or ((_person_named(name) or (len(words) > 1 and given_names.borne(words[0]) > 0)) and
                           not mention.name.casefold().endswith(f" {name.casefold()}") and  # ("Van Wyk", a label)
                           not _initials_of(words, mention.name.split())):
        return None
    return mention


def _initials_of(short: list[str], full: list[str]) -> bool:
    """Whether a short name's initials are the given names' of the full one ("B. Kholmatov", "Bakhtiyor Kholmatov")."""
    short = given_names.spaced_initials(" ".join(short)).split()
    initials = [word.rstrip(".") for word in short[:-1]]
    return len(full) > len(initials) and all(len(i) == 1 and f.startswith(i) for i, f in zip(initials, full)) and \
        bool(initials) and full[-1] == short[-1]


def _by_office(text: str, names: _Names, office: str, before: int) -> Mention | None:
    """For "The Collector said", the nearest person of the last 50 named who had that office, in capitals, written
    before their name ("District Collector Deepa Nandakumar"): an office no list of titles can hold in full."""
    for position, mention in reversed(names[max(0, before - 50):before]):
        if mention.kind == "person" and " " in (mention.name or "") and re.match(
                rf"(?:[{UPPER}][\w.’'-]*\s+){{0,4}}{re.escape(office)}\s+(?:[{UPPER}][\w.’'-]*\s+){{0,3}}{re.escape(mention.name)}\b",
                text[position:position + 200]):
            return mention
    return None


def _org_named_for(speaker: Mention, names: _Names, before: int, described: dict[str, set[str]]) -> Mention | None:
    """For "the panel", "the university" or "the company", the nearest organisation named before (of the last 50
    names) that the words can mean (`_called`): it need not have spoken yet."""
    # (what the title is, its last word, or whose spokesperson: "the carrier", "a company spokesman"; not what only
    # describes a person, "One utility equity analyst")
    head = _words(speaker.title or "")[-1:]
    nouns = _asked_title_words(speaker) & ORG_NOUNS if speaker.title and not speaker.name and head and \
        (head[0] in ORG_NOUNS or SPEAKS_FOR.search(head[0])) else set()
    if speaker.title and not speaker.name and re.fullmatch(r"(?:an?\s+|the\s+)?spokes(?:man|woman|person)",
                                                           speaker.title, re.I):
        # "I emailed Pellworth Estates. A spokesperson replied": the organisation just named, or named in full before
        # ("the landlord, Pellworth Estates … I emailed Pellworth")
        for i in range(before - 1, max(0, before - 2) - 1, -1):
            name = names[i][1].name
            if organisation := (Mention(name, None, "organization") if _looks_like_org(name) else
                                names.shortened(name, i)):
                return organisation
        return None
    if not nouns:
        return None
    # ("the organisation", "the group": any organisation; "the government" is one whose name says so)
    generic = nouns <= GENERIC_ORG_NOUNS - {"government"}
    # (no outlet: "told the Coast Daily Report … the company said" means a company the story is about)
    recent = [m for _, m in reversed(names[max(0, before - 50):before]) if not is_outlet(m.name)]
    # "the housing association": first an organisation whose name has the word before the noun ("Riverside Arches
    # Housing Group"), not the nearer tenants' association
    modifiers = _asked_title_words(speaker) - ORG_NOUNS - DETERMINERS
    described_by = next((m for m in recent if modifiers and _looks_like_org(m.name) and
                         modifiers <= set(m.name.lower().split())), None)
    return Mention(described_by.name, None, "organization") if described_by else next(
        (Mention(m.name, None, "organization") for m in recent if _called(nouns, m) or nouns <= described.get(m.name, set())
         or (generic and (m.kind == "organization" or _org_word(m.name)))), None)


def _can_be_called(nouns: set[str], mention: Mention, described: dict[str, set[str]]) -> bool:
    """Whether "the <nouns>" can mean the organisation: "the company" one that is no union, council or ministry;
    "the board" one whose name holds the word or that the text described so ("Bophelo Bulk Water, the regional water
    board"); "the group" or "the body" any."""
    if nouns & COMPANY_NOUNS:
        return _called(nouns & COMPANY_NOUNS, mention)
    specific = nouns - GENERIC_ORG_NOUNS
    return not specific or _called(specific, mention) or specific <= described.get(mention.name, set())


def _called(nouns: set[str], mention: Mention) -> bool:
    """Whether the mention can be called "the <nouns>": a company, when it is an organisation (its name
    says so, or what was said of it) and no union, council or ministry ("Harbour Ferries Lines"); anything
    else, when its name holds the word ("the panel": "the Parking Appeals Panel"), or what the article called it
    when it did not name it ("one international agency")."""
    words = set(_words(mention.name or mention.title or ""))
    if nouns & COMPANY_NOUNS:
        return (mention.kind == "organization" or _org_word(mention.name)) and NOT_A_COMPANY.isdisjoint(words)
    if nouns == {"agency"}:  # a public body, whatever its name calls it ("the National Weather Service", "the FDA")
        return not AGENCY_HEADS.isdisjoint(words) or (mention.name.isupper() and len(mention.name) > 1)
    if nouns == {"force"}:  # a police force ("Brackenshire Police … the force said")
        return not {"police", "constabulary", "force"}.isdisjoint(words)
    return nouns <= words


AGENCY_HEADS = frozenset(("agency", "service", "administration", "office", "bureau", "department", "commission",
                          "authority", "directorate", "inspectorate", "institute", "centre", "center", "survey"))


# (a name of at most nine words, so a run of capitalised words is read in linear time)
ACRONYM = re.compile(rf"(?P<full>[{UPPER}][\w’'&-]*(?:[ \t]+(?:(?:of|for|and|the|on|in)[ \t]+){{0,2}}[{UPPER}][\w’'&-]*){{1,8}})"
                     rf"\.?[ \t]+\((?P<short>[{UPPER}][{UPPER}&]{{1,9}})\)")  # ("… Distribution Corp. (BLPDC)")


def _acronyms(text: str) -> dict[str, Mention]:
    """The short names an article defines: "the Association of Critical Care Nurses (ACCN)" makes "ACCN" that
    association, an organisation. A short name must be made of the name's letters, its first a word's first
    ("Cllr Máire Tuohy (FF)" gives her party, not her name), unless the name is an organisation's, whose short name
    may come from its own language ("the Ermera Coffee Growers Union (UPKE)")."""
    found = {}
    for match in ACRONYM.finditer(text):
        if full := _spelled_out(match.group("short"), match.group("full")) or _named_before(match.group("full")):
            found[match.group("short")] = Mention(_clean_name(full), None, "organization")
    return found


def _initialled(short: str, names: _Names) -> Mention | None:
    """The organisation a short name the article never defines stands for: the one named in it whose last words'
    initials spell it ("a PA spokesperson" after "the Planning Authority", "the SU" after "Eastholme Students'
    Union")."""
    if not re.fullmatch(rf"[{UPPER}]{{2,5}}", short):
        return None
    found = {m.name for _, m in names if _looks_like_org(m.name) and
             "".join(w[0] for w in m.name.split() if w[:1].isupper()).endswith(short)}
    return Mention(found.pop(), None, "organization") if len(found) == 1 else None


def _named_before(words: str) -> str | None:
    """The organisation's name before a short name it does not spell, from "of the" on ("Members of the [Ainaro
    Rice Farmers Union] (KPAR)")."""
    name = re.split(r"\s+of\s+the\s+", words)[-1]
    return name if _looks_like_org(name) else words if _looks_like_org(words) else None


def _spelled_out(short: str, full: str) -> str | None:
    """The shortest end of `full` whose letters spell `short` in order, the short name's first letter
    beginning a word, as Schwartz and Hearst (2003) find abbreviations' long forms; None if none does."""
    letters = [c.lower() for c in short if c.isalnum()]
    i = len(full) - 1
    for n, letter in enumerate(reversed(letters)):
        first = n == len(letters) - 1
        while i >= 0 and not (full[i].lower() == letter and (not first or i == 0 or not full[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
    return full[i + 1:]


def _subjects(text: str, names: _Names,
              described: dict[str, set[str]]) -> list[tuple[int, Mention]]:
    """Who each sentence of the writer's own words is about, where it stands: the person or organisation
    named first in it, after nothing but a few words that describe them ("Mr Snow, the new coach, has
    praised …", "Lucky passenger Shona McBride was …", "Another caller, Dev, backed …", "Caldmouth
    Ferries has cancelled …"); a surname alone when the text gave the full name before ("Osei has just
    spoken"). Not a name inside a quotation, nor one after a preposition ("The director of the Museum")."""
    found = []
    # a surname or first name alone, when the text gave the full name before ("Osei has just spoken", "Ryan took it")
    alone = {given_names.surname(m.name) for _, m in names} | \
        {m.name.split()[0] for _, m in names if not _looks_like_org(m.name)}  # "Kelsey Rovers" names no Kelsey
    positions = [position for position, _ in names]
    body = body_start(text)
    for paragraph in paragraphs(text):
        if paragraph.end <= body and not re.search(r"[.!?][”\"’']*\s*$", paragraph.of(text)):
            continue  # the head: a headline's or a byline's names are nobody a sentence of the story is about
        quotes = [q for q in quotations(text, paragraph) if q.of(text).split()]  # in order, none in another
        starts = [q.start for q in quotes]
        for sentence in sentences(text, paragraph, quotes):
            start = sentence.start + _lead_end(text[sentence.start:sentence.end])
            if text[start:start + 1] == "(":  # "(The Lion is back.)": a translation or an aside, about nobody
                continue
            if dateline := DATELINE_LEAD.match(text, start, sentence.end):
                # "VALDORA, Sept 29, 2026 (Continental Press) — Mining company Cerro Azul …"; "CHONGQING, June 9
                # (Xinhua) -- Before dawn on Monday, Wang Guiying packed …"
                start = dateline.end() + _lead_end(text[dateline.end():sentence.end])
            start = LEADING_WORDS.match(text, start, sentence.end).end()  # "But one senior official, who …"
            if topic := FOR_WHOM.match(text, start, sentence.end):  # "But for Ms Nabirye, …, the fight is personal"
                start = topic.end()
            # "The Chairman of the Traders Association, Alhaji Musibau Adeyemo, …, put"; "A community leader and the
            # Onowu of Ogbaku, Chief Josiah Ezenwa-Okoro, dismissed"; "A 29-year-old volunteer …, Amina now spends"
            office = OFFICE_FIRST.match(text, start, sentence.end)
            named = office and _described_then_named(office.group(0), text[office.end():office.end() + 120])
            if not named and (unnamed := _unnamed_subject(text[start:sentence.end])):
                found.append((start, unnamed))
                continue
            if office and (named or (not re.match(r"an?\s", office.group(0), re.I) and any(
                    _title_word(w) for w in re.split(r"\s(?:of|for|at)\s", office.group("office"))[0].split()))):
                start = office.end()
            # "The association has disputed that. … it said": the organisation named before that it means
            if (kind := THE_ORG_NOUN.match(text, start, sentence.end)) and (organisation := _org_named_for(
                    Mention(None, kind.group(0), "organization"), names, bisect.bisect_left(positions, start), described)):
                found.append((start, organisation))
                continue
            # "The Vestfjord county road authority closed …": a body by its place and kind, whom "the authority" means
            if (placed := NAME_THEN_ORG_NOUN.match(text, start, sentence.end)) and \
                    re.match(r"\s+(?:has\s+|had\s+|have\s+)?[a-z]+(?:ed|s)\b", text[placed.end():placed.end() + 30]):
                found.append((start, Mention(placed.group("body"), None, "organization")))
                continue
            for run in NAME_OR_ORG.finditer(text, start, min(sentence.end, start + 80)):
                before = bisect.bisect_right(starts, run.start())
                if not _describes(text[start:run.start()]) or (before and quotes[before - 1].end > run.start()) or \
                        _headline(text, run, body) or NOBODY.match(run.group(0).lower()):
                    break  # words before that say more than who it is, a name inside a quotation, or nobody
                if _title_before_name(text[run.end():run.end() + 80]) or \
                        (run.group(0).isupper() and re.match(r"[ \t]+[a-z]", text[run.end():run.end() + 2])):
                    # "Town clerk Gareth Linwood": a word of the title, the name after it; "a 40-year-old IT
                    # consultant": letters that say which kind
                    continue
                if (subject := _subject(run, alone, text[run.end():run.end() + 1] == ",")) is not None:
                    here = bisect.bisect_left(positions, run.start())
                    subject = names.shortened(subject.name, here) or (subject.kind == "person" and (
                        names.first_named(subject.name, here) or names.surnamed(subject.name, here))) or subject
                    # ("Bophelo Bulk Water, the regional water board", "Shipping firm Harbour Line")
                    if (subject.name in described or KIND_OF_ORG_BEFORE.search(text, start, run.start())) and \
                            subject.kind != "organization":
                        subject = Mention(subject.name, subject.title, "organization")
                    if named and not subject.title and subject.kind == "person":  # "His wife, Mary, waited": hers
                        subject = Mention(subject.name, office.group("office"), "person")
                    found.append((run.start(), _its(subject, text[run.end():sentence.end])))
                    break
    return found


THE_ORG_NOUN = re.compile(rf"(?i:the)\s+(?:{'|'.join(sorted(ORG_NOUNS))})(?=\s+(?!of\b|for\b)[a-z])")
# "Bophelo Bulk Water, the regional water board that …": an apposition saying what a name is
# (not the body's office: "Fiona Latimer, the charity's chief executive")
# (its words may say where: "a Hamburg-based company")
DESCRIBED_AS_ORG = re.compile(rf",\s+(?:the|an?)\s+(?:[a-z][\w-]*\s+|[{UPPER}][\w.&’'-]*{PLACED}\s+){{0,3}}"
                              rf"(?P<noun>{'|'.join(sorted(ORG_NOUNS))})\b"
                              r"(?![’']s\b)")
NAME_AT_END = re.compile(rf"{NAME_RE.pattern}$")
# a name, then a cue whose words call the speaker "its": an organisation
ITS_AFTER_CUE = re.compile(r"(?<=\w)\s+(?:has\s+|have\s+)?(?:said|says|told\s+[^.,;“”\"]{1,40}?|announced|confirmed|"
                           r"stated|insisted|argued|maintained)(?:\s+(?:in|on)\s+[^.,;“”\"]{1,40}?)?\s+(?:that\s+)?its\s")


def _described_as_organisations(text: str) -> dict[str, set[str]]:
    """The names the text describes as an organisation in an apposition, whatever their words, with what it calls
    them ("board"). (The apposition is found first, then the name in the 100 characters before it: a name searched
    for first would be read again from each of its words.)"""
    described: dict[str, set[str]] = defaultdict(set)
    for match in DESCRIPTION_THEN_NAME.finditer(text):  # "The island's only ferry operator, CalMarine, has …"
        words = match.group("name").split()
        # (not a person's name: "the council Mayor Ann Lee", "Counsel for the regulator, Harriet Solway,")
        person = _person_named(match.group("name")) or (len(words) > 1 and given_names.borne(words[0]) >= COMMON_GIVEN
                                                         and not _looks_like_org(match.group("name")))
        # (an apposition closes with a comma: "… feed unit, Valdivieso said" opens a clause)
        clause = match.group("comma") and not match.group(0).endswith(",")
        if not (person or clause or (not match.group("comma") and _leading_title(words))):
            described[_clean_name(match.group("name"))].add(match.group("noun"))
    for match in WHICH_AFTER_NAME.finditer(text):  # "Transport Scotland, which funds the service, said": no person
        if (name := _name_before(text, match.start())) and \
                not re.match(r"(?:in|on|at|by|from)\s", text[match.end():match.end() + 5]):
            described[_clean_name(name.group(0))]  # (an entry with no word: an organisation, called nothing)
    for match in ITS_AFTER_CUE.finditer(text):  # "ZoomRide said in a statement that its fees …": no person
        name = _name_before(text, match.start())
        if name and not given_names.borne(name.group(0).split()[0]) and not _person_named(name.group(0)):
            described[_clean_name(name.group(0))]
    for match in itertools.chain(DESCRIBED_AS_ORG.finditer(text), KIND_AFTER_NAME.finditer(text)):
        name = _name_before(text, match.start())
        if name and name.group(0).lower() not in DETERMINERS and not re.fullmatch(WEEKDAY_OR_MONTH, name.group(0)):
            described[_clean_name(name.group(0))].add(match.group("noun"))  # (not "The", nor "Wednesday, the board")
    return described


def _name_before(text: str, at: int) -> re.Match | None:
    """The name that ends right before `at`, read in the 100 characters before it."""
    return NAME_AT_END.search(text, max(0, at - 100), at)


# (the body is what the description is, not what an office is of: "The chairwoman of Kalnupe council, Dace Ozola")
# (or with no commas, the name then what it did: "The motorists’ association Mobilité Plus said")
DESCRIPTION_THEN_NAME = re.compile(rf"\b(?i:the|an?)\s+(?:(?!(?i:of|for)\s)[\w’'-]+\s+){{0,4}}?"
                                   rf"(?P<noun>{'|'.join(sorted(ORG_NOUNS))})(?P<comma>,?)"
                                   rf"\s+(?P<name>[{UPPER}][\w’'&-]*(?:\s+[{UPPER}][\w’'&-]*){{0,4}})(?:,|(?=\s+[a-z]))")
WHICH_AFTER_NAME = re.compile(r"(?<=\w),\s+which\s")
# or in lower case after it: "the Mosele local municipality", "the Kelbridge city council"
KIND_AFTER_NAME = re.compile(r"(?<=\w)\s+(?:local|city|district|county|regional|state|town|municipal|provincial|"
                             rf"national|borough|metropolitan|parish)\s+(?P<noun>{'|'.join(sorted(ORG_NOUNS))})\b")


FOR_WHOM = re.compile(rf"(?i:for)\s+(?=[{UPPER}])")
OFFICE_FIRST = re.compile(rf"(?i:the|its|their|our|his|her|an?)\s+(?P<office>[{UPPER}a-z0-9][^,;“”\"]{{1,140}}),\s+(?=[{UPPER}])")
RELATIVE = frozenset(("who", "which", "that", "whom"))
# a person, when an indefinite phrase names one ("One trader", "A woman walking her dog", "Another neighbour")
PERSON_NOUNS = frozenset(("man", "woman", "person", "trader", "investor", "worker", "customer", "user", "local", "voter",
                          "official", "source", "witness", "member", "parent", "nurse", "doctor", "teacher", "student",
                          "resident", "neighbour", "neighbor", "fan", "shopper", "passenger", "driver", "farmer",
                          "supporter", "protester", "volunteer", "employee", "officer", "owner", "tenant", "patient"))


def _unnamed_subject(sentence: str) -> Mention | None:
    """Somebody a sentence is about and keeps anonymous ("One of the regulars, a retired teacher who asked me not
    to use her name, was browsing …"), whom a "she said" after it means."""
    if not INDEFINITE.match(sentence):
        return None
    head = " ".join(re.split(r",|\s(?:who|was|were|is|are|has|had|said|says)\s", sentence[:200])[0].split())
    anonymous = ANONYMOUS.search(sentence, 0, 200)
    somebody = anonymous or (
        not re.search(rf"\s[{UPPER}]", head) and  # "One trader, who …,"; not "A neighbour's dog", the dog
        not PERSON_NOUNS.isdisjoint(_words(_possessed(head))))
    # (one who speaks for an organisation is it, unless they would not be named: "A representative of the
    # contractor, who asked not to be named, …" is a person, whom "he said" after it means)
    return Mention(None, title=head, kind="person", unnamed=True) if somebody and (
        anonymous or not SPEAKS_FOR.search(head)) else None


DOCUMENTS = frozenset(("bill", "act", "law", "treaty", "agreement", "accord", "report", "plan", "strategy",
                       "directive", "amendment", "review", "study", "survey", "budget", "charter", "convention"))


TITLE_THEN_NAME = re.compile(rf"\s+(?P<title>(?:[a-z][\w-]*\s+){{1,3}})(?P<next>(?:[{UPPER}][\w’'.-]*\s+){{0,4}}[{UPPER}][\w’'-]*)")


# tags of a word that opens a sentence and is no name ("Others", "Anyone", "Have", "Arable"); not RB, which the
# tagger gives some surnames it has not seen
NOT_NAME_TAGS = frozenset(("NN", "NNS", "JJ", "JJR", "JJS", "VB", "VBP", "VBZ", "VBD", "VBG", "VBN", "MD", "DT", "PRP",
                           "IN", "CD", "WP", "WDT", "EX", "PDT"))


def _common_word(text: str, source: Span | None, name: str) -> bool:
    """Whether a one-word speaker is a common word capitalised only because it opens the sentence: a day or a
    month, or a word the tagger reads as no proper noun there."""
    if source is None or " " in name or _looks_like_org(name) or given_names.borne(name) >= given_names.COMMON or \
            re.search(rf"[a-z][{UPPER}]|-[{UPPER}]|\d", name):  # "Dev", a given name; "ByteWire", "Halden-Vestor"
        return False
    start = sentence_start(text, source.start)
    if dateline := DATELINE_LEAD.match(text, start, source.start):  # "NASSAU, BAHAMAS — Mailboat operators say"
        start = dateline.end()
    opening = re.sub(rf"^\s*[{UPPER}]{{1,2}}:", "", text[start:source.start])  # a transcript's "Q:" opens it too
    if opening.strip(" “\"‘'(—–-") or not source.of(text).startswith(name):
        return False  # capitalised inside a sentence ("A Tidewell spokesman"): a name
    if re.fullmatch(WEEKDAY_OR_MONTH, name):
        return True
    words = pos.TOKEN.findall(text[source.start:source.start + 200])[:40]
    return bool(words) and pos.tag(words)[0] in NOT_NAME_TAGS


def _title_before_name(rest: str) -> bool:
    """Whether the words after a capitalised word are the rest of a title and then a person's name ("[Town] clerk
    Gareth Linwood", "[Town] council chairman Cllr Bernadette Olusanya"; not "[Harbour Ferries] told Ann Lee"), or
    of a kind of organisation and then its name ("[Mining] company Cerro Azul Resources")."""
    following = TITLE_THEN_NAME.match(rest)
    if not following or not all(_title_word(word) or word in ORG_NOUNS for word in following.group("title").split()):
        return False
    # ("[Mining] company Cerro Azul Resources": what kind of organisation, then its name)
    return _person_named(" ".join(_after_titles(following.group("next").split()))) or (
        following.group("title").split()[-1] in ORG_NOUNS)


def _subject(run: re.Match, alone: set[str], apposition: bool) -> Mention | None:
    """The person or organisation a run of capitalised words opening a sentence names, if it is a name:
    "Ann Lee", "Mr Snow", "Osei" (named in full before), "Dev," (an apposition), "Caldmouth Ferries"; not a
    document ("The Renters Bill abolishes …" is about no one that "she" could be)."""
    if run.group(0).lower() in DETERMINERS or POSSESSIVE.search(run.group(0)) or _shouted(run.group(0)) or \
            GROUPS.fullmatch(run.group(0).lower()) or run.group(0).split()[-1].lower() in DOCUMENTS or \
            re.fullmatch(WEEKDAY_OR_MONTH, run.group(0)) or \
            (run.group(0).startswith("The ") and DEMONYM.fullmatch(run.group(0)[4:])):  # a date line; "The Italian"
        return None
    if (_looks_like_org(run.group(0)) or ORG_NAME.fullmatch(run.group(0))) and not _person_named(run.group(0)):
        whole = run.group(0).split()  # (an organisation's; "Jerome Fox" is a man, whatever Fox News is)
        person = _name_words(whole)  # "District Collector Deepa Nandakumar": an office, then the person
        if len(person) == len(whole) or _looks_like_org(" ".join(person)):
            return Mention(_clean_name(run.group(0)), None, "organization")
        return Mention(_clean_name(" ".join(person)), " ".join(whole[:len(whole) - len(person)]), "person")
    words = list(itertools.dropwhile(lambda w: w.lower() in PREPOSITIONS, run.group(0).split()))  # "By Fiona Macrae"
    titles = words[:len(words) - len(_name_words(words))]  # "Regional Chairman Vickram Baksh": an office first
    while len(words) - len(titles) > 1 and _leading_title(words[len(titles):]):
        titles.append(words[len(titles)])
    name = " ".join(words[len(titles):])
    if not name or _office(name.split()):  # "Provincial Minister …": an office, the name comes after
        return None
    # (one word before a comma is a name in an apposition, "Another caller, Dev, backed …", not the first of a list:
    # "Gloves, water and lunch will be provided")
    if " " in name or titles or name in alone or apposition and not LIST_GOES_ON.match(run.string, run.end()):
        return Mention(_clean_name(name), " ".join(titles) or None, "person")
    return None


LIST_GOES_ON = re.compile(rf",\s+(?!(?:{'|'.join(sorted(DETERMINERS))})\s)[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
                          r"(?:,|\s+(?:and|or)\s)")


def _its(subject: Mention, rest: str) -> Mention:
    """A name the rest of its sentence calls "its" and never "he" or "she" is an organisation's, whatever its
    words ("Brackenridge Aggregates wants to extend its licence")."""
    if subject.kind == "person" and not subject.title and re.search(r"\bits\b", rest) and \
            not re.search(r"\b(?:he|she|his|her|him)\b", rest, re.I):
        return Mention(subject.name, None, "organization")
    return subject


def _refers_to(speaker: Mention, subject: Mention, words: str, described: dict[str, set[str]]) -> bool:
    """Whether "he", "she", "it", "the company" or "the dad-of-three" can mean who the sentence before is about:
    a person for he or she, or for a definite epithet ("the 34-year-old"); an organisation for it, "the
    operator", "the firm", or its spokesperson ("The ministry rejected that. A spokesperson said …"). Any
    other indefinite one ("a judge") is somebody new."""
    lowered = words.lower()
    if not speaker.title:
        return speaker.kind == subject.kind or (speaker.kind == "any" and subject.kind == "organization")
    if _issued(speaker.title):  # "the statement read": whoever the sentence before says issued it
        return True
    if re.match(r"(?:a|an|the)\s+spokes(?:man|woman|person)\b", lowered):  # speaks for the organisation just named
        return subject.kind == "organization"
    if _an_organisation(lowered):  # "the operator": an organisation it can be called so ("the company" no union)
        return lowered.startswith("the ") and subject.kind == "organization" and \
            _can_be_called(set(_words(lowered)) & ORG_NOUNS, subject, described)
    # (never a plural: "The study's authors say" is not the one person the story was last about; nor somebody's
    # relation: "the casualty's wife" is not the rescuer the story was about)
    return lowered.startswith("the ") and subject.kind == "person" and not GROUPS.search(lowered) and \
        not POSSESSOR.search(lowered) and \
        pos.tag(pos.TOKEN.findall(words))[-1:] != ["NNS"]


GENERIC_ORG_NOUNS = frozenset(("group", "organisation", "organization", "body", "government"))
COMPANY_NOUNS = frozenset(("company", "firm", "operator", "business", "airline", "retailer", "insurer", "maker",
                           "manufacturer", "supermarket", "chain", *TRADE_NOUNS))
NOT_A_COMPANY = frozenset(("union", "council", "ministry", "department", "party", "committee", "commission",
    "university", "school", "hospital", "museum", "government", "authority", "police", "court", "panel", "tribunal",
    "office",
    "inquiry", "charity", "association", "society", "federation", "foundation", "institute", "club", "congress",
    "senate", "regulator", "watchdog"))
ORG_EPITHET = re.compile(rf"\b(?:{'|'.join(sorted(ORG_NOUNS))})\b")


def _an_office(title: str | None) -> bool:
    """Whether a bare title ends in a word that says who a person is ("the cooperative leader", "the hydrologist"),
    not what a document or a thing is ("the petition", "the report itself")."""
    words = _words(title or "")
    return bool(words) and _title_word(words[-1])


def _an_organisation(title: str) -> bool:
    """Whether a bare title names an organisation ("the company", "a spokeswoman for the charity"), not a person
    whose office is in one ("the union leader", "the council chairman"); a spokesperson speaks for it ("a company
    spokesman")."""
    return bool(ORG_EPITHET.search(" ".join(_words(title)))) and (not _an_office(title) or bool(SPEAKS_FOR.search(title)))


def _describes(words: str) -> bool:
    """Whether the words before a name only describe who it is: a title, "Another caller,", "Lucky
    passenger"; no verb, no preposition that would make the name someone else's."""
    return len(words.split()) <= 4 and not AFFILIATED.search(words.rstrip(", ")) and \
        not re.search(r"\b(?:of|at|for|in|to|by|with|from|on|and|or)\b", words, re.I) and not pos.has_finite_verb(words)


def _fits(speaker: Mention, earlier: Mention) -> bool:
    if speaker.kind == "any" or not speaker.title:
        return speaker.kind in ("any", earlier.kind)
    title_words = _asked_title_words(speaker)
    if title_words and _an_organisation(speaker.title) and earlier.kind != "organization":
        return False  # "the authority" is no person, whatever her title says
    if title_words and title_words <= _title_words(earlier):
        return True
    return speaker.kind == earlier.kind and not title_words


def _title_words(mention: Mention) -> set[str]:
    words = re.findall(r"\w+", (mention.title or "").lower())
    return set().union(*(ABBREVIATED_TITLES.get(word, {word}) for word in words))


def _asked_title_words(speaker: Mention) -> set[str]:
    """The words of a bare title that an earlier speaker's title must hold ("the spokesman": spokesman); none for
    a document, which any earlier speaker may have issued."""
    return set() if _issued(speaker.title) else _title_words(speaker) - DETERMINERS - {"source", "sources"}


def _issued(title: str | None) -> bool:
    """Whether a bare speaker's words are a document someone issued ("the statement added", "the email read")."""
    return bool(re.fullmatch(rf"(?:(?:the|that|this|its|their|his|her|a)\s+)?(?:[\w-]+\s+)?(?:{'|'.join(ISSUED)})",
                             (title or "").lower()))


ISSUED_BY = re.compile(rf"\b(?:{'|'.join(sorted(ISSUED | DOCUMENTS))}|ruling|judgment|guidance|findings)s?\s+"
                       r"(?:(?:issued|sent|published|written|signed)\s+)?(?:from|by|of)\s+(?:(?:the|its|their)\s+)?"
                       rf"(?:[a-z]+\s+){{0,3}}(?:[a-z]+,\s+)?(?=[{UPPER}])")


PUBLISHED = re.compile(rf"(?P<run>{CAPITALISED_RUN})\s+(?:\([{UPPER}]{{2,}}\)\s+)?(?:has\s+|have\s+)?(?:published|released|"
                       rf"issued|produced|commissioned)\s+(?:its|their|a|an|the)\s+(?:[\w-]+\s+){{0,3}}?"
                       rf"(?:{'|'.join(sorted(REPORTS))})\b")


def _a_report(speaker: Mention) -> bool:
    """"The report", "the study": a report named before, by whoever published it."""
    return not speaker.name and bool(speaker.title) and speaker.title.lower().split()[-1] in REPORTS and \
        not INDEFINITE.match(speaker.title)


def _issuer(text: str, at: int, names: _Names, positions: list[int],
            whole: bool = False) -> Mention | None:
    """Who issued the document that "it" is, named in the sentence before ("the letter from the landlord, Pellworth
    Estates. It says …"), or, `whole`, that "the report" is, anywhere before ("The Board published its interim
    report …"): the name after "from", "by" or "of", or before "published", in full as named before."""
    start = 0 if whole else sentence_start(text, max(0, sentence_start(text, at) - 2))
    found = [(m.start("run"), m.group("run")) for m in PUBLISHED.finditer(text, start, at)] if whole else []
    found += [(run.start(), run.group(0)) for m in ISSUED_BY.finditer(text, start, at)
              if (run := NAME_OR_ORG.match(text, m.end()))]
    if not found:
        return None
    position, run = max(found)
    name = _clean_name(" ".join(_name_words(run.split(". ")[0].split())))
    here = bisect.bisect_left(positions, position)
    full = names.shortened(name, here)
    return Mention(full.name if full else name, None, "organization") if full or _looks_like_org(name) else None


# whom a question asks: a name it calls out ("Mr. Oyelaran, in April you told …"), else who answers it next in a
# transcript ("A (Valdane): …", "OYELARAN: …")
VOCATIVE = re.compile(rf"(?:^|[:.?!\n]\s*)(?P<name>(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+)?),\s")
ANSWER = re.compile(rf"\s*(?:A\s*\((?P<labelled>[^)\n]{{1,80}})\)|(?P<named>[{UPPER}][\w.’' -]{{1,40}}))\s*:")


def _addressee(text: str, at: int) -> Mention | None:
    """Whom the question holding character `at` asks (`VOCATIVE`, `ANSWER`), if a person's name says so."""
    start = text.rfind("\n\n", 0, at) + 1
    called = [m.group("name") for m in VOCATIVE.finditer(text, start, at) if not _office(m.group("name").split())]
    end = text.find("\n\n", at)
    answer = ANSWER.match(text, end + 2) if end >= 0 and not called else None
    name = called[-1] if called else answer and (answer.group("labelled") or answer.group("named")).split(",")[0]
    person = _mention(name) if name else None
    return person if person is not None and person.name and person.kind == "person" else None


SENT_IN = re.compile(rf"(?P<run>{CAPITALISED_RUN})(?:,[^,“”\"]{{1,80}},)?\s+(?:{AUXILIARY}\s+)?(?:{CUE_PHRASES})\s+in\s+"
                     rf"(?:an?|her|his|its|their|the)\s+(?:[\w-]+\s+){{0,2}}?(?P<doc>{'|'.join(sorted(ISSUED))})\b")


def _issued_noun(title: str) -> str:
    return title.split()[-1].lower()


def _sender(text: str, at: int, title: str) -> Mention | None:
    """Who sent the document a bare title means ("the email read"), as the sentence before or this one says: the
    name before "announced in an email", "said in a statement", "wrote in a letter"."""
    start = sentence_start(text, max(0, sentence_start(text, at) - 2))
    sent = [m for m in SENT_IN.finditer(text, start, at) if m.group("doc") == _issued_noun(title)]
    if not sent:
        return None
    speaker = _mention(sent[-1].group("run"))
    return speaker if speaker.name else None


class _Mentions:
    """Mentions in the order they came, indexed so that the latest one with a surname, or the latest
    ones that fit a pronoun or bare title, are found without reading them all again for each
    attribution (which made `resolve` quadratic in the attributions of a long text)."""

    def __init__(self, mentions=(), described: dict[str, set[str]] | None = None) -> None:
        self.described = described or {}  # what the text calls an organisation (`_described_as_organisations`)
        self.mentions: list[Mention] = []
        self.by_surname: dict[str, list[int]] = defaultdict(list)  # surname -> positions in `mentions`
        self.other_name: list[int] = []  # per mention: the last one before it of its surname, another name (-1)
        self.by_kind: dict[str, list[int]] = defaultdict(list)
        self.by_title_word: dict[str, list[int]] = defaultdict(list)
        self.fits: dict[frozenset[str], tuple[str, int, list[int]]] = {}  # title words -> word read, read, fit
        for mention in mentions:
            self.add(mention)

    def add(self, mention: Mention) -> None:
        i = len(self.mentions)
        self.mentions.append(mention)
        other = -1
        if mention.name:
            for n, family in enumerate(given_names.surnames(mention.name)):
                same = self.by_surname[family]
                if same and not n:
                    other = same[-1] if self.mentions[same[-1]].name != mention.name else self.other_name[same[-1]]
                same.append(i)
        self.other_name.append(other)
        self.by_kind[mention.kind].append(i)
        for word in _title_words(mention):
            self.by_title_word[word].append(i)

    def last_of_kind(self, kind: str) -> Mention | None:
        """The latest named mention of a kind ("person")."""
        return next((self.mentions[i] for i in reversed(self.by_kind.get(kind, [])) if self.mentions[i].name), None)

    def same_surname(self, name: str, before: int) -> Mention | None:
        """The last of the first `before` mentions whose name is another than `name`, with its surname."""
        same = self.by_surname.get(given_names.surname(name), [])
        last = bisect.bisect_left(same, before)
        if not last:
            return None
        i = same[last - 1]
        i = i if self.mentions[i].name != name else self.other_name[i]
        return self.mentions[i] if i >= 0 else None

    def fitting(self, speaker: Mention, limit: int = 3) -> list[Mention]:
        """The last `limit` mentions that fit a pronoun or bare title (`_fits`), the nearest first."""
        words = _asked_title_words(speaker) if speaker.kind != "any" and speaker.title else set()
        if not words:  # any mention of its kind fits ("he": a person), or any at all ("they")
            pool = range(len(self.mentions)) if speaker.kind == "any" else self.by_kind.get(speaker.kind, [])
            return [self.mentions[i] for i in reversed(pool[-limit:])]
        if _an_organisation(speaker.title):  # "the company": the organisations that spoke, whatever their titles
            organisations = [self.mentions[i] for i in reversed(self.by_kind.get("organization", [])[-50:])]
            nouns = words & ORG_NOUNS
            return [m for m in organisations if _can_be_called(nouns, m, self.described)][:limit]
        # an earlier title holding all the words: among those holding one of them, read once per title
        key = frozenset(words)
        word, read, fit = self.fits.get(key) or (min(words, key=lambda w: len(self.by_title_word[w])), 0, [])
        pool = self.by_title_word[word]
        fit = (fit + [i for i in pool[read:] if _fits(speaker, self.mentions[i])])[-limit:]
        self.fits[key] = (word, len(pool), fit)
        return [self.mentions[i] for i in reversed(fit)]


# --- small helpers ------------------------------------------------------------------------------

def _span(offset: int, match: re.Match, group: str, text: str) -> Span:
    return _trim(text, Span(offset + match.start(group), offset + match.end(group)))


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in " \t\r\n,":
        start += 1
    while end > start and text[end - 1] in " \t\r\n,":
        end -= 1
    return Span(start, end)


# a dateline before the speaker: "WASHINGTON --", "VALDORA, Sept 29 —", or what is left of one after its comma
# ("March 2 (Wire) -", "(Continental Press) —")
DATELINE_IN_SOURCE = re.compile(rf"(?:[{UPPER}]{{3,}}[{UPPER} ,.]*\s+(?:--|—|–)\s+|{DATELINE_LEAD.pattern}|"
                                rf"(?:{MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?\s*)?(?:\([^()\n]{{1,30}}\)\s*)?(?<=[\d)]\s|.[\d)])"
                                r"(?:--|—|–|-)\s+)?")


def _source_trimmed(text: str, span: Span) -> Span:
    """Without a leading "As"/"and"/"Even" ("As Politico reported"), a dateline, the circumstance before a
    name ("In a Bloomberg interview Trump") or where and how they spoke ("Cummings, in a statement",
    "Caddell, speaking of …", "Obama, dedicating the museum"). An age stays ("Sarandon, 69"), as
    annotators keep it."""
    words = span.of(text)
    start = LEADING_WORDS.match(words).end()
    start = DATELINE_IN_SOURCE.match(words, start).end()
    if re.match(r"(?:in|at|on|during|after|before)\s", words[start:], re.I) and "," not in words[start:]:
        named = list(NAME_RE.finditer(words[start:]))  # "In a Bloomberg interview Trump": the name at the end
        if named and named[-1].end() == len(words[start:].rstrip()) and named[-1].start() > 0:
            start += named[-1].start()
    tail = re.search(rf",\s+(?:in|at|on|during|after|speaking|referring|writing|responding|appearing|addressing|"
                     rf"{PARTICIPLE_CUES}|explaining|citing|"
                     r"\w+ing\s+(?:up|out)\s|\w+ing\s+(?:the|a|an|his|her|their|to|on|about|at|in|of)\b)\b.*$|"
                     rf"{AFTER_THE_NAME.pattern}|"
                     r"\s+in\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,3}?"  # "Romero in a statement"
                     r"(?:statement|tweet|speech|interview|letter|post|email|release|video|op-ed|column)$",
                     words[start:], re.S)
    trimmed = _trim(text, Span(span.start + start, span.start + start + tail.start() if tail else span.end))
    if text[trimmed.end:trimmed.end + 1] == "." and _abbreviation(text, trimmed.end):  # "…, D.C." ends the sentence
        return Span(trimmed.start, trimmed.end + 1)
    return trimmed


def _strip_leading(words: str) -> str:
    words = words.strip()
    return words[_lead_end(words):]


def _lead_trimmed(text: str, span: Span) -> Span:
    return Span(span.start + _lead_end(span.of(text)), span.end)


def _weekday(word: str) -> bool:
    return word.split()[0].lower() in WEEKDAYS and word[:1].isupper()


def _opens_straight(text: str, i: int) -> bool:
    """A straight quotation mark opens a quotation when it follows a space or starts the text."""
    return i == 0 or text[i - 1] in " \t\n(—–-"


TITLE_ABBREVIATIONS = frozenset(("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "st", "prof",
                                 "rev"))


def _ends_before_quotation(text: str, dot: int, after: int) -> bool:
    """An abbreviation that still ends its sentence: "… shortly after 10 p.m. “Now the easy part is over.”", "… in
    the U.S. “We …”" (a quotation opens next, and no title such as "Mr." stands before a name)."""
    return bool(OPENS_QUOTE.match(text, after)) and _word_before(text, dot).lower() not in TITLE_ABBREVIATIONS


def _word_before(text: str, dot: int) -> str:
    """The letters and dots before a full stop ("p.m", "U.S", "Mr")."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:dot]


def _abbreviation(text: str, dot: int) -> bool:
    word = _word_before(text, dot)
    return word.lower() in ABBREVIATIONS or bool(re.fullmatch(rf"(?:[{UPPER}]\.)*[{UPPER}]", word))  # "G.K. Butterfield"
