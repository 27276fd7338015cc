#!/usr/bin/env python3
"""The screening baseline a data team would write in Python, for bench/screen.sh.

Fits scikit-learn's TfidfVectorizer (character n-grams) + LogisticRegression on the
labelled set (not timed), then times, on the ads file: reading the JSON Lines,
vectorising, LogisticRegression.predict, extracting phone numbers with the
`phonenumbers` package (PhoneNumberMatcher, E.164), and writing one JSON line per
ad. Prints one line: "baseline BYTES bytes RECORDS records SECONDS s".

    python bench/screen_baseline.py LABELLED.jsonl ADS.jsonl OUT.jsonl [LIMIT]

LIMIT screens only the first LIMIT ads (the MB/s is then measured on those bytes).
Run it on one core: OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1.
"""

import json
import sys
import time

import phonenumbers
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

BATCH = 5000


def main():
    labelled, ads, out_path = sys.argv[1], sys.argv[2], sys.argv[3]
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else None

    texts, labels = [], []
    with open(labelled, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                texts.append(obj["text"])
                labels.append(1 if obj["label"] == "lure" else 0)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    model = LogisticRegression(max_iter=1000)
    model.fit(vectorizer.fit_transform(texts), labels)

    start = time.perf_counter()
    read_bytes = 0
    records = 0
    with open(ads, "rb") as f, open(out_path, "w", encoding="utf-8") as out:
        done = False
        while not done:
            ids, batch = [], []
            while len(batch) < BATCH:
                raw = f.readline()
                if not raw:
                    done = True
                    break
                if limit is not None and records + len(batch) >= limit:
                    done = True
                    break
                read_bytes += len(raw)
                if not raw.strip():
                    continue
                obj = json.loads(raw)
                ids.append(str(obj.get("id", records + len(batch) + 1)))
                batch.append(obj["text"])
            if not batch:
                break
            predicted = model.predict(vectorizer.transform(batch))
            for ad_id, text, label in zip(ids, batch, predicted):
                phones = []
                for match in phonenumbers.PhoneNumberMatcher(text, None):
                    e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
                    if e164 not in phones:
                        phones.append(e164)
                out.write(json.dumps({"id": ad_id, "lure": bool(label), "phones": phones}, ensure_ascii=False))
                out.write("\n")
            records += len(batch)
    seconds = time.perf_counter() - start
    print(f"baseline {read_bytes} bytes {records} records {seconds:.3f} s")


if __name__ == "__main__":
    main()
