// CSV for spreadsheets (RFC 4180), formula-neutralised: a cell that a spreadsheet would read as
// a formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe,
// so a pledge note such as "=HYPERLINK(...)" stays text (OWASP "CSV injection").

function cell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/// rows: arrays of cells, the first the header. Lines end with CRLF as RFC 4180 says.
export function toCsv(rows) {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/// Offers `rows` as a file download; the file is made in the page (a blob: URL), no request.
export function downloadCsv(fileName, rows) {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
