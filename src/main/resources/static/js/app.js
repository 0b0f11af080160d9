// Thesis Screener workspace script. Loaded from a static file (the Content-Security-Policy allows no inline script).
(function () {
    "use strict";

    function csrfHeaders() {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        var headers = {};
        if (token && header) headers[header.content] = token.content;
        return headers;
    }

    // Forms that ask before they act (delete, revoke, reset).
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
        });
    });

    // The rule editor: choosing another file loads its content.
    var ruleFile = document.querySelector("select[data-reload-on-change]");
    if (ruleFile) {
        ruleFile.addEventListener("change", function () {
            window.location.href = ruleFile.getAttribute("data-reload-on-change") + encodeURIComponent(ruleFile.value) + "#editor-title";
        });
    }

    // The rule editor keeps the person's edit in this tab's sessionStorage, so it survives a failed save, a
    // reload, or a session that expired (the sign-in brings them back here and the draft is put back).
    var ruleContent = document.getElementById("rule-content");
    var ruleFileName = document.getElementById("rule-file");
    if (ruleContent && ruleFileName && window.sessionStorage) {
        var draftKey = "rule-draft:" + ruleContent.getAttribute("data-user") + ":" + ruleFileName.value;
        var saveDraft = function () { sessionStorage.setItem(draftKey, currentRuleText()); };
        var draft = sessionStorage.getItem(draftKey);
        if (draft !== null && draft !== currentRuleText()) {
            setRuleText(draft);
            var restored = document.getElementById("draft-restored");
            if (restored) restored.hidden = false;
        }
        ruleContent.addEventListener("input", saveDraft);
        document.addEventListener("rule-edit", saveDraft);
        var editorForm = document.getElementById("rule-editor");
        if (editorForm) editorForm.addEventListener("submit", saveDraft);
        var discard = document.getElementById("discard-draft");
        if (discard) {
            discard.addEventListener("click", function () {
                sessionStorage.removeItem(draftKey);
                window.location.reload();
            });
        }
    }

    function currentRuleText() {
        return window.ruleEditor ? window.ruleEditor.getValue() : ruleContent.value;
    }

    function setRuleText(text) {
        ruleContent.value = text;
        if (window.ruleEditor) window.ruleEditor.setValue(text);
    }

    // Upload: drag and drop or file picker, progress, then the import summary and the rows that could not be read.
    var form = document.getElementById("upload-form");
    if (!form) return;
    var input = document.getElementById("file");
    var zone = document.getElementById("drop-zone");
    var chosen = document.getElementById("file-chosen");
    var progress = document.getElementById("upload-progress");
    var status = document.getElementById("upload-status");
    var button = document.getElementById("upload-button");
    var result = document.getElementById("upload-result");

    function showChosen() {
        chosen.textContent = input.files.length ? "Chosen: " + input.files[0].name + " (" + Math.ceil(input.files[0].size / 1024) + " KB)" : "";
    }
    input.addEventListener("change", showChosen);
    ["dragenter", "dragover"].forEach(function (type) {
        zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
        zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (event) {
        if (event.dataTransfer && event.dataTransfer.files.length) {
            input.files = event.dataTransfer.files;
            showChosen();
        }
    });

    function fact(list, name, value) {
        var div = document.createElement("div");
        var dt = document.createElement("dt");
        var dd = document.createElement("dd");
        dt.textContent = name;
        dd.textContent = value;
        div.appendChild(dt);
        div.appendChild(dd);
        list.appendChild(div);
    }

    function showProblems(problems) {
        var block = document.getElementById("upload-problems-block");
        var body = document.querySelector("#upload-problems tbody");
        body.textContent = "";
        (problems || []).forEach(function (p) {
            var tr = document.createElement("tr");
            [p.sheet, p.row, p.column, p.header, p.value, p.expected].forEach(function (v) {
                var td = document.createElement("td");
                td.textContent = v === null || v === undefined ? "" : String(v);
                tr.appendChild(td);
            });
            tr.title = p.message || "";
            body.appendChild(tr);
        });
        block.hidden = !problems || problems.length === 0;
    }

    function number(n) {
        return Number(n).toLocaleString("en");
    }

    function seconds(ms) {
        return (ms / 1000).toFixed(1) + " s";
    }

    function sessionEnded() {
        // The session ended while the page was open: the API's advice is for scripts, a person signs in again.
        status.textContent = "Your session has ended. Sign in again, then choose the file once more: ";
        status.classList.add("error");
        var again = document.createElement("a");
        again.href = window.location.pathname + window.location.search;
        again.textContent = "sign in";
        status.appendChild(again);
    }

    function failed(detail) {
        button.disabled = false;
        progress.hidden = true;
        status.textContent = detail;
        status.classList.add("error");
    }

    function getJson(url, then) {
        var xhr = new XMLHttpRequest();
        xhr.open("GET", url);
        xhr.setRequestHeader("Accept", "application/json");
        xhr.addEventListener("load", function () {
            var body = null;
            try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = null; }
            if (xhr.status === 401) sessionEnded();
            else if (xhr.status !== 200 || !body) failed(body && body.detail ? body.detail : "The service answered HTTP " + xhr.status + ".");
            else then(body);
        });
        xhr.addEventListener("error", function () { failed("The service could not be reached."); });
        xhr.send();
    }

    // The job's progress: rows read as they are read, companies screened as they are, storing, then the summary.
    function poll(jobUrl) {
        getJson(jobUrl, function (job) {
            progress.removeAttribute("value");
            if (job.state === "QUEUED") status.textContent = "Waiting for an earlier upload to finish · " + seconds(job.elapsedMillis);
            if (job.state === "READING") status.textContent = "Reading rows: " + number(job.rowsRead) + " read · " + seconds(job.elapsedMillis);
            if (job.state === "SCREENING") {
                var storing = job.companiesToScreen > 0 && job.companiesScreened >= job.companiesToScreen;
                if (job.companiesToScreen > 0) { progress.max = job.companiesToScreen; progress.value = job.companiesScreened; }
                status.textContent = number(job.rowsRead) + " rows read; " + (storing
                    ? "all " + number(job.companiesToScreen) + " companies screened, storing them"
                    : number(job.companiesScreened) + " of " + number(job.companiesToScreen) + " companies screened")
                    + " · " + seconds(job.elapsedMillis);
            }
            if (job.state === "FAILED") {
                failed(job.problem.detail);
                if (job.problem.type === "/problems/nothing-to-screen") status.textContent += " (no row could be screened)";
                return;
            }
            if (job.state === "DONE") {
                status.textContent = "Done: " + number(job.portfolio.rowsRead) + " rows read, " + number(job.portfolio.screened)
                    + " screened in " + seconds(job.elapsedMillis) + ".";
                getJson(job.links.portfolio, function (p) {
                    getJson(job.links.problems, function (problems) { showSummary(p, problems.items); });
                });
                return;
            }
            window.setTimeout(function () { poll(jobUrl); }, 500);
        });
    }

    function showSummary(p, problems) {
        button.disabled = false;
        progress.max = 100;
        progress.value = 100;
        var summary = document.getElementById("upload-summary");
        summary.textContent = "";
        fact(summary, "Rows read", number(p.rowsRead));
        fact(summary, "Screened", number(p.screened));
        fact(summary, "Rows left out (a cell could not be read)", number(p.rejected));
        if (p.sheet) fact(summary, "Sheet", p.sheet);
        if (p.ignoredColumns && p.ignoredColumns.length) fact(summary, "Columns ignored", p.ignoredColumns.join(", "));
        if (p.latestRun) {
            fact(summary, "Rule set", p.latestRun.ruleSetVersion);
            var bands = Object.keys(p.latestRun.bands).filter(function (b) { return p.latestRun.bands[b] > 0; })
                .map(function (b) { return b.replace("_", " ") + " " + number(p.latestRun.bands[b]); });
            fact(summary, "Bands", bands.join(", "));
        }
        var open = document.getElementById("upload-open");
        open.hidden = false;
        open.href = "/portfolios/" + p.id;
        showProblems(problems);
        result.hidden = false;
        open.focus();
    }

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!input.files.length) { status.textContent = "Choose a file first."; input.focus(); return; }
        var data = new FormData();
        data.append("file", input.files[0]);
        var name = document.getElementById("name").value.trim();
        var sheet = document.getElementById("sheet").value.trim();
        if (name) data.append("name", name);
        if (sheet) data.append("sheet", sheet);

        var xhr = new XMLHttpRequest();
        xhr.open("POST", form.getAttribute("data-endpoint"));
        var headers = csrfHeaders();
        Object.keys(headers).forEach(function (h) { xhr.setRequestHeader(h, headers[h]); });
        xhr.setRequestHeader("Accept", "application/json");
        progress.hidden = false;
        progress.max = 100;
        progress.value = 0;
        button.disabled = true;
        result.hidden = true;
        status.classList.remove("error");
        status.textContent = "Sending the file…";
        xhr.upload.addEventListener("progress", function (e) {
            if (e.lengthComputable) {
                progress.value = Math.round(e.loaded / e.total * 100);
                status.textContent = "Sending the file: " + Math.round(e.loaded / 1024) + " of " + Math.round(e.total / 1024) + " KB";
            }
        });
        xhr.addEventListener("load", function () {
            var body = null;
            try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = null; }
            if (xhr.status === 202 && body) {
                poll(xhr.getResponseHeader("Location") || body.links.self);
            } else if (xhr.status === 401) {
                button.disabled = false;
                sessionEnded();
            } else {
                failed(body && body.detail ? body.detail : "The upload failed (HTTP " + xhr.status + ").");
            }
        });
        xhr.addEventListener("error", function () { failed("The upload could not reach the service."); });
        xhr.send(data);
    });
})();
