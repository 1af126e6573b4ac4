// The whole request-for-change chain of config/defaults/processes/support.yaml
// in the browser, each person in a browser context of their own. The steps
// run in order on one ticket; once a step fails, the later ones are skipped.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uniqueEmail } from './server.mjs';
import {
  TEST_TIMEOUT_MS,
  assertNoPageErrors,
  dateAhead,
  fire,
  gone,
  inState,
  keepingEvidence,
  makePng,
  screenshot,
  signIn,
  signInLive,
  submitButton,
  texts,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const SUBJECT = 'Export to CSV loses Cyrillic names';
const SCREENSHOT_NAME = 'export-error.png';
const ESCALATION_NOTE = 'Reproduced on the demo data.';
const RESOLUTION = 'The exporter now writes UTF-8 with a byte order mark.';

/** Ids that must never reach a customer: "User 12", snake_case state or field ids. */
const RAW_ID = /\bUser \d+\b|\b[a-z0-9]+_[a-z0-9_]+\b/;

/**
 * The server and the browser (set in the describe); `env.pages`, every page
 * opened, for the screenshots of a failure and the page-error check.
 */
let env;
/** The people still on their pages between steps. */
let customer;
let l1;
let manager;
let ticketNumber;

/** A new browser context for `email`, signed in. */
async function person(email) {
  const page = await env.openPage();
  await signIn(page, email);
  return page;
}

/** Opens the ticket from the staff queue (of `status`: new and open by default) by its subject. */
async function openFromQueue(page, { status = 'new,open' } = {}) {
  await page.goto(`/#/queue?status=${status}`);
  await visible(page.getByRole('heading', { name: 'Queue', level: 1 }));
  await page.getByRole('link', { name: SUBJECT, exact: true }).click();
  await visible(page.getByRole('heading', { name: SUBJECT, level: 1 }));
}

let broken = null;
/** One step of the chain; skipped once an earlier step failed. */
function step(name, body) {
  it(name, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    if (broken) {
      t.skip(`an earlier step failed: ${broken}`);
      return;
    }
    try {
      await keepingEvidence(`rfc-${name.replace(/\W+/g, '-').slice(0, 40)}`, env.pages, body);
    } catch (error) {
      broken = name;
      throw error;
    }
  });
}

describe('a request for change from the customer to the deployed change', () => {
  env = useServerAndBrowser({ demo: true });

  before(async () => {
    // A second developer, so the person picker has a choice to make.
    await env.server.addUser('developer', { name: 'Dmitri Volkov' });
  });

  step('the L1 operator watches the queue with the live stream open', async () => {
    l1 = await env.openPage();
    await signInLive(l1, 'l1@helpdesk.example');
    await visible(l1.getByRole('heading', { name: 'Queue', level: 1 }));
    await visible(l1.getByRole('table'));
    assert.equal(await l1.getByRole('link', { name: SUBJECT, exact: true }).count(), 0);
    // Lost if the page were loaded again.
    await l1.evaluate(() => {
      window.stillTheSamePage = true;
    });
  });

  step('a customer registers and reports a problem with a screenshot', async () => {
    customer = await env.openPage();
    await customer.goto('/#/register');
    await visible(customer.getByRole('heading', { name: 'Create an account', level: 1 }));
    await screenshot(customer, 'register');
    await customer.getByLabel('Your name').fill('Maria Ivanova');
    await customer.getByLabel('E-mail').fill(uniqueEmail('customer'));
    await customer.getByLabel('Password').fill('correct horse battery');
    await customer.getByRole('button', { name: 'Create account' }).click();
    await visible(customer.getByRole('heading', { name: 'My tickets', level: 1 }));
    await visible(customer.getByText('You have not asked support anything yet.'));
    await visible(customer.getByText('Maria Ivanova'));

    await customer.getByRole('link', { name: 'Create your first ticket' }).click();
    await visible(customer.getByRole('heading', { name: 'New ticket', level: 1 }));
    await customer.getByLabel('Subject').fill(SUBJECT);
    const topic = customer.getByLabel('Topic');
    // The topics arrive after the form is drawn.
    await topic.locator('option', { hasText: 'Product problem' }).waitFor({ state: 'attached' });
    await topic.selectOption({ label: 'Product problem' });
    await visible(
      customer.getByText(
        'Errors in the product; give the steps, what you expected and what you saw.',
      ),
    );
    await customer
      .getByLabel('Describe the problem')
      .fill('Exported customer lists show question marks instead of Cyrillic names.');
    await customer
      .getByLabel('Where have you already looked?')
      .fill('The FAQ entry "Export formats".');
    await customer
      .getByLabel('Steps that led to the problem')
      .fill('1. Opened Customers\n2. Pressed Export → CSV\n3. Opened the file');
    await customer
      .getByLabel('What did you expect to happen?')
      .fill('Names as typed: «Иван Петров».');
    await customer.getByLabel('What happened instead?').fill('Names read "???? ??????".');
    await customer.getByLabel('Attachments').setInputFiles({
      name: SCREENSHOT_NAME,
      mimeType: 'image/png',
      buffer: makePng(),
    });
    await visible(customer.getByRole('list', { name: 'Files to send' }).getByText(SCREENSHOT_NAME));
    await screenshot(customer, 'new-ticket');
    await customer.getByRole('button', { name: 'Send to support' }).click();

    const title = customer.getByRole('heading', { name: SUBJECT, level: 1 });
    await visible(title);
    ticketNumber = (await title.locator('.ticket-number').innerText()).trim();
    assert.match(ticketNumber, /^#\d+$/);
    await visible(
      customer
        .getByRole('region', { name: 'What you told us' })
        .getByText('Opened Customers', { exact: false }),
    );
    await visible(customer.getByRole('img', { name: SCREENSHOT_NAME }));
    // The deadline in words, never an ISO date.
    const deadline = customer.locator('[data-deadline]');
    await visible(deadline);
    const deadlineText = (await deadline.innerText()).trim();
    assert.match(deadlineText, /^We will answer by \S/, `the deadline: ${deadlineText}`);
    assert.doesNotMatch(deadlineText, /\d{4}-\d{2}-\d{2}/, `the deadline: ${deadlineText}`);
    const card = await inState(customer, 'Received, waiting for an operator');
    await visible(card.getByText('Your request is registered; an operator will answer shortly.'));
    assert.deepEqual(
      await texts(card.getByRole('group', { name: 'Steps you may take' }).getByRole('button')),
      ['Withdraw the request'],
    );
    await screenshot(customer, 'customer-ticket-new');
  });

  step('the ticket appears in the L1 queue live; L1 takes it and escalates it', async () => {
    const row = l1
      .getByRole('row')
      .filter({ has: l1.getByRole('link', { name: SUBJECT, exact: true }) });
    await visible(row);
    assert.equal(await l1.evaluate(() => window.stillTheSamePage), true, 'no reload');
    await visible(row.getByText('New, to classify'));
    await visible(row.getByText('Unassigned'));
    await screenshot(l1, 'staff-queue');

    await row.getByRole('link', { name: SUBJECT, exact: true }).click();
    await visible(l1.getByRole('heading', { name: SUBJECT, level: 1 }));
    await visible(
      l1
        .getByRole('region', { name: 'Reported by the customer' })
        .getByText('Names read "???? ??????".'),
    );
    await inState(l1, 'New, to classify');
    await fire(l1, 'Technical question');
    await inState(l1, 'Technical question at L1');
    await visible(l1.getByRole('region', { name: 'Details' }).getByText('Lev Operator'));
    await fire(l1, 'Escalate to the incident manager', {
      fill: async (dialog) => {
        // The reason is required: the app says so before asking the server.
        await submitButton(dialog, 'Escalate to the incident manager').click();
        await visible(dialog.getByText('Fill in this field.'));
        await dialog
          .getByLabel('Why L1 cannot resolve it')
          .fill('The exporter writes the wrong encoding; this needs a change in the product.');
        await dialog.getByLabel('Internal note').fill(ESCALATION_NOTE);
      },
    });
    await inState(l1, 'Escalated, to reclassify');
    await visible(l1.getByText('Nothing for you to do on this ticket now.'));
  });

  step('the incident manager reclassifies it as a request for change', async () => {
    manager = await person('manager@helpdesk.example');
    await openFromQueue(manager);
    await inState(manager, 'Escalated, to reclassify');
    await fire(manager, 'Request for change', {
      fill: async (dialog) => {
        await dialog.getByLabel('Complexity').selectOption({ label: 'Medium' });
        await dialog.getByLabel('Criticality').selectOption({ label: 'High' });
        // Filled in from the topic the customer chose, shown by its title.
        const category = dialog.getByRole('combobox', { name: 'Category' });
        assert.equal(await category.inputValue(), 'product');
        assert.equal(await category.locator('option:checked').innerText(), 'Product problem');
        await dialog.getByLabel('Planned effort (hours)').fill('6.5');
        const date = dialog.getByLabel('Expected resolution date');
        assert.equal(await date.getAttribute('placeholder'), 'DD/MM/YYYY');
        const due = dateAhead(30);
        await date.fill(due.typed);
        await visible(dialog.getByText(due.words, { exact: false }));
        await screenshot(manager, 'staff-ticket-transition-dialog', { fullPage: false });
      },
    });
    await inState(manager, 'Request for change at the RfC board');
    const history = manager.getByRole('region', { name: 'History' });
    await visible(
      history.getByText('“Request for change”: now “Request for change at the RfC board”'),
    );
    await visible(history.getByText('“Complexity”: Medium'));
    await visible(history.getByText('“Planned effort (hours)”: 6.5'));

    // A change of process state alone sends the customer no live event
    // (only status changes, replies and the like), so the customer refreshes.
    await customer.getByRole('button', { name: 'Refresh' }).click();
    await inState(customer, 'Change request under review');
  });

  step('two RfC board members approve it', async () => {
    for (const [email, votes] of [
      ['board@helpdesk.example', 1],
      ['board2@helpdesk.example', 2],
    ]) {
      const member = await person(email);
      await openFromQueue(member);
      await inState(member, 'Request for change at the RfC board');
      await visible(member.getByText('Approve the change, or reject it', { exact: false }));
      await fire(member, 'Approve the change');
      await visible(member.getByText('Nothing for you to do on this ticket now.'));
      const approvals = member
        .getByRole('region', { name: 'History' })
        .getByRole('listitem')
        .filter({ hasText: 'Voted to approve' });
      await visible(approvals.nth(votes - 1));
    }
  });

  step('the incident manager, still on the ticket, gives it to a developer by name', async () => {
    // The manager's page followed the votes live.
    await inState(manager, 'Change approved, to route');
    await fire(manager, 'Give to a developer', {
      fill: async (dialog) => {
        const picker = dialog.getByRole('combobox', { name: 'Developer' });
        await picker.click();
        const list = dialog.getByRole('listbox');
        await visible(list.getByRole('option', { name: /Dmitri Volkov/ }));
        await visible(list.getByRole('option', { name: /Daria Developer/ }));
        await picker.pressSequentially('Dar');
        await gone(list.getByRole('option', { name: /Dmitri Volkov/ }));
        await screenshot(manager, 'staff-person-picker', { fullPage: false });
        await list.getByRole('option', { name: /Daria Developer/ }).click();
        assert.equal(await picker.inputValue(), 'Daria Developer');
      },
    });
    await inState(manager, 'Change in development');
    await visible(manager.getByRole('region', { name: 'Details' }).getByText('Daria Developer'));
    const history = manager.getByRole('region', { name: 'History' });
    await visible(history.getByText('“Developer”: Daria Developer'));
    await visible(history.getByText('Assigned to Daria Developer'));

    await customer.getByRole('button', { name: 'Refresh' }).click();
    await inState(customer, 'Change in development');
  });

  step('the developer submits the change for testing', async () => {
    const developer = await person('dev@helpdesk.example');
    await openFromQueue(developer);
    await inState(developer, 'Change in development');
    await visible(developer.getByText('Implement the change and describe it for the tester.'));
    await fire(developer, 'Change ready for verification', {
      fill: async (dialog) => {
        await dialog.getByLabel('Answer or resolution').fill(RESOLUTION);
      },
    });
    await inState(developer, 'Change to verify');
  });

  step('the tester verifies it, and the ticket leaves the tester’s queue', async () => {
    const tester = await person('tester@helpdesk.example');
    await openFromQueue(tester);
    await inState(tester, 'Change to verify');
    await visible(tester.getByText(RESOLUTION));
    await fire(tester, 'Change verified');
    await visible(
      tester.getByText('The ticket has moved on and is no longer in your queue.', { exact: false }),
    );
    await visible(tester.getByRole('heading', { name: 'Queue', level: 1 }));
  });

  step('the IT operator deploys it and the incident manager closes it', async () => {
    const operator = await person('itops@helpdesk.example');
    await openFromQueue(operator);
    await inState(operator, 'Change verified, to deploy');
    await visible(operator.getByText('Deploy the verified change to production.'));
    await fire(operator, 'Deployed');
    await inState(operator, 'Change deployed');

    await inState(manager, 'Change deployed');
    await visible(manager.getByText('Close the ticket once the deployment is confirmed.'));
    await fire(manager, 'Close');
    await visible((await inState(manager, 'Closed')).getByText('(final)'));
    const lines = await texts(
      manager.getByRole('region', { name: 'History' }).getByRole('listitem'),
    );
    assert.ok(lines.length >= 10, lines.join('\n'));
    // People read as names, never as "User 12"; states, transitions, fields
    // and options in words, never as ids (technical_question), including
    // fields that only actions set, such as “L1 classification”.
    for (const line of lines) assert.doesNotMatch(line, RAW_ID, `staff history: ${line}`);
    await screenshot(manager, 'staff-ticket-closed');
  });

  step(
    'the customer reads the answer, state and history in words and leaves feedback',
    async () => {
      // The page kept itself current: deploying and closing changed the status.
      const card = await inState(customer, 'Closed');
      await visible(
        card.getByText('The ticket is closed. You may reopen it within 14 days', { exact: false }),
      );
      await visible(customer.locator('.badges').getByText('Closed', { exact: true }));
      const answer = customer.locator('article.message.from-staff');
      await visible(answer.getByText('is now deployed', { exact: false }));
      await visible(answer.getByText(RESOLUTION, { exact: false }));
      await visible(answer.getByText('Support', { exact: true }));
      assert.equal(await customer.getByText(ESCALATION_NOTE).count(), 0, 'notes stay internal');

      const history = customer.getByRole('region', { name: 'History' });
      await visible(history.getByText('Ticket created'));
      await visible(history.getByText(`File attached: ${SCREENSHOT_NAME}`));
      await visible(history.getByText('Status changed: “Resolved” → “Closed”'));
      const lines = await texts(history.getByRole('listitem'));
      for (const line of lines) assert.doesNotMatch(line, RAW_ID, `customer history: ${line}`);
      assert.ok(
        lines.some((line) => /\bSupport\b/.test(line)),
        `support's steps read as "Support":\n${lines.join('\n')}`,
      );

      await customer.getByRole('button', { name: 'Leave feedback on this ticket' }).click();
      await visible(
        customer.getByRole('group', { name: 'How satisfied are you with this ticket?' }),
      );
      await customer.getByRole('radio', { name: /Excellent/ }).check();
      await customer.locator('.feedback-form').getByLabel('Comment').fill('Works now, thank you.');
      await customer.getByRole('button', { name: 'Send feedback' }).click();
      await visible(customer.getByText('Thank you for your feedback.'));
      await visible(history.getByText('Feedback: 5 of 5'));
      await screenshot(customer, 'customer-ticket-closed');

      await customer.getByRole('link', { name: '← All my tickets' }).click();
      await visible(customer.getByRole('heading', { name: 'My tickets', level: 1 }));
      const listed = customer
        .getByRole('row')
        .filter({ has: customer.getByRole('link', { name: SUBJECT, exact: true }) });
      await visible(listed.getByText('Closed', { exact: true }));
      await visible(listed.getByText(ticketNumber, { exact: true }));
      await screenshot(customer, 'customer-list');
    },
  );

  step('a colleague opening the closed ticket later reads its history in words', async () => {
    // A fresh browser context: it has been offered none of the ticket's
    // transitions and listed none of its states, so every word comes with
    // the history itself.
    const colleague = await env.openPage();
    try {
      await signIn(colleague, 'manager@helpdesk.example');
      await openFromQueue(colleague, { status: 'closed' });
      await inState(colleague, 'Closed');
      const history = colleague.getByRole('region', { name: 'History', exact: true });
      await visible(
        history.getByText('“Request for change”: now “Request for change at the RfC board”'),
      );
      await visible(history.getByText('“Complexity”: Medium'));
      await visible(history.getByText('“Developer”: Daria Developer'));
      const lines = await texts(history.getByRole('listitem'));
      const raw = lines.filter(
        (line) =>
          RAW_ID.test(line) ||
          /“(Take technical|Escalate|Classify rfc|Approve change|Submit change)”/.test(line),
      );
      assert.deepEqual(raw, [], 'history lines showing process ids');
    } finally {
      await colleague.context().close();
    }
  });

  step('no page threw an uncaught error', async () => {
    for (const page of env.pages) assertNoPageErrors(page);
  });
});
