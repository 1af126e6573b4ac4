// The process diagram inside the ticket page: folded until asked for, then
// the server's SVG drawn in the page (not in a new tab), its current state in
// view, the possible next steps marked (found by the element ids of states and
// edges, the viewer's own by the ids of the transitions on offer) and named in
// its text alternative,
// zoom in, zoom out and fit to the column, and open again on the next ticket;
// and an SVG carrying scripts, handlers, foreign objects or links is shown
// without them.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT_MS,
  assertNoPageErrors,
  inState,
  keepingEvidence,
  screenshot,
  signIn,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const SUBJECT = 'Search ignores the brand filter';

/** An SVG that tries everything a diagram must not do. */
const HOSTILE_SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 200 100" width="200pt" height="100pt" onload="window.hacked = 'onload'">
  <script>window.hacked = 'script'</script>
  <style>body { display: none }</style>
  <foreignObject width="100" height="50">
    <div xmlns="http://www.w3.org/1999/xhtml" onclick="window.hacked = 'html'">HTML inside</div>
  </foreignObject>
  <g class="node" onmouseover="window.hacked = 'hover'">
    <title>l1_new</title>
    <a xlink:href="javascript:window.hacked = 'link'"><text x="10" y="40">Still drawn</text></a>
    <image href="https://example.com/tracker.png" width="10" height="10"/>
    <set attributeName="fill" to="red"/>
  </g>
</svg>`;

describe('the process diagram on the ticket page', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let ticket;
  let l1;

  before(async () => {
    const anna = await env.server.apiAs('anna@acme.example');
    ticket = await anna.post('/tickets', {
      subject: SUBJECT,
      body: 'Filtering by brand returns every product.',
      category: 'product',
    });
    l1 = await env.server.apiAs('l1@helpdesk.example');
  });

  it('draws the diagram in the page with the current state in view and the next steps marked', () =>
    keepingEvidence('diagram', [], async () => {
      const page = await env.openPage();
      await signIn(page, 'l1@helpdesk.example', { path: `/tickets/${ticket.id}` });
      const process = await inState(page, 'New, to classify');
      const card = page.getByRole('region', { name: 'Process diagram' });
      const toggle = card.getByRole('button', { name: 'Show the diagram' });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await card.getByRole('img').count(), 0, 'folded until asked for');
      const opened = page
        .context()
        .waitForEvent('page', { timeout: 2000 })
        .catch(() => null);
      await process.getByRole('button', { name: 'Show the process diagram' }).click();
      assert.equal(await opened, null, 'no new tab');

      await visible(card.getByRole('button', { name: 'Hide the diagram', expanded: true }));
      const image = card.getByRole('img', {
        name: /^Process diagram\. Current state: New, to classify\. Possible next steps: .*Technical question/,
      });
      await visible(image);
      await visible(card.getByText('possible next steps'));
      await visible(card.getByText('steps you may take'));
      // The current state sits inside the visible part of the frame.
      const frame = card.getByRole('group', { name: /^Process diagram; scroll/ });
      const inView = await frame.evaluate((el) => {
        const node = el.querySelector('.diagram-current');
        if (!node) return false;
        const a = node.getBoundingClientRect();
        const b = el.getBoundingClientRect();
        return a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;
      });
      assert.equal(inView, true, 'the current state is scrolled into view');
      // The marks follow the element ids the server gives states
      // (state:<id>) and edges (transition:<id>:<from>:<to>): the current
      // state's node, every edge leaving it or leaving "any open state" (but
      // into it), and in bold those of the transitions the viewer is offered.
      const marks = await frame.evaluate((el) => {
        const ids = (selector) => [...el.querySelectorAll(selector)].map((g) => g.id).sort();
        return {
          current: ids('.diagram-current'),
          next: ids('.diagram-next'),
          mine: ids('.diagram-mine'),
          edges: ids('g.edge'),
          titles: el.querySelectorAll('title').length,
        };
      });
      const edgeOf = (id) => {
        const [kind, transition, from, to] = id.split(':');
        assert.equal(kind, 'transition', `edge id ${id}`);
        return { transition, from, to };
      };
      const offered = (await l1.get(`/tickets/${ticket.id}/transitions`)).items.map((tr) => tr.id);
      assert.deepEqual(marks.current, [`state:${ticket.state}`]);
      const next = marks.edges.filter((id) => {
        const { from, to } = edgeOf(id);
        return from === ticket.state || (from === '*' && to !== ticket.state);
      });
      assert.ok(next.length >= 7, `${next.length} next steps`);
      assert.ok(
        next.some((id) => edgeOf(id).from === '*'),
        'a step allowed from any open state',
      );
      assert.deepEqual(marks.next, next);
      const mine = next.filter((id) => offered.includes(edgeOf(id).transition));
      assert.deepEqual(marks.mine, mine);
      assert.deepEqual(
        [...new Set(mine.map((id) => edgeOf(id).transition))].sort(),
        [...offered].sort(),
        'each step on offer is drawn in bold',
      );
      assert.equal(marks.titles, 0, 'no raw ids as tooltips');
      await screenshot(page, 'staff-ticket-process-diagram', { fullPage: false });

      const zoom = card.locator('.diagram-zoom');
      assert.equal(await zoom.innerText(), '75%');
      await card.getByRole('button', { name: 'Zoom in' }).click();
      assert.equal(await zoom.innerText(), '94%');
      await card.getByRole('button', { name: 'Zoom out' }).click();
      await card.getByRole('button', { name: 'Zoom out' }).click();
      assert.equal(await zoom.innerText(), '60%');
      await card.getByRole('button', { name: 'Fit the whole diagram to the width' }).click();
      const fits = await frame.evaluate((el) => {
        const svg = el.querySelector('svg');
        return svg.getBoundingClientRect().width <= el.clientWidth;
      });
      assert.equal(fits, true, 'the whole diagram fits the column');
      await screenshot(page, 'staff-ticket-process-diagram-fit', { fullPage: false });

      // Open on the next ticket too, until folded.
      await page.goto('/#/tickets/1');
      await visible(page.getByRole('heading', { level: 1 }));
      await page.goto(`/#/tickets/${ticket.id}`);
      await visible(card.getByRole('img', { name: /^Process diagram\. Current state/ }));
      await card.getByRole('button', { name: 'Hide the diagram' }).click();
      assert.equal(await card.getByRole('img').isVisible(), false);
      assertNoPageErrors(page);
      await page.context().close();
    }));

  it('shows a diagram without its scripts, handlers, foreign objects and links', () =>
    keepingEvidence('diagram-hostile', [], async () => {
      const page = await env.openPage();
      await page.route('**/process.svg', (route) =>
        route.fulfill({ status: 200, contentType: 'image/svg+xml', body: HOSTILE_SVG }),
      );
      await signIn(page, 'l1@helpdesk.example', { path: `/tickets/${ticket.id}` });
      const card = page.getByRole('region', { name: 'Process diagram' });
      await card.getByRole('button', { name: 'Show the diagram' }).click();
      await visible(card.getByText('Still drawn'));
      await card.getByText('Still drawn').hover();
      await card.getByText('Still drawn').click();
      const found = await card.evaluate((el) => {
        const svg = el.querySelector('svg');
        const handlers = [svg, ...svg.querySelectorAll('*')].flatMap((node) =>
          [...node.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
        );
        return {
          hacked: window.hacked ?? null,
          elements: [...svg.querySelectorAll('script, style, foreignObject, a, image, set')].map(
            (node) => node.localName,
          ),
          handlers,
          html: el.textContent.includes('HTML inside'),
          pageShown: getComputedStyle(document.body).display !== 'none',
        };
      });
      assert.deepEqual(found, {
        hacked: null,
        elements: [],
        handlers: [],
        html: false,
        pageShown: true,
      });
      assertNoPageErrors(page);
      await page.context().close();
    }));
});
