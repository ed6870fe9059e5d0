/* Mark scroll containers (wide tables, display formulas, code, figures) that have more
   to show to the left or right, so the stylesheet can fade that side: on a phone a
   table cut off at the edge otherwise looks complete. */
(function () {
  "use strict";
  var SELECTOR = ".md-typeset__scrollwrap, .math-display, .md-typeset pre > code, " +
    ".cd-figure, .cd-panel, .md-typeset p";
  function mark(el) {
    var more = el.scrollWidth - el.clientWidth;
    var left = more > 1 && el.scrollLeft > 1;
    var right = more > 1 && el.scrollLeft < more - 1;
    el.classList.toggle("cd-scrolls-left", left);
    el.classList.toggle("cd-scrolls-right", right);
  }
  function scan() {
    document.querySelectorAll(SELECTOR).forEach(function (el) {
      if (el.tagName === "P" && !el.querySelector(":scope > svg.convdims-figure")) return;
      mark(el);
      if (!el.dataset.cdScroll) {
        el.dataset.cdScroll = "1";
        el.addEventListener("scroll", function () { mark(el); }, { passive: true });
      }
    });
  }
  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; scan(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
  window.addEventListener("resize", later);
  window.addEventListener("load", later);
  document.addEventListener("click", later);  // content tabs and <details> open on click
})();
