#!/usr/bin/env python3
"""Generate a large MediaWiki XML dump for throughput and memory benchmarks.

    python3 scripts/gen-dump.py OUT.xml[.bz2] SIZE_MB

Pages are the real pages of ../shared/corpus/dumps/enwiki-2016-sample.xml.bz2, repeated with
new titles and ids until the output reaches SIZE_MB of XML. With a .bz2 name the output is
compressed as a multistream dump (one bz2 stream per 100 pages, as Wikipedia does).
"""
import bz2
import os
import re
import sys

out_path, size_mb = sys.argv[1], float(sys.argv[2])
here = os.path.dirname(os.path.abspath(__file__))
sample = os.path.join(here, "..", "..", "shared", "corpus", "dumps", "enwiki-2016-sample.xml.bz2")
xml = bz2.open(sample, "rt", encoding="utf-8").read()
head = xml[: xml.index("<page>")]
pages = re.findall(r"<page>.*?</page>", xml, re.S)
target = int(size_mb * 1e6)
compress = out_path.endswith(".bz2")
out = open(out_path, "wb")
written = 0
chunk = []


def emit(text, flush=False):
    global written, chunk
    data = text.encode("utf-8")
    written += len(data)
    chunk.append(data)
    if flush or len(chunk) >= 100:
        block = b"".join(chunk)
        out.write(bz2.compress(block, 1) if compress else block)
        chunk = []


emit(head, flush=True)
copy = 0
page_id = 1
while written < target:
    copy += 1
    for page in pages:
        page = re.sub(r"<title>(.*?)</title>", lambda m: f"<title>{m.group(1)} ({copy})</title>", page, count=1)
        page = re.sub(r"<id>\d+</id>", f"<id>{page_id}</id>", page, count=1)
        page_id += 1
        emit("  " + page + "\n")
        if written >= target:
            break
emit("</mediawiki>\n", flush=True)
out.close()
print(f"{out_path}: {page_id - 1} pages, {written / 1e6:.1f} MB of XML", file=sys.stderr)
