// The app in Russian for people whose browser speaks Russian (no language
// chosen in their profile): the forms, the lists, the ticket page, the
// transition dialogs with Russian number and date notation, and the
// process's states and instructions as the server words them in Russian.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uniqueEmail } from './server.mjs';
import {
  TEST_TIMEOUT_MS,
  assertNoPageErrors,
  dateAhead,
  fire,
  inState,
  keepingEvidence,
  screenshot,
  signIn,
  texts,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const SUBJECT = 'Не приходит письмо с подтверждением заказа';
const RU = { locale: 'ru-RU', timezoneId: 'Europe/Moscow' };

describe('Russian interface for a Russian browser', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  const openRu = () => env.openPage(RU);

  it('speaks Russian on the forms, lists, ticket pages and process states', () =>
    keepingEvidence('russian', env.pages, async () => {
      // ---- sign-up and the empty list ----
      const customer = await openRu();
      await customer.goto('/#/register');
      await visible(customer.getByRole('heading', { name: 'Регистрация', level: 1 }));
      assert.equal(await customer.getAttribute('html', 'lang'), 'ru');
      await customer.getByLabel('Ваше имя').fill('Ирина Соколова');
      await customer.getByLabel('Электронная почта').fill(uniqueEmail('ru'));
      await customer.getByLabel('Пароль').fill('верный конь батарейка');
      await customer.getByRole('button', { name: 'Зарегистрироваться' }).click();
      await visible(customer.getByRole('heading', { name: 'Мои обращения', level: 1 }));
      await visible(customer.getByText('Вы ещё не обращались в поддержку.'));
      await visible(customer.getByRole('button', { name: 'Выйти' }));
      await visible(customer.getByRole('navigation').getByRole('link', { name: 'Настройки' }));

      // ---- the new-ticket form, its own checks in Russian ----
      await customer.getByRole('link', { name: 'Создать первое обращение' }).click();
      await visible(customer.getByRole('heading', { name: 'Новое обращение', level: 1 }));
      await customer.getByRole('button', { name: 'Отправить в поддержку' }).click();
      await visible(customer.getByText('Укажите тему обращения.'));
      await visible(customer.getByText('Опишите проблему.', { exact: true }));
      await visible(customer.getByText('Помогите нам ответить быстрее'));
      await customer.getByLabel('Тема').fill(SUBJECT);
      await customer.getByLabel('Опишите проблему').fill('После оплаты письмо не приходит.');
      await customer
        .getByLabel('Шаги, которые привели к проблеме')
        .fill('1. Оформить заказ\n2. Оплатить картой');
      await customer.getByLabel('Что вы ожидали увидеть?').fill('Письмо с номером заказа.');
      await customer.getByLabel('Что произошло на самом деле?').fill('Письма нет даже в спаме.');
      await screenshot(customer, 'ru-new-ticket');
      await customer.getByRole('button', { name: 'Отправить в поддержку' }).click();

      // ---- the ticket page ----
      await visible(customer.getByRole('heading', { name: SUBJECT, level: 1 }));
      for (const heading of ['Переписка', 'Сведения', 'Процесс', 'Действия', 'История']) {
        await visible(customer.getByRole('heading', { name: heading, level: 2 }));
      }
      await visible(customer.getByRole('region', { name: 'Что вы нам сообщили' }));
      const processCard = await inState(customer, 'Получено, ждёт оператора', { language: 'ru' });
      await visible(
        processCard.getByText(
          'Ваше обращение зарегистрировано. Оператор ответит Вам в ближайшее время.',
        ),
      );
      assert.deepEqual(
        await texts(
          processCard.getByRole('group', { name: 'Доступные вам шаги' }).getByRole('button'),
        ),
        ['Отозвать обращение'],
      );
      await visible(customer.locator('.badges').getByText('Новое', { exact: true }));
      const deadline = (await customer.locator('[data-deadline]').innerText()).trim();
      assert.match(deadline, /^Ответим до \S/, `the deadline in Russian words: ${deadline}`);
      await visible(
        customer.getByRole('region', { name: 'История' }).getByText('Обращение создано'),
      );
      await visible(customer.getByRole('button', { name: 'Оставить отзыв об обращении' }));
      await screenshot(customer, 'ru-customer-ticket');

      // ---- L1 in Russian: queue, dialogs, required field ----
      const l1 = await openRu();
      // The queue of the tickets waiting for classification: the new one among few.
      await signIn(l1, 'l1@helpdesk.example', {
        language: 'ru',
        path: '/queue?queue=state%3Al1_new&sort=due',
      });
      await visible(l1.getByRole('heading', { name: 'Новое, ждёт классификации', level: 1 }));
      const row = l1
        .getByRole('row')
        .filter({ has: l1.getByRole('link', { name: SUBJECT, exact: true }) });
      await visible(row.getByText('Новое, ждёт классификации'));
      for (const name of ['Номер', 'Тема', 'Статус', 'Критичность', 'Срок', 'Исполнитель']) {
        await visible(l1.getByRole('columnheader', { name: new RegExp(`^${name}`) }));
      }
      await visible(row.getByText('Не назначено'));
      await screenshot(l1, 'ru-staff-queue');
      await row.getByRole('link', { name: SUBJECT, exact: true }).click();
      await visible(l1.getByRole('heading', { name: SUBJECT, level: 1 }));
      await visible(l1.getByRole('heading', { name: 'Сроки (SLA)', level: 2 }));
      await inState(l1, 'Новое, ждёт классификации', { language: 'ru' });
      await visible(l1.getByText('Прочитайте обращение и классифицируйте его', { exact: false }));
      // A canned reply: its title in the operator's Russian, its text in the customer's.
      await l1.getByRole('button', { name: 'Шаблон ответа', exact: true }).click();
      await l1
        .getByRole('group', { name: 'Шаблоны ответов' })
        .getByRole('button', { name: 'Запросить сведения у клиента' })
        .click();
      const replyBox = l1.getByRole('textbox', { name: 'Ответ', exact: true });
      const number = (await l1.getByRole('heading', { level: 1 }).innerText()).match(/#(\d+)/);
      assert.ok(number, 'the ticket number in the heading');
      assert.match(
        await replyBox.inputValue(),
        new RegExp(`^Чтобы продолжить работу по обращению № ${number[1]}, нам нужны`),
      );
      await replyBox.fill('');
      await fire(l1, 'Технический вопрос', { language: 'ru' });
      await inState(l1, 'Технический вопрос на L1', { language: 'ru' });
      await fire(l1, 'Передать менеджеру инцидентов', {
        language: 'ru',
        fill: async (dialog) => {
          await dialog
            .locator('form')
            .getByRole('button', { name: 'Передать менеджеру инцидентов' })
            .click();
          await visible(dialog.getByText('Заполните это поле.'));
          await dialog
            .getByLabel('Почему L1 не может решить вопрос')
            .fill('Письма не уходят с почтового сервера.');
          await visible(
            dialog.getByText('Сохранится в обращении для коллег; клиент её не увидит.'),
          );
        },
      });
      await inState(l1, 'Эскалировано, ждёт переклассификации', { language: 'ru' });
      await visible(l1.getByText('Сейчас от вас по этому обращению ничего не требуется.'));

      // ---- the incident manager: Russian number and date notation ----
      const manager = await openRu();
      await signIn(manager, 'manager@helpdesk.example', {
        language: 'ru',
        path: '/queue?queue=state%3Aim_triage&sort=due',
      });
      await manager
        .getByRole('row')
        .filter({ has: manager.getByRole('link', { name: SUBJECT, exact: true }) })
        .getByRole('link', { name: SUBJECT, exact: true })
        .click();
      await inState(manager, 'Эскалировано, ждёт переклассификации', { language: 'ru' });
      const due = dateAhead(40, { language: 'ru' });
      await fire(manager, 'Запрос на изменение', {
        language: 'ru',
        fill: async (dialog) => {
          await dialog.getByLabel('Сложность').selectOption({ label: 'Средняя' });
          await dialog.getByLabel('Критичность').selectOption({ label: 'Высокая' });
          // Categories are chosen by their titles, which the server words in Russian.
          await dialog.getByRole('combobox', { name: 'Категория' }).selectOption({
            label: 'Проблема в продукте',
          });
          await dialog.getByLabel('Плановые трудозатраты (часы)').fill('4,5');
          const date = dialog.getByLabel('Ожидаемая дата решения');
          assert.equal(await date.getAttribute('placeholder'), 'ДД.ММ.ГГГГ');
          await visible(dialog.getByText('Формат: ДД.ММ.ГГГГ'));
          await date.fill('31.02.2027');
          await dialog.locator('form').getByRole('button', { name: 'Запрос на изменение' }).click();
          await visible(dialog.getByText('Введите дату в виде ДД.ММ.ГГГГ.'));
          await date.fill(due.typed);
          await visible(dialog.getByText(due.words, { exact: false }));
          await screenshot(manager, 'ru-staff-transition-dialog', { fullPage: false });
        },
      });
      await inState(manager, 'Запрос на изменение в совете по изменениям', { language: 'ru' });
      const history = manager.getByRole('region', { name: 'История' });
      await visible(
        history.getByText(
          '«Запрос на изменение»: теперь «Запрос на изменение в совете по изменениям»',
        ),
      );
      await visible(history.getByText('«Сложность»: Средняя'));

      // ---- the customer sees the new state in Russian ----
      await customer.getByRole('button', { name: 'Обновить' }).click();
      await inState(customer, 'Запрос на изменение рассматривается', { language: 'ru' });
      await visible(customer.locator('.badges').getByText('В работе', { exact: true }));
      await visible(
        customer
          .getByRole('region', { name: 'История' })
          .getByText('Статус изменён: «Новое» → «В работе»'),
      );
      await customer.getByRole('link', { name: '← Все мои обращения' }).click();
      await visible(customer.getByRole('heading', { name: 'Мои обращения', level: 1 }));
      await visible(customer.getByText('1 обращение', { exact: true }));
      const listed = customer
        .getByRole('row')
        .filter({ has: customer.getByRole('link', { name: SUBJECT, exact: true }) });
      await visible(listed.getByText('В работе', { exact: true }));
      await screenshot(customer, 'ru-customer-list');

      // ---- settings ----
      await customer.getByRole('navigation').getByRole('link', { name: 'Настройки' }).click();
      await visible(customer.getByRole('heading', { name: 'Настройки', level: 1 }));
      const language = customer.getByLabel('Язык');
      await visible(language);
      const languages = (await language.locator('option').allTextContents()).map((o) => o.trim());
      assert.ok(languages.includes('Русский'), languages.join(', '));
      assert.ok(
        languages.some((o) => o.startsWith('Как в браузере')),
        languages.join(', '),
      );
      await visible(customer.getByText('Присылать письма'));
      await visible(customer.getByRole('button', { name: 'Сохранить настройки' }));
      // The customer's support level (GET /me), its target in Russian words.
      const level = customer.getByRole('region', { name: 'Ваш уровень поддержки' });
      await visible(level.getByText('Некоммерческий', { exact: true }));
      await visible(level.getByText('нет действующей лицензии', { exact: false }));
      const first = level.getByRole('row', { name: /Первый ответ/ });
      await visible(first.getByRole('cell', { name: '24 ч', exact: true }));
      const grants = level.getByRole('table', {
        name: 'Что делает поддержка на уровне «Некоммерческий»',
      });
      const phone = grants.getByRole('row', { name: /^поддержка по телефону и в мессенджерах/ });
      await visible(phone.getByText('Нет', { exact: true }));
      const product = grants.getByRole('row', { name: /^помощь с проблемами продукта/ });
      await visible(product.getByText('С ограничениями', { exact: true }));
      await visible(
        product.getByText('только если проблема воспроизводится на коммерческой версии', {
          exact: true,
        }),
      );
      await visible(
        first.getByText(
          'в рабочее время: с 10:00 до 19:00 по Москве, с понедельника по пятницу, по производственному календарю РФ',
        ),
      );
      const coupons = customer.getByRole('region', { name: 'Купоны на спецобращение' });
      await visible(coupons.getByText('У вас нет купонов на спецобращение.', { exact: false }));
      await visible(
        coupons.getByText(
          'Обращение с купоном — спецобращение: оно обслуживается на уровне «Спецобращение» круглосуточно, без выходных: первый ответ — в течение 1 ч.',
        ),
      );
      await screenshot(customer, 'ru-settings');

      for (const page of env.pages) assertNoPageErrors(page);
    }));
});
