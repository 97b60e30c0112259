// sahelsim class mode: the phone page and the projector page, drawn from the JSON API.
// Everything is fetched from the machine that serves this page; nothing from the internet.
(function () {
  "use strict";
  var config = JSON.parse(document.body.getAttribute("data-class"));
  var W = config.words;
  var lang = config.lang;
  var TOKEN_KEY = "sahelsim-class-token";
  var errorLine = document.getElementById("error");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function post(path, body) {
    body.lang = lang;
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (data) {
        return { ok: response.ok, data: data };
      });
    });
  }

  function showError(text) { errorLine.textContent = text || ""; }

  // A paragraph of a world's story, as the single-run app tells it: the words, what weighed
  // most, and the figures of the decision behind a "details" toggle. ``unfolded`` keeps the
  // toggles opened, by ``world`` and paragraph: the pages are drawn again every second, and
  // would fold them at once.
  function storyLine(world, line, unfolded) {
    var item = el("li", {}, line.text);
    if (line.reason) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("span", { class: "reason" }, line.reason));
    }
    if (line.details) {
      var key = world + "\n" + line.text;
      var more = el("details", {});
      more.appendChild(el("summary", {}, W.details));
      more.appendChild(el("div", { class: "figures" }, line.details));
      more.open = !!unfolded[key];
      more.addEventListener("toggle", function () {
        if (more.open) unfolded[key] = true; else delete unfolded[key];
      });
      item.appendChild(more);
    }
    return item;
  }

  // ---------------------------------------------------------------- the phone
  function phone() {
    var form = document.getElementById("join");
    var seat = document.getElementById("seat");
    var params = new URLSearchParams(location.search);
    var fromHash = /(?:^#|&)t=([A-Za-z0-9_-]+)/.exec(location.hash);
    var token = (fromHash && fromHash[1]) || localStorage.getItem(TOKEN_KEY);
    var shown = null;  // the id of the question whose buttons are shown
    var sent = null;   // the id of the question this phone answered
    var sentText = ""; // what the phone says of its last answer, until the next question
    var unfolded = {}; // the story's "details" opened on this phone

    document.getElementById("code").value = params.get("code") || "";

    function keep(newToken) {
      token = newToken;
      if (token) {
        localStorage.setItem(TOKEN_KEY, token);
        history.replaceState(null, "", location.pathname + location.search + "#t=" + token);
      } else {
        localStorage.removeItem(TOKEN_KEY);
        history.replaceState(null, "", location.pathname + location.search);
      }
    }

    function draw(view) {
      form.hidden = true;
      seat.hidden = false;
      document.getElementById("scenario").textContent = view.scenario;
      document.getElementById("world").textContent = view.world;
      document.getElementById("role").textContent = view.role_name;
      document.getElementById("day").textContent = view.date + " · " + view.day;
      var q = view.question;
      var box = document.getElementById("question");
      box.hidden = !q;
      if (q && q.id !== shown) {
        shown = q.id;
        document.getElementById("qdate").textContent = q.date;
        document.getElementById("qtext").textContent = q.text;
        var weighs = document.getElementById("weighs");
        weighs.replaceChildren();
        q.weighs.forEach(function (w) {
          weighs.appendChild(el("dt", {}, w.name));
          weighs.appendChild(el("dd", {}, w.value));
        });
        var choices = document.getElementById("choices");
        choices.replaceChildren();
        q.choices.forEach(function (c) {
          var button = el("button", { type: "button", "data-choice": c.value }, c.label);
          button.addEventListener("click", function () { answer(q.id, c); });
          choices.appendChild(button);
        });
      }
      if (!q) shown = null;
      if (q && q.id !== sent) sentText = "";  // a new question: the last answer is history
      document.getElementById("status").textContent = sentText || view.note;
      var story = document.getElementById("story");
      story.replaceChildren();
      // its figures one click away, as on the projector: in full, four paragraphs of them
      // ran to several screens of a phone
      view.story.forEach(function (line) { story.appendChild(storyLine(0, line, unfolded)); });
    }

    function answer(id, choice) {
      sent = id;
      document.querySelectorAll("#choices button").forEach(function (b) { b.disabled = true; });
      post("/api/decide", { token: token, question: id, choice: choice.value }).then(function (r) {
        if (r.ok) {
          showError("");
          sentText = W.sent.replace("{choice}", choice.label);
          draw(r.data);
        } else {
          showError(r.data.message);
        }
      });
    }

    function poll() {
      if (!token) { form.hidden = false; seat.hidden = true; return; }
      post("/api/me", { token: token }).then(function (r) {
        if (r.ok) { if (errorLine.textContent === W.offline) showError(""); draw(r.data); }
        else if (r.data.error === "token") { keep(null); showError(r.data.message); poll(); }
        else showError(r.data.message);
      }).catch(function () { showError(W.offline); });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      post("/api/join", {
        code: document.getElementById("code").value,
        name: document.getElementById("name").value,
      }).then(function (r) {
        if (r.ok) { keep(r.data.token); showError(""); poll(); }
        else showError(r.data.message);
      }).catch(function () { showError(W.offline); });
    });

    // the language link keeps the token (in the address's fragment)
    document.querySelector("a.lang").addEventListener("click", function (event) {
      event.preventDefault();
      var other = this.getAttribute("data-lang");
      location.href = "?lang=" + other + (params.get("code") ? "&code=" + params.get("code") : "") +
        (token ? "#t=" + token : "");
    });

    if (token) keep(token);
    poll();
    setInterval(poll, 1000);
  }

  // ---------------------------------------------------------------- the projector
  function lecturer() {
    var params = new URLSearchParams(location.search);
    var key = params.get("key");
    var running = false;
    var last = "";
    var worlds = document.getElementById("worlds");
    var maps = {};  // each world's map, kept across redraws: reloaded only when its day changes
    var round = 0;  // the round shown: a new one sets the scenario picker and the seed again
    var scenario = document.getElementById("scenario");
    var seed = document.getElementById("seed");
    config.scenarios.forEach(function (o) { scenario.appendChild(el("option", { value: o.value }, o.label)); });
    // the maps' legend, once for every world, beside the maps rather than over them
    var legend = document.getElementById("legend");
    config.legend.forEach(function (entry) {
      var key = el("span", { class: "key" });
      var mark = el("i", { class: entry.kind });
      mark.style.setProperty("--ink", entry.colour);
      mark.style.setProperty("--line", entry.style);
      key.appendChild(mark);
      key.appendChild(document.createTextNode(entry.text));
      legend.appendChild(key);
    });

    document.querySelector("a.lang").setAttribute(
      "href", "?lang=" + document.querySelector("a.lang").getAttribute("data-lang") +
      "&key=" + encodeURIComponent(key));

    function move(path, body) {
      body.key = key;
      return post(path, body).then(function (r) {
        if (r.ok) { showError(""); draw(r.data); } else showError(r.data.message);
      }).catch(function () { showError(W.offline); });
    }

    // A world's map, asked for again only when the world has run another day, and never while
    // the last one is still coming (a world that plays on skips the days it has already left).
    function worldMap(world) {
      var img = maps[world.n];
      if (!img) {
        img = el("img", { class: "map", width: "511", height: "345" });
        img.addEventListener("load", function () { arrived(img); });
        img.addEventListener("error", function () { img.removeAttribute("data-loading"); });
        maps[world.n] = img;
      }
      img.setAttribute("alt", W.map.replace("{world}", world.title));
      img.setAttribute("data-want", "/map?world=" + world.n + "&lang=" + lang + "&round=" +
                       round + "&day=" + world.ran + "&key=" + encodeURIComponent(key));
      ask(img);
      return img;
    }

    function ask(img) {
      var want = img.getAttribute("data-want");
      if (img.hasAttribute("data-loading") || img.getAttribute("src") === want) return;
      img.setAttribute("data-loading", "");
      img.setAttribute("src", want);
    }

    function arrived(img) {
      img.removeAttribute("data-loading");
      img.setAttribute("data-day", /[?&]day=(-?\d+)/.exec(img.getAttribute("src"))[1]);
      ask(img);
    }

    var picked = {};  // seat id -> the role chosen in its list, until it is given
    // the story's "details" the lecturer opened, by world and paragraph
    var unfolded = {};

    function worldCard(world, roles) {
      var card = el("article", { class: "world" + (world.waiting ? " waiting" : ""),
                                 "data-world": String(world.n) });
      card.appendChild(el("h2", {}, world.title));
      card.appendChild(el("p", {}, world.date + " · " + world.day));
      card.appendChild(el("p", { class: "status" }, world.status));
      card.appendChild(worldMap(world));
      card.appendChild(el("h3", {}, W.phones));
      if (!world.seats.length) card.appendChild(el("p", {}, W.no_phones));
      var table = el("table", {});
      world.seats.forEach(function (s) {
        var row = el("tr", { "data-seat": s.id });
        row.appendChild(el("td", {}, "#" + s.id + " " + s.name));
        row.appendChild(el("td", { class: "role" }, s.role_name));
        var pick = el("select", { "aria-label": W.assign + " #" + s.id });
        // a role picked and not yet given survives the next refresh of the table
        var wanted = picked[s.id] !== undefined ? picked[s.id] : s.role;
        roles.forEach(function (r) {
          var option = el("option", { value: r.value }, r.label);
          if (r.value === wanted) option.selected = true;
          pick.appendChild(option);
        });
        pick.addEventListener("change", function () { picked[s.id] = pick.value; });
        var cell = el("td", { class: "pick" });
        cell.appendChild(pick);
        var give = el("button", { type: "button", class: "secondary" }, W.assign);
        give.addEventListener("click", function () {
          delete picked[s.id];
          move("/api/assign", { seat: s.id, role: pick.value });
        });
        cell.appendChild(give);
        row.appendChild(cell);
        table.appendChild(row);
      });
      card.appendChild(table);
      if (world.decisions.length) {
        card.appendChild(el("h3", {}, W.decisions));
        var decisions = el("ul", { class: "decisions" });
        world.decisions.forEach(function (d) {
          decisions.appendChild(el("li", {}, d.text));
        });
        card.appendChild(decisions);
      }
      if (world.played.length) {
        var told = el("ul", { class: "played" });
        world.played.forEach(function (line) { told.appendChild(el("li", {}, line)); });
        card.appendChild(told);
      }
      if (world.debrief) {
        var box = el("div", { class: "debrief" });
        box.appendChild(el("h3", {}, world.debrief.title));
        var lines = el("ul", {});
        world.debrief.lines.forEach(function (line) { lines.appendChild(el("li", {}, line)); });
        box.appendChild(lines);
        box.appendChild(el("p", {}, world.debrief.summary));
        var ensemble = world.debrief.ensemble;
        if (ensemble.pending) box.appendChild(el("p", { class: "pending" }, ensemble.pending));
        else {
          box.appendChild(el("h3", {}, ensemble.title));
          var shares = el("ul", { class: "ensemble" });
          ensemble.lines.forEach(function (line) { shares.appendChild(el("li", {}, line)); });
          box.appendChild(shares);
        }
        card.appendChild(box);
      }
      card.appendChild(el("h3", {}, W.story));
      var story = el("ul", { class: "story" });
      world.story.forEach(function (line) { story.appendChild(storyLine(world.n, line, unfolded)); });
      card.appendChild(story);
      return card;
    }

    // the worlds side by side, once every one is finished: one column per world
    function comparison(cmp) {
      var box = document.getElementById("comparison");
      box.hidden = !cmp;
      box.replaceChildren();
      if (!cmp) return;
      box.appendChild(el("h2", {}, cmp.title));
      var table = el("table", {});
      var head = el("tr", {});
      head.appendChild(el("th", {}, ""));
      cmp.columns.forEach(function (c) { head.appendChild(el("th", { scope: "col" }, c.title)); });
      table.appendChild(head);
      cmp.rows.forEach(function (r) {
        var row = el("tr", { "data-row": r.key });
        row.appendChild(el("th", { scope: "row" }, r.label));
        cmp.columns.forEach(function (c) {
          var cell = el("td", {});
          if (Array.isArray(c[r.key])) {
            var list = el("ul", {});
            c[r.key].forEach(function (line) { list.appendChild(el("li", {}, line)); });
            cell.appendChild(list);
          } else cell.textContent = c[r.key];
          row.appendChild(cell);
        });
        table.appendChild(row);
      });
      var wrap = el("div", { class: "scroll" });
      wrap.appendChild(table);
      box.appendChild(wrap);
    }

    function draw(view) {
      running = view.running;
      document.getElementById("playing").textContent = view.playing;
      if (view.round !== round) {  // a new round: what it plays, in the pickers for the next
        round = view.round;
        scenario.value = view.scenario;
        seed.value = view.seed;
        picked = {};
      }
      if (seated(view)) tell("");  // a phone has joined: the draw has someone to draw for
      // every world at its horizon: Play, Step and Run to the end would do nothing
      var ended = view.worlds.length > 0 && view.worlds.every(function (w) { return w.finished; });
      ["play", "step", "to_end"].forEach(function (id) {
        document.getElementById(id).disabled = ended;
      });
      document.getElementById("play").textContent = running && !ended ? W.pause : W.start;
      var text = JSON.stringify(view);
      var busy = document.activeElement && document.activeElement.tagName === "SELECT";
      if (text === last || busy) return;
      last = text;
      comparison(view.comparison);
      worlds.replaceChildren.apply(worlds, view.worlds.map(function (w) {
        return worldCard(w, view.roles);
      }));
    }

    document.getElementById("play").addEventListener("click", function () {
      tell("");
      move("/api/play", { running: !running });
    });
    document.getElementById("step").addEventListener("click", function () {
      tell("");
      move("/api/step", { week: true });
    });
    document.getElementById("to_end").addEventListener("click", function () {
      tell("");
      move("/api/step", { days: 3660 });  // every world to its horizon, as far as questions allow
    });
    // the notice under the buttons: what a move did not do, until the next move or phone
    var notice = document.getElementById("notice");
    function tell(text) { notice.textContent = text || ""; notice.hidden = !text; }
    function seated(view) {
      return view.worlds.some(function (w) { return w.seats.length > 0; });
    }
    document.getElementById("draw").addEventListener("click", function () {
      post("/api/draw", { key: key }).then(function (r) {
        if (!r.ok) { showError(r.data.message); return; }
        showError("");
        tell(seated(r.data) ? "" : W["draw.nobody"]);  // nobody to draw for: say so
        draw(r.data);
      }).catch(function () { showError(W.offline); });
    });
    document.getElementById("new_round").addEventListener("click", function () {
      if (!window.confirm(W["new_round.confirm"])) return;
      tell("");
      move("/api/round", { scenario: scenario.value, seed: seed.value });
    });
    function poll() { move("/api/class", {}); }
    poll();
    setInterval(poll, 1000);
  }

  if (config.page === "lecturer") lecturer(); else phone();
})();
