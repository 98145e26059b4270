#!/usr/bin/env python3
"""Checks orgnet's HTML report in a real browser (headless Chromium), standard library only.

Builds the report for the default dataset (or --data PATH) into a temporary folder, then:
  1. loads index.html?check=1 with --dump-dom: the report's own script switches from the first
     month to the last, clicks a node and opens a diff, and writes what it saw on <body>;
  2. checks the visible month changed, exactly one month picture is visible and holds nodes, the
     details panel and the diff table filled, and no console error was logged;
  3. takes a screenshot and checks it is a non-trivial PNG;
  4. checks index.html loads nothing from the network (no http(s) src/href in tags, CSP present).
Prints each check and `N passed, N failed`; exits 1 when a check failed, 2 when it could not run.

Usage: python3 scripts/browser-check.py [--binary PATH] [--data PATH] [--keep DIR]
(run from anywhere; without --binary it runs `swift build` and uses .build/debug/orgnet).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", help="the orgnet executable (default: build and use .build/debug/orgnet)")
    ap.add_argument("--data", help="dataset for the report (default: the built-in one)")
    ap.add_argument("--keep", help="write the report and screenshot here instead of a temporary folder")
    args = ap.parse_args()

    chromium = find_chromium()
    if not chromium:
        print("chromium not found: apt-get install -y chromium", file=sys.stderr)
        return 2
    binary = args.binary
    if not binary:
        r = subprocess.run(["swift", "build"], cwd=ROOT, capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stdout + r.stderr, file=sys.stderr)
            return 2
        binary = os.path.join(ROOT, ".build", "debug", "orgnet")

    work = args.keep or tempfile.mkdtemp(prefix="orgnet-browser-check-")
    os.makedirs(work, exist_ok=True)
    report = os.path.join(work, "report")
    cmd = [binary, "report", "-o", report] + (["--data", args.data] if args.data else [])
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        print("orgnet report failed: " + r.stderr, file=sys.stderr)
        return 2
    index = os.path.join(report, "index.html")
    url = "file://" + index + "?check=1"
    common = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
              "--disable-extensions", "--user-data-dir=" + os.path.join(work, "profile")]

    passed, failed = 0, 0

    def check(ok, what, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print("ok    " + what)
        else:
            failed += 1
            print("FAIL  " + what + (": " + detail if detail else ""))

    dom = subprocess.run(common + ["--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                                   "--dump-dom", url], capture_output=True, text=True, timeout=120)
    body = re.search(r"<body([^>]*)>", dom.stdout)
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1))) if body else {}
    check(dom.returncode == 0 and body is not None, "chromium loaded the report", dom.stderr[-400:])
    check(attrs.get("data-status") == "ok", "the report's script ran to the end", attrs.get("data-status", "no status"))
    initial, visible = attrs.get("data-initial-month"), attrs.get("data-visible-month")
    check(bool(initial) and bool(visible) and initial != visible,
          "switching months changes the visible month", f"{initial} -> {visible}")
    check(attrs.get("data-visible-count") == "1", "exactly one month picture is visible", attrs.get("data-visible-count", ""))
    check(attrs.get("data-visible-section") == visible, "the visible picture is the chosen month",
          f"{attrs.get('data-visible-section')} != {visible}")
    check(int(attrs.get("data-visible-nodes", "0") or 0) > 0, "the visible picture has organizations")
    check(attrs.get("data-details") == "ok", "clicking an organization shows its sources")
    check(int(attrs.get("data-diff-rows", "0") or 0) > 0, "the diff table is filled")
    console = [l for l in dom.stderr.splitlines()
               if "CONSOLE" in l or "Uncaught" in l or "Refused to" in l]
    check("data-errors" not in attrs and not console, "no console errors", "; ".join(console[:5]))

    shot = os.path.join(work, "report.png")
    subprocess.run(common + ["--hide-scrollbars", "--window-size=1400,1000", "--screenshot=" + shot, url],
                   capture_output=True, text=True, timeout=120)
    ok = os.path.exists(shot)
    head = open(shot, "rb").read(8) if ok else b""
    check(ok and head == b"\x89PNG\r\n\x1a\n" and os.path.getsize(shot) > 20000,
          "screenshot taken (" + shot + ")", f"{os.path.getsize(shot) if ok else 0} bytes")

    html = open(index, encoding="utf-8").read()
    external = re.findall(r'<(?:script|link|img|iframe|object|embed|source)[^>]*(?:src|href)="(?:https?:)?//[^"]*"', html)
    check(not external, "index.html loads nothing from the network", ", ".join(external[:3]))
    check("Content-Security-Policy" in html and "default-src 'none'" in html, "a CSP forbids network requests")

    print(f"{passed} passed, {failed} failed")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
