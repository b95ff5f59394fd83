import Foundation
import ScapePipeline
import ScapeRender

/// The page `mlscape serve` sends for `GET /`: every figure as inline SVG with its cards,
/// and a script that listens to `/events` and swaps changed figures in place (no reload, so
/// the scroll position stays), or shows the located errors of a bad save over the last good
/// figures.
enum PreviewPage {
    static func html(_ snapshot: LiveFigureSet.Snapshot, nonce: String) -> String {
        var sections = ""
        for id in snapshot.order {
            guard let f = snapshot.figures[id] else { continue }
            let e = escape(id)
            sections += """
            <section class="scape-served" id="figure-\(e)" data-figure="\(e)">
            <h2><a href="#figure-\(e)">\(e)</a></h2>
            <div class="scape-figure">
            \(f.svg)</div>
            </section>

            """
        }
        let errors = snapshot.errors.map { "<pre>\(escape($0))</pre>" }.joined(separator: "\n")
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(snapshot.title)): live preview</title>
        <style>
        \(WebAssets.css)
        .scape-served { margin: 0 0 28px; }
        .scape-served h2 { font-size: 1rem; font-weight: normal; margin: 0 0 6px; }
        .scape-served h2 a { color: #444; }
        .scape-status { color: #666; font-size: 0.85rem; margin-left: 8px; }
        </style>
        </head>
        <body data-version="\(snapshot.version)">
        <main class="scape-page">
        <h1>\(escape(snapshot.title)) <span class="scape-status" aria-live="polite">live: saving the data file updates this page</span></h1>
        <div class="scape-errors" role="alert"\(snapshot.errors.isEmpty ? " hidden" : "")>
        <strong>The last save has errors; the figures below are the last good ones.</strong>
        <div class="scape-error-list">\(errors)</div>
        </div>
        \(sections)</main>
        <script type="application/json" class="scape-catalogues">
        \(WebAssets.scriptSafe(catalogues(snapshot, ids: snapshot.order)))</script>
        <script nonce="\(nonce)">
        \(WebAssets.script)
        \(script)
        </script>
        </body>
        </html>

        """
    }

    /// `{"id": catalogue, ...}` for these figures, as JSON.
    static func catalogues(_ snapshot: LiveFigureSet.Snapshot, ids: [String]) -> String {
        let members = ids.compactMap { id in snapshot.figures[id].map { "\(jsonString(id)): \($0.catalogue.json)" } }
        return "{" + members.joined(separator: ",\n") + "}"
    }

    static func jsonString(_ s: String) -> String {
        let data = (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Listens to the event stream: `change` swaps the named figures in (their SVG comes inside
    /// the event), `error` shows the messages over the last good figures, `hello` (on every
    /// connection) reloads when the server has moved on while the page was away. The tabs of one
    /// browser share one stream: the tab holding the lock `mlscape-events` listens and passes
    /// each event on through a BroadcastChannel, so ten tabs use one connection, not ten (a
    /// browser opens at most six per host). Where locks are missing, each tab listens itself.
    static let script = #"""
    (function () {
      var body = document.body;
      var catalogues = JSON.parse(document.querySelector(".scape-catalogues").textContent);
      var errorBox = document.querySelector(".scape-errors");
      var errorList = errorBox.querySelector(".scape-error-list");
      var status = document.querySelector(".scape-status");
      function order() {
        return Array.prototype.map.call(document.querySelectorAll(".scape-served"), function (s) { return s.dataset.figure; });
      }
      function sameOrder(o) { var mine = order(); return o.length === mine.length && o.every(function (id, i) { return id === mine[i]; }); }
      function section(id) {
        return Array.prototype.find.call(document.querySelectorAll(".scape-served"), function (s) { return s.dataset.figure === id; });
      }
      function wire(id) {
        var s = section(id);
        if (s && catalogues[id]) mlscape.figure(s.querySelector(".scape-figure"), catalogues[id]);
      }
      order().forEach(wire);
      function showErrors(messages) {
        errorList.textContent = "";
        messages.forEach(function (m) { var pre = document.createElement("pre"); pre.textContent = m; errorList.appendChild(pre); });
        errorBox.hidden = false;
        body.dataset.errors = String(messages.length);
      }
      function clearErrors() { errorBox.hidden = true; errorList.textContent = ""; body.dataset.errors = "0"; }
      function onHello(d) {
        status.textContent = "live: saving the data file updates this page";
        body.dataset.live = "1";
        if (d.version !== +body.dataset.version || !sameOrder(d.order)) location.reload();
      }
      function onChange(d) {
        clearErrors();
        if (!sameOrder(d.order)) { location.reload(); return; }
        Object.keys(d.catalogues).forEach(function (id) { catalogues[id] = d.catalogues[id]; });
        if (d.changed.length) {
          mlscape.hideCard(true);
          // The figures on screen first, at once; the others one per task after, so the one
          // being looked at is not held up by the rest. A newer event's SVG replaces a waiting one.
          d.changed.forEach(function (id) {
            if (typeof d.svgs[id] !== "string") return;
            if (onScreen(id)) { delete waiting[id]; swapIn(id, d.svgs[id]); } else waiting[id] = d.svgs[id];
          });
          swapWaiting();
          body.dataset.swaps = String((+body.dataset.swaps || 0) + 1);
        }
        body.dataset.version = String(d.version);
      }
      var waiting = {}, swapping = false;
      function onScreen(id) {
        var s = section(id);
        if (!s) return false;
        var r = s.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      }
      function swapIn(id, svg) {
        var s = section(id);
        if (!s) return;
        s.querySelector(".scape-figure").innerHTML = svg;
        wire(id);
      }
      function swapWaiting() {
        if (swapping) return;
        swapping = true;
        setTimeout(function step() {
          var ids = Object.keys(waiting);
          if (!ids.length) { swapping = false; return; }
          var svg = waiting[ids[0]];
          delete waiting[ids[0]];
          swapIn(ids[0], svg);
          setTimeout(step, 0);
        }, 0);
      }
      function handle(type, data) {
        if (type === "hello") onHello(JSON.parse(data));
        else if (type === "change") onChange(JSON.parse(data));
        else if (type === "error") showErrors(JSON.parse(data).messages);
        else if (type === "lost") status.textContent = "not connected: is mlscape serve still running?";
      }
      // Tell the server which figures are on screen: it draws those first after a save.
      var told = "";
      function tellOnScreen() {
        var ids = order().filter(onScreen).slice(0, 4).join(",");
        if (ids === told || document.hidden) return;
        told = ids;
        fetch("/focus?figures=" + encodeURIComponent(ids).replace(/%2C/g, ","), { credentials: "same-origin" }).catch(function () {});
      }
      var scrollTimer = null;
      window.addEventListener("scroll", function () { clearTimeout(scrollTimer); scrollTimer = setTimeout(tellOnScreen, 150); }, { passive: true });
      document.addEventListener("visibilitychange", function () { if (!document.hidden) { told = ""; tellOnScreen(); } });
      tellOnScreen();
      var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("mlscape-events") : null;
      if (channel) channel.onmessage = function (m) { handle(m.data.type, m.data.data); };
      function listen(share) {
        var events = new EventSource("/events");
        ["hello", "change", "error"].forEach(function (type) {
          events.addEventListener(type, function (e) {
            var kind = type === "error" && !e.data ? "lost" : type;
            handle(kind, e.data);
            if (share) channel.postMessage({ type: kind, data: e.data });
          });
        });
      }
      if (channel && navigator.locks) {
        navigator.locks.request("mlscape-events", function () {
          body.dataset.listening = "1";
          listen(true);
          return new Promise(function () {});
        });
        body.dataset.live = "1";
      } else {
        listen(false);
      }
    })();
    """#
}
