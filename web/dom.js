// Building DOM without markup strings: every text from the API becomes a text node, so no value
// in the data can ever run as markup.

/// h('tag.class', {attr: value, onclick: fn}, child, ...) -> Element. Children may be strings,
/// numbers, nodes, arrays of them, or null/false (skipped).
export function h(spec, attributes = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const element = document.createElement(tag);
  if (classes.length) element.className = classes.join(' ');
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/// Replaces every child of `parent` by `children`.
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/// A table with a caption, column headers and rows (arrays of cells; a cell may be a node).
/// `rowClass` names each row's class so tests and print styles can find them.
export function table(caption, headers, rows, rowClass = '') {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, rows.map((cells) => h('tr', rowClass ? { class: rowClass } : {},
      cells.map((cell, index) => (index === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))))));
}

/// "3 lines", "1 line".
export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
