import { describe, expect, it } from 'vitest';
import { fragment, h, toHtml } from '../../electron/core/report/markup';

describe('report markup builder', () => {
  it('escapes every text child and attribute value', () => {
    const payload = `<script>alert(1)</script><img src=x onerror="alert(2)">'&`;
    const html = toHtml(h('p', { title: payload, class: 'x' }, payload, 42, null, false, [payload]));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toBe(
      `<p title="&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;&#39;&amp;" class="x">` +
        `&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(2)"&gt;'&amp;42&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(2)"&gt;'&amp;</p>`,
    );
  });

  it('nests built markup without escaping it twice', () => {
    expect(toHtml(fragment(h('b', null, 'a<b'), 'c'))).toBe('<b>a&lt;b</b>c');
  });

  it('refuses tags and attributes that could run or load anything', () => {
    for (const tag of ['script', 'SCRIPT', 'style', 'iframe', 'img', 'a', 'foreignObject', 'use', 'x y', 'p>']) expect(() => h(tag, null), tag).toThrow(/not allowed/);
    for (const attr of ['onclick', 'ONERROR', 'style', 'href', 'src', 'srcset', 'action', 'a b', 'x"']) expect(() => h('p', { [attr]: 'x' }), attr).toThrow(/not allowed/);
    expect(toHtml(h('svg', { viewBox: '0 0 1 1', 'aria-label': 'chart', 'data-section': 's' }))).toBe('<svg viewBox="0 0 1 1" aria-label="chart" data-section="s"></svg>');
  });
});
