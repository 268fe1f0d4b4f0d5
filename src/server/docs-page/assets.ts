/** The docs page's script and style, served from this origin (the CSP allows 'self' only). */

export const DOCS_STYLE = `
:root { color-scheme: light dark; font: 16px/1.5 system-ui, sans-serif; }
body { max-width: 60rem; margin: 0 auto; padding: 1rem; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.9em; }
pre { overflow-x: auto; padding: 0.75rem; border: 1px solid #8884; border-radius: 6px; }
section.op { border: 1px solid #8886; border-radius: 8px; margin: 1rem 0; padding: 0.5rem 1rem; }
.method { display: inline-block; min-width: 4.5rem; font-weight: 700; }
.method.get { color: #0a6b2b; } .method.post { color: #8a4b00; }
@media (prefers-color-scheme: dark) { .method.get { color: #7fe0a0; } .method.post { color: #ffc170; } }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; border-bottom: 1px solid #8884; padding: 0.3rem 0.5rem; vertical-align: top; }
details summary { cursor: pointer; }
`;

// Builds the DOM with textContent only: nothing from the document is ever parsed as HTML.
export const DOCS_SCRIPT = `
'use strict';
(async function () {
  var root = document.getElementById('ops');
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]);
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }
  function schemaBlock(title, schema) {
    var d = el('details', null, [el('summary', null, [title])]);
    d.append(el('pre', null, [JSON.stringify(schema, null, 2)]));
    return d;
  }
  try {
    var res = await fetch('/openapi.json');
    var doc = await res.json();
    root.textContent = '';
    var toc = el('ul');
    root.append(el('h2', null, ['Operations']), toc);
    Object.keys(doc.paths).sort().forEach(function (path) {
      var item = doc.paths[path];
      Object.keys(item).forEach(function (method) {
        var op = item[method];
        var id = 'op-' + op.operationId;
        toc.append(el('li', null, [el('a', { href: '#' + id }, [method.toUpperCase() + ' ' + path])]));
        var s = el('section', { class: 'op', id: id });
        s.append(el('h3', null, [el('span', { class: 'method ' + method }, [method.toUpperCase()]), el('code', null, [path])]));
        s.append(el('p', null, [op.summary || '']));
        if (op.description) s.append(el('p', null, [op.description]));
        if (op.security) s.append(el('p', null, ['Needs the admin token: Authorization: Bearer <token>.']));
        if (op['x-rate-limited']) s.append(el('p', null, ['Rate limited per client.']));
        if (op.parameters && op.parameters.length) {
          var t = el('table', null, [el('tr', null, [el('th', null, ['parameter']), el('th', null, ['in']), el('th', null, ['required']), el('th', null, ['schema'])])]);
          op.parameters.forEach(function (p) {
            t.append(el('tr', null, [el('td', null, [el('code', null, [p.name])]), el('td', null, [p.in]), el('td', null, [p.required ? 'yes' : 'no']), el('td', null, [el('code', null, [JSON.stringify(p.schema)])])]));
          });
          s.append(t);
        }
        if (op.requestBody) {
          var media = Object.keys(op.requestBody.content)[0];
          s.append(schemaBlock('Request body (' + media + ')', op.requestBody.content[media].schema));
        }
        var codes = el('ul');
        Object.keys(op.responses).forEach(function (code) {
          codes.append(el('li', null, [el('strong', null, [code]), ' ', op.responses[code].description]));
        });
        s.append(el('h4', null, ['Responses']), codes);
        var ok = op.responses['200'] || op.responses['201'] || op.responses['202'];
        if (ok && ok.content && ok.content['application/json']) s.append(schemaBlock('Success body', ok.content['application/json'].schema));
        root.append(s);
      });
    });
  } catch (err) {
    root.textContent = 'Could not load /openapi.json: ' + err;
  }
})();
`;
