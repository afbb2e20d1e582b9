// CSV export with visible progress. A submit button marked data-export-progress="#box" is taken over: the script
// fetches the export URL with the form's current fields, counts CSV records while the body streams in (the server
// sends the total up front in X-Total-Count), shows "已导出 n / N 条" in the box's <progress>, then hands the file to
// the browser as a download. Without JavaScript the button just submits the GET form and the browser downloads.
(function () {
  'use strict';
  if (!window.fetch || !window.ReadableStream || !window.URL || !URL.createObjectURL) return;

  document.querySelectorAll('button[data-export-progress]').forEach(function (button) {
    var box = document.querySelector(button.getAttribute('data-export-progress'));
    if (!button.form || !box) return;
    button.addEventListener('click', function (event) {
      event.preventDefault();
      exportWithProgress(button, box);
    });
  });

  // Counts CSV record ends (LF outside quotes). Quoted fields may hold line breaks, and a doubled quote inside a
  // quoted field toggles twice, so counting quote parity is exact. Works on raw UTF-8 bytes: '"' (34) and LF (10)
  // never occur inside a multi-byte character, so chunk boundaries anywhere are safe.
  function recordCounter() {
    var inQuotes = false, records = 0;
    return function (bytes) {
      for (var i = 0; i < bytes.length; i++) {
        var b = bytes[i];
        if (b === 34) inQuotes = !inQuotes;
        else if (b === 10 && !inQuotes) records++;
      }
      return records;
    };
  }

  function fileName(disposition) {
    var match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition || '');
    if (!match) return 'export.csv';
    return match[1] ? decodeURIComponent(match[1]) : match[2];
  }

  function refusal(status) {
    var reason = status === 403 ? '没有导出权限' : status === 401 ? '登录已过期，请重新登录' : status >= 500 ? '服务器错误，请稍后重试' : '请求被拒绝';
    return '导出失败：' + reason + '（HTTP ' + status + '）';
  }

  async function exportWithProgress(button, box) {
    var form = button.form;
    var bar = box.querySelector('progress');
    var status = box.querySelector('.export-status');
    var error = box.querySelector('.export-error');
    var params = new URLSearchParams(new FormData(form));
    params.set(button.name, button.value);
    var url = (form.getAttribute('action') || location.pathname) + '?' + params.toString();

    box.hidden = false;
    error.hidden = true;
    error.textContent = '';
    bar.removeAttribute('value'); // indeterminate until the total is known
    status.textContent = '正在导出…';
    button.disabled = true;
    try {
      var response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/csv' } });
      var type = response.headers.get('Content-Type') || '';
      if (!response.ok) throw new Error(refusal(response.status));
      // A redirect to the login page (session expired) arrives as 200 HTML, not CSV.
      if (type.indexOf('text/csv') !== 0) throw new Error('导出失败：登录可能已过期，请刷新页面后重试');
      var total = parseInt(response.headers.get('X-Total-Count') || '', 10);
      var hasTotal = !isNaN(total);
      var count = recordCounter();
      var chunks = [];
      var rows = 0;
      var show = function () {
        if (hasTotal) {
          bar.max = Math.max(total, 1);
          bar.value = Math.min(rows, bar.max);
          status.textContent = '已导出 ' + rows + ' / ' + total + ' 条';
        } else {
          status.textContent = '已导出 ' + rows + ' 条';
        }
      };
      show();
      var reader = response.body.getReader();
      for (;;) {
        var part = await reader.read();
        if (part.done) break;
        chunks.push(part.value);
        rows = Math.max(0, count(part.value) - 1); // the first record is the header row
        show();
      }
      if (!hasTotal) { bar.max = Math.max(rows, 1); bar.value = bar.max; }
      status.textContent += '，导出完成';
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob(chunks, { type: type }));
      link.download = fileName(response.headers.get('Content-Disposition'));
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
    } catch (e) {
      bar.value = 0;
      status.textContent = '';
      error.textContent = e instanceof TypeError ? '导出失败：网络错误，请稍后重试' : e.message;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  }
})();
