#!/usr/bin/env python3
"""Checks orgnet's HTML report in a real browser: headless Chromium driven over the DevTools protocol.

Builds the report for the default dataset (or --data PATH) into a temporary folder, starts headless
Chromium with --remote-debugging-port on 127.0.0.1 at 1600x1000, and drives the page as a reader would
(clicks, typing, keys, the address), waiting on page state (a condition polled a bounded number of
times, never a fixed sleep as the verdict). It checks:
  - the page loads with zero console errors and exceptions, nothing from the network, a CSP;
  - it opens on the dataset's default month, with the median node label at least 10 px tall;
  - the slider, the arrow keys and a tab change the visible month, and the address follows (#MONTH);
  - a deep link #MONTH/ORG-ID opens that month with that body selected and its neighbourhood lit;
  - back and forward in history restore the previous month;
  - typing a name (with other case and accents) into the search box and Enter selects the body,
    highlights it and brings it into view;
  - clicking a body fills the details panel, which is in view, with sources and a sparkline;
  - zoom in/out (keys, wheel) changes the picture's scale and Fit restores it;
  - the legend folds away;
  - uncertainty: the month's ranking table has interval cells (low–high) and follows the month, the
    shift table has interval cells, the list of what the top five hangs on renders, and the measure's
    trend chart has shaded bands (path.band) that are visible and enclose a non-zero area;
  - the old self-check (index.html?check=1) still passes.
With --screenshots DIR it also writes report.png (the report at 1600x1000 with a body selected) and
compare.png (`orgnet compare 1917-02 1917-10`) there, for the README.

The `websocket-client` package comes pinned from scripts/browser/requirements.txt into .venv-browser/
(created on first run, reinstalled when the pins change), as scripts/golden/generate.py does.
Prints each check and `N passed, N failed`; exits 1 when a check failed, 2 when it could not run.

Usage: python3 scripts/browser-check.py [--binary PATH] [--data PATH] [--keep DIR] [--screenshots DIR]
(run from anywhere; without --binary it runs `swift build` and uses .build/debug/orgnet).
"""
import argparse
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv-browser"
REQS = Path(__file__).resolve().parent / "browser" / "requirements.txt"


def ensure_venv():
    """Re-exec inside .venv-browser with the pinned requirements installed (the one venv
    bootstrap of the scripts: scripts/golden/generate.py's ensure_venv)."""
    sys.path.insert(0, str(ROOT / "scripts" / "golden"))
    import generate

    generate.ensure_venv(Path(__file__).resolve(), VENV, REQS)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Page:
    """One tab over the DevTools protocol: commands, events, console errors."""

    def __init__(self, ws_url):
        import websocket  # websocket-client, from the venv

        self.ws = websocket.create_connection(ws_url, timeout=60)
        self.next_id = 0
        self.console_errors = []
        self.events = []

    def send(self, method, **params):
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mid:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.on_event(msg)

    def on_event(self, msg):
        m = msg.get("method")
        p = msg.get("params", {})
        if m == "Runtime.exceptionThrown":
            self.console_errors.append(p.get("exceptionDetails", {}).get("text", "exception"))
        elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            self.console_errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            self.console_errors.append(p["entry"].get("text", "log error"))
        self.events.append(m)

    def js(self, expression):
        r = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"script failed: {r['exceptionDetails'].get('text')} in {expression[:80]}")
        return r.get("result", {}).get("value")

    def wait(self, expression, tries=100, pause=0.05):
        """Polls a condition (bounded); returns its last value. The pause only paces the polling."""
        value = None
        for _ in range(tries):
            value = self.js(expression)
            if value:
                return value
            self.pump(pause)
        return value

    def pump(self, seconds):
        """Reads pending events for up to `seconds` (so console errors are seen)."""
        self.ws.settimeout(seconds)
        try:
            while True:
                self.on_event(json.loads(self.ws.recv()))
        except Exception:
            pass
        finally:
            self.ws.settimeout(60)

    def navigate(self, url):
        self.send("Page.navigate", url=url)

    def key(self, key, code=None, text=None):
        base = {"key": key, "code": code or key}
        if text:
            base["text"] = text
        self.send("Input.dispatchKeyEvent", type="keyDown", **base)
        self.send("Input.dispatchKeyEvent", type="keyUp", **base)

    def click(self, x, y):
        for t in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=t, x=x, y=y, button="left", clickCount=1)

    def type(self, text):
        self.send("Input.insertText", text=text)

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", format="png")["data"]
        Path(path).write_bytes(base64.b64decode(data))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", help="the orgnet executable (default: build and use .build/debug/orgnet)")
    ap.add_argument("--data", help="dataset for the report (default: the built-in one)")
    ap.add_argument("--keep", help="write the report here instead of a temporary folder")
    ap.add_argument("--screenshots", help="write report.png and compare.png (README pictures) into this folder")
    args = ap.parse_args()
    ensure_venv()

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
        binary = str(ROOT / ".build" / "debug" / "orgnet")

    work = Path(args.keep or tempfile.mkdtemp(prefix="orgnet-browser-check-"))
    work.mkdir(parents=True, exist_ok=True)
    report = work / "report"
    r = subprocess.run([binary, "report", "-o", str(report)] + (["--data", args.data] if args.data else []),
                       capture_output=True, text=True)
    if r.returncode != 0:
        print("orgnet report failed: " + r.stderr, file=sys.stderr)
        return 2
    index = report / "index.html"
    months = [m["id"] for m in json.loads(re.search(
        r'<script type="application/json" id="orgnet-data">(.*?)</script>', index.read_text(encoding="utf-8"), re.S).group(1))["months"]]

    passed, failed = 0, 0

    def check(ok, what, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print("ok    " + what)
        else:
            failed += 1
            print("FAIL  " + what + (": " + str(detail) if detail != "" else ""))

    html = index.read_text(encoding="utf-8")
    external = re.findall(r'<(?:script|link|img|iframe|object|embed|source)[^>]*(?:src|href)="(?:https?:)?//[^"]*"', html)
    check(not external, "index.html loads nothing from the network", ", ".join(external[:3]))
    check("Content-Security-Policy" in html and "default-src 'none'" in html, "a CSP forbids network requests")

    port = free_port()
    browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                "--disable-extensions", "--hide-scrollbars", "--window-size=1600,1000",
                                f"--remote-debugging-port={port}", "--remote-debugging-address=127.0.0.1",
                                "--user-data-dir=" + str(work / "profile"), "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        target = None
        for _ in range(200):  # bounded: Chromium takes a moment to open its port
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=2) as f:
                    pages = [t for t in json.load(f) if t.get("type") == "page"]
                if pages:
                    target = pages[0]
                    break
            except OSError:
                pass
            time.sleep(0.1)
        if not target:
            print("could not reach Chromium's DevTools port", file=sys.stderr)
            return 2
        page = Page(target["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log"):
            page.send(domain + ".enable")
        page.send("Emulation.setDeviceMetricsOverride", width=1600, height=1000, deviceScaleFactor=1, mobile=False)
        url = index.as_uri()

        def load(suffix=""):
            page.navigate(url + suffix)
            return page.wait("document.readyState === 'complete' && document.body.getAttribute('data-status')")

        status = load()
        check(status in ("ready", "ok"), "the report's script ran", status)
        start = page.js("JSON.parse(document.getElementById('orgnet-data').textContent).start")
        visible = page.js("document.body.getAttribute('data-visible-month')")
        check(start is not None and visible == months[start], "it opens on the dataset's default month", visible)

        # Label size at first sight: median height of the visible month's node labels.
        median = page.js("""(function(){
          var s = document.querySelector('section.month:not([hidden])');
          var h = Array.prototype.map.call(s.querySelectorAll('g.node text'), function(t){ return t.getBoundingClientRect().height; })
            .filter(function(v){ return v > 0; }).sort(function(a,b){ return a-b; });
          return h.length ? h[Math.floor(h.length/2)] : 0; })()""")
        check(median >= 10, f"median node label at least 10 px tall at 1600x1000 ({median:.1f} px)")

        # Months: slider, keys, tabs; the address follows.
        page.js("(function(){var s=document.getElementById('month-slider'); s.value='0'; s.dispatchEvent(new Event('input'));})()")
        ok = page.wait(f"location.hash === '#{months[0]}' && document.body.getAttribute('data-visible-month') === '{months[0]}'")
        check(ok, "the slider changes the month and the address follows", page.js("location.hash"))
        page.js("document.activeElement && document.activeElement.blur()")
        page.key("ArrowRight", "ArrowRight")
        ok = page.wait(f"location.hash === '#{months[1]}'")
        check(ok, "the right arrow key moves to the next month", page.js("location.hash"))
        tab = page.js("""(function(){var b=document.querySelectorAll('.tab')[2].getBoundingClientRect();return [b.left+b.width/2,b.top+b.height/2];})()""")
        page.click(*tab)
        ok = page.wait(f"location.hash === '#{months[2]}' && document.querySelectorAll('section.month:not([hidden])').length === 1")
        check(ok, "clicking a month tab shows that month alone", page.js("location.hash"))
        page.js("history.back()")
        ok = page.wait(f"document.body.getAttribute('data-visible-month') === '{months[1]}'")
        check(ok, "back returns to the previous month", page.js("document.body.getAttribute('data-visible-month')"))
        page.js("history.forward()")
        ok = page.wait(f"document.body.getAttribute('data-visible-month') === '{months[2]}'")
        check(ok, "forward goes to the next month again", page.js("document.body.getAttribute('data-visible-month')"))

        # Deep link to a month and a body.
        org = page.js("""(function(){var d=JSON.parse(document.getElementById('orgnet-data').textContent);
          var s=document.querySelector('section.month[data-month="1917-10"]')||document.querySelectorAll('section.month')[d.start];
          var g=s.querySelector('g.node.org:not(.removed)'); var t=g.id.replace(/^m\\d+-p\\d+-org-/,'');
          return [s.getAttribute('data-month'), d.organizations[t].id, d.organizations[t].name, g.id];})()""")
        month, org_id, org_name, node_id = org
        load(f"#{month}/{org_id}")
        ok = page.wait(f"document.body.getAttribute('data-visible-month') === '{month}' && "
                       f"document.getElementById('{node_id}').classList.contains('selected')")
        check(ok, f"the deep link #{month}/{org_id} opens that month with that body selected")
        dimmed = page.js(f"""(function(){{var s=document.querySelector('section.month:not([hidden]) .viewport > svg');
          return s.classList.contains('focus') && s.querySelectorAll('g.node.near').length >= 1 &&
            s.querySelectorAll('g.node:not(.near)').length > 0; }})()""")
        check(dimmed, "the selection lights its neighbourhood and dims the rest")
        title = page.wait("!document.getElementById('details').hidden && document.querySelector('#details h3') && document.querySelector('#details h3').textContent")
        check(title == org_name, "the deep link fills the details panel", title)

        # Search: another case and stripped/added accents still find the body; Enter selects it.
        target_org = page.js("""(function(){var d=JSON.parse(document.getElementById('orgnet-data').textContent);
          var s=document.querySelector('section.month:not([hidden])');
          var gs=s.querySelectorAll('g.node.org:not(.removed)'); var g=gs[Math.floor(gs.length/2)];
          var t=g.id.replace(/^m\\d+-p\\d+-org-/,''); return [d.organizations[t].id, d.organizations[t].name, g.id];})()""")
        sid, sname, snode = target_org
        query = sname.upper().replace("E", "É", 1)
        page.js("document.getElementById('search').focus(); document.getElementById('search').value='';")
        page.type(query)
        page.key("Enter", "Enter", "\r")
        ok = page.wait(f"document.body.getAttribute('data-search') === {json.dumps(sid)} && "
                       f"document.getElementById('{snode}').classList.contains('selected')")
        check(ok, f"search '{query}' + Enter selects {sid}", page.js("document.body.getAttribute('data-search')"))
        inview = page.js(f"""(function(){{var r=document.getElementById('{snode}').getBoundingClientRect();
          var v=document.querySelector('section.month:not([hidden]) .viewport').getBoundingClientRect();
          return r.width > 0 && r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom; }})()""")
        check(inview, "the found body is scrolled into view")
        check(page.wait(f"location.hash.indexOf('/' + encodeURIComponent({json.dumps(sid)})) > 0"), "the address names the found body",
              page.js("location.hash"))

        # Click a body: the details panel (sources, sparkline) is in view.
        page.js("document.querySelector('.zoom button[title=\"fit to width\"]').click()")
        point = page.js("""(function(){var s=document.querySelector('section.month:not([hidden])');
          s.querySelector('.viewport').scrollIntoView(); var v=s.querySelector('.viewport').getBoundingClientRect();
          var gs=Array.prototype.filter.call(s.querySelectorAll('g.node.org:not(.removed)'), function(g){
            var r=g.getBoundingClientRect(); return r.width>0 && r.left>v.left+5 && r.right<v.right-360 && r.top>v.top+5 && r.bottom<Math.min(v.bottom, innerHeight)-5; });
          if (!gs.length) return null; var g=gs[0], r=g.querySelector('polygon,ellipse').getBoundingClientRect();
          return [r.left+r.width/2, r.top+r.height/2, g.id];})()""")
        if point:
            page.click(point[0], point[1])
            ok = page.wait(f"document.getElementById('{point[2]}').classList.contains('selected') && !document.getElementById('details').hidden")
            check(ok, "clicking a body selects it and opens the details panel", point[2])
            box = page.js("""(function(){var r=document.getElementById('details').getBoundingClientRect();
              return [r.top, r.bottom, r.left, r.right, innerWidth, innerHeight,
                      !!document.querySelector('#details .spark'), document.querySelectorAll('#details li').length];})()""")
            check(box[0] >= 0 and box[0] < box[5] - 100 and box[2] >= 0 and box[3] <= box[4],
                  "the details panel is in view after the click", box[:6])
            check(box[6] and box[7] > 0, "the details panel shows a sparkline and sources", box[6:])
        else:
            check(False, "clicking a body selects it and opens the details panel", "no body in view to click")

        # Zoom: keys and wheel change the scale; Fit restores it.
        def width():
            return page.js("document.querySelector('section.month:not([hidden]) .viewport svg').viewBox.baseVal.width")
        page.js("document.activeElement && document.activeElement.blur()")
        w0 = width()
        page.key("+", "Equal", "+")
        w1 = page.wait(f"document.querySelector('section.month:not([hidden]) .viewport svg').viewBox.baseVal.width < {w0} - 1 && "
                       "document.querySelector('section.month:not([hidden]) .viewport svg').viewBox.baseVal.width")
        check(bool(w1), "the + key zooms in", f"{w0} -> {w1}")
        page.send("Input.dispatchMouseEvent", type="mouseWheel", x=600, y=600, deltaX=0, deltaY=400)
        w2 = page.wait(f"document.querySelector('section.month:not([hidden]) .viewport svg').viewBox.baseVal.width > {w1 or w0} + 1 && "
                       "document.querySelector('section.month:not([hidden]) .viewport svg').viewBox.baseVal.width")
        check(bool(w2), "the mouse wheel zooms out", f"{w1} -> {w2}")
        page.key("0", "Digit0", "0")
        w3 = page.wait(f"Math.abs(document.querySelector('section.month:not([hidden]) .viewport svg').viewBox.baseVal.width - {w0}) < 1")
        check(bool(w3), "0 fits the picture to the width again")

        # The legend folds.
        folded = page.js("""(function(){var d=document.getElementById('legend-box'); var a=d.open;
          d.querySelector('summary').click(); var b=d.open; d.querySelector('summary').click(); return [a, b, d.open];})()""")
        check(folded[0] != folded[1] and folded[0] == folded[2], "the legend folds and unfolds", folded)
        legend = page.js("""(function(){var l=document.querySelectorAll('.month-legend:not([hidden])');
          var d=JSON.parse(document.getElementById('orgnet-data').textContent);
          var m=document.body.getAttribute('data-visible-month'), k=d.months.map(function(x){return x.id;}).indexOf(m);
          return [l.length, l.length ? l[0].getAttribute('data-index') : null, String(k)];})()""")
        check(legend[0] == 1 and legend[1] == legend[2], "the legend shown is the visible month's", legend)

        # Uncertainty: intervals in the tables, the sensitivity list, bands on the trend chart.
        load(f"#{months[start]}")
        page.wait(f"document.body.getAttribute('data-visible-month') === '{months[start]}'")
        ranking = page.js("""(function(){var t=document.getElementById('ranking-table'); if(!t) return null;
          var cells=Array.prototype.map.call(t.querySelectorAll('td.interval'), function(c){ return c.textContent; });
          var ranges=cells.filter(function(c){ return /^-?[0-9.]+(e-?[0-9]+)?–-?[0-9.]+(e-?[0-9]+)?$/.test(c); });
          return [t.querySelectorAll('tr').length - 1, cells.length, ranges.length,
                  document.getElementById('ranking-heading').textContent];})()""")
        check(ranking and ranking[0] > 0 and ranking[2] > 0,
              "the month's ranking table has interval cells (low–high)", ranking)
        page.js("document.activeElement && document.activeElement.blur()")
        page.key("ArrowLeft", "ArrowLeft")
        moved = page.wait(f"document.body.getAttribute('data-visible-month') !== '{months[start]}' && "
                          f"document.getElementById('ranking-heading').textContent !== {json.dumps(ranking[3] if ranking else '')}")
        check(bool(moved), "the ranking follows the month shown", page.js("document.getElementById('ranking-heading').textContent"))
        load(f"#{months[start]}")
        page.wait(f"document.body.getAttribute('data-visible-month') === '{months[start]}'")
        hangs = page.js("""(function(){var b=document.getElementById('hangs-on'), t=document.getElementById('sensitivity-table');
          var r=b.getBoundingClientRect();
          return [t ? t.querySelectorAll('tr').length - 1 : 0, !!b.querySelector('.sensitivity-none'), b.textContent.length, r.width > 0 && r.height > 0,
                  t ? t.querySelector('tr:nth-child(2) td:last-child').textContent : ''];})()""")
        check(hangs[3] and hangs[2] > 0 and (hangs[0] > 0 or hangs[1]),
              "the list of what the month's top five hangs on renders", hangs)
        if months[start] == "1917-10" and not args.data:
            check(hangs[0] > 0 and re.match(r"^(tie|organization) ", hangs[4] or ""),
                  "October 1917's ranking hangs on named elements (tie/organization in words)", hangs)
        page.js("(function(){var f=document.getElementById('diff-from'), t=document.getElementById('diff-to');"
                "f.value='0'; t.value=String(f.options.length-1); t.dispatchEvent(new Event('change'));})()")
        diff_cells = page.wait("""(function(){var c=document.querySelectorAll('#diff td.interval');
          return Array.prototype.filter.call(c, function(x){ return x.textContent.indexOf('–') > 0; }).length; })()""")
        check(bool(diff_cells), "the shift table has interval cells", diff_cells)
        bands = page.js("""(function(){var ps=document.querySelectorAll('.chart-viewport svg path.band');
          var shown=Array.prototype.filter.call(ps, function(p){
            var cs=getComputedStyle(p), b=p.getBBox(), r=p.getBoundingClientRect();
            return cs.display !== 'none' && cs.visibility !== 'hidden' && parseFloat(cs.fillOpacity) > 0 &&
              cs.fill !== 'none' && b.width > 0 && b.height > 0 && r.width > 0 && r.height > 0; });
          // Area of the first band with a height: the shoelace formula over its points.
          var area=0;
          shown.some(function(p){ var pts=(p.getAttribute('d').match(/-?[0-9.]+,-?[0-9.]+/g)||[]).map(function(s){ return s.split(',').map(Number); });
            var a=0; for (var i=0;i<pts.length;i++){ var q=pts[(i+1)%pts.length]; a+=pts[i][0]*q[1]-q[0]*pts[i][1]; }
            area=Math.abs(a)/2; return area > 0; });
          return [ps.length, shown.length, area];})()""")
        check(bands[0] > 0 and bands[1] > 0 and bands[2] > 0,
              "the trend chart's bands are present and visible, with non-zero area", bands)

        if args.screenshots:
            out = Path(args.screenshots)
            out.mkdir(parents=True, exist_ok=True)
            page.navigate("about:blank")
            page.wait("location.href === 'about:blank' && document.readyState === 'complete'")
            load("#1917-10/petrograd-soviet")
            page.wait("document.querySelector('#details h3') && document.querySelector('#details h3').textContent.indexOf('Petrograd Soviet') === 0")
            page.pump(0.3)
            page.screenshot(out / "report.png")
            cmp = work / "compare.svg"
            subprocess.run([binary, "compare", "1917-02", "1917-10", "-o", str(cmp)], capture_output=True, text=True, check=True)
            (work / "compare.html").write_text(
                "<!DOCTYPE html><html><body style='margin:0;background:white'>"
                f"<img id='c' src='{cmp.name}' style='width:1600px;display:block'></body></html>", encoding="utf-8")
            page.send("Emulation.setDeviceMetricsOverride", width=1600, height=1000, deviceScaleFactor=1, mobile=False)
            page.navigate((work / "compare.html").as_uri())
            h = page.wait("document.getElementById('c') && document.getElementById('c').complete && document.getElementById('c').naturalWidth > 0 && document.getElementById('c').getBoundingClientRect().height")
            page.send("Emulation.setDeviceMetricsOverride", width=1600, height=int(h or 1000), deviceScaleFactor=1, mobile=False)
            page.pump(0.3)
            page.screenshot(out / "compare.png")
            page.send("Emulation.setDeviceMetricsOverride", width=1600, height=1000, deviceScaleFactor=1, mobile=False)
            print(f"screenshots: {out / 'report.png'}, {out / 'compare.png'}")

        # The page's own self-check still runs to the end.
        status = load("?check=1")
        attrs = page.js("""(function(){var a={}; Array.prototype.forEach.call(document.body.attributes,function(x){a[x.name]=x.value;}); return a;})()""")
        check(attrs.get("data-status") == "ok", "the report's self-check ran to the end", attrs.get("data-status"))
        check(attrs.get("data-visible-count") == "1" and attrs.get("data-details") == "ok" and int(attrs.get("data-diff-rows", "0")) > 0,
              "self-check: one month visible, details and diff filled", attrs)
        check(int(attrs.get("data-ranking-rows", "0")) > 0, "self-check: the ranking table is filled", attrs.get("data-ranking-rows"))
        page.pump(0.2)
        check(not page.console_errors, "no console errors", "; ".join(page.console_errors[:5]))
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=10)
        except subprocess.TimeoutExpired:
            browser.kill()

    print(f"{passed} passed, {failed} failed")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
