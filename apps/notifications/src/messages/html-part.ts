const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

const LINK = /https?:\/\/[^\s<>"']+/g;

/** Escapes a line and makes its web addresses links, so a survey link is one click in any mail reader. */
function lineToHtml(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(LINK)) {
    html += escape(line.slice(last, match.index)) + `<a href="${escape(match[0])}">${escape(match[0])}</a>`;
    last = match.index + match[0].length;
  }
  return html + escape(line.slice(last));
}

/**
 * The HTML part of a message, made from its plain text: the language declared (`lang`) so a
 * screen reader pronounces it right, a title, paragraphs and links, no images, no styles
 * that carry meaning. Everything the text holds (an agent's note included) is escaped.
 */
export function htmlPart(locale: string, subject: string, text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(lineToHtml).join('<br>\n')}</p>`)
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="${escape(locale)}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escape(subject)}</title>\n</head>\n<body>\n${paragraphs}\n</body>\n</html>\n`;
}
