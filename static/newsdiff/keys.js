// Keyboard shortcuts for the review page, and the htmx settings it relies on.
// Loaded from a static file: the Content-Security-Policy forbids inline script.
(function () {
  "use strict";

  // A stale row answers 409 Conflict and a refused change 422 Unprocessable Content; both carry the
  // row re-rendered with its message, so htmx must swap them instead of dropping them (its default for 4xx).
  if (window.htmx) {
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "409", swap: true, error: false },
      { code: "422", swap: true, error: false },
      { code: "[45]..", swap: false, error: true },
    ];
  }

  const ROW = ".row[data-reviewable]";
  let advanceFrom = null; // key of the row whose tagging should move focus on

  function rows() {
    return Array.from(document.querySelectorAll(ROW));
  }

  function currentRow() {
    const active = document.activeElement && document.activeElement.closest && document.activeElement.closest(ROW);
    return active || document.querySelector(ROW + ".is-current");
  }

  function focusRow(row) {
    if (!row) return;
    document.querySelectorAll(ROW + ".is-current").forEach((r) => r.classList.remove("is-current"));
    row.classList.add("is-current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center", behavior: "auto" });
  }

  function move(step) {
    const all = rows();
    if (!all.length) return;
    const index = all.indexOf(currentRow());
    const next = index === -1 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(index + step, 0), all.length - 1);
    focusRow(all[next]);
  }

  function nextUntagged(fromKey) {
    const all = rows();
    const start = all.findIndex((r) => r.dataset.key === fromKey);
    const after = all.slice(start + 1).concat(all.slice(0, Math.max(start, 0)));
    return after.find((r) => r.hasAttribute("data-untagged")) || all[start] || null;
  }

  function press(shortcut) {
    const row = currentRow();
    if (!row) {
      move(1);
      return;
    }
    const button = row.querySelector('[data-shortcut="' + shortcut + '"]');
    if (button) {
      button.click();
    } else {
      say(row, shortcut === "u" ? "A linked pair is matching or conflicting; only a passage alone is unique."
        : "That key does nothing on this row.");
    }
  }

  function say(row, text) {
    let hint = row.querySelector(".key-hint");
    if (!hint) {
      hint = document.createElement("p");
      hint.className = "row-message row-message--error key-hint";
      hint.setAttribute("role", "status");
      row.querySelector(".cell--verdict").appendChild(hint);
    }
    hint.textContent = text;
  }

  function focusNote() {
    const row = currentRow();
    if (!row) return;
    const details = row.querySelector(".note-editor");
    if (details) details.open = true;
    const field = row.querySelector("textarea[name=note]");
    if (field) field.focus();
  }

  function toggleHelp() {
    const help = document.getElementById("keys-help");
    if (help) help.open = !help.open;
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    const target = event.target;
    if (target && target.tagName === "TEXTAREA" && target.name === "note") {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        const save = target.form && target.form.querySelector('[data-shortcut="save-note"]');
        if (save) save.click();
      } else if (event.key === "Escape") {
        event.preventDefault();
        const row = target.closest(ROW);
        if (row) focusRow(row);
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(target)) return;
    const actions = {
      j: () => move(1),
      k: () => move(-1),
      m: () => press("m"),
      c: () => press("c"),
      u: () => press("u"),
      a: () => press("a"),
      x: () => press("x"),
      n: () => focusNote(),
      e: () => {
        const exportLink = document.querySelector('[data-shortcut="export"]');
        if (exportLink) exportLink.click();
      },
      "?": () => toggleHelp(),
      Escape: () => {
        const help = document.getElementById("keys-help");
        if (help) help.open = false;
      },
    };
    const action = actions[event.key];
    if (!action || !document.querySelector(ROW + ", #keys-help")) return;
    event.preventDefault();
    action();
  });

  // A row that is clicked becomes the current row, so the keys act on it next.
  document.addEventListener("focusin", function (event) {
    const row = event.target.closest && event.target.closest(ROW);
    if (row) {
      document.querySelectorAll(ROW + ".is-current").forEach((r) => r !== row && r.classList.remove("is-current"));
      row.classList.add("is-current");
    }
  });

  // Tagging a row (a verdict button, accept) moves on to the next row I have not tagged.
  document.addEventListener("htmx:beforeRequest", function (event) {
    const trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
    const submitter = trigger && trigger.submitter;
    const row = event.detail.elt.closest && event.detail.elt.closest(ROW);
    advanceFrom = null;
    if (row && submitter && ["m", "c", "u", "a"].includes(submitter.dataset.shortcut)) {
      advanceFrom = row.dataset.key;
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    if (!advanceFrom || !event.detail.xhr || event.detail.xhr.status !== 200) {
      if (event.detail.xhr && event.detail.xhr.status !== 200 && advanceFrom) {
        const row = document.getElementById("row-" + advanceFrom);
        advanceFrom = null;
        if (row) focusRow(row);
      }
      return;
    }
    const key = advanceFrom;
    advanceFrom = null;
    const row = document.getElementById("row-" + key);
    if (row && row.hasAttribute("data-untagged")) {
      focusRow(row);
      return;
    }
    focusRow(nextUntagged(key));
  });

  // Focus stays on the row after a note is saved or a history is loaded.
  document.addEventListener("htmx:afterSwap", function (event) {
    const key = event.detail.target && event.detail.target.id && event.detail.target.id.replace(/^row-/, "");
    if (!advanceFrom && key && document.activeElement === document.body) {
      const row = document.getElementById("row-" + key);
      if (row && row.matches(ROW)) focusRow(row);
    }
  });
})();
