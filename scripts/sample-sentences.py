#!/usr/bin/env python3
"""Draws sentences of allsides-world for annotators to code (training data for the event model).

One random sentence of 60-320 characters per article, among the sentences that name two actors
(a country, its adjective or capital, or a leader or group from a short list), from articles dated
2013 or later that are not in the dev gold. Articles no annotation file has used come first; then
other sentences of used articles, never one already coded.

usage: sample-sentences.py SEED COUNT OUT.jsonl ANNOTATION.jsonl...
The output keeps each sentence's text and its character offsets in the article (`start`, `end`),
for annotators; the annotation files kept in the repo keep the offsets only.
"""
import json
import random
import re
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

# Words that name an actor often enough to find sentences with two of them; not a dictionary.
EXTRA = """American Americans Russian Chinese Iranian Israeli Palestinian Syrian Iraqi Afghan Pakistani
Indian Japanese Korean Turkish Saudi Egyptian Ukrainian British French German Mexican Cuban Venezuelan
Libyan Yemeni Lebanese Jordanian Qatari Emirati Kurdish Taliban Hamas Hezbollah ISIS NATO EU U.N. UN
U.S. US Washington Moscow Beijing Tehran Jerusalem Kabul Baghdad Damascus Ankara Kyiv Kiev Pyongyang
Seoul Tokyo London Paris Berlin Brussels Pentagon Kremlin Obama Trump Biden Putin Xi Kim Erdogan
Netanyahu Assad Rouhani Modi Abe Merkel Macron May Johnson Maduro Zelensky Khamenei Congress""".split()


def names():
    out = set(EXTRA)
    for line in open(SHARED / "reference/cameo/countrynames.txt", encoding="utf-8"):
        name = line.split("\t")[0].strip()
        if name and name != "NULL":
            out.add(name)
    return out


def sentences(text):
    """(start, end) character offsets of the sentences of `text`."""
    start = 0
    for m in re.finditer(r"[.!?][\"”’']?\s+(?=[A-Z“\"‘'])|\n+", text):
        yield start, m.start() + (len(m.group(0).rstrip()) if m.group(0).strip() else 0)
        start = m.end()
    yield start, len(text)


def main():
    seed, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    coded = {}
    for path in sys.argv[4:]:
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            coded.setdefault(d["article_id"], []).append((d["start"], d["end"]))
    gold = {json.loads(l)["article_id"] for l in open(SHARED / "gold/allsides-dev-300.jsonl")}
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names(), key=len, reverse=True)) + r")\b")
    rng = random.Random(seed)
    articles = [json.loads(l) for l in open(SHARED / "corpus/allsides-world/articles.jsonl", encoding="utf-8")]
    rng.shuffle(articles)
    fresh, used = [], []
    for a in articles:
        if a["id"] in gold or (a.get("date") or "") < "2013":
            continue
        taken = coded.get(a["id"], [])
        choices = []
        for s, e in sentences(a["text"]):
            text = a["text"][s:e]
            if not 60 <= len(text) <= 320 or any(s < te and ts < e for ts, te in taken):
                continue
            if len({m.group(1) for m in pattern.finditer(text)}) >= 2:
                choices.append((s, e))
        if choices:
            (used if taken else fresh).append((a, rng.choice(choices)))
    with open(out, "w", encoding="utf-8") as f:
        for n, (a, (s, e)) in enumerate((fresh + used)[:count]):
            f.write(json.dumps({"sid": f"S{seed}-{n:04d}", "article_id": a["id"], "date": a.get("date"),
                                "title": a.get("title"), "start": s, "end": e, "text": a["text"][s:e]},
                               ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
