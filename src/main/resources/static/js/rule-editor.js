// The rule editor: CodeMirror (served by the application) over the plain textarea, with line numbers, DRL
// highlighting, the validation errors marked at their line and column, and "Go to line" beside each error.
// Without JavaScript the textarea works as it is.
(function () {
    "use strict";
    var textarea = document.getElementById("rule-content");
    if (!textarea || !window.CodeMirror || !window.CodeMirror.defineSimpleMode) return;

    window.CodeMirror.defineSimpleMode("drl", {
        start: [
            { regex: /\/\/.*/, token: "comment" },
            { regex: /\/\*/, token: "comment", next: "comment" },
            { regex: /"(?:[^\\"]|\\.)*"?/, token: "string" },
            { regex: /@[A-Za-z]+/, token: "meta" },
            { regex: /\$[A-Za-z_][A-Za-z0-9_]*/, token: "variable-2" },
            { regex: /\b(?:rule|when|then|end|package|import|function|global|declare|query|salience|no-loop|lock-on-active|agenda-group|activation-group|dialect|enabled|not|exists|forall|from|collect|accumulate|eval|and|or|modify|insert|insertLogical|delete|retract|update|new|return|if|else|true|false|null|matches|memberOf|contains|in)\b/, token: "keyword" },
            { regex: /\b(?:double|int|long|boolean|String|void)\b/, token: "type" },
            { regex: /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/, token: "number" },
            { regex: /[A-Z][A-Za-z0-9_]*/, token: "variable-3" }
        ],
        comment: [
            { regex: /.*?\*\//, token: "comment", next: "start" },
            { regex: /.*/, token: "comment" }
        ],
        meta: { lineComment: "//" }
    });

    var editor = window.CodeMirror.fromTextArea(textarea, {
        mode: "drl", lineNumbers: true, indentUnit: 4, viewportMargin: 50,
        gutters: ["CodeMirror-linenumbers", "rule-error-gutter"],
        screenReaderLabel: "Rule file content"
    });
    window.ruleEditor = editor;
    editor.on("change", function () {
        editor.save();
        document.dispatchEvent(new Event("rule-edit"));
    });
    editor.getWrapperElement().setAttribute("data-editor", "codemirror");

    var file = document.getElementById("rule-file");
    var edited = file ? file.value : "";
    document.querySelectorAll("li.rule-error").forEach(function (item) {
        if (item.getAttribute("data-file") !== edited) return;
        var line = parseInt(item.getAttribute("data-line"), 10) - 1;
        var column = Math.max(0, parseInt(item.getAttribute("data-column"), 10) - 1);
        if (!(line >= 0) || line >= editor.lineCount()) return;
        var marker = document.createElement("span");
        marker.className = "rule-error-marker";
        marker.textContent = "●";
        marker.title = item.getAttribute("data-message");
        editor.setGutterMarker(line, "rule-error-gutter", marker);
        editor.addLineClass(line, "background", "rule-error-line");
        var text = editor.getLine(line);
        var to = column;
        while (to < text.length && /[A-Za-z0-9_$.]/.test(text.charAt(to))) to++;
        editor.markText({ line: line, ch: column }, { line: line, ch: Math.max(to, column + 1) },
            { className: "rule-error-text", attributes: { title: item.getAttribute("data-message") } });
        var jump = item.querySelector("button.jump");
        if (jump) {
            jump.hidden = false;
            jump.addEventListener("click", function () {
                editor.focus();
                editor.setCursor({ line: line, ch: column });
                editor.scrollIntoView({ line: line, ch: column }, 120);
            });
        }
    });
})();
