"""The third-party side of `cargo xtask eval`: trafilatura and htmldate on the same pages.

Reads a JSON list of pages ({"id", "html"}: an id and the path of the page's HTML file) and
writes, for each page, what trafilatura extracts (body text and title/author/site/date
metadata) and the date htmldate finds, with the seconds each call took. Nothing is scored
here: the Rust side scores every system with the same code.

Timing: one process pinned to one core, imports and file reading left out. trafilatura's
time is `extract()` alone (its metadata call is not timed); htmldate's is `find_date()`.
One warm-up call of each on the first page runs before the clock starts.

Usage: python third_party.py PAGES_JSON OUT_JSON
"""

import json
import os
import sys
import time
import traceback
from importlib import metadata

import htmldate
import trafilatura
from trafilatura.metadata import extract_metadata


def pin_to_one_core():
    """Runs the process on one core (the first it is allowed), like our reader's one thread."""
    if hasattr(os, "sched_setaffinity"):
        allowed = sorted(os.sched_getaffinity(0))
        if allowed:
            os.sched_setaffinity(0, {allowed[0]})


def body(html):
    return trafilatura.extract(
        html, output_format="txt", include_comments=False, favor_precision=False
    )


def date(html):
    # original_date: the publication date rather than the last update, as htmldate's
    # documentation advises for that purpose; extensive_search is its default mode and the
    # one that scores best in its own evaluation.
    return htmldate.find_date(html, original_date=True, extensive_search=True)


def timed(call, html):
    """(result, seconds, error): the call's value, its wall time, and the error if it raised."""
    started = time.perf_counter()
    try:
        value = call(html)
        error = None
    except Exception:  # a page that breaks a tool is that tool's miss, not the run's end
        value = None
        error = traceback.format_exc(limit=1).strip().splitlines()[-1]
    return value, time.perf_counter() - started, error


def meta(html):
    doc = extract_metadata(html)
    return {
        "title": doc.title,
        "author": doc.author,
        "sitename": doc.sitename,
        "date": doc.date,
    }


def main(pages_path, out_path):
    pin_to_one_core()
    with open(pages_path, encoding="utf-8") as f:
        pages = json.load(f)
    htmls = []
    for page in pages:
        with open(page["html"], "rb") as f:
            htmls.append(f.read())
    if htmls:
        body(htmls[0])
        date(htmls[0])

    results = []
    totals = {"trafilatura": 0.0, "htmldate": 0.0}
    for page, html in zip(pages, htmls):
        text, text_secs, text_error = timed(body, html)
        found, date_secs, date_error = timed(date, html)
        info, _, meta_error = timed(meta, html)
        totals["trafilatura"] += text_secs
        totals["htmldate"] += date_secs
        results.append(
            {
                "id": page["id"],
                "trafilatura": {
                    "text": text,
                    "seconds": text_secs,
                    "error": text_error or meta_error,
                    **(info or {"title": None, "author": None, "sitename": None, "date": None}),
                },
                "htmldate": {"date": found, "seconds": date_secs, "error": date_error},
            }
        )

    out = {
        "versions": {
            "python": sys.version.split()[0],
            "trafilatura": metadata.version("trafilatura"),
            "htmldate": metadata.version("htmldate"),
            "lxml": metadata.version("lxml"),
        },
        "seconds": totals,
        "pages": results,
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: third_party.py PAGES_JSON OUT_JSON")
    main(sys.argv[1], sys.argv[2])
