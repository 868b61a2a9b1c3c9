// The WeChat page's 复制全文 / Copy button: puts the content (#wx-content, every style inline) on
// the clipboard as HTML, with plain text beside it, ready to paste into the WeChat editor (公众号
// 后台). Pictures are given by their full address, so the editor can fetch them.
(function () {
  "use strict";
  var button = document.getElementById("wx-copy");
  var status = document.getElementById("wx-copy-status");
  var content = document.getElementById("wx-content");
  if (!button || !content) return;

  function html() {
    var clone = content.cloneNode(true);
    var images = clone.querySelectorAll("img");
    var originals = content.querySelectorAll("img");
    for (var i = 0; i < images.length; i++) images[i].setAttribute("src", originals[i].src);
    return clone.innerHTML.trim();
  }

  function done(ok) {
    status.textContent = ok
      ? "已复制，可粘贴到公众号编辑器 / Copied: paste it into the WeChat editor"
      : "复制失败：请全选正文后手动复制 / Copy failed: select the text and copy it by hand";
  }

  // Without the asynchronous clipboard (an address other than https or localhost): select the
  // content and copy the selection, which carries its inline styles too.
  function copySelection() {
    var range = document.createRange();
    range.selectNodeContents(content);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    selection.removeAllRanges();
    done(ok);
  }

  button.addEventListener("click", function () {
    if (navigator.clipboard && window.ClipboardItem) {
      var item = new ClipboardItem({
        "text/html": new Blob([html()], { type: "text/html" }),
        "text/plain": new Blob([content.innerText], { type: "text/plain" })
      });
      navigator.clipboard.write([item]).then(function () { done(true); }, copySelection);
    } else {
      copySelection();
    }
  });
})();
