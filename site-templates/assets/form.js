/**
 * form.js: the self-assessment form (layouts/form.mustache).
 *
 * Scores the answers as they are given with Tandem's scoring module (scoring.wasm through
 * tandem-scoring.js, the same Swift code as `tandem score`). This file only reads the page, hands
 * the numbers to the module and shows what it returns: it does no scoring arithmetic.
 *
 * It also keeps the answers in localStorage, saves them as a result file in the format of
 * docs/scoring.md (which `tandem score` reads and content/results/ takes) and loads such a file back.
 *
 * The page says everything in data- attributes: the questionnaire's numbers on [data-form], each
 * question a fieldset [data-question][data-weight] of radio inputs, each band [data-band][data-min],
 * the UI strings as data-msg-*. The score is shown in [data-score-mean] and [data-score-band], whose
 * data-value holds the unrounded mean and the band id (empty when there is none): tests read them.
 *
 * Loaded after scoring-wasm.js and tandem-scoring.js (all with `defer`); tally.js uses the helpers
 * exported as `TandemForm`.
 */
(function () {
  "use strict";

  /** A UI string with its {placeholders} filled in. */
  function format(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  /** The questionnaire as the page describes it: ids in order, and the numbers the module takes. */
  function readQuestionnaire(root) {
    const d = root.dataset;
    const questions = Array.from(root.querySelectorAll("[data-question]"));
    const bands = Array.from(root.querySelectorAll("[data-band]"));
    return {
      id: d.assessment,
      version: Number(d.version),
      ids: questions.map((q) => q.dataset.question),
      questions,
      bands,
      numbers: {
        scale: {min: Number(d.scaleMin), max: Number(d.scaleMax)},
        weights: questions.map((q) => Number(q.dataset.weight)),
        bandMins: bands.map((b) => Number(b.dataset.min)),
        minAnswered: Number(d.minAnswered),
        gapThreshold: Number(d.gapThreshold),
        minGroupSize: Number(d.minGroupSize),
      },
    };
  }

  /** The scoring module, or null when this browser cannot run it. */
  function loadScorer() {
    const T = globalThis.TandemScoring;
    if (!T || !globalThis.TandemScoringWasm) return Promise.resolve(null);
    return T.instantiate(globalThis.TandemScoringWasm).catch(() => null);
  }

  /** Today as YYYY-MM-DD in the local time zone. */
  function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  /** Shows a number as the page's language writes it (3.44 / 3,44); "–" for none. */
  function formatter(lang, digits) {
    const f = new Intl.NumberFormat(lang, {minimumFractionDigits: digits, maximumFractionDigits: digits});
    return (value) => (value === null || value === undefined ? "–" : f.format(value));
  }

  /** Saves text as a downloaded file; a blob URL works from file:// too. */
  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], {type}));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }

  /** localStorage that fails quietly (storage off, private windows): answers are then not kept. */
  const storage = {
    read(key) {
      try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
    },
    write(key, value) {
      try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* not kept */ }
    },
    remove(key) {
      try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    },
  };

  /** One result in the format of docs/scoring.md, its keys in that order; optional fields only when given. */
  function result(q, fields, answers) {
    const out = {assessment: q.id, version: q.version, date: fields.date, department: fields.department};
    for (const key of ["respondent", "team", "round"]) if (fields[key]) out[key] = fields[key];
    out.answers = {};
    q.ids.forEach((id, i) => { out.answers[id] = answers[i] === undefined ? null : answers[i]; });
    return out;
  }

  /** Text for a file name: lower case letters and digits joined by dashes. */
  function fileSafe(text) {
    return String(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
  }

  globalThis.TandemForm = {format, readQuestionnaire, loadScorer, today, formatter, download, storage, result, fileSafe};

  const form = document.querySelector("[data-form]");
  if (form) initForm(form);

  function initForm(form) {
    const q = readQuestionnaire(form);
    const msg = form.dataset;
    const lang = document.documentElement.lang || "en";
    const twoDecimals = formatter(lang, 2);
    const noDecimals = formatter(lang, 0);
    const key = `tandem-form:${q.id}:${q.version}`;
    const $ = (selector) => form.querySelector(selector);
    const show = {
      mean: $("[data-score-mean]"), percent: $("[data-score-percent]"), band: $("[data-score-band]"),
      message: $("[data-score-message]"), progress: $("[data-score-progress]"), improve: $("[data-score-improve]"),
      note: $("[data-form-message]"), barProgress: $("[data-bar-progress]"), barMean: $("[data-bar-mean]"),
    };
    let scorer = null;

    function answers() {
      return q.questions.map((fieldset) => {
        const checked = fieldset.querySelector("input:checked");
        return checked ? Number(checked.value) : null;
      });
    }

    function fields() {
      const values = {};
      for (const input of form.querySelectorAll("[data-field]")) {
        if (input.type !== "radio") values[input.dataset.field] = input.value.trim();
        else if (input.checked) values[input.dataset.field] = input.value;
      }
      return values;
    }

    function apply(values, given) {
      for (const input of form.querySelectorAll("[data-field]")) {
        const value = values[input.dataset.field];
        if (input.type === "radio") input.checked = input.value === value;
        else input.value = typeof value === "string" ? value : "";
      }
      q.questions.forEach((fieldset, i) => {
        for (const input of fieldset.querySelectorAll("input")) input.checked = given[i] === Number(input.value);
      });
      if (!$("#form-date").value) $("#form-date").value = today();
    }

    function note(text, isError) {
      show.note.textContent = text || "";
      show.note.classList.toggle("form-message--error", Boolean(isError));
    }

    function save() {
      storage.write(key, {fields: fields(), answers: answers()});
    }

    /** Shows the improve links of low answers, then the module's score. */
    function update() {
      const given = answers();
      const links = [];
      for (const fieldset of q.questions) {
        const improve = fieldset.querySelector("[data-improve]");
        const checked = fieldset.querySelector("input:checked");
        if (!improve) continue;
        improve.hidden = !(checked && checked.hasAttribute("data-low"));
        if (!improve.hidden) {
          const item = document.createElement("li");
          const link = improve.querySelector("a").cloneNode(true);
          const title = link.querySelector("span"); // the page's title, without "How to improve:"
          if (title && title.textContent) link.textContent = title.textContent;
          item.append(fieldset.querySelector(".question__number").cloneNode(true), " ", link);
          links.push(item);
        }
      }
      show.improve.querySelector("ul").replaceChildren(...links);
      show.improve.hidden = links.length === 0;
      if (!scorer) return;
      let score;
      try {
        score = scorer.scoreRespondent(q.numbers, given);
      } catch (error) {
        show.message.textContent = msg.msgUnavailable;
        return;
      }
      const band = score.band === null ? null : q.bands[score.band];
      const progress = format(msg.msgAnswered, {answered: score.answered, total: q.ids.length});
      show.progress.textContent = progress;
      show.mean.dataset.value = score.mean === null ? "" : String(score.mean);
      show.mean.textContent = twoDecimals(score.mean);
      show.percent.dataset.value = score.percent === null ? "" : String(score.percent);
      show.percent.textContent = score.percent === null ? "" : format(msg.msgPercent, {percent: noDecimals(score.percent)});
      show.mean.parentElement.hidden = score.mean === null;
      show.band.dataset.value = band ? band.dataset.band : "";
      show.band.textContent = band ? band.querySelector(".form-band__label").textContent : "";
      const all = q.numbers.minAnswered === q.ids.length;
      const incomplete = format(all ? msg.msgIncompleteAll : msg.msgIncomplete, {min: q.numbers.minAnswered, total: q.ids.length});
      show.message.textContent = band ? (band.querySelector("dd") || {textContent: ""}).textContent
        : score.answered ? incomplete : msg.msgNoScore;
      for (const each of q.bands) each.classList.toggle("form-band--current", each === band);
      show.barProgress.textContent = progress;
      show.barMean.textContent = score.mean === null ? "" : "· " + twoDecimals(score.mean) + (band ? " · " + show.band.textContent : "");
    }

    function startOver() {
      if (!window.confirm(msg.msgConfirmReset)) return;
      form.reset();
      storage.remove(key);
      apply({}, []);
      note("");
      update();
    }

    function downloadAnswers() {
      const values = fields();
      if (!values.department) {
        note(msg.msgNeedDepartment, true);
        form.querySelector("[name=department]").focus();
        return;
      }
      if (!values.date) values.date = $("#form-date").value = today();
      const name = [q.id, values.date, fileSafe(values.respondent || values.department)].join("-") + ".json";
      download(name, JSON.stringify(result(q, values, answers()), null, 2) + "\n", "application/json");
      note(format(msg.msgDownloaded, {file: name}));
    }

    /** Reads a result file back, or says clearly why it is not one. */
    async function load(file) {
      const problem = (template, values) => note(format(template, Object.assign({file: file.name}, values)), true);
      let data;
      try {
        data = JSON.parse(await file.text());
      } catch (error) {
        return problem(msg.msgNotJson);
      }
      if (Array.isArray(data) && data.length === 1) data = data[0];
      const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
      if (!isObject(data) || !isObject(data.answers)) return problem(msg.msgNotResult);
      if (data.assessment !== undefined && data.assessment !== q.id) {
        return problem(msg.msgOtherAssessment, {assessment: String(data.assessment)});
      }
      if (data.version !== undefined && data.version !== q.version) {
        return problem(msg.msgVersion, {version: String(data.version), expected: q.version});
      }
      for (const field of ["date", "department", "respondent", "team", "round"]) {
        if (data[field] !== undefined && data[field] !== null && typeof data[field] !== "string") return problem(msg.msgField, {field});
      }
      const given = q.ids.map(() => null);
      const {min, max} = q.numbers.scale;
      for (const [id, value] of Object.entries(data.answers)) {
        const i = q.ids.indexOf(id);
        if (i < 0) return problem(msg.msgUnknownQuestion, {question: id});
        if (value === null) continue;
        if (!Number.isInteger(value) || value < min || value > max) {
          return problem(msg.msgAnswer, {number: i + 1, value: JSON.stringify(value), min, max});
        }
        given[i] = value;
      }
      const values = {};
      for (const field of ["date", "respondent", "team", "round"]) values[field] = data[field] || "";
      const department = data.department;
      values.department = department === "sales" || department === "marketing" ? department : department ? "other" : "";
      apply(values, given);
      save();
      update();
      note(format(msg.msgLoaded, {file: file.name}));
    }

    function printBlank() {
      const root = document.documentElement;
      root.classList.add("form-print-blank");
      window.addEventListener("afterprint", () => root.classList.remove("form-print-blank"), {once: true});
      window.print();
    }

    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("change", (event) => {
      if (event.target.matches("[data-form-load]")) return;
      save();
      update();
    });
    form.addEventListener("input", (event) => {
      if (event.target.matches("[data-field]")) save();
    });
    $("[data-form-reset]").addEventListener("click", startOver);
    $("[data-form-download]").addEventListener("click", downloadAnswers);
    $("[data-form-print-blank]").addEventListener("click", printBlank);
    $("[data-form-load]").addEventListener("change", (event) => {
      const file = event.target.files[0];
      event.target.value = "";
      if (file) load(file);
    });

    const saved = storage.read(key);
    const restored = saved && Array.isArray(saved.answers) && saved.answers.length === q.ids.length;
    apply(restored ? saved.fields || {} : {}, restored ? saved.answers : []);
    for (const hidden of form.querySelectorAll("[data-form-tools], [data-form-live], [data-form-bar]")) hidden.hidden = false;
    update();
    loadScorer().then((loaded) => {
      scorer = loaded;
      if (!scorer) show.message.textContent = msg.msgUnavailable;
      update();
    });
  }
})();
