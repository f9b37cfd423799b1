// Text fields on a phone: a tap on the canvas field focuses the hidden textarea (which is what
// opens the keyboard), and everything a person does there — typing, Backspace, moving the
// caret with the arrows or by tapping, IME composition, paste — shows in the field, cleaned,
// composed (NFC) and cut as a report needs it. Tapping elsewhere, or Escape twice, leaves the field. The
// reply screen's code field is used: it is one tap from the start screen.
import { assert, describe, find, openApp, screenshot, tap } from './lib.mjs';

const field = async (page, id = 'field.reply_code') => (await find(page, (w) => w.id === id, id)).widget;
const focusedElement = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

// Waits until the field shows `value` (the page hands edits over; the app draws next frame).
async function expectValue(page, value, what) {
  let last;
  for (let i = 0; i < 100; i++) {
    last = (await field(page)).value;
    if (last === value) return;
    await page.waitForTimeout(30);
  }
  throw new Error(`${what}: the field shows ${JSON.stringify(last)}, expected ${JSON.stringify(value)}`);
}

async function openReplyField(context, server) {
  const { page, errors } = await openApp(context, server);
  await tap(page, 'start.reply');
  await find(page, (w) => w.id === 'field.reply_code', 'the code field');
  const before = await field(page);
  assert(!before.focused, 'the field has the focus before it was tapped');
  await tap(page, 'field.reply_code');
  return { page, errors };
}

export async function run(t, { context, server }) {
  await t.test('tapping a field gives the keyboard to the textarea; typing, Backspace and arrows edit it', async () => {
    const { page, errors } = await openReplyField(context, server);
    assert((await focusedElement(page)) === 'text-bridge', `focus is on ${await focusedElement(page)}, not the textarea`);
    assert((await field(page)).focused, 'the field does not show the focus');
    await page.keyboard.type('7kq2 m9xd');
    await expectValue(page, '7kq2 m9xd', 'typed');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expectValue(page, '7kq2 m9', 'after two Backspaces');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('X');
    await expectValue(page, '7kq2X m9', 'typed after moving the caret three left');
    await screenshot(page, 'text-input-typed');
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await page.close();
  });

  await t.test('IME composition shows while composing and is replaced by what is committed', async () => {
    const { page } = await openReplyField(context, server);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
    await expectValue(page, 'ni', 'while composing');
    await cdp.send('Input.insertText', { text: '你' });
    await expectValue(page, '你', 'after the commit');
    await cdp.send('Input.imeSetComposition', { text: 'hao', selectionStart: 3, selectionEnd: 3 });
    await expectValue(page, '你hao', 'composing after committed text');
    await cdp.send('Input.insertText', { text: '好' });
    await expectValue(page, '你好', 'second commit');
    await cdp.detach();
    await page.close();
  });

  await t.test('decomposed letters become composed (NFC), the caret stays after them', async () => {
    const { page } = await openReplyField(context, server);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.insertText', { text: 'Vie\u0302\u0323t' });  // a keyboard sending marks apart
    await expectValue(page, 'Vi\u1EC7t', 'after the decomposed word');
    await page.keyboard.type('!');
    await expectValue(page, 'Vi\u1EC7t!', 'typed after it');
    await cdp.detach();
    await page.close();
  });

  await t.test('paste goes through the clipboard; control characters are dropped and CR LF becomes LF', async () => {
    const { page } = await openReplyField(context, server);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.evaluate(() => navigator.clipboard.writeText('ab\r\ncd\u0001ef'));
    await page.keyboard.press('Control+V');
    await expectValue(page, 'ab\ncdef', 'pasted');
    const textarea = await page.evaluate(() => document.getElementById('text-bridge').value);
    assert(textarea === 'ab\ncdef', `the textarea holds ${JSON.stringify(textarea)}, not what the field shows`);
    await page.close();
  });

  await t.test('a field keeps at most its limit, and the textarea is cut to match', async () => {
    const { page } = await openReplyField(context, server);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.insertText', { text: 'A'.repeat(40) });
    await expectValue(page, 'A'.repeat(28), 'after inserting 40 characters into a 28-character field');
    const textarea = await page.evaluate(() => document.getElementById('text-bridge').value);
    assert(textarea.length === 28, `the textarea still holds ${textarea.length} characters`);
    await page.keyboard.type('B');
    await expectValue(page, 'A'.repeat(28), 'typing at the limit');
    await cdp.detach();
    await page.close();
  });

  await t.test('tapping inside the field places the caret there; tapping elsewhere leaves the field', async () => {
    const { page } = await openReplyField(context, server);
    await page.keyboard.type('abc');
    await expectValue(page, 'abc', 'typed');
    const w = await field(page);
    const [x, y, , h] = w.rect;
    await page.touchscreen.tap(x + 17, y + h / 2);  // just inside the padding: before "a"
    await page.waitForTimeout(100);
    await page.keyboard.type('Z');
    await expectValue(page, 'Zabc', 'typed after tapping before the first letter');
    const heading = (await find(page, (v) => v.id === 'reply.title', 'the heading')).widget;
    await page.touchscreen.tap(heading.rect[0] + 10, heading.rect[1] + heading.rect[3] / 2);
    await page.waitForFunction(() => document.activeElement?.id !== 'text-bridge');
    const after = await field(page);
    assert(!after.focused, 'the field still shows the focus after a tap elsewhere');
    assert(after.value === 'Zabc', `leaving the field changed it to ${JSON.stringify(after.value)}`);
    const desc = await describe(page);
    assert(desc.screen === 'reply', `a tap on the heading changed the screen to ${desc.screen}`);
    await page.close();
  });
}
