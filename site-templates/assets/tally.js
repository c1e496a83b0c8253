/**
 * tally.js: tally mode (layouts/tally.mustache), for typing in a stack of paper sheets fast.
 *
 * One text box takes one sheet: the department's key (s, m, o in English), then one answer per
 * question — a digit each when the scale is 0–9, else numbers separated by spaces — and `-` for a
 * question left blank. Enter saves the sheet and clears the box for the next; Backspace fixes a
 * typo; ↑ in the empty box brings back the last sheet to correct; Esc clears the box. Every sheet
 * can also be edited or deleted from the list.
 *
 * Each sheet and the group are scored by the scoring module (scoreRespondent, scoreGroup); this
 * file does no scoring arithmetic. Sheets are kept in localStorage and exported as a results
 * bundle (a JSON array in the format of docs/scoring.md) or as CSV, both read by `tandem score`.
 *
 * Needs form.js (the `TandemForm` helpers) and tandem-scoring.js loaded before it.
 */
(function () {
  "use strict";
  const Kit = globalThis.TandemForm;
  const root = document.querySelector("[data-tally]");
  if (!root || !Kit) return;

  const {format} = Kit;
  const q = Kit.readQuestionnaire(root);
  const m = root.dataset;
  const total = q.ids.length;
  const {min, max} = q.numbers.scale;
  const singleDigits = "singleDigits" in m;
  const lang = document.documentElement.lang || "en";
  const twoDecimals = Kit.formatter(lang, 2);
  const key = `tandem-tally:${q.id}:${q.version}`;
  const $ = (selector) => root.querySelector(selector);
  const entry = $("[data-tally-entry]");
  const departmentKeys = {sales: m.keySales, marketing: m.keyMarketing, other: m.keyOther};
  const departmentNames = {sales: m.msgSales, marketing: m.msgMarketing, other: m.msgOther};
  const byKey = {};
  for (const [department, letter] of Object.entries(departmentKeys)) byKey[letter.toLowerCase()] = department;

  let state = {sheets: [], batch: {date: Kit.today(), team: "", round: ""}, entry: ""};
  let editing = null; // the index of the sheet being corrected, or null for a new sheet
  let scorer = null;

  /** Reads the box: the department, the answers typed so far, and the first problem, if any. */
  function parse(text) {
    const read = {department: null, answers: [], error: null};
    const typed = text.trim();
    if (!typed) return read;
    read.department = byKey[typed[0].toLowerCase()] || null;
    if (!read.department) {
      read.error = format(m.msgDepartment, departmentKeys);
      return read;
    }
    const rest = typed.slice(1).trim();
    const tokens = singleDigits ? Array.from(rest.replace(/[\s,]+/g, "")) : rest.split(/[\s,]+/).filter(Boolean);
    for (const token of tokens) {
      if (read.answers.length === total) {
        read.error = format(m.msgTooMany, {total});
        break;
      }
      if (token === "-" || token === ".") {
        read.answers.push(null);
        continue;
      }
      if (!/^-?\d+$/.test(token)) {
        read.error = format(m.msgKey, {key: token, min, max});
        break;
      }
      const value = Number(token);
      if (value < min || value > max) {
        read.error = format(m.msgRange, {number: read.answers.length + 1, value, min, max});
        break;
      }
      read.answers.push(value);
    }
    return read;
  }

  /** A sheet as it is typed, for correcting it in the box. */
  function code(sheet) {
    const answers = sheet.answers.map((a) => (a === null ? "-" : String(a)));
    return departmentKeys[sheet.department] + (singleDigits ? "" : " ") + answers.join(singleDigits ? "" : " ");
  }

  function say(text, isError) {
    const message = $("[data-tally-message]");
    message.textContent = text || "";
    message.classList.toggle("form-message--error", Boolean(isError));
  }

  function save() {
    state.entry = entry.value;
    state.editing = editing;
    Kit.storage.write(key, state);
  }

  /** Shows the sheet in the box cell by cell, the next cell marked. */
  function preview() {
    const read = parse(entry.value);
    const cells = root.querySelectorAll("[data-tally-preview] td");
    cells.forEach((cell, i) => {
      const answer = i === 0 ? null : read.answers[i - 1];
      cell.textContent = i === 0 ? (read.department ? departmentNames[read.department] : "")
        : answer === undefined ? "" : answer === null ? "–" : String(answer);
      cell.classList.toggle("is-next", read.department ? i === read.answers.length + 1 : i === 0);
    });
    say(read.error, true);
    $("[data-tally-label]").textContent = format(m.msgSheet, {n: (editing === null ? state.sheets.length : editing) + 1});
    root.classList.toggle("tally--editing", editing !== null);
  }

  /** Enter: checks the sheet and saves it, as a new sheet or over the one being corrected. */
  function commit() {
    const read = parse(entry.value);
    if (!entry.value.trim()) return say(m.msgEmpty, true);
    if (read.error) return say(read.error, true);
    if (read.answers.length < total) return say(format(m.msgTooFew, {typed: read.answers.length, total}), true);
    const sheet = {department: read.department, answers: read.answers};
    let done;
    if (editing === null) {
      state.sheets.push(sheet);
      done = format(m.msgSaved, {n: state.sheets.length});
    } else {
      state.sheets[editing] = sheet;
      done = format(m.msgReplaced, {n: editing + 1});
      editing = null;
    }
    entry.value = "";
    save();
    render();
    say(done);
  }

  function edit(index) {
    editing = index;
    entry.value = code(state.sheets[index]);
    save();
    preview();
    say(format(m.msgEditing, {n: index + 1}));
    entry.focus();
  }

  function cancel() {
    editing = null;
    entry.value = "";
    save();
    preview();
    say("");
  }

  function remove(index) {
    if (!window.confirm(format(m.msgConfirmDelete, {n: index + 1}))) return;
    state.sheets.splice(index, 1);
    editing = null;
    entry.value = "";
    save();
    render();
    say(format(m.msgDeleted, {n: index + 1}));
    entry.focus();
  }

  function cell(row, text, attributes) {
    const td = document.createElement("td");
    td.textContent = text;
    for (const [name, value] of Object.entries(attributes || {})) td.setAttribute(name, value);
    row.append(td);
    return td;
  }

  function button(label, name, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "tally-fix";
    b.textContent = label;
    b.setAttribute("aria-label", name);
    b.addEventListener("click", onClick);
    return b;
  }

  const bandLabel = (index) => (index === null ? "–" : q.bands[index].textContent);
  const bandId = (index) => (index === null ? "" : q.bands[index].dataset.band);
  const signed = (value) => (value === null ? "–" : (value > 0 ? "+" : "") + twoDecimals(value));

  function show(selector, value, text) {
    const element = $(selector);
    element.dataset.value = value === null ? "" : String(value);
    element.textContent = text;
  }

  /** The list of sheets and the group summary, scored by the module. */
  function render() {
    const list = $("[data-tally-list]");
    const rows = state.sheets.map((sheet, i) => {
      const row = document.createElement("tr");
      const number = i + 1;
      const header = document.createElement("th");
      header.scope = "row";
      header.textContent = number;
      row.append(header);
      cell(row, departmentNames[sheet.department]);
      cell(row, sheet.answers.map((a) => (a === null ? "–" : a)).join(singleDigits ? "" : " "), {class: "tally-code"});
      const score = scorer ? scorer.scoreRespondent(q.numbers, sheet.answers) : null;
      cell(row, score ? twoDecimals(score.mean) : "", {"data-value": score && score.mean !== null ? String(score.mean) : ""});
      cell(row, score ? bandLabel(score.band) : "");
      const fixes = cell(row, "", {class: "tally-fixes"});
      const sheetName = format(m.msgSheet, {n: number});
      fixes.append(
        button(m.msgEdit, `${m.msgEdit}: ${sheetName}`, () => edit(i)),
        button(m.msgDelete, `${m.msgDelete}: ${sheetName}`, () => remove(i)));
      return row;
    });
    list.replaceChildren(...rows);
    $("[data-tally-count]").textContent = state.sheets.length;
    $("[data-tally-empty]").hidden = state.sheets.length > 0;
    preview();
    if (!scorer) return;
    const group = scorer.scoreGroup(q.numbers, state.sheets);
    show("[data-group-n]", group.all.n, group.all.n);
    show("[data-group-mean]", group.all.mean, twoDecimals(group.all.mean));
    show("[data-group-band]", bandId(group.all.band), bandLabel(group.all.band));
    for (const part of ["sales", "marketing"]) {
      show(`[data-${part}-n]`, group[part].n, group[part].n);
      show(`[data-${part}-mean]`, group[part].mean, twoDecimals(group[part].mean));
      show(`[data-${part}-band]`, bandId(group[part].band), bandLabel(group[part].band));
    }
    const flagged = (gap) => (gap.flagged ? ` (${m.msgFlagged})` : "");
    show("[data-group-gap]", group.gap.value, signed(group.gap.value) + flagged(group.gap));
    q.questions.forEach((row, i) => {
      const stats = group.questions[i];
      const put = (name, text) => { row.querySelector(`[data-q="${name}"]`).textContent = text; };
      put("n", stats.n);
      put("mean", twoDecimals(stats.mean));
      put("sales", twoDecimals(stats.sales.mean));
      put("marketing", twoDecimals(stats.marketing.mean));
      put("gap", signed(stats.gap.value) + flagged(stats.gap));
      row.classList.toggle("is-flagged", stats.gap.flagged);
    });
  }

  function results() {
    const batch = Object.assign({}, state.batch, {date: state.batch.date || Kit.today()});
    return state.sheets.map((sheet) => Kit.result(q, Object.assign({department: sheet.department}, batch), sheet.answers));
  }

  function exportName(extension) {
    return [q.id, state.batch.date || Kit.today(), "sheets"].join("-") + extension;
  }

  /** The results bundle: a JSON array, one result per line. */
  function exportJSON() {
    const lines = results().map((result) => JSON.stringify(result));
    Kit.download(exportName(".json"), "[\n" + lines.join(",\n") + "\n]\n", "application/json");
  }

  /** The same results as CSV (RFC 4180), one column per question id. */
  function exportCSV() {
    const quote = (value) => {
      const text = value === null || value === undefined ? "" : String(value);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const columns = ["assessment", "version", "date", "department", "team", "round"];
    const lines = [columns.concat(q.ids).map(quote).join(",")];
    for (const result of results()) {
      lines.push(columns.map((c) => quote(result[c])).concat(q.ids.map((id) => quote(result.answers[id]))).join(","));
    }
    Kit.download(exportName(".csv"), lines.join("\r\n") + "\r\n", "text/csv");
  }

  function clearAll() {
    if (!state.sheets.length || !window.confirm(format(m.msgConfirmClear, {n: state.sheets.length}))) return;
    state.sheets = [];
    cancel();
    render();
    entry.focus();
  }

  // Restore what was typed before a reload, dropping anything that no longer fits the questionnaire.
  const saved = Kit.storage.read(key);
  if (saved && Array.isArray(saved.sheets)) {
    state.sheets = saved.sheets.filter((s) => s && departmentKeys[s.department] && Array.isArray(s.answers) && s.answers.length === total);
    state.batch = Object.assign(state.batch, saved.batch || {});
    entry.value = typeof saved.entry === "string" ? saved.entry : "";
    if (Number.isInteger(saved.editing) && saved.editing < state.sheets.length && entry.value) editing = saved.editing;
  }
  for (const input of root.querySelectorAll("[data-batch]")) {
    input.value = state.batch[input.dataset.batch] || "";
    input.addEventListener("input", () => {
      state.batch[input.dataset.batch] = input.value.trim();
      save();
    });
  }
  entry.addEventListener("input", () => {
    preview();
    save();
  });
  entry.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    } else if (event.key === "ArrowUp" && !entry.value && state.sheets.length) {
      event.preventDefault();
      edit(state.sheets.length - 1);
    }
  });
  $("[data-tally-export-json]").addEventListener("click", exportJSON);
  $("[data-tally-export-csv]").addEventListener("click", exportCSV);
  $("[data-tally-clear]").addEventListener("click", clearAll);
  root.hidden = false;
  render();
  entry.focus();
  Kit.loadScorer().then((loaded) => {
    scorer = loaded;
    if (!scorer) say(m.msgUnavailable, true);
    render();
  });
})();
