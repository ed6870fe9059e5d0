/* Mark scroll containers (wide tables, display formulas, code, figures) that have more
   to show to the left or right, so the stylesheet can fade that side: on a phone a
   table cut off at the edge otherwise looks complete. */
(function () {
  "use strict";
  var SELECTOR = ".md-typeset__scrollwrap, .math-display, .md-typeset pre > code, " +
    ".cd-figure, .cd-panel, .md-typeset p, .md-typeset .figure, .jp-OutputArea-output pre, " +
    ".highlight-ipynb, .highlight-ipynb > pre, .jp-RenderedHTMLCommon";
  function mark(el) {
    var more = el.scrollWidth - el.clientWidth;
    var left = more > 1 && el.scrollLeft > 1;
    var right = more > 1 && el.scrollLeft < more - 1;
    el.classList.toggle("cd-scrolls-left", left);
    el.classList.toggle("cd-scrolls-right", right);
  }
  function scan() {
    document.querySelectorAll(SELECTOR).forEach(function (el) {
      if ((el.tagName === "P" || el.classList.contains("figure")) &&
          !el.querySelector(":scope > svg.convdims-figure")) return;
      mark(el);
      if (!el.dataset.cdScroll) {
        el.dataset.cdScroll = "1";
        el.addEventListener("scroll", function () { mark(el); }, { passive: true });
      }
    });
  }
  /* The copy button sits over the top right corner of a code block: where the first line
     runs under it, move the code down a line instead of hiding its end. */
  function roomForCopy() {
    var pairs = [];
    document.querySelectorAll(".md-typeset pre > .md-clipboard, .md-typeset pre > button")
      .forEach(function (button) {
        var code = button.parentElement.querySelector(":scope > code");
        if (code) pairs.push([button, code]);
      });
    document.querySelectorAll(".jp-CodeMirrorEditor .zeroclipboard-container")
      .forEach(function (button) {
        var code = button.parentElement.querySelector(".highlight-ipynb > pre");
        if (code) pairs.push([button, code]);
      });
    pairs.forEach(function (pair) {
      var button = pair[0], code = pair[1];
      var text = code.textContent, end = text.indexOf("\n");
      var first = document.createRange();
      var walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      var node = walker.nextNode();
      if (!node) return;
      first.setStart(node, 0);
      var last = node;
      for (var n = node; n; n = walker.nextNode()) {
        last = n;
        var cut = n.textContent.indexOf("\n");
        if (cut >= 0) { first.setEnd(n, cut); break; }
        first.setEnd(n, n.textContent.length);
      }
      if (end < 0) first.setEnd(last, last.textContent.length);
      var line = first.getBoundingClientRect(), box = button.getBoundingClientRect();
      code.classList.toggle("cd-copy-room", line.width > 0 && line.right > box.left - 4);
    });
  }

  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; roomForCopy(); scan(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { roomForCopy(); scan(); });
  } else {
    roomForCopy();
    scan();
  }
  window.addEventListener("resize", later);
  window.addEventListener("load", later);
  document.addEventListener("click", later);  // content tabs and <details> open on click
})();
