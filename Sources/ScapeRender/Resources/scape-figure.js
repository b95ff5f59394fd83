// mlscape interactive figures: cards, search, filters and keyboard over an inline SVG.
// Tools are found by their SVG id prefix (`tool.X`, `tool.X.marker`, ...) and by the
// text layer's `data-for`, never by the layout's exact nesting.
"use strict";
var mlscape = (function () {
  var card = null;
  var pinned = null;
  // The kind of the last pointer pressed: a tap must not open the card on focus or hover
  // (synthesised from the touch) before its click pins it.
  var lastPointer = "mouse";
  document.addEventListener("pointerdown", function (e) { lastPointer = e.pointerType || "mouse"; }, true);
  document.addEventListener("keydown", function () { lastPointer = "keyboard"; }, true);

  // On a phone (narrow or touch-only) the card is a bottom sheet across the screen: placed
  // beside the tool it would cover the finger and the tool, and close again at once.
  function sheetMode() {
    return window.matchMedia("(max-width: 640px), (hover: none) and (pointer: coarse)").matches;
  }

  function cardElement() {
    if (!card) {
      card = document.createElement("div");
      card.className = "scape-card";
      card.setAttribute("role", "dialog");
      card.setAttribute("aria-live", "polite");
      card.hidden = true;
      document.body.appendChild(card);
      document.addEventListener("keydown", function (e) { if (e.key === "Escape") hideCard(true); });
      document.addEventListener("click", function (e) {
        if (pinned && !card.contains(e.target) && !(e.target.closest && e.target.closest(".scape-tool, [data-for]"))) hideCard(true);
      });
    }
    return card;
  }

  function safeURL(u) {
    if (!u) return null;
    try {
      var url = new URL(u, document.baseURI);
      return /^(https?|mailto):$/.test(url.protocol) ? url.href : null;
    } catch (e) { return null; }
  }

  function add(parent, tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = text;
    if (cls) el.className = cls;
    parent.appendChild(el);
    return el;
  }

  // Fills and places the card next to `anchor` (an element of the tool).
  function showCard(tool, cat, anchor, pin) {
    var c = cardElement();
    c.textContent = "";
    c.dataset.tool = tool.name;
    add(c, "h2", tool.name);
    if (tool.subtitle) add(c, "div", tool.subtitle, "scape-subtitle");
    var dl = add(c, "dl");
    var names = tool.categories.map(function (id) { return cat.categoryNames[id] || id; });
    if (names.length) { add(dl, "dt", names.length > 1 ? "Categories" : "Category"); add(dl, "dd", names.join(", ")); }
    if (tool.quadrant) { add(dl, "dt", "Quadrant"); add(dl, "dd", (cat.quadrantTitles[tool.quadrant] || tool.quadrant).replace(/\n/g, " ")); }
    if (tool.ring) { add(dl, "dt", "Ring"); add(dl, "dd", tool.ring); }
    if (!dl.childNodes.length) c.removeChild(dl);
    if (tool.description) add(c, "p", tool.description, "scape-description");
    var href = safeURL(tool.url);
    if (href) {
      var a = add(add(c, "p"), "a", tool.url);
      a.href = href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    }
    c.hidden = false;
    pinned = pin ? tool : null;
    var sheet = sheetMode();
    c.classList.toggle("scape-sheet", sheet);
    if (sheet) {
      c.style.left = "";
      c.style.top = "";
      return;
    }
    var r = anchor.getBoundingClientRect();
    var w = c.offsetWidth, h = c.offsetHeight;
    var x = r.right + 10, y = r.top;
    if (x + w > window.innerWidth - 8) x = Math.max(8, r.left - w - 10);
    if (y + h > window.innerHeight - 8) y = Math.max(8, window.innerHeight - h - 8);
    c.style.left = x + "px";
    c.style.top = Math.max(8, y) + "px";
  }

  function hideCard(force) {
    if (!card || (pinned && !force)) return;
    card.hidden = true;
    pinned = null;
  }

  // An element of this SVG by id (ids repeat across the figures of one page).
  function byID(svg, id) { return svg.querySelector('[id="' + id + '"]'); }

  // Every element of one tool: ids equal to a key or under it, and text-layer lines for it;
  // only the outermost of nested matches.
  function partsOf(svg, keys) {
    var found = [];
    keys.forEach(function (key) {
      // Keys are SVG ids: letters, digits, '-', '_' and '.', so they need no quoting.
      svg.querySelectorAll('[id="' + key + '"], [id^="' + key + '."], [data-for="' + key + '"]')
        .forEach(function (el) { if (found.indexOf(el) < 0) found.push(el); });
    });
    return found.filter(function (el) {
      return !found.some(function (other) { return other !== el && other.contains(el); });
    });
  }

  // Wires one figure: `root` holds the inline SVG; `catalogue` is the JSON of the tools;
  // `options.controls` (optional) holds the search box and the filter chips.
  function figure(root, catalogue, options) {
    options = options || {};
    var svg = root.querySelector("svg");
    if (!svg) return null;
    var cat = { categoryNames: {}, quadrantTitles: {}, categories: {} };
    catalogue.categories.forEach(function (c) { cat.categoryNames[c.id] = c.name; cat.categories[c.id] = c; });
    catalogue.quadrants.forEach(function (q) { cat.quadrantTitles[q.id] = q.title; });

    var tools = [];
    catalogue.tools.forEach(function (t) {
      var parts = partsOf(svg, t.keys);
      if (!parts.length) return;
      var entry = { data: t, parts: parts };
      // The focusable element: the tool's own group when there is one, else its first part.
      var main = null;
      t.keys.forEach(function (k) { if (!main) main = byID(svg, k); });
      if (!main) main = parts[0];
      entry.main = main;
      main.classList.add("scape-tool");
      main.setAttribute("tabindex", "0");
      main.setAttribute("role", "button");
      main.setAttribute("aria-label", t.name + (t.subtitle ? " " + t.subtitle : ""));
      Array.prototype.forEach.call(main.querySelectorAll("title"), function (tt) { tt.remove(); });
      var link = main.parentElement && main.parentElement.closest("a");
      if (link) link.setAttribute("tabindex", "-1");
      parts.forEach(function (p) {
        p.addEventListener("pointerenter", function (e) { if (e.pointerType === "mouse" && !pinned) showCard(t, cat, main, false); });
        p.addEventListener("pointerleave", function (e) { if (e.pointerType === "mouse") hideCard(false); });
        p.addEventListener("click", function (e) {
          e.preventDefault();
          e.stopPropagation();
          if (pinned === t) hideCard(true); else showCard(t, cat, main, true);
        });
      });
      main.addEventListener("focus", function () {
        main.classList.add("scape-active");
        if (!pinned && lastPointer !== "touch" && lastPointer !== "pen") showCard(t, cat, main, false);
      });
      main.addEventListener("blur", function () { main.classList.remove("scape-active"); hideCard(false); });
      main.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showCard(t, cat, main, true); }
      });
      tools.push(entry);
    });
    // A finger is wider than a marker (a few pixels on a phone) and may land on a label of the
    // map drawn over it: a tap on no tool opens the card of the nearest tool within 24 px.
    svg.addEventListener("click", function (e) {
      if (lastPointer !== "touch" && lastPointer !== "pen") return;
      var best = null, bestDistance = 24 * 24;
      tools.forEach(function (t) {
        if (t.parts[0].classList.contains("scape-off")) return;
        var m = (t.main.id && byID(svg, t.main.id + ".marker")) || t.main;
        var r = m.getBoundingClientRect();
        var dx = e.clientX - (r.left + r.width / 2), dy = e.clientY - (r.top + r.height / 2);
        if (dx * dx + dy * dy < bestDistance) { bestDistance = dx * dx + dy * dy; best = t; }
      });
      if (!best) return;
      e.preventDefault();
      e.stopPropagation();
      showCard(best.data, cat, best.main, true);
    });
    // Links around tools would open on a tap; the card carries the link instead.
    Array.prototype.forEach.call(svg.querySelectorAll("a"), function (a) {
      a.addEventListener("click", function (e) { e.preventDefault(); });
    });

    var state = { query: "", category: new Set(), quadrant: new Set(), ring: new Set() };

    function toolVisible(t) {
      var d = t.data;
      if (state.category.size && !d.categories.some(function (c) { return state.category.has(c); })) return false;
      if (state.quadrant.size && !state.quadrant.has(d.quadrant)) return false;
      if (state.ring.size && !state.ring.has(d.ring)) return false;
      return true;
    }

    function categoryVisible(c) {
      if (state.category.size && !state.category.has(c.id)) return false;
      if (state.quadrant.size && !state.quadrant.has(c.quadrant)) return false;
      if (state.ring.size && !state.ring.has(c.ring)) return false;
      return true;
    }

    function matches(t, q) {
      var d = t.data;
      var hay = [d.name, d.subtitle || "", d.description || ""]
        .concat(d.categories.map(function (c) { return cat.categoryNames[c] || c; })).join("\n").toLowerCase();
      return hay.indexOf(q) >= 0;
    }

    var count = options.controls ? options.controls.querySelector(".scape-count") : null;

    function apply() {
      var q = state.query.trim().toLowerCase();
      var hits = 0;
      tools.forEach(function (t) {
        var visible = toolVisible(t);
        var hit = q !== "" && visible && matches(t, q);
        if (hit) hits++;
        t.parts.forEach(function (p) {
          p.classList.toggle("scape-off", !visible);
          p.classList.toggle("scape-hit", hit);
          p.classList.toggle("scape-miss", q !== "" && visible && !hit);
        });
      });
      catalogue.categories.forEach(function (c) {
        var region = byID(svg, c.key);
        if (region) region.classList.toggle("scape-off", !categoryVisible(c));
      });
      if (count) count.textContent = q === "" ? "" : hits + (hits === 1 ? " tool matches" : " tools match");
    }

    // A figure without tools (a lifecycle, a banner) has nothing to search or filter.
    if (options.controls && !tools.length) options.controls.hidden = true;
    if (options.controls && tools.length) {
      var search = options.controls.querySelector(".scape-search");
      if (search) {
        search.addEventListener("input", function () { state.query = search.value; apply(); });
        search.addEventListener("keydown", function (e) {
          if (e.key !== "Enter") return;
          var first = tools.find(function (t) { return t.parts[0].classList.contains("scape-hit"); });
          if (first) { first.main.focus(); showCard(first.data, cat, first.main, true); }
        });
      }
      var filters = options.controls.querySelector(".scape-filters");
      if (filters) buildFilters(filters);
      // Open on wide screens; on a phone the chips would push the figure off the screen.
      var box = options.controls.querySelector(".scape-filter-box");
      if (box && window.matchMedia("(min-width: 700px)").matches) box.open = true;
    }

    function present(kind, id) {
      return tools.some(function (t) {
        return kind === "category" ? t.data.categories.indexOf(id) >= 0 : t.data[kind] === id;
      });
    }

    function buildFilters(box) {
      box.textContent = "";
      var groups = [
        ["category", "Categories", catalogue.categories.map(function (c) { return [c.id, c.name]; })],
        ["quadrant", "Quadrants", catalogue.quadrants.map(function (q) { return [q.id, q.title.replace(/\n/g, " ")]; })],
        ["ring", "Rings", catalogue.rings.map(function (r) { return [r, r]; })]
      ];
      var any = false;
      groups.forEach(function (g) {
        var items = g[2].filter(function (it) { return present(g[0], it[0]); });
        if (!items.length) return;
        any = true;
        add(box, "span", g[1] + ":");
        items.forEach(function (it) {
          var b = add(box, "button", it[1], "scape-chip");
          b.type = "button";
          b.dataset.kind = g[0];
          b.dataset.id = it[0];
          b.setAttribute("aria-pressed", "false");
          b.addEventListener("click", function () {
            var set = state[g[0]];
            if (set.has(it[0])) set.delete(it[0]); else set.add(it[0]);
            b.setAttribute("aria-pressed", set.has(it[0]) ? "true" : "false");
            apply();
          });
        });
      });
      if (any) {
        var reset = add(box, "button", "Show all", "scape-chip");
        reset.type = "button";
        reset.addEventListener("click", function () {
          state.category.clear(); state.quadrant.clear(); state.ring.clear();
          Array.prototype.forEach.call(box.querySelectorAll("[aria-pressed]"), function (b) { b.setAttribute("aria-pressed", "false"); });
          apply();
        });
      }
    }

    apply();
    return { tools: tools, state: state, apply: apply };
  }

  return { figure: figure, hideCard: hideCard };
})();
