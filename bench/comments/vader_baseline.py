#!/usr/bin/env python3
"""Generic-lexicon baseline for the comment task: VADER compound >= 0.05 positive, <= -0.05
negative, else neutral; stance always "none", themes always []. Reads JSONL with "id" and "text",
writes prediction JSONL to stdout. Run from a throwaway venv, not a project dependency:
    python3 -m venv /tmp/vader && /tmp/vader/bin/pip install vaderSentiment
    /tmp/vader/bin/python bench/comments/vader_baseline.py GOLD.jsonl > pred.jsonl
"""
import json
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def main(path):
    sia = SentimentIntensityAnalyzer()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            c = sia.polarity_scores(obj.get("text", ""))["compound"]
            label = "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"
            print(json.dumps({"id": obj["id"], "sentiment": label, "stance": "none", "themes": []}))


if __name__ == "__main__":
    main(sys.argv[1])
