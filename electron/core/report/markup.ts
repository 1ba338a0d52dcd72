/**
 * A tiny auto-escaping HTML/SVG builder for the report. Every string child and attribute value
 * is escaped; the only way to produce markup is `h()`, so case data (attacker-controlled text in
 * app names, user agents…) can never become a tag or an attribute. Tags and attributes that run
 * or load anything (script, style, iframe, on*, href, src…) are refused outright: the report has
 * no script at all and loads nothing.
 */
const MARK: unique symbol = Symbol('markup');

export interface Markup {
  readonly [MARK]: true;
  readonly html: string;
}

export type Child = Markup | string | number | null | undefined | false | readonly Child[];
export type AttrValue = string | number | boolean | null | undefined;

const tagName = /^[a-z][a-z0-9]*$/i;
const attrName = /^[a-z][a-z0-9-]*$/i;
const forbiddenTags = new Set(['script', 'style', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'form', 'img', 'image', 'use', 'foreignobject', 'a', 'animate', 'set']);
const forbiddenAttrs = /^(on.*|style|href|src|srcset|xlink|action|formaction|background|poster|data|ping)$/i;
const voidTags = new Set(['br', 'hr', 'col', 'wbr']);

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function isMarkup(value: unknown): value is Markup {
  return typeof value === 'object' && value !== null && (value as Markup)[MARK] === true;
}

function render(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (Array.isArray(child)) return (child as readonly Child[]).map(render).join('');
  if (isMarkup(child)) return child.html;
  return escapeText(String(child));
}

export function h(tag: string, attrs: Record<string, AttrValue> | null, ...children: Child[]): Markup {
  if (!tagName.test(tag) || forbiddenTags.has(tag.toLowerCase())) throw new Error(`markup: tag <${tag}> is not allowed in a report`);
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (!attrName.test(name) || forbiddenAttrs.test(name)) throw new Error(`markup: attribute ${name} is not allowed in a report`);
    if (value === null || value === undefined || value === false) continue;
    open += value === true ? ` ${name}` : ` ${name}="${escapeAttr(String(value))}"`;
  }
  if (voidTags.has(tag)) return { [MARK]: true, html: `${open}>` };
  return { [MARK]: true, html: `${open}>${render(children)}</${tag}>` };
}

/** Several children as one value (a fragment). */
export function fragment(...children: Child[]): Markup {
  return { [MARK]: true, html: render(children) };
}

export function toHtml(child: Child): string {
  return render(child);
}
