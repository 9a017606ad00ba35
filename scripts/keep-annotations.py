#!/usr/bin/env python3
"""Turns annotators' coded sentences into the form kept in the repo: no article text, only offsets.

usage: keep-annotations.py PREFIX OUT.jsonl SAMPLE.jsonl CODED.jsonl [SAMPLE.jsonl CODED.jsonl ...]
SAMPLE is what `sample-sentences.py` drew (with the text), CODED the annotator's lines for it in the
guidelines' format (`source_text`/`target_text` as words of the sentence). Each kept line has the
sentence's `article_id`, `start`, `end`, and each event's codes, CAMEO code and the actors' character
offsets in the sentence (`source_span`, `target_span`). A line that cannot be read or whose actor
words are not in the sentence is reported (file and line) and left out.
"""
import json
import sys


def span(text, words):
    if words is None:
        return None
    at = text.find(words)
    return None if at < 0 else [at, at + len(words)]


def main():
    prefix, out, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
    n = kept = 0
    with open(out, "w", encoding="utf-8") as f:
        for sample_path, coded_path in zip(pairs[::2], pairs[1::2]):
            sample = {}
            for line in open(sample_path, encoding="utf-8"):
                d = json.loads(line)
                sample[d["sid"]] = d
            for lineno, line in enumerate(open(coded_path, encoding="utf-8"), 1):
                try:
                    c = json.loads(line)
                    s = sample[c["sid"]]
                    events = []
                    for e in c["events"]:
                        ev = {k: e.get(k) for k in ("source", "source_country")}
                        ev["source_span"] = span(s["text"], e.get("source_text"))
                        ev.update({k: e.get(k) for k in ("target", "target_country")})
                        ev["target_span"] = span(s["text"], e.get("target_text"))
                        ev["cameo"] = str(e["cameo"])
                        for side in ("source", "target"):
                            if e.get(side + "_text") is not None and ev[side + "_span"] is None:
                                raise ValueError(f"{side}_text {e[side + '_text']!r} is not in the sentence")
                        events.append(ev)
                except (ValueError, KeyError, TypeError) as err:
                    print(f"{coded_path}:{lineno}: {err}; line left out", file=sys.stderr)
                    continue
                f.write(json.dumps({"sid": f"{prefix}{n:04d}", "article_id": s["article_id"],
                                    "start": s["start"], "end": s["end"], "events": events}) + "\n")
                n += 1
                kept += len(events)
    print(f"{n} sentences, {kept} events -> {out}")


if __name__ == "__main__":
    main()
